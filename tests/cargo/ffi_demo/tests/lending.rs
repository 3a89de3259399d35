// SPDX-License-Identifier: GPL-2.0-or-later
// The fixed twin of handing_over.rs: C only borrows; clean under ffican.
#[test]
fn c_borrows_rust_string() {
    assert_eq!(ffi_demo::length_lending("hello"), 5);
}
