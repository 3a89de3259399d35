// Origins that survive values: C computes a number from bytes of a Rust Vec
// whose length was set without writing them (Vec::with_capacity + set_len),
// returns it, and Rust branches on the result.  On the way the value sits in
// registers that a callee pushes and pops (undefined bits loaded from the
// stack), on the stack (spilled and reloaded), or passes through two C
// returns; the report must still name the Vec's block and its crossing.
//   sum:    C sums the bytes (un_origins_c.c, -O2, accumulators live across
//           a call that saves and restores them)
//   spill:  C sums them, keeps the sum in a stack slot across a call, reloads
//   twice:  the sum passes through two C function returns
//   fixed:  (with any of the above) Rust writes the bytes first -> clean
//   -> UninitRead: Rust code's conditional jump depends on uninitialised
//      bytes of a Rust-allocated block (__rust_alloc, 256 bytes, align 1)
//      in un_origins::decide; allocated at Vec::with_capacity in main,
//      handed to C at the C call
extern "C" {
    // un_origins_c.c
    fn uno_sum(buf: *const u8, len: usize) -> u64;
    fn uno_sum_spilled(buf: *const u8, len: usize) -> u64;
    fn uno_sum_twice(buf: *const u8, len: usize) -> u64;
}

#[inline(never)]
fn decide(n: u64) -> &'static str {
    if n % 3 == 0 {   // the conditional jump on C's result
        "multiple of three"
    } else {
        "not a multiple of three"
    }
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let fixed = std::env::args().nth(2).as_deref() == Some("fixed");
    let mut v: Vec<u8> = Vec::with_capacity(256);
    assert_eq!(v.capacity(), 256);
    let p = v.as_mut_ptr();
    unsafe {
        if fixed {
            for i in 0..256 {
                p.add(i).write((i * 7 % 251) as u8);
            }
        }
        // bug: without `fixed`, the 256 bytes were never written
        v.set_len(256);
    }
    let n = unsafe {
        match mode.as_str() {
            "sum" => uno_sum(v.as_ptr(), v.len()),
            "spill" => uno_sum_spilled(v.as_ptr(), v.len()),
            "twice" => uno_sum_twice(v.as_ptr(), v.len()),
            _ => panic!("usage: un_origins sum|spill|twice [fixed]"),
        }
    };
    let what = decide(n);
    if fixed {
        println!("{}: {} ({})", mode, n, what);
    } else {
        println!("{}: decided", mode);
    }
}
