// Rust library for c_pthreads.c: labels handed out as C strings.
use std::ffi::CString;
use std::os::raw::c_char;

#[no_mangle]
pub extern "C" fn rs_make_label(thread: u32, seq: u32) -> *mut c_char {
    CString::new(format!("thread {} item {}", thread, seq)).unwrap().into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn rs_free_label(s: *mut c_char) {
    drop(CString::from_raw(s));
}
