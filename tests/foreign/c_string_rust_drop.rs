// A malloc'd C string taken over by Rust.
//   bug:   CString::from_raw on it, then dropped  -> ForeignFree (C block, __rust_dealloc)
//   fixed: copy it with CStr::from_ptr(..).to_owned(), release it with libc free()
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_void};

extern "C" {
    fn c_make_greeting(who: *const c_char) -> *mut c_char;
    fn free(p: *mut c_void);
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    let who = CString::new("rust").unwrap();
    let raw = unsafe { c_make_greeting(who.as_ptr()) };
    let text: String = if fixed {
        let owned: CString = unsafe { CStr::from_ptr(raw) }.to_owned();
        unsafe { free(raw as *mut c_void) };
        owned.into_string().unwrap()
    } else {
        let taken = unsafe { CString::from_raw(raw) };
        let t = taken.to_str().unwrap().to_string();
        drop(taken);
        t
    };
    println!("{}", text);
}
