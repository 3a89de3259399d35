// Rust code built with LTO at opt-level 3 (shims/lto_mixed_thin, _fat):
// __rust_alloc and friends are inlined, so Rust's own allocations and
// its direct libc calls are all plain malloc/realloc/free calls.
//   fixed: Rust mallocs with libc malloc() and C frees it; C mallocs and
//          Rust frees with libc free(); collections churn (HashMap,
//          String, boxed slices, a Vec grown by realloc) and are dropped
//          by Rust                                          -> clean
//   bug:   the same, but the grown Vec's buffer is released by C free()
//          -> ForeignFree (Rust block, grown by Rust's realloc, C free)
use std::collections::HashMap;
use std::ffi::CStr;
use std::mem::ManuallyDrop;
use std::os::raw::{c_char, c_void};

extern "C" {
    fn malloc(n: usize) -> *mut c_void;
    fn free(p: *mut c_void);
    fn lto_c_release(p: *mut c_void);
    fn lto_c_make_text(n: usize) -> *mut c_char;
}

#[inline(never)]
fn churn(n: usize) -> usize {
    let mut m: HashMap<String, Vec<u64>> = HashMap::new();
    for i in 0..n {
        m.entry(format!("key{}", i % 17)).or_default().push(i as u64);
    }
    let mut b: Vec<Box<[u8]>> = (0..n)
        .map(|i| vec![i as u8; i % 40 + 1].into_boxed_slice())
        .collect();
    b.retain(|x| x.len() % 3 != 0);
    m.values().map(|v| v.len()).sum::<usize>() + b.len()
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    // Rust allocates with libc's malloc(), C releases it: right.
    let p = unsafe { malloc(64) } as *mut u8;
    unsafe {
        p.write_bytes(7, 64);
        lto_c_release(p as *mut c_void);
    }
    // C allocates, Rust releases it with libc's free(): right.
    let q = unsafe { lto_c_make_text(32) };
    let len = unsafe { CStr::from_ptr(q) }.to_bytes().len();
    unsafe { free(q as *mut c_void) };
    let total = churn(500);
    // A Vec grown by Rust (its realloc inlined by LTO).
    let mut v: Vec<u32> = Vec::with_capacity(2);
    for i in 0..100 {
        v.push(i);
    }
    let sum: u32 = v.iter().sum();
    if fixed {
        drop(v);
    } else {
        let mut v = ManuallyDrop::new(v);
        unsafe { lto_c_release(v.as_mut_ptr() as *mut c_void) };
    }
    println!("{} {} {}", len, total, sum);
}
