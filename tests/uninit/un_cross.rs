// Uninitialised values crossing the boundary as an argument or a return
// value (checked only with --check-crossing-args=yes).
//   arg:   Rust passes a field of a Box::new_uninit() it never wrote as the
//          second argument of ucx_take, which ignores it
//          -> with --check-crossing-args=yes: UninitRead: an uninitialised
//             value passed by Rust code as an argument to C (ucx_take), from
//             a Rust-allocated block (__rust_alloc, 8 bytes); without the
//             option: clean (the value is only copied, never used)
//   ret:   C returns a field of its malloc'd struct that it never set
//          (ucx_extra); Rust ignores it
//          -> with --check-crossing-args=yes: UninitRead: an uninitialised
//             value returned by C (ucx_extra) to Rust code, from a
//             C-allocated block (malloc, 8 bytes); without: clean
//   fixed: every field written -> clean, with or without the option
//   padded: values whose registers legitimately hold uninitialised bits:
//          a struct with padding passed and returned by value (its padding
//          bytes travel in the register), u8/i16 arguments and a bool return
//          (upper register bits unspecified), a struct with padding read
//          from a heap block -> clean with --check-crossing-args=yes
use std::mem::MaybeUninit;
use std::os::raw::c_int;
use std::ptr::addr_of_mut;

#[repr(C)]
struct Pair {
    a: c_int,
    b: c_int,
}

#[repr(C)]
struct Rec {
    id: c_int,
    extra: c_int,
}

#[repr(C)]
#[derive(Clone, Copy)]
struct Small {
    tag: u8, // followed by 3 bytes of padding
    value: c_int,
}

extern "C" {
    // un_cross_c.c
    fn ucx_small_make(v: c_int) -> Small;
    fn ucx_small_sum(s: Small, flag: u8, w: i16) -> c_int;
    fn ucx_is_even(v: c_int) -> bool;
    fn ucx_take(a: c_int, b: c_int) -> c_int;
    fn ucx_new(complete: c_int) -> *mut Rec;
    fn ucx_extra(r: *const Rec) -> c_int;
    fn ucx_free(r: *mut Rec);
}

fn arg_case(complete: bool) -> c_int {
    let mut bx: Box<MaybeUninit<Pair>> = Box::new_uninit();
    unsafe {
        let p = bx.as_mut_ptr();
        addr_of_mut!((*p).a).write(7);
        if complete {
            addr_of_mut!((*p).b).write(9);
        }
        // bug (when not complete): b was never written
        let pair: Box<Pair> = bx.assume_init();
        ucx_take(pair.a, pair.b)
    }
}

fn ret_case(complete: bool) -> c_int {
    unsafe {
        let r = ucx_new(complete as c_int);
        let extra = ucx_extra(r); // bug (when not complete): never set by C
        std::hint::black_box(extra);
        let id = (*r).id;
        ucx_free(r);
        id
    }
}

fn padded_case() -> c_int {
    unsafe {
        let s = ucx_small_make(20);
        let b = Box::new(s); // padding copied into a heap block
        let r = ucx_small_sum(*b, 3, -2);
        let e = ucx_is_even(r);
        if e {
            r
        } else {
            -r
        }
    }
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    match mode.as_str() {
        "arg" => println!("take: {}", arg_case(false)),
        "ret" => println!("id: {}", ret_case(false)),
        "fixed" => println!("take: {} id: {}", arg_case(true), ret_case(true)),
        "padded" => println!("small: {}", padded_case()),
        _ => panic!("unknown mode {}", mode),
    }
}
