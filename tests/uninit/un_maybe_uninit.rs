// A MaybeUninit<CStruct> on the Rust side filled in by C, then assume_init
// and branched on.
//   clean:   C fills every field (padding left alone), of a MaybeUninit on
//            the stack and of a Box::new_uninit() on the heap; Rust
//            assume_init()s, moves the struct (copying its padding) and
//            branches on every field -> clean
//   partial: the heap one, C fills every field but `tag`; Rust branches on
//            `tag` -> UninitRead: Rust code's conditional jump depends on
//            uninitialised bytes of a Rust-allocated block (__rust_alloc,
//            24 bytes) handed to C (at the call of unm_fill)
use std::mem::MaybeUninit;
use std::os::raw::c_int;

#[repr(C)]
#[derive(Clone, Copy)]
struct Point {
    x: c_int,
    y: c_int,
    w: f64,
    tag: u8, // followed by 7 bytes of padding
}

extern "C" {
    // un_maybe_uninit_c.c
    fn unm_fill(p: *mut Point, complete: c_int);
}

#[inline(never)]
fn note(what: u32) {
    std::hint::black_box(what);
}

#[inline(never)]
fn check(p: &Point) -> u32 {
    let mut score = 0;
    if p.x > 0 {
        score += 1;
    }
    if p.y < 0 {
        score += 2;
    }
    if p.w > 1.5 {
        score += 4;
    }
    if p.tag == b'k' {
        note(8);
        score += 8;
    }
    score
}

fn on_stack() -> u32 {
    let mut m = MaybeUninit::<Point>::uninit();
    unsafe { unm_fill(m.as_mut_ptr(), 1) };
    let p = unsafe { m.assume_init() };
    let copy = std::hint::black_box(p); // a move: copies the padding too
    check(&copy)
}

fn on_heap(complete: bool) -> u32 {
    let mut b: Box<MaybeUninit<Point>> = Box::new_uninit();
    unsafe { unm_fill(b.as_mut_ptr(), complete as c_int) };
    let b: Box<Point> = unsafe { b.assume_init() };
    if !complete {
        return check(&b);
    }
    let moved = std::hint::black_box(*b); // a copy to the stack, padding too
    check(&b) + check(&moved)
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    if mode == "partial" {
        let s = on_heap(false);
        std::hint::black_box(s);
        println!("checked");
    } else {
        println!("stack {} heap {}", on_stack(), on_heap(true));
    }
}
