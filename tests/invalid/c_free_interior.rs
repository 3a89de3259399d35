// A Rust array lent to C; C releases it.
//   bug:   C frees a pointer 4 bytes into it    -> InvalidFree (C free, inside a Rust block)
//   fixed: C gives the array back to Rust through rust_array_free()
extern "C" {
    fn c_sum_and_release(a: *mut u32, n: usize, give_back: i32) -> u32;
}

#[no_mangle]
pub extern "C" fn rust_array_free(a: *mut [u32; 4]) {
    unsafe { drop(Box::from_raw(a)) }
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    let a = Box::into_raw(Box::new([1u32, 2, 3, 4]));
    let s = unsafe { c_sum_and_release(a as *mut u32, 4, fixed as i32) };
    println!("sum {}", s);
}
