// Optimised (vectorised) Rust loops over a partially initialised Vec,
// built with -C opt-level=3.
// A Vec::with_capacity(1000) of which only the first 600 bytes are written
// (set_len(600)).
//   fixed: iterator sum, filter().count(), max, position, contains (memchr)
//          and a chunked u32 checksum over the 600 bytes -> clean (also
//          under --report=all)
//   bug:   a slice of 640 bytes over the buffer is summed and the sum
//          branched on -> UninitRead: Rust code's conditional jump depends on
//          uninitialised bytes of a Rust-allocated block (__rust_alloc,
//          1000 bytes), in un_opt_rust::main (shown with --report=all: no
//          boundary involved)
use std::hint::black_box;

#[inline(never)]
fn note(v: u32) {
    black_box(v);
}

#[inline(never)]
fn fill(p: *mut u8, n: usize) {
    for i in 0..n {
        unsafe { p.add(i).write(((i * 7 + 3) % 251) as u8) };
    }
}

#[inline(never)]
fn sum(s: &[u8]) -> u32 {
    s.iter().map(|&b| b as u32).sum()
}

#[inline(never)]
fn count(s: &[u8], c: u8) -> usize {
    s.iter().filter(|&&b| b == c).count()
}

#[inline(never)]
fn xor32(s: &[u8]) -> u32 {
    s.chunks_exact(4)
        .map(|w| u32::from_ne_bytes([w[0], w[1], w[2], w[3]]).wrapping_mul(2654435761))
        .fold(0, |a, b| a ^ b)
}

fn main() {
    let bug = std::env::args().nth(1).as_deref() == Some("bug");
    let mut v: Vec<u8> = Vec::with_capacity(1000);
    fill(v.as_mut_ptr(), 600);
    unsafe { v.set_len(600) };
    if bug {
        // bug: 40 bytes past the initialised part (still inside the block)
        let s = unsafe { std::slice::from_raw_parts(v.as_ptr(), 640) };
        let total = sum(black_box(s));
        if total & 1 == 1 {
            note(1);
        }
        println!("summed");
    } else {
        let s: &[u8] = black_box(&v[..]);
        let total = sum(s);
        let k = count(s, 10);
        let m = *s.iter().max().unwrap();
        let at = s.iter().position(|&b| b == 52);
        let none = s.iter().position(|&b| b == 252);
        let has = s.contains(&250);
        let hasnt = s.contains(&255);
        let x = xor32(s);
        if total & 1 == 1 {
            note(1);
        }
        if k > 2 {
            note(2);
        }
        if x & 1 == 1 {
            note(3);
        }
        println!(
            "sum {} count {} max {} at {:?} none {:?} has {} {} xor {:08x}",
            total, k, m, at, none, has, hasnt, x
        );
    }
}
