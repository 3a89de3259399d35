// Accesses exactly at the bounds of blocks, on both sides: no report.
// C fills every element of an exact-capacity Rust Vec and reads its last
// byte; Rust reads the last byte of an odd-sized C block.
extern "C" {
    fn c_fill(buf: *mut u32, n: usize);
    fn c_sum(buf: *const u32, n: usize) -> u64;
    fn c_odd_block(n: usize) -> *mut u8;
    fn c_last_byte(buf: *const u8, n: usize) -> u8;
    fn free(p: *mut u8);
}

fn main() {
    let mut total = 0u64;
    for n in [1usize, 2, 3, 7, 8, 13, 64] {
        let mut v: Vec<u32> = Vec::with_capacity(n);
        unsafe {
            c_fill(v.as_mut_ptr(), v.capacity());
            v.set_len(v.capacity());
            total += c_sum(v.as_ptr(), v.len());
        }
        let mut b: Vec<u8> = vec![1; n];
        b.shrink_to_fit();
        total += unsafe { c_last_byte(b.as_ptr(), b.len()) } as u64;
        unsafe {
            let c = c_odd_block(n);
            total += std::ptr::read(c.add(n - 1)) as u64;
            free(c);
        }
    }
    println!("total {}", total);
}
