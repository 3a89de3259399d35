// A Rust Box lent to C; C releases it through a Rust callback.
//   bug:   Rust still thinks it owns the Box and drops it again
//          -> DoubleFree (both releases through __rust_dealloc)
//   fixed: ownership was handed over once: Rust forgets its pointer
#[repr(C)]
pub struct Node {
    id: u64,
    weight: u64,
    next: *mut Node,
}

extern "C" {
    fn c_visit_and_release(n: *mut Node, release: extern "C" fn(*mut Node)) -> u64;
}

extern "C" fn rust_node_release(n: *mut Node) {
    unsafe { drop(Box::from_raw(n)) }
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    let node = Box::new(Node { id: 7, weight: 35, next: std::ptr::null_mut() });
    let raw = Box::into_raw(node);
    let w = unsafe { c_visit_and_release(raw, rust_node_release) };
    println!("weight {}", w);
    if !fixed {
        drop(unsafe { Box::from_raw(raw) });
    }
}
