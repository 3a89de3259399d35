// SPDX-License-Identifier: GPL-2.0-or-later
//! ffi_demo: Rust wrappers over the C part in src/c/names.c, one wrong
//! (hands a CString to C, which frees it with free()) and one right
//! (lends the string and keeps ownership in Rust).
use std::ffi::CString;
use std::os::raw::c_char;

extern "C" {
    fn names_length(name: *const c_char) -> usize;
    fn names_consume(name: *mut c_char) -> usize;
}

/// Wrong: the Rust-allocated string is released by C's free().
pub fn length_handing_over(name: &str) -> usize {
    let raw = CString::new(name).unwrap().into_raw();
    unsafe { names_consume(raw) }
}

/// Right: C only borrows the string; Rust drops it.
pub fn length_lending(name: &str) -> usize {
    let owned = CString::new(name).unwrap();
    unsafe { names_length(owned.as_ptr()) }
}
