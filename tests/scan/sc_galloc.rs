// A Rust program with its own #[global_allocator] (counting, on top of
// System) that also calls C (sc_ffi_c.c): ffican-scan must say that the
// shims lead to the program's allocator, not to __rdl_*.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct ScCounting;

static SC_ALLOCS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for ScCounting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        SC_ALLOCS.fetch_add(1, Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static SC_GLOBAL: ScCounting = ScCounting;

extern "C" {
    fn sc_fill(buf: *mut u8, len: usize);
}

#[no_mangle]
pub extern "C" fn sc_rust_exported(x: i32) -> i32 {
    x + 1
}

fn main() {
    let mut v = vec![0u8; 8];
    unsafe { sc_fill(v.as_mut_ptr(), v.len()) };
    println!("{:?} {}", v, SC_ALLOCS.load(Ordering::Relaxed) > 0);
}
