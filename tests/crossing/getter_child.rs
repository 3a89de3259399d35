// A C getter lends Rust a pointer to a C object that lives beyond the
// call (allocated earlier, inside its parent).  Rust hands it to the C
// destructor, then the parent's destructor frees it again: both frees are
// C code on a C block, but the block crossed when the getter returned it.
//   bug:   Rust calls gc_child_free(gc_parent_child(p)), then
//          gc_parent_free(p)        -> DoubleFree, block lent to Rust
//   fixed: Rust only reads the child, the parent frees it -> clean
//   c-leak: Rust only reads the child, but C's gc_parent_free_shallow
//          forgets it: C's own leak of a block it only lent, not a
//          crossing leak (in the summary only; --leak-check=full shows it)
use std::os::raw::c_int;

#[repr(C)]
struct Parent {
    _private: [u8; 0],
}
#[repr(C)]
struct Child {
    value: c_int,
}

extern "C" {
    fn gc_parent_new(value: c_int) -> *mut Parent;
    fn gc_parent_child(p: *mut Parent) -> *mut Child;
    fn gc_child_free(c: *mut Child);
    fn gc_parent_free(p: *mut Parent);
    fn gc_parent_free_shallow(p: *mut Parent);
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let p = unsafe { gc_parent_new(7) };
    let c = unsafe { gc_parent_child(p) };
    println!("child value {}", unsafe { (*c).value });
    if mode == "bug" {
        unsafe { gc_child_free(c) };
    }
    if mode == "c-leak" {
        unsafe { gc_parent_free_shallow(p) };
    } else {
        unsafe { gc_parent_free(p) };
    }
}
