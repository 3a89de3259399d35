// Rust library for mixed_clean.c.
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_void};

extern "C" {
    fn free(p: *mut c_void);
}

#[no_mangle]
pub unsafe extern "C" fn rs_upper(s: *const c_char) -> *mut c_char {
    let up = CStr::from_ptr(s).to_string_lossy().to_uppercase();
    CString::new(up).unwrap().into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn rs_string_free(s: *mut c_char) {
    drop(CString::from_raw(s));
}

#[no_mangle]
pub unsafe extern "C" fn rs_consume_c_string(s: *mut c_char) -> usize {
    let copy: CString = CStr::from_ptr(s).to_owned();
    free(s as *mut c_void);
    copy.as_bytes().len()
}

#[no_mangle]
pub unsafe extern "C" fn rs_numbers(n: usize, cap: *mut usize) -> *mut u32 {
    let mut v: Vec<u32> = (0..n as u32).map(|i| i * 11).collect();
    v.reserve(3);
    *cap = v.capacity();
    let mut v = std::mem::ManuallyDrop::new(v);
    v.as_mut_ptr()
}

#[no_mangle]
pub unsafe extern "C" fn rs_numbers_free(p: *mut u32, len: usize, cap: usize) {
    drop(Vec::from_raw_parts(p, len, cap));
}
