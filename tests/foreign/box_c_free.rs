// A Rust Box handed to C.
//   bug:   C releases it with free()            -> ForeignFree (Rust block, C free)
//   fixed: C hands it back through free_box(),  which rebuilds the Box in Rust
use std::os::raw::c_int;

#[repr(C)]
pub struct Point {
    x: i64,
    y: i64,
}

extern "C" {
    fn c_consume_point(p: *mut Point, give_back: c_int) -> i64;
}

#[no_mangle]
pub extern "C" fn free_box(p: *mut Point) {
    unsafe { drop(Box::from_raw(p)) }
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    let p = Box::into_raw(Box::new(Point { x: 3, y: 4 }));
    let sum = unsafe { c_consume_point(p, fixed as c_int) };
    println!("sum = {}", sum);
}
