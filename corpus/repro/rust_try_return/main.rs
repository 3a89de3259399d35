// SPDX-License-Identifier: GPL-2.0-or-later
// Copyright (C) 2026, the ffican authors.
//
// Was an ffican false report (docs/bindings.md, "git2"; fixed: rustc's
// generated functions are Rust's, test sides/rust_try_callback_fixed): with
// --check-crossing-args=yes, a callback that C calls and that wraps its body
// in std::panic::catch_unwind (as git2::panic::wrap does) was reported as
// "Rust code returned to C code an uninitialised value" at __rust_try.
// __rust_try is the function rustc itself emits for the `catch_unwind`
// intrinsic: it has no debug info, so ffican counted it as C, and the
// closure it calls (do_call) returns nothing; whatever is left in %rax
// then "crosses". No C code ever reads that value.
// Build: cc -g -c callback.c && ar rc libcallback.a callback.o &&
//        rustc -g -L . main.rs -o rust_try_return
use std::panic;

#[link(name = "callback", kind = "static")]
extern "C" {
    fn c_call_back(cb: extern "C" fn(i32) -> i32, arg: i32) -> i32;
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

fn main() {
    let mut sum = 0;
    for i in 0..3 {
        sum += unsafe { c_call_back(rust_callback, i) };
    }
    println!("sum {}", sum);
}
