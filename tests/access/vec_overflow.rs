// C code writing or reading past the end of a Rust Vec's buffer.
//   write: C fills 9 elements of an 8-element Vec  -> OverflowWrite by C code
//   read:  C sums 9 elements of an 8-element Vec   -> OverflowRead by C code
//   fixed: C stays within the 8 elements
extern "C" {
    fn c_fill(buf: *mut u32, n: usize);
    fn c_sum(buf: *const u32, n: usize) -> u64;
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let mut v: Vec<u32> = Vec::with_capacity(8);
    let p = v.as_mut_ptr();
    let (fill_n, sum_n) = match mode.as_str() {
        "write" => (9, 8),
        "read" => (8, 9),
        _ => (8, 8),
    };
    let sum = unsafe {
        c_fill(p, fill_n);
        v.set_len(8);
        c_sum(p, sum_n)
    };
    // The value read past the end is not printed (it differs natively).
    println!("sum of 8: {}", if sum_n == 8 { sum } else { v.iter().map(|&x| x as u64).sum() });
}
