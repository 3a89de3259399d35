// SPDX-License-Identifier: GPL-2.0-or-later
// zlib_user: compresses and restores a buffer through libz-sys, the
// real binding of the system zlib (compress2/uncompress on Rust Vecs).
use libz_sys::{compress2, compressBound, uLong, uncompress, Z_OK};

fn main() {
    let text: Vec<u8> = b"ffican-scan reads this binary. ".repeat(40);
    let mut packed = vec![0u8; unsafe { compressBound(text.len() as uLong) } as usize];
    let mut packed_len = packed.len() as uLong;
    let rc = unsafe {
        compress2(packed.as_mut_ptr(), &mut packed_len, text.as_ptr(), text.len() as uLong, 6)
    };
    assert_eq!(rc, Z_OK);
    let mut back = vec![0u8; text.len()];
    let mut back_len = back.len() as uLong;
    let rc = unsafe {
        uncompress(back.as_mut_ptr(), &mut back_len, packed.as_ptr(), packed_len)
    };
    assert_eq!(rc, Z_OK);
    assert_eq!(back, text);
    println!("{} bytes -> {} -> {}", text.len(), packed_len, back_len);
}
