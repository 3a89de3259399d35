// A C object whose allocation starts with a hidden header.
//   bug:   Rust frees the payload pointer C gave it with libc free()
//          -> InvalidFree (C free of an address 16 bytes into a C block)
//   fixed: Rust returns it to c_obj_release(), which frees the real start
use std::os::raw::c_void;

extern "C" {
    fn c_obj_new(payload: usize) -> *mut u8;
    fn c_obj_release(obj: *mut u8);
    fn free(p: *mut c_void);
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    let obj = unsafe { c_obj_new(32) };
    unsafe { *obj = 5 };
    println!("obj {}", unsafe { *obj });
    if fixed {
        unsafe { c_obj_release(obj) };
    } else {
        unsafe { free(obj as *mut c_void) };
    }
}
