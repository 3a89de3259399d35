// Four Rust threads allocating and releasing concurrently, lending blocks to
// C which gives them back through a Rust callback.
//   clean: nothing to report
//   bug:   additionally, each thread lets C free() one Box
//          -> ForeignFree four times from one place: one context
use std::thread;

#[repr(C)]
pub struct Item {
    thread: u64,
    seq: u64,
}

extern "C" {
    fn c_roundtrip(it: *mut Item, release: extern "C" fn(*mut Item)) -> u64;
    fn c_drop_item(it: *mut Item);
}

extern "C" fn rust_item_release(it: *mut Item) {
    unsafe { drop(Box::from_raw(it)) }
}

fn work(t: u64, bug: bool) -> u64 {
    let mut total = 0u64;
    let mut keep: Vec<String> = Vec::new();
    for seq in 0..200u64 {
        let it = Box::into_raw(Box::new(Item { thread: t, seq }));
        total += unsafe { c_roundtrip(it, rust_item_release) };
        let mut v: Vec<u64> = Vec::new();
        for k in 0..(seq % 17) {
            v.push(k);
        }
        total += v.iter().sum::<u64>();
        keep.push(format!("{}-{}", t, seq));
        if keep.len() > 8 {
            keep.remove(0);
        }
    }
    if bug {
        let it = Box::into_raw(Box::new(Item { thread: t, seq: 999 }));
        unsafe { c_drop_item(it) };
    }
    total + keep.len() as u64
}

fn main() {
    let bug = std::env::args().nth(1).as_deref() == Some("bug");
    let handles: Vec<_> = (0..4u64)
        .map(|t| thread::spawn(move || work(t, bug)))
        .collect();
    let totals: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    println!("totals {:?}", totals);
}
