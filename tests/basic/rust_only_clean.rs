// Pure Rust allocation patterns; nothing to report. Covers __rust_alloc,
// __rust_alloc_zeroed, __rust_realloc (growing and shrinking) and
// __rust_dealloc with alignments from 1 to 4096.
use std::alloc::{alloc, alloc_zeroed, dealloc, realloc, Layout};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

#[repr(align(64))]
#[derive(Clone, Copy)]
struct Line([u8; 64]);

fn main() {
    let mut v: Vec<u32> = Vec::new();
    for i in 0..1000 {
        v.push(i);
    }
    v.truncate(10);
    v.shrink_to_fit();

    let zeros = vec![0u64; 512];
    let mut lines: Vec<Line> = Vec::new();
    for i in 0..40 {
        lines.push(Line([i as u8; 64]));
    }

    let mut words: HashMap<String, usize> = HashMap::new();
    for w in "the quick brown fox jumps over the lazy dog the end".split(' ') {
        *words.entry(w.to_string()).or_insert(0) += 1;
    }
    let sorted: BTreeMap<_, _> = words.iter().collect();

    let shared = Rc::new(vec![1u8, 2, 3]);
    let other = Rc::clone(&shared);

    let s: String = (0..50).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
    let boxed: Box<[u8]> = s.clone().into_bytes().into_boxed_slice();

    let big = Layout::from_size_align(8192, 4096).unwrap();
    let small = Layout::from_size_align(24, 8).unwrap();
    unsafe {
        let p = alloc(big);
        *p = 1;
        let q = alloc_zeroed(small);
        let q = realloc(q, small, 200);
        *q.add(199) = 2;
        dealloc(q, Layout::from_size_align(200, 8).unwrap());
        dealloc(p, big);
    }

    println!(
        "{} {} {} {} {} {} {}",
        v.len(),
        zeros.len(),
        lines[39].0[0],
        sorted.len(),
        other.len(),
        boxed.len(),
        words["the"]
    );
}
