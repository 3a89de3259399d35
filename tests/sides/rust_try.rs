// A pure Rust program: catch_unwind (through rustc's generated, unmangled
// __rust_try) with closures that return nothing, return a value, and
// panic; and std::thread (whose start routine runs the thread's closure
// under catch_unwind too).  No C code of its own: under
// --check-crossing-args=yes ffican must report nothing, because
// __rust_try is Rust's and nothing crosses.
//   args: none
use std::panic;
use std::thread;

#[inline(never)]
fn work(x: u64) -> Result<(), String> {
    if x > 1000 {
        Err(format!("too big: {}", x))
    } else {
        Ok(())
    }
}

#[inline(never)]
fn unit_job(v: &mut Vec<u64>, x: u64) {
    v.push(x * 2);
}

fn main() {
    panic::set_hook(Box::new(|_| {}));
    let mut v = Vec::new();
    let mut ok = 0;
    for i in 0..20u64 {
        // () result: __rust_try's closure (do_call) leaves rax as it was
        if panic::catch_unwind(panic::AssertUnwindSafe(|| unit_job(&mut v, i)))
            .is_ok()
        {
            ok += 1;
        }
        if let Ok(Ok(())) = panic::catch_unwind(|| work(i * 100)) {
            ok += 1;
        }
    }
    let caught = panic::catch_unwind(|| -> u64 { panic!("caught") }).is_err();
    let handles: Vec<_> = (0..3u64)
        .map(|t| thread::spawn(move || (0..100).map(|k| k * t).sum::<u64>()))
        .collect();
    let sums: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let panicked = thread::spawn(|| panic!("in a thread")).join().is_err();
    println!("ok {} of 40, {} pushed, caught {}, sums {:?}, thread panic {}",
             ok, v.len(), caught, sums, panicked);
}
