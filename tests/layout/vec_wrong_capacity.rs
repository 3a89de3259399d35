// A Vec lent to C as (ptr, len, cap); C gives it back and Rust rebuilds it.
//   bug:        rebuilt with capacity = len, then dropped
//               -> LayoutMismatch (40-byte block released with size 24)
//   bug-grow:   rebuilt with capacity = len, then pushed (grown)
//               -> LayoutMismatch in __rust_realloc (old size 24, block 40)
//   fixed:      rebuilt with the capacity C kept
//   fixed-grow: same, then pushed
extern "C" {
    fn c_hold(ptr: *mut u32, len: usize, cap: usize);
    fn c_give_back(take: extern "C" fn(*mut u32, usize, usize, i32), mode: i32);
}

extern "C" fn rust_take_vec(ptr: *mut u32, len: usize, cap: usize, mode: i32) {
    let right_cap = mode & 1 != 0;
    let grow = mode & 2 != 0;
    let cap = if right_cap { cap } else { len };
    let mut v = unsafe { Vec::from_raw_parts(ptr, len, cap) };
    if grow {
        v.push(100);
    }
    println!("got back {:?}", v);
}

fn main() {
    let mode = match std::env::args().nth(1).as_deref() {
        Some("fixed") => 1,
        Some("bug-grow") => 2,
        Some("fixed-grow") => 3,
        _ => 0,
    };
    let mut v: Vec<u32> = Vec::with_capacity(10);
    v.extend([1, 2, 3, 4, 5, 6]);
    let mut v = std::mem::ManuallyDrop::new(v);
    unsafe {
        c_hold(v.as_mut_ptr(), v.len(), v.capacity());
        c_give_back(rust_take_vec, mode);
    }
}
