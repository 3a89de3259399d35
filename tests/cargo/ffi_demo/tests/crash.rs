// SPDX-License-Identifier: GPL-2.0-or-later
// A test binary that dies of SIGABRT without any memory error.
#[test]
fn aborts() {
    assert_eq!(ffi_demo::length_lending("hi"), 2);
    std::process::abort();
}
