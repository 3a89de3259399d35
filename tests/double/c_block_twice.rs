// A malloc'd C block that C has already freed, released again from Rust.
//   bug-libc:    Rust calls libc free() on it       -> DoubleFree (C block, C free)
//   bug-rust:    Rust rebuilds it as a Vec and drops it -> DoubleFree (C block,
//                second release through __rust_dealloc)
//   fixed:       Rust leaves the release to C
use std::os::raw::c_void;

extern "C" {
    fn c_new_record(len: usize) -> *mut u8;
    fn c_record_done(r: *mut u8);
    fn free(p: *mut c_void);
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let rec = unsafe { c_new_record(24) };
    let first = unsafe { *rec };
    unsafe { c_record_done(rec) };
    println!("first byte {}", first);
    match mode.as_str() {
        "bug-libc" => unsafe { free(rec as *mut c_void) },
        "bug-rust" => drop(unsafe { Vec::from_raw_parts(rec, 24, 24) }),
        _ => {}
    }
}
