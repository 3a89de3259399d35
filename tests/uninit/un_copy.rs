// Uninitialised bytes copied from one block into another before the use:
// the origin is the block where they were never written.
//   bug:   a Vec::with_capacity(32) + set_len(32) with only 8 bytes written
//          is handed to C, which memcpy()s it into a malloc'd buffer of its
//          own (which never leaves C), branches on every byte of the copy,
//          and frees it
//          -> UninitRead: C code's conditional jump depends on uninitialised
//             bytes, in unc2_count_zeros, whose origin is the Rust-allocated
//             block (__rust_alloc, 32 bytes) allocated in main and handed to
//             C at the call of unc2_copy_count: the bytes were never written
//             there; the C copy only carried them (Memcheck's origin is the
//             Rust allocation too). Shown under the default --report=crossing.
//   fixed: all 32 bytes written -> clean
extern "C" {
    // un_copy_c.c
    fn unc2_copy_count(buf: *const u8, len: usize) -> usize;
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    let mut v: Vec<u8> = Vec::with_capacity(32);
    assert_eq!(v.capacity(), 32);
    let n = if fixed { 32 } else { 8 };
    for i in 0..n {
        v.push((i % 3) as u8);
    }
    unsafe { v.set_len(32) }; // bug (unless fixed): 24 bytes never written
    let zeros = unsafe { unc2_copy_count(v.as_ptr(), v.len()) };
    std::hint::black_box(zeros);
    if fixed {
        println!("zeros: {}", zeros);
    } else {
        println!("counted");
    }
}
