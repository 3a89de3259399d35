// SPDX-License-Identifier: GPL-2.0-or-later
// bdfake_sys: a -sys crate with Rust functions of its own (as libgit2-sys
// has), so its crate name shows in the program's symbols.  Its `lend`
// gives C a Rust block that C's bd_release frees with free(): the kind of
// thing a binding's suppression file would name (bdfake-sys.supp, written
// by the test).
extern "C" {
    fn bd_release(p: *mut u8);
}

#[inline(never)]
pub fn lend_and_release() {
    let b = Box::new([7u8; 24]);
    unsafe { bd_release(Box::into_raw(b) as *mut u8) }
}
