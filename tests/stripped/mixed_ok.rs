// A correct Rust/C program, built stripped (-C strip=symbols) and with fat
// LTO: the Rust allocator shims are then invisible or inlined, so ffican
// cannot tell Rust allocations from malloc. It must say so once, naming the
// program, and report no ForeignFree/LayoutMismatch on this correct code.
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_void};

extern "C" {
    fn c_shout(s: *const c_char) -> *mut c_char;
    fn c_keep_and_return(p: *mut u8, release: extern "C" fn(*mut u8, usize), len: usize);
    fn free(p: *mut c_void);
}

extern "C" fn rust_release(p: *mut u8, len: usize) {
    unsafe { drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, len))) }
}

fn main() {
    let mut total = 0usize;
    for i in 0..50 {
        let s = CString::new(format!("item {}", i)).unwrap();
        let loud = unsafe { c_shout(s.as_ptr()) };
        total += unsafe { CStr::from_ptr(loud) }.to_bytes().len();
        unsafe { free(loud as *mut c_void) };

        let buf: Box<[u8]> = vec![i as u8; 48].into_boxed_slice();
        let len = buf.len();
        unsafe { c_keep_and_return(Box::into_raw(buf) as *mut u8, rust_release, len) };

        let mut v: Vec<u64> = Vec::with_capacity(3);
        for k in 0..i {
            v.push(k);
        }
        total += v.len();
    }
    println!("total {}", total);
}
