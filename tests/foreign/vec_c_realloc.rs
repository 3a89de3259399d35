// A Rust Vec buffer lent to C, which appends to it and must grow it.
//   bug:   C grows it with realloc(), twice        -> ForeignFree (Rust block, C realloc)
//          and Rust then drops the C-grown buffer -> ForeignFree (C block, Rust)
//   fixed: C calls rust_buf_grow(), which grows the Vec in Rust
#[repr(C)]
pub struct Buf {
    ptr: *mut u32,
    len: usize,
    cap: usize,
}

extern "C" {
    fn c_append(b: *mut Buf, n: usize, use_rust_grow: i32);
}

#[no_mangle]
pub extern "C" fn rust_buf_grow(b: *mut Buf, additional: usize) {
    unsafe {
        let b = &mut *b;
        let mut v = Vec::from_raw_parts(b.ptr, b.len, b.cap);
        v.reserve(additional);
        let mut v = std::mem::ManuallyDrop::new(v);
        b.ptr = v.as_mut_ptr();
        b.len = v.len();
        b.cap = v.capacity();
    }
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    let mut v: Vec<u32> = Vec::with_capacity(4);
    v.extend([1, 2]);
    let mut v = std::mem::ManuallyDrop::new(v);
    let mut b = Buf { ptr: v.as_mut_ptr(), len: v.len(), cap: v.capacity() };
    unsafe { c_append(&mut b, 10, fixed as i32) };
    let v = unsafe { Vec::from_raw_parts(b.ptr, b.len, b.cap) };
    println!("len {} sum {}", v.len(), v.iter().sum::<u32>());
}
