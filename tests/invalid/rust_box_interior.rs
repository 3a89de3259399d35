// A Rust array searched by C; C returns a pointer to the element found.
//   bug:   Rust takes that pointer for the Box: Box::from_raw(found)
//          -> InvalidFree (__rust_dealloc 8 bytes into a 32-byte Rust block)
//   fixed: Rust drops the Box through the pointer it started with
extern "C" {
    fn c_find(a: *mut u64, n: usize, value: u64) -> *mut u64;
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    let base = Box::into_raw(Box::new([10u64, 20, 30, 40])) as *mut u64;
    let found = unsafe { c_find(base, 4, 20) };
    println!("found {}", unsafe { *found });
    if fixed {
        drop(unsafe { Box::from_raw(base as *mut [u64; 4]) });
    } else {
        drop(unsafe { Box::from_raw(found) });
    }
}
