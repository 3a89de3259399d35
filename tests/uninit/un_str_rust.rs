// A Rust buffer handed to C as a C string, its terminator missing within
// the written part.
//   bug:   Vec::with_capacity(64) holding "hello world" without a NUL, the
//          other 53 bytes never written (set_len(64)); C strlen()s it and
//          branches on the length
//          -> UninitRead: a conditional jump depending on uninitialised
//             bytes of a Rust-allocated block (__rust_alloc, 64 bytes) handed
//             to C (at the call of unsr_is_long); strlen reads past the 11
//             bytes
//   fixed: "hello world\0" written (rest uninitialised) -> clean
use std::os::raw::{c_char, c_int};

extern "C" {
    // un_str_rust_c.c
    fn unsr_is_long(s: *const c_char) -> c_int;
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    let mut v: Vec<u8> = Vec::with_capacity(64);
    assert_eq!(v.capacity(), 64);
    v.extend_from_slice(b"hello world");
    if fixed {
        v.push(0);
    }
    unsafe { v.set_len(64) }; // bug: the rest is uninitialised
    let long = unsafe { unsr_is_long(v.as_ptr() as *const c_char) };
    std::hint::black_box(long);
    if fixed {
        println!("long: {}", long);
    } else {
        println!("measured");
    }
}
