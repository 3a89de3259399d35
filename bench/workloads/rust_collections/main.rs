// rust_collections: the pure-Rust allocation benchmark workload.
//
// Vec growth from empty (a chain of __rust_realloc calls), String building
// and splitting, BTreeMap inserts and removes with String values, a VecDeque
// used as a queue of boxed values. Fixed PRNG seed; everything is dropped
// before exit. Output: one line of counts and a checksum.
// Optional argument: the number of rounds.

use std::collections::{BTreeMap, VecDeque};
use std::fmt::Write;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn main() {
    let rounds: u64 = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("rounds must be a number"))
        .unwrap_or(40_000);

    let mut rng = Rng(0x853c_49e6_748f_ea9b);
    let mut sum: u64 = 0;
    let mut tree: BTreeMap<u64, String> = BTreeMap::new();
    let mut queue: VecDeque<Box<[u32]>> = VecDeque::new();

    for r in 0..rounds {
        // Vec growth: push one element at a time, then shrink.
        let n = if r % 100 == 0 { 2000 + rng.below(6000) } else { rng.below(96) };
        let mut v: Vec<u32> = Vec::new();
        for k in 0..n {
            v.push((k as u32).wrapping_mul(2_654_435_761) ^ r as u32);
        }
        v.retain(|x| x & 3 != 0);
        v.shrink_to_fit();
        sum = sum.wrapping_add(v.iter().map(|&x| x as u64).sum::<u64>());

        // String building, then split into owned pieces.
        let mut s = String::new();
        for k in 0..(1 + rng.below(12)) {
            write!(s, "{}:{};", k, rng.below(100_000)).unwrap();
        }
        let pieces: Vec<String> = s.split(';').filter(|p| !p.is_empty()).map(str::to_uppercase).collect();
        sum = sum.wrapping_add(pieces.iter().map(|p| p.len() as u64).sum::<u64>());

        // BTreeMap churn.
        tree.insert(rng.below(16_384), s);
        if r % 2 == 1 {
            let key = rng.below(16_384);
            if let Some(old) = tree.remove(&key) {
                sum = sum.wrapping_add(old.len() as u64);
            }
        }
        if r % 1024 == 0 {
            // A range scan and a bulk removal.
            let lo = rng.below(16_000);
            let doomed: Vec<u64> = tree.range(lo..lo + 256).map(|(k, _)| *k).collect();
            for k in doomed {
                tree.remove(&k);
            }
        }

        // A queue of boxed slices of varied sizes.
        queue.push_back(vec![r as u32; 1 + rng.below(40) as usize].into_boxed_slice());
        if queue.len() > 300 {
            let b = queue.pop_front().unwrap();
            sum = sum.wrapping_add(b.len() as u64 + b[0] as u64);
        }
    }

    let tree_bytes: u64 = tree.values().map(|s| s.len() as u64).sum();
    sum = sum.wrapping_add(tree_bytes);
    println!(
        "rust_collections rounds={} tree={} queue={} checksum={:016x}",
        rounds,
        tree.len(),
        queue.len(),
        sum
    );
}
