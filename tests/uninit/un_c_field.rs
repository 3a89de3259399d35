// Rust branching on a field of a C struct that C never set.
//   bug:   unf_conf_new mallocs the struct and sets width and height but
//          forgets flags; Rust tests flags & 1
//          -> UninitRead: Rust code's conditional jump depends on
//             uninitialised bytes of a C-allocated block (malloc, 12 bytes)
//             handed to Rust (returned by unf_conf_new)
//   fixed: C sets flags too -> clean
use std::os::raw::c_int;

#[repr(C)]
struct Conf {
    width: c_int,
    height: c_int,
    flags: u32,
}

extern "C" {
    // un_c_field_c.c
    fn unf_conf_new(complete: c_int) -> *mut Conf;
    fn unf_conf_free(c: *mut Conf);
}

#[inline(never)]
fn note(what: &str) {
    std::hint::black_box(what);
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    unsafe {
        let c = unf_conf_new(fixed as c_int);
        let flags = (*c).flags;
        if flags & 1 != 0 {
            // the conditional jump (bug: on a field C never set)
            note("verbose");
        }
        println!("{}x{}", (*c).width, (*c).height);
        unf_conf_free(c);
    }
}
