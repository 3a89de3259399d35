// Four Rust threads each hand an 8-element Vec to C, which writes one
// element past it: one context, four errors.  fixed: C stays inside.
extern "C" {
    fn c_fill(buf: *mut u32, n: usize);
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    let n = if fixed { 8 } else { 9 };
    let handles: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(move || {
                let mut v: Vec<u32> = Vec::with_capacity(8);
                unsafe {
                    c_fill(v.as_mut_ptr(), n);
                    v.set_len(8);
                }
                v.iter().map(|&x| x as u64).sum::<u64>()
            })
        })
        .collect();
    let total: u64 = handles.into_iter().map(|h| h.join().unwrap()).sum();
    println!("total {}", total);
}
