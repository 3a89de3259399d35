// C reading through a dangling CString::as_ptr() temporary: the CString is
// dropped at the end of the statement that took the pointer.
//   bug:   the temporary's pointer is kept   -> UseAfterFree by C code
//   fixed: the CString is bound to a variable and outlives the call
use std::ffi::CString;
use std::os::raw::c_char;

extern "C" {
    fn c_length(s: *const c_char) -> usize;
}

#[allow(dangling_pointers_from_temporaries)]
fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    if fixed {
        let s = CString::new("hello, world").unwrap();
        let n = unsafe { c_length(s.as_ptr()) };
        println!("length {}", n);
    } else {
        let p = CString::new("hello, world").unwrap().as_ptr();
        let n = unsafe { c_length(p) };
        std::hint::black_box(n);
        println!("length (not printed)");
    }
}
