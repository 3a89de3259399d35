// main.rs: a small Rust binding to libgreet (greet.c) and a program using it.
//
// This is the ffican demo. It runs fine natively and Memcheck finds nothing
// wrong with it, yet it contains two memory-management bugs at the Rust/C
// boundary, each on a line marked BUG:
//   BUG 1 (ForeignFree):    a CString::into_raw string is released by C free().
//   BUG 2 (LayoutMismatch): a Vec is rebuilt with Vec::from_raw_parts and the
//                           wrong capacity, so Rust deallocates it with a
//                           size other than the one it was allocated with.
// With `--double-free` it also runs a third one, off by default because glibc
// aborts on it natively:
//   BUG 3 (DoubleFree):     C calls a Rust release callback, then Rust drops
//                           the same box again.

use std::ffi::CString;
use std::os::raw::{c_char, c_uint, c_void};

// ---- the raw C API (greet.h) ----

#[repr(C)]
struct RawGreeter {
    _opaque: [u8; 0],
}

type DoneFn = extern "C" fn(ctx: *mut c_void);

extern "C" {
    fn greeter_new(name: *mut c_char) -> *mut RawGreeter;
    fn greeter_set_word(g: *mut RawGreeter, word: *const c_char);
    fn greeter_render(g: *mut RawGreeter, buf: *mut c_char, cap: usize) -> usize;
    fn greeter_repeat(g: *mut RawGreeter, times: c_uint, done: DoneFn, ctx: *mut c_void);
    fn greeter_count(g: *const RawGreeter) -> c_uint;
    fn greeter_free(g: *mut RawGreeter);
}

// ---- the safe-looking wrapper ----

/// A rendered greeting still in the buffer C wrote it into.
struct RawText {
    ptr: *mut u8,
    len: usize,
}

impl RawText {
    fn into_string(self) -> String {
        // BUG 2 (LayoutMismatch): the buffer was allocated with capacity
        // RENDER_CAP (64 bytes), but it is rebuilt with capacity `len`, so it
        // is deallocated with the wrong size.
        let bytes = unsafe { Vec::from_raw_parts(self.ptr, self.len, self.len) };
        String::from_utf8(bytes).expect("libgreet writes ASCII")
    }
}

const RENDER_CAP: usize = 64;

struct Greeter {
    raw: *mut RawGreeter,
}

impl Greeter {
    fn new(name: &str) -> Greeter {
        let name = CString::new(name).expect("no NUL in a name");
        // BUG 1 (ForeignFree): greeter_new keeps this string and greeter_free
        // releases it with C free(), but it was allocated by Rust. Correct
        // would be to hand C a malloc'd copy (libc strdup) or to keep the
        // CString on the Rust side.
        let raw = unsafe { greeter_new(name.into_raw()) };
        assert!(!raw.is_null());
        Greeter { raw }
    }

    fn set_word(&mut self, word: &str) {
        let word = CString::new(word).expect("no NUL in a word");
        unsafe { greeter_set_word(self.raw, word.as_ptr()) };
    }

    fn render(&mut self) -> RawText {
        let mut buf: Vec<u8> = Vec::with_capacity(RENDER_CAP);
        let len = unsafe { greeter_render(self.raw, buf.as_mut_ptr() as *mut c_char, buf.capacity()) };
        let ptr = buf.as_mut_ptr();
        std::mem::forget(buf); // ownership moves into RawText
        RawText { ptr, len }
    }

    fn count(&self) -> u32 {
        unsafe { greeter_count(self.raw) }
    }
}

impl Drop for Greeter {
    fn drop(&mut self) {
        unsafe { greeter_free(self.raw) };
    }
}

// ---- a callback that owns its context ----

struct Tally {
    times: u32,
    id: u32,
}

extern "C" fn release_tally(ctx: *mut c_void) {
    // C is done with the tally: take it back and drop it.
    let tally = unsafe { Box::from_raw(ctx as *mut Tally) };
    println!("callback: tally {} released after {} greetings", tally.id, tally.times);
}

fn main() {
    let double_free = std::env::args().any(|a| a == "--double-free");

    let mut g = Greeter::new("Ferris");
    println!("{}", g.render().into_string());
    g.set_word("Bonjour");
    println!("{}", g.render().into_string());

    let tally = Box::into_raw(Box::new(Tally { times: 3, id: 7 }));
    unsafe { greeter_repeat(g.raw, 3, release_tally, tally as *mut c_void) };
    if double_free {
        // BUG 3 (DoubleFree): release_tally already freed the tally; this
        // frees it a second time (glibc aborts here natively).
        drop(unsafe { Box::from_raw(tally) });
    }

    println!("greetings: {}", g.count());
}
