// SPDX-License-Identifier: GPL-2.0-or-later
// bd_main: uses bdfake_sys (a ForeignFree inside the binding, which the
// test's bdfake-sys.supp names), and with `seeded` makes the same mistake
// in its own code, which no binding file may hide.  It also needs libz
// (zlibVersion), the C library of the shipped libz-sys binding.
use std::ffi::CStr;
use std::os::raw::c_char;

extern "C" {
    fn bd_release(p: *mut u8);
    fn zlibVersion() -> *const c_char;
}

fn main() {
    bdfake_sys::lend_and_release();
    if std::env::args().nth(1).as_deref() == Some("seeded") {
        let mine = Box::new([1u8; 40]);
        unsafe { bd_release(Box::into_raw(mine) as *mut u8) } // the seeded bug
    }
    let v = unsafe { CStr::from_ptr(zlibVersion()) };
    println!("zlib {}", v.to_str().unwrap_or("?").len() > 0);
}
