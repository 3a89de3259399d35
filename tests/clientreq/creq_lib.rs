// Rust half of creq_main.c: a Box handed to C and taken back, and a
// function that reads a buffer C passes (the boundary call a declared
// buffer is meant for).

#[no_mangle]
pub extern "C" fn creq_rust_box_new(v: u64) -> *mut u64 {
    Box::into_raw(Box::new(v))
}

#[no_mangle]
pub extern "C" fn creq_rust_box_free(p: *mut u64) {
    unsafe { drop(Box::from_raw(p)) }
}

#[no_mangle]
pub extern "C" fn creq_rust_checksum(buf: *const u8, len: usize) -> usize {
    let bytes = unsafe { std::slice::from_raw_parts(buf, len) };
    bytes.iter().map(|&b| b as usize).sum()
}
