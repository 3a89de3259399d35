// A C allocator wrapper that ends in `jmp malloc` (compiled with -O2, as
// OpenSSL's CRYPTO_malloc), called from Rust: its frame is gone when
// malloc runs, but the block is still C's.
//   bug:   Rust releases it with __rust_dealloc -> ForeignFree of a
//          C-allocated block (malloc) by Rust code
//   fixed: Rust releases it through the C wrapper (tc_free, `jmp free`)
//          -> clean
use std::alloc::{dealloc, Layout};

extern "C" {
    fn tc_malloc(n: usize) -> *mut u8;
    fn tc_free(p: *mut u8);
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let p = unsafe { tc_malloc(32) };
    unsafe { p.write_bytes(5, 32) };
    println!("byte {}", unsafe { *p.add(31) });
    if mode == "bug" {
        unsafe { dealloc(p, Layout::from_size_align(32, 1).unwrap()) };
    } else {
        unsafe { tc_free(p) };
    }
}
