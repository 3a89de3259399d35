// Rust code that calls libc malloc() itself, then wraps the buffer in a Vec.
//   bug:   the Vec is dropped: __rust_dealloc of a malloc block
//          -> ForeignFree (family malloc, although Rust code allocated it)
//   fixed: the buffer is copied into a real Vec and released with free()
use std::os::raw::c_void;

extern "C" {
    fn malloc(n: usize) -> *mut c_void;
    fn free(p: *mut c_void);
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    let n = 20usize;
    let p = unsafe { malloc(n) } as *mut u8;
    for i in 0..n {
        unsafe { *p.add(i) = i as u8 };
    }
    let v: Vec<u8> = if fixed {
        let copy = unsafe { std::slice::from_raw_parts(p, n) }.to_vec();
        unsafe { free(p as *mut c_void) };
        copy
    } else {
        unsafe { Vec::from_raw_parts(p, n, n) }
    };
    println!("sum {}", v.iter().map(|&b| b as u32).sum::<u32>());
}
