// SPDX-License-Identifier: GPL-2.0-or-later
// A failing test without any memory error: cargo's own failure status.
#[test]
fn wrong_length() {
    assert_eq!(ffi_demo::length_lending("hello"), 6);
}
