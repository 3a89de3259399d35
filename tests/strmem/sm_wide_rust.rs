// Wide-character functions on Rust buffers handed to C (issue 16): Rust
// allocates exact-size Vec<i32> (wchar_t) buffers, C searches and compares
// them with wmemchr, wmemcmp and wcsncmp.  Before, glibc's AVX2 versions
// read past the end: OverflowRead under the default options.
//   exact: the lengths Rust passes are the buffers' own: clean
//   bug:   C is told one element more than `a` holds: OverflowRead on `a`
//          (b gets the element a lacks, so that only one block is read
//          past and the reports do not depend on which buffer a
//          function happens to read first)
extern "C" {
    fn wide_c_check(a: *const i32, b: *const i32, n: usize) -> i64;
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let extra = if mode == "bug" { 1 } else { 0 };
    let mut total = 0i64;
    let lens: Vec<usize> = if extra == 1 { vec![8] } else { (1..=40).collect() };
    for n in lens {
        let mut a: Vec<i32> = Vec::with_capacity(n);
        a.extend((0..n as i32).map(|i| 'a' as i32 + i));
        a.shrink_to_fit();
        let mut b = a.clone();
        if extra == 1 {
            b.push('a' as i32 + n as i32);
        }
        total += unsafe { wide_c_check(a.as_ptr(), b.as_ptr(), n + extra) };
    }
    if extra == 0 {
        println!("total {}", total);
    } else {
        println!("done");
    }
}
