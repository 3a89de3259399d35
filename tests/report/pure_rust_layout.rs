// A LayoutMismatch that never involves the boundary: Rust code rebuilds a
// Vec with the wrong capacity and drops it, and the buffer never crossed.
// --report=crossing (the default) does not show it; --report=all does.
fn main() {
    let mut v: Vec<u32> = Vec::with_capacity(10);
    v.extend([1, 2, 3]);
    let mut v = std::mem::ManuallyDrop::new(v);
    let (p, len) = (v.as_mut_ptr(), v.len());
    let w = unsafe { Vec::from_raw_parts(p, len, 6) }; // wrong capacity
    println!("sum {}", w.iter().sum::<u32>());
}
