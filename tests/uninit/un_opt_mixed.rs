// A Rust Vec with only its first 600 of 1000 bytes written, handed to
// vectorised C loops; Rust built with -C opt-level=3, C with -O3.
//   fixed: C sums and counts the 600 initialised bytes, Rust branches on the
//          results -> clean
//   bug:   Rust passes 640 as the length; C's sum covers 40 uninitialised
//          bytes and Rust branches on it
//          -> UninitRead: Rust code's conditional jump depends on
//             uninitialised bytes of a Rust-allocated block (__rust_alloc,
//             1000 bytes) handed to C (first at the call of unom_fill)
use std::hint::black_box;

extern "C" {
    // un_opt_mixed_c.c
    fn unom_fill(p: *mut u8, n: usize);
    fn unom_sum(p: *const u8, n: usize) -> u32;
    fn unom_count(p: *const u8, n: usize, c: u8) -> usize;
}

#[inline(never)]
fn note(v: u32) {
    black_box(v);
}

fn main() {
    let bug = std::env::args().nth(1).as_deref() == Some("bug");
    let mut v: Vec<u8> = Vec::with_capacity(1000);
    unsafe {
        unom_fill(v.as_mut_ptr(), 600);
        v.set_len(600);
    }
    let n = if bug { 640 } else { v.len() }; // bug: 40 bytes too many
    let total = unsafe { unom_sum(v.as_ptr(), black_box(n)) };
    if total & 1 == 1 {
        note(1);
    }
    if bug {
        println!("summed");
    } else {
        let k = unsafe { unom_count(v.as_ptr(), v.len(), 10) };
        if k > 2 {
            note(2);
        }
        println!("sum {} count {}", total, k);
    }
}
