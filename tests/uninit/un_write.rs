// A system call writing uninitialised bytes to a file.
// A Vec::with_capacity(64) + set_len(64) of which only 10 bytes were written.
//   bug:        C write()s the 64 bytes to a temporary file
//               -> UninitRead: system call write(buf) (called by C code)
//                  reads uninitialised bytes of a Rust-allocated block
//                  (__rust_alloc, 64 bytes) handed to C (at the call of
//                  unw_write_file)
//   fixed:      all 64 bytes written first -> clean
//   rust_bug:   Rust's std::fs::File::write_all writes the 64 bytes
//               -> UninitRead by the system call write(buf) (called by Rust
//                  code) on the Rust block; no boundary involved, so shown
//                  with --report=all
//   rust_fixed: all 64 written, Rust writes them -> clean
// Files are created in /tmp and removed.
use std::io::Write;

extern "C" {
    // un_write_c.c
    fn unw_write_file(buf: *const u8, len: usize) -> i32;
}

fn make_buf(complete: bool) -> Vec<u8> {
    let mut v: Vec<u8> = Vec::with_capacity(64);
    assert_eq!(v.capacity(), 64);
    let n = if complete { 64 } else { 10 };
    for i in 0..n {
        v.push(b'0' + (i % 10) as u8);
    }
    unsafe { v.set_len(64) }; // bug (when not complete): 54 bytes never written
    v
}

fn rust_write(buf: &[u8]) -> std::io::Result<()> {
    let path = format!("/tmp/ffican-uninit-{}.bin", std::process::id());
    let result = std::fs::File::create(&path).and_then(|mut f| f.write_all(buf));
    let _ = std::fs::remove_file(&path);
    result
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    match mode.as_str() {
        "bug" | "fixed" => {
            let v = make_buf(mode == "fixed");
            let r = unsafe { unw_write_file(v.as_ptr(), v.len()) };
            println!("c write: {}", r);
        }
        "rust_bug" | "rust_fixed" => {
            let v = make_buf(mode == "rust_fixed");
            println!("rust write: {}", rust_write(&v).is_ok());
        }
        _ => panic!("unknown mode {}", mode),
    }
}
