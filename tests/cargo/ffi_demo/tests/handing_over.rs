// SPDX-License-Identifier: GPL-2.0-or-later
// The bug: C frees a Rust CString (ForeignFree under ffican). The test
// itself passes natively.
#[test]
fn c_frees_rust_string() {
    assert_eq!(ffi_demo::length_handing_over("hello"), 5);
}
