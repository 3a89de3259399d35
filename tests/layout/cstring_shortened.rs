// A CString lent to C, which edits it in place, then returned to Rust.
//   bug:   C truncates it (writes a NUL early); CString::from_raw finds the
//          length with strlen, so the block is released with a smaller size
//          -> LayoutMismatch (33-byte block released with size 7)
//   fixed: C only changes bytes, never the length
use std::ffi::CString;
use std::os::raw::{c_char, c_int};

extern "C" {
    fn c_edit(s: *mut c_char, truncate: c_int);
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    let s = CString::new("path/to/some/file.txt.backup.old").unwrap();
    let raw = s.into_raw();
    unsafe { c_edit(raw, (!fixed) as c_int) };
    let back = unsafe { CString::from_raw(raw) };
    println!("{}", back.to_str().unwrap());
}
