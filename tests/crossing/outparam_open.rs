// Objects handed over through `**out` parameters, both ways.
//   Rust -> C: op_open(name, &mut out) allocates an object and its name
//   and stores the object into Rust's out-parameter (on the stack, or in a
//   Box); a Handle closes it on drop.
//     bug-stack, bug-box: the Handle is mem::forget'en -> the object (and
//                         the name inside it) leak: a crossing leak,
//                         handed to Rust through an out-parameter
//     fixed-stack, fixed-box: the Handle is dropped -> clean
//   C -> Rust: op_collect(cb) has the Rust callback store a Box into C's
//   out-parameter.
//     bug-callback:   C drops the pointer -> a Rust block handed to C leaks
//     fixed-callback: C gives it back to Rust to free -> clean
use std::os::raw::{c_char, c_int};
use std::ptr;

#[repr(C)]
struct Obj {
    _private: [u8; 0],
}

extern "C" {
    fn op_open(name: *const c_char, out: *mut *mut Obj) -> c_int;
    fn op_name_len(o: *const Obj) -> usize;
    fn op_close(o: *mut Obj);
    fn op_collect(make: extern "C" fn(*mut *mut u64), keep: c_int,
                  release: extern "C" fn(*mut u64)) -> u64;
}

struct Handle(*mut Obj);

impl Drop for Handle {
    fn drop(&mut self) {
        unsafe { op_close(self.0) }
    }
}

fn open_stack() -> Handle {
    let mut raw: *mut Obj = ptr::null_mut();
    if unsafe { op_open(c"repository".as_ptr(), &mut raw) } != 0 {
        panic!("op_open failed");
    }
    Handle(raw)
}

fn open_box() -> Handle {
    let mut slot: Box<*mut Obj> = Box::new(ptr::null_mut());
    if unsafe { op_open(c"boxed".as_ptr(), &mut *slot) } != 0 {
        panic!("op_open failed");
    }
    Handle(*slot)
}

extern "C" fn make_value(out: *mut *mut u64) {
    unsafe { *out = Box::into_raw(Box::new(41)) };
}

extern "C" fn release_value(v: *mut u64) {
    drop(unsafe { Box::from_raw(v) });
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    match mode.as_str() {
        "bug-stack" | "fixed-stack" | "bug-box" | "fixed-box" => {
            let h = if mode.ends_with("box") { open_box() } else { open_stack() };
            println!("name length {}", unsafe { op_name_len(h.0) });
            if mode.starts_with("bug") {
                std::mem::forget(h);
            }
        }
        _ => {
            let keep = (mode == "bug-callback") as c_int;
            let v = unsafe { op_collect(make_value, keep, release_value) };
            println!("collected {}", v);
        }
    }
}
