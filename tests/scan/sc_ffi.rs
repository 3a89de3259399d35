// Rust side of the ffican-scan tests: a Rust program with C linked in
// statically (sc_ffi_c.c).  It hands C a Vec (length 8, capacity 16) to
// fill, a typed array to sum, and a callback; C calls the callback and an
// exported #[no_mangle] Rust function back.  In mode "bug" the C fill
// writes 2 bytes past the length (inside the capacity): only a declared
// buffer extent makes that an error.  Built with every rustc and flag set
// the scan tests need (tests/programs.py, "scan" section).
use std::os::raw::c_int;

extern "C" {
    fn sc_set_extra(extra: usize);
    fn sc_fill(buf: *mut u8, len: usize);
    fn sc_sum(items: *const u32, count: usize) -> u32;
    fn sc_register(cb: extern "C" fn(c_int) -> c_int);
    fn sc_call(x: c_int) -> c_int;
}

extern "C" fn sc_rust_callback(x: c_int) -> c_int {
    x * 2
}

#[no_mangle]
pub extern "C" fn sc_rust_exported(x: c_int) -> c_int {
    x + 1
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let mut v: Vec<u8> = Vec::with_capacity(16);
    v.resize(8, 0);
    let nums: Vec<u32> = vec![1, 2, 3];
    unsafe {
        sc_set_extra(if mode == "bug" { 2 } else { 0 });
        sc_fill(v.as_mut_ptr(), v.len());
        sc_register(sc_rust_callback);
        let sum = sc_sum(nums.as_ptr(), nums.len());
        let back = sc_call(20);
        println!("{:?} {} {}", v, sum, back);
    }
}
