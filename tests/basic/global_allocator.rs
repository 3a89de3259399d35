// A program with its own #[global_allocator] (counting, on top of System).
// Under ffican it must still run through that allocator: the count it
// prints must be the same as natively (stdout is compared with a native
// run), and nothing is to be reported.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let before = ALLOCS.load(Ordering::Relaxed);
    let v: Vec<Box<u64>> = (0..10).map(Box::new).collect();
    let s = format!("{} boxes", v.len());
    let after = ALLOCS.load(Ordering::Relaxed);
    println!("{}; counted allocations: {}", s, after - before);
}
