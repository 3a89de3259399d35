// Rust library for c_wrong_len.c: byte buffers whose layout the caller
// must give back exactly.
use std::alloc::{alloc, dealloc, Layout};

#[no_mangle]
pub extern "C" fn rs_buffer_new(len: usize) -> *mut u8 {
    Box::into_raw(vec![0u8; len].into_boxed_slice()) as *mut u8
}

#[no_mangle]
pub unsafe extern "C" fn rs_buffer_free(p: *mut u8, len: usize) {
    drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, len)));
}

#[no_mangle]
pub extern "C" fn rs_aligned_new(len: usize) -> *mut u8 {
    unsafe { alloc(Layout::from_size_align(len, 64).unwrap()) }
}

#[no_mangle]
pub unsafe extern "C" fn rs_aligned_free(p: *mut u8, len: usize) {
    dealloc(p, Layout::from_size_align(len, 64).unwrap());
}
