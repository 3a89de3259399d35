// A Rust cdylib with a C API (sc_lib_main.c calls it): ffican-scan must
// list its exported functions as entry points called from C, with their
// prototypes from Rust's DWARF and a buffer proposal for dst/dst_len.
use std::ffi::CString;
use std::os::raw::c_char;

#[no_mangle]
pub extern "C" fn sc_lib_fill(dst: *mut u8, dst_len: usize) -> usize {
    let s = unsafe { std::slice::from_raw_parts_mut(dst, dst_len) };
    for (i, b) in s.iter_mut().enumerate() {
        *b = i as u8;
    }
    dst_len
}

#[no_mangle]
pub extern "C" fn sc_lib_name() -> *mut c_char {
    CString::new("sclib").unwrap().into_raw()
}

#[no_mangle]
pub extern "C" fn sc_lib_free(name: *mut c_char) {
    if !name.is_null() {
        drop(unsafe { CString::from_raw(name) });
    }
}
