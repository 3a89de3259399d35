// Alignments above 16 MiB (Valgrind's arena serves at most 16 MiB;
// glibc serves any power of two).  Rust's allocator and C's
// aligned_alloc / posix_memalign / memalign are asked for 32 MiB and
// 1 GiB alignments; each block must be aligned, usable, released, and
// the bad requests must fail as natively (EINVAL for a non-power-of-two
// posix_memalign).  Mode "bug": C writes one byte past the end of a
// 32 MiB-aligned Rust block (an OverflowWrite ffican must report);
// "fixed": it writes the last byte.
use std::alloc::{alloc, dealloc, realloc, Layout};

extern "C" {
    fn big_align_c_checks() -> i32;
    fn big_align_c_poke(p: *mut u8, off: usize);
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let c_ok = unsafe { big_align_c_checks() };
    println!("C checks: {}", c_ok);
    let align = 1usize << 25;
    let layout = Layout::from_size_align(100, align).unwrap();
    unsafe {
        let p = alloc(layout);
        assert!(!p.is_null());
        println!("Rust 32 MiB aligned: {}", p as usize % align == 0);
        for i in 0..100 {
            *p.add(i) = i as u8;
        }
        let off = if mode == "bug" { 100 } else { 99 };
        big_align_c_poke(p, off);
        let q = realloc(p, layout, 300);
        println!("realloc kept alignment and bytes: {}",
                 q as usize % align == 0 && *q.add(50) == 50);
        dealloc(q, Layout::from_size_align(300, align).unwrap());
        let z = std::alloc::alloc_zeroed(layout);
        println!("zeroed: {}", (0..100).all(|i| *z.add(i) == 0));
        dealloc(z, layout);
    }
    let v: Vec<Vec<u8>> = (0..4).map(|i| vec![i; 1000]).collect();
    println!("ordinary blocks still fine: {}", v.iter().map(|x| x.len()).sum::<usize>());
}
