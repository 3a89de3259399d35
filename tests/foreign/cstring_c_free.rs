// CString::into_raw handed to C.
//   bug:   C frees the string with free()     -> ForeignFree
//   fixed: C returns it to rust_string_free(), which calls CString::from_raw
use std::ffi::CString;
use std::os::raw::{c_char, c_int};

extern "C" {
    fn c_print_and_release(s: *mut c_char, give_back: c_int) -> c_int;
}

#[no_mangle]
pub extern "C" fn rust_string_free(s: *mut c_char) {
    unsafe { drop(CString::from_raw(s)) }
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    let s = CString::new("hello from rust").unwrap();
    let n = unsafe { c_print_and_release(s.into_raw(), fixed as c_int) };
    println!("C saw {} bytes", n);
}
