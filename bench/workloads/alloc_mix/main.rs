// alloc_mix: the allocation-heavy Rust/C benchmark workload.
//
// Rust allocates many small and medium blocks (Box<[u8]>, Vec, String,
// CString) and hands a share of them to the C half (cside.c), which reads
// them, keeps some for a while and gives them back to Rust for release
// through the exported `rust_release_*` functions. C also allocates its own
// blocks with malloc/calloc/realloc and frees them itself, and asks Rust for
// scratch buffers it returns to Rust. Maps churn alongside.
//
// Every block goes back to the family that allocated it, with the layout it
// was allocated with: a checker must report nothing here.
//
// Output: one line of counts and a checksum, identical on every run
// (fixed PRNG seed, a fixed hasher for the HashMap). Optional argument: the
// number of iterations.

use std::collections::{BTreeMap, HashMap};
use std::ffi::{CStr, CString};
use std::hash::{BuildHasherDefault, Hasher};
use std::mem::ManuallyDrop;
use std::os::raw::{c_char, c_int};

extern "C" {
    fn cside_sum_bytes(p: *const u8, n: usize) -> u64;
    fn cside_hash_str(s: *const c_char) -> u64;
    fn cside_keep_string(s: *mut c_char);
    fn cside_keep_buffer(p: *mut u8, len: usize, cap: usize);
    fn cside_record(seed: u64, n: usize) -> u64;
    fn cside_build_text(seed: u64, parts: c_int) -> *mut c_char;
    fn cside_free_text(p: *mut c_char);
    fn cside_drain() -> u64;
}

/// Called by C to give back a string it received from `CString::into_raw`.
#[no_mangle]
pub extern "C" fn rust_release_cstring(s: *mut c_char) -> u64 {
    let s = unsafe { CString::from_raw(s) };
    s.as_bytes().len() as u64
}

/// Called by C to give back a `Vec<u8>` it received as (ptr, len, cap).
#[no_mangle]
pub extern "C" fn rust_release_buffer(p: *mut u8, len: usize, cap: usize) -> u64 {
    let v = unsafe { Vec::from_raw_parts(p, len, cap) };
    v.iter().map(|&b| b as u64).sum()
}

/// Called by C for a zeroed scratch buffer of `n` (> 0) bytes.
#[no_mangle]
pub extern "C" fn rust_alloc_scratch(n: usize) -> *mut u8 {
    Box::into_raw(vec![0u8; n].into_boxed_slice()) as *mut u8
}

/// Called by C to return a buffer from `rust_alloc_scratch(n)`.
#[no_mangle]
pub extern "C" fn rust_free_scratch(p: *mut u8, n: usize) {
    drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, n)) });
}

/// FNV-1a: a fixed hasher, so the HashMap allocates the same way every run.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// xorshift64: deterministic sizes and keys.
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
    let iters: u64 = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("iterations must be a number"))
        .unwrap_or(60_000);

    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut sum: u64 = 0;
    let mut hmap: HashMap<u64, String, BuildHasherDefault<Fnv>> = HashMap::default();
    let mut bmap: BTreeMap<u32, Vec<u8>> = BTreeMap::new();
    let (mut to_c, mut c_owned) = (0u64, 0u64);

    for i in 0..iters {
        // Mostly small blocks, now and then a page-sized one.
        let size = if i % 64 == 0 { 4096 + rng.below(4096) } else { 1 + rng.below(200) } as usize;

        // A boxed slice C reads in place.
        let b: Box<[u8]> = (0..size).map(|k| (k as u8) ^ (i as u8)).collect();
        sum = sum.wrapping_add(unsafe { cside_sum_bytes(b.as_ptr(), b.len()) });

        // Vec growth through realloc.
        let mut v: Vec<u64> = Vec::new();
        for k in 0..rng.below(48) {
            v.push(k ^ i);
        }
        sum = sum.wrapping_add(v.iter().sum::<u64>());

        // A String and a CString copy of it for C.
        let s = format!("item-{}-{}", i, rng.below(1_000_000));
        let c = CString::new(s.as_str()).unwrap();
        sum = sum.wrapping_add(unsafe { cside_hash_str(c.as_ptr()) });
        if i % 3 == 0 {
            // Ownership to C; it comes back through rust_release_cstring.
            unsafe { cside_keep_string(c.into_raw()) };
            to_c += 1;
        }

        // A Vec<u8> handed to C whole; it comes back through rust_release_buffer.
        if i % 5 == 0 {
            let mut w = Vec::with_capacity(size + 8);
            w.extend_from_slice(&b);
            let mut w = ManuallyDrop::new(w);
            unsafe { cside_keep_buffer(w.as_mut_ptr(), w.len(), w.capacity()) };
            to_c += 1;
        }

        // C-owned work: malloc/calloc/realloc/free inside C, plus a Rust scratch buffer.
        if i % 4 == 0 {
            sum = sum.wrapping_add(unsafe { cside_record(rng.next(), 1 + rng.below(64) as usize) });
            c_owned += 1;
        }

        // A string C builds with malloc/realloc, Rust reads, C frees.
        if i % 16 == 0 {
            unsafe {
                let t = cside_build_text(i, 1 + (i % 8) as c_int);
                sum = sum.wrapping_add(CStr::from_ptr(t).to_bytes().len() as u64);
                cside_free_text(t);
            }
            c_owned += 1;
        }

        // Map churn.
        hmap.insert(rng.below(4096), s);
        if i % 2 == 0 {
            if let Some(old) = hmap.remove(&rng.below(4096)) {
                sum = sum.wrapping_add(old.len() as u64);
            }
        }
        bmap.insert(rng.below(8192) as u32, vec![i as u8; rng.below(32) as usize]);
        if i % 3 == 0 {
            if let Some(old) = bmap.remove(&(rng.below(8192) as u32)) {
                sum = sum.wrapping_add(old.len() as u64);
            }
        }
    }

    sum = sum.wrapping_add(unsafe { cside_drain() });
    let hlen: u64 = hmap.values().map(|s| s.len() as u64).sum();
    let blen: u64 = bmap.values().map(|v| v.len() as u64).sum();
    sum = sum.wrapping_add(hlen).wrapping_add(blen);
    println!(
        "alloc_mix iters={} to_c={} c_owned={} hmap={} bmap={} checksum={:016x}",
        iters,
        to_c,
        c_owned,
        hmap.len(),
        bmap.len(),
        sum
    );
}
