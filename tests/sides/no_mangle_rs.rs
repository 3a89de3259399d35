// Rust side of no_mangle.c: #[no_mangle] extern "C" functions, which carry
// plain C names but are Rust code (their source file is .rs).
use std::ffi::CString;
use std::os::raw::c_char;

#[no_mangle]
pub extern "C" fn rs_make_name(n: i32) -> *mut c_char {
    CString::new(format!("name-{}", n)).unwrap().into_raw()
}

#[no_mangle]
pub extern "C" fn rs_free_name(p: *mut c_char) {
    unsafe { drop(CString::from_raw(p)) }
}
