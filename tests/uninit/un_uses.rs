// The other uses of uninitialised bytes: an address computed from them and
// a conditional move. A Vec::with_capacity(16) + set_len(16) handed to C
// (built with -O2).
//   addr:  nothing written; C indexes a table with byte 3
//          -> UninitRead: C code's load address depends on uninitialised
//             bytes of a Rust-allocated block (__rust_alloc, 16 bytes)
//             handed to C (at the call of unu_lookup), in unu_lookup
//   cmov:  nothing written; C selects between two values on byte 5 with a
//          conditional move (cmov)
//          -> UninitRead: C code's conditional move depends on
//             uninitialised bytes of the same kind of block, in unu_select
//             (Memcheck propagates through a cmov instead of reporting it)
//   sysarg: nothing written; C passes bytes 8..16 as the offset argument of
//          lseek(-1, offset, SEEK_CUR) (which fails with EBADF)
//          -> UninitRead: system call lseek(offset) (called by C code) with
//             an uninitialised argument from the same kind of block, in
//             unu_seek
//   fixed: all 16 bytes written, all three calls made -> clean
extern "C" {
    // un_uses_c.c
    fn unu_lookup(b: *const u8) -> u32;
    fn unu_select(b: *const u8, x: u32, y: u32) -> u32;
    fn unu_seek(b: *const u8) -> i64;
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let mut v: Vec<u8> = Vec::with_capacity(16);
    assert_eq!(v.capacity(), 16);
    unsafe {
        if mode == "fixed" {
            for i in 0..16 {
                v.as_mut_ptr().add(i).write((i * 20 % 256) as u8);
            }
        }
        v.set_len(16); // bug (unless fixed): nothing written
    }
    let (a, s) = match mode.as_str() {
        "addr" => (unsafe { unu_lookup(v.as_ptr()) }, 0),
        "cmov" => (0, unsafe { unu_select(v.as_ptr(), 7, 9) }),
        "sysarg" => (unsafe { unu_seek(v.as_ptr()) } as u32, 0),
        "fixed" => unsafe {
            let r = unu_seek(v.as_ptr());
            assert_eq!(r, -1);
            (unu_lookup(v.as_ptr()), unu_select(v.as_ptr(), 7, 9))
        },
        _ => panic!("unknown mode {}", mode),
    };
    std::hint::black_box((a, s));
    if mode == "fixed" {
        println!("lookup {} select {}", a, s);
    } else {
        println!("done");
    }
}
