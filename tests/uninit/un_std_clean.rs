// Rust's standard library keeps uninitialised memory in many places (spare
// Vec capacity, MaybeUninit scratch buffers of the sorts, the digit buffers
// of integer and float formatting, BorrowedBuf reads into spare capacity,
// hash table groups, channel slots) and only ever copies it.
//   clean: exercise them all; built at opt-level=0 (std_clean) and 3
//          (std_clean_o3) -> clean, also under --report=all
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};

fn collections() -> u64 {
    let mut h: HashMap<String, u64> = HashMap::new();
    for i in 0..2000u64 {
        *h.entry(format!("key{}", i % 777)).or_insert(0) += i;
    }
    let mut b: BTreeMap<u64, String> = BTreeMap::new();
    for (k, v) in &h {
        b.insert(*v, k.clone());
    }
    let s: HashSet<u64> = h.values().copied().collect();
    let mut d: VecDeque<u64> = VecDeque::with_capacity(3);
    for i in 0..100 {
        d.push_back(i);
        if i % 3 == 0 {
            d.pop_front();
        }
    }
    let first = b.iter().next().map(|(k, _)| *k).unwrap_or(0);
    h.len() as u64 + b.len() as u64 + s.len() as u64 + d.iter().sum::<u64>() + first
}

fn sorting() -> u64 {
    let mut v: Vec<u64> = (0..5000u64).map(|i| (i * 2654435761) % 10007).collect();
    let mut w = v.clone();
    let mut strings: Vec<String> = v.iter().take(500).map(|x| x.to_string()).collect();
    v.sort(); // stable: MaybeUninit scratch
    w.sort_unstable();
    strings.sort();
    let mut pairs: Vec<(u32, u8)> = (0..3000u32).map(|i| (i % 97, (i % 7) as u8)).collect();
    pairs.sort_by_key(|p| p.1);
    v.dedup();
    v[0] + w[4999] + strings[0].len() as u64 + pairs[0].0 as u64 + v.len() as u64
}

fn formatting() -> String {
    let mut s = String::with_capacity(4);
    for i in [0i64, -1, 42, i64::MAX, i64::MIN] {
        write!(s, "{} {:x} {:>8} ", i, i, i).unwrap();
    }
    for f in [0.0f64, -1.5, 3.141592653589793, 1e300, 2.5e-310, f64::NAN] {
        write!(s, "{} {:.3} {:e} ", f, f, f).unwrap();
    }
    write!(s, "{:?} {:?}", 1.0f32 / 3.0, u128::MAX).unwrap();
    s
}

fn file_io() -> usize {
    let path = format!("/tmp/ffican-uninit-std-{}.txt", std::process::id());
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        for i in 0..300 {
            writeln!(f, "line {} {}", i, "x".repeat(i % 50)).unwrap();
        }
    }
    let mut all = Vec::new();
    std::fs::File::open(&path).unwrap().read_to_end(&mut all).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let lines = BufReader::new(std::fs::File::open(&path).unwrap())
        .lines()
        .filter(|l| l.as_ref().unwrap().ends_with("xx"))
        .count();
    let mut small = [0u8; 7];
    let mut f = std::fs::File::open(&path).unwrap();
    f.read_exact(&mut small).unwrap();
    std::fs::remove_file(&path).unwrap();
    all.len() + text.len() + lines + small[5] as usize
}

fn threads() -> u64 {
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u64>>();
    let handles: Vec<_> = (0..4u64)
        .map(|t| {
            let tx = tx.clone();
            std::thread::spawn(move || {
                tx.send((0..100).map(|i| i * t).collect()).unwrap();
            })
        })
        .collect();
    drop(tx);
    let total: u64 = rx.iter().map(|v| v.iter().sum::<u64>()).sum();
    for h in handles {
        h.join().unwrap();
    }
    total
}

fn main() {
    let c = collections();
    let s = sorting();
    let f = formatting();
    let io = file_io();
    let t = threads();
    let mut words: Vec<&str> = f.split(' ').collect();
    words.retain(|w| !w.is_empty());
    if words.len() > 10 && f.contains("NaN") {
        println!("{} {} {} {} {}", c, s, io, t, words.len());
    }
    println!("{}", f);
    let args: Vec<String> = std::env::args().collect();
    let env_n = std::env::vars().filter(|(k, _)| k == "HOME").count();
    println!("{} {}", args.len(), env_n);
}
