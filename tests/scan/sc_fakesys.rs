// A stand-in for a -sys crate (crate name scfake_sys): raw bindings to a
// bundled C library (sc_fakesys_c.c), as libz-sys or libsqlite3-sys are.
#![allow(non_camel_case_types)]
pub type sc_size_t = usize;

extern "C" {
    pub fn scfake_copy(dst: *mut u8, dst_len: sc_size_t, src: *const u8,
                       src_len: sc_size_t) -> sc_size_t;
}

pub fn copy_into(dst: &mut [u8], src: &[u8]) -> usize {
    unsafe { scfake_copy(dst.as_mut_ptr(), dst.len(), src.as_ptr(), src.len()) }
}
