// C branching on the bytes of a Rust Vec whose length was set without
// writing them (Vec::with_capacity + unsafe set_len).
//   bug:   Vec::with_capacity(64) + set_len(64), nothing written; C counts the
//          spaces in it, a conditional jump on every byte
//          -> UninitRead: C code's conditional jump depends on uninitialised
//             bytes of a Rust-allocated block (__rust_alloc, 64 bytes) handed
//             to C, in unv_count_spaces; allocated at Vec::with_capacity,
//             handed to C at the call of unv_count_spaces
//   fixed: Rust writes all 64 bytes before set_len -> clean
extern "C" {
    // un_vec_spare_c.c
    fn unv_count_spaces(buf: *const u8, len: usize) -> usize;
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let fixed = mode == "fixed";
    // with_capacity(64) of u8 allocates exactly 64 bytes.
    let mut v: Vec<u8> = Vec::with_capacity(64);
    assert_eq!(v.capacity(), 64);
    let p = v.as_mut_ptr();
    unsafe {
        if fixed {
            for i in 0..64 {
                p.add(i).write(if i % 5 == 0 { b' ' } else { b'a' + (i % 26) as u8 });
            }
        }
        // bug: the 64 bytes were never written
        v.set_len(64);
    }
    let n = unsafe { unv_count_spaces(v.as_ptr(), v.len()) };
    std::hint::black_box(n);
    if fixed {
        // The count of uninitialised bytes is not printed (it may differ).
        println!("spaces: {}", n);
    } else {
        println!("counted");
    }
}
