// C calls a Rust callback that wraps its body in catch_unwind, as
// git2::panic::wrap does (corpus/repro/rust_try_return): the callback's
// return to C crosses, __rust_try's return to the callback does not.
//   fixed: every value returned to C is set
//          -> clean under --check-crossing-args=yes
//   bug:   one callback (also under catch_unwind) returns to C a field of
//          a Box::new_uninit() it never wrote; C ignores it
//          -> with --check-crossing-args=yes: UninitRead for the value
//             returned by Rust code (rust_callback_uninit) to C: the
//             crossing out of the callback is still seen
use std::mem::MaybeUninit;
use std::panic;

extern "C" {
    fn c_call_back(cb: extern "C" fn(i32) -> i32, arg: i32) -> i32;
    fn c_call_back_ignore(cb: extern "C" fn(i32) -> i32, arg: i32) -> i32;
}

#[inline(never)]
fn work(x: i32) -> Result<(), String> {
    if x > 1000 { Err(format!("too big: {}", x)) } else { Ok(()) }
}

extern "C" fn rust_callback(x: i32) -> i32 {
    match panic::catch_unwind(|| work(x)) {
        Ok(Ok(())) => 0,
        Ok(Err(_)) => -1,
        Err(_) => -2,
    }
}

extern "C" fn rust_callback_uninit(x: i32) -> i32 {
    let b: Box<MaybeUninit<[i32; 2]>> = Box::new_uninit();
    let _ = panic::catch_unwind(|| work(x));
    unsafe { (*b.as_ptr())[1] }
}

fn main() {
    let bug = std::env::args().nth(1).as_deref() == Some("bug");
    let mut sum = 0;
    for i in 0..3 {
        sum += unsafe { c_call_back(rust_callback, i * 600) };
    }
    if bug {
        unsafe { c_call_back_ignore(rust_callback_uninit, 1) };
    }
    println!("sum {}", sum);
}
