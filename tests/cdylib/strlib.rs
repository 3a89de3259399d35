// A Rust cdylib that hands out strings: callers must give them back to
// strlib_free(), never to C free().
use std::ffi::{CStr, CString};
use std::os::raw::c_char;

#[no_mangle]
pub unsafe extern "C" fn strlib_greeting(name: *const c_char) -> *mut c_char {
    let name = CStr::from_ptr(name).to_string_lossy();
    CString::new(format!("hello, {}!", name)).unwrap().into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn strlib_free(s: *mut c_char) {
    if !s.is_null() {
        drop(CString::from_raw(s));
    }
}
