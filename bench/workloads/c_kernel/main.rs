// c_kernel: compute-bound C kernels over Rust buffers.
//
// Rust allocates the buffers (Vec<f64>, Vec<f32>, Vec<u8>, Vec<u64>), fills
// them deterministically and passes pointers and lengths to the C kernels in
// kernels.c: a blocked matrix multiply (dimensions not multiples of the
// block), a 5-point Jacobi stencil stepped between two grids that Rust swaps,
// a FIR convolution, and a byte histogram. Rust quantises the grid to bytes
// for the histogram and reduces the results (pairwise sums), checks a sample
// of the product against its own dot products and the histogram's total, and
// folds everything into a checksum. Few allocations, many loads and stores:
// the cost here is access instrumentation, not allocator interception.
//
// Output: one line with the sizes and a checksum. Optional argument: the
// number of rounds.

use std::os::raw::c_void;

extern "C" {
    fn ck_dgemm(m: usize, k: usize, n: usize, a: *const f64, b: *const f64, c: *mut f64);
    fn ck_stencil(w: usize, h: usize, src: *const f32, dst: *mut f32);
    fn ck_convolve(x: *const f32, n: usize, taps: *const f32, ntaps: usize, y: *mut f32);
    fn ck_histogram(p: *const u8, n: usize, bins: *mut u64);
}

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
    /// Uniform in [-1, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    }
}

/// Pairwise sum: deterministic, and accurate enough to compare.
fn pairwise<T: Copy + Into<f64>>(v: &[T]) -> f64 {
    if v.len() <= 64 {
        return v.iter().map(|&x| x.into()).sum();
    }
    let (l, r) = v.split_at(v.len() / 2);
    pairwise(l) + pairwise(r)
}

fn fold(sum: u64, x: f64) -> u64 {
    sum.rotate_left(11) ^ x.to_bits()
}

// Sizes: prime-ish dimensions so that tiles and loops have ragged edges.
const M: usize = 181;
const K: usize = 203;
const N: usize = 167;
const GW: usize = 389;
const GH: usize = 257;
const STEPS: usize = 12;
const SIGNAL: usize = 150_001;
const TAPS: usize = 33;

fn main() {
    let rounds: u64 = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("rounds must be a number"))
        .unwrap_or(12);

    let mut rng = Rng(0xd1b5_4a32_d192_ed03);
    let mut sum: u64 = 0;
    let mut bins: Vec<u64> = vec![0; 256];
    let mut bytes_seen: u64 = 0;

    for r in 0..rounds {
        // Matrix multiply.
        let a: Vec<f64> = (0..M * K).map(|_| rng.unit()).collect();
        let b: Vec<f64> = (0..K * N).map(|_| rng.unit()).collect();
        let mut c: Vec<f64> = vec![0.0; M * N];
        unsafe { ck_dgemm(M, K, N, a.as_ptr(), b.as_ptr(), c.as_mut_ptr()) };
        for s in 0..8 {
            let (i, j) = ((s * 97 + r as usize) % M, (s * 61 + 3 * r as usize) % N);
            let dot: f64 = (0..K).map(|p| a[i * K + p] * b[p * N + j]).sum();
            assert!((dot - c[i * N + j]).abs() < 1e-9, "dgemm c[{}][{}]", i, j);
        }
        let last = (0..K).map(|p| a[(M - 1) * K + p] * b[p * N + N - 1]).sum::<f64>();
        assert!((last - c[M * N - 1]).abs() < 1e-9, "dgemm last element");
        sum = fold(sum, pairwise(&c));

        // Stencil: ping-pong between two Rust grids.
        let mut src: Vec<f32> = (0..GW * GH).map(|_| rng.unit() as f32).collect();
        let mut dst: Vec<f32> = vec![0.0; GW * GH];
        for _ in 0..STEPS {
            unsafe { ck_stencil(GW, GH, src.as_ptr(), dst.as_mut_ptr()) };
            std::mem::swap(&mut src, &mut dst);
        }
        sum = fold(sum, pairwise(&src));

        // Quantise the smoothed grid to bytes (Rust), histogram them (C).
        let q: Vec<u8> = src.iter().map(|&v| ((v + 1.0) * 127.5).clamp(0.0, 255.0) as u8).collect();
        unsafe { ck_histogram(q.as_ptr(), q.len(), bins.as_mut_ptr()) };
        bytes_seen += q.len() as u64;

        // Convolution of a noisy signal with a windowed kernel.
        let x: Vec<f32> = (0..SIGNAL)
            .map(|i| ((i as f32) * 0.01).sin() + 0.25 * rng.unit() as f32)
            .collect();
        let taps: Vec<f32> = (0..TAPS)
            .map(|t| {
                let u = t as f32 / (TAPS - 1) as f32;
                0.5 - 0.5 * (2.0 * std::f32::consts::PI * u).cos()
            })
            .collect();
        let mut y: Vec<f32> = vec![0.0; SIGNAL - TAPS + 1];
        unsafe { ck_convolve(x.as_ptr(), x.len(), taps.as_ptr(), taps.len(), y.as_mut_ptr()) };
        let y_last: f32 = (0..TAPS).map(|t| x[SIGNAL - TAPS + t] * taps[t]).sum();
        assert!((y_last - y[y.len() - 1]).abs() < 1e-4, "convolution last output");
        sum = fold(sum, pairwise(&y));

        // The raw bytes of the signal through the histogram too.
        let raw = unsafe {
            std::slice::from_raw_parts(x.as_ptr() as *const c_void as *const u8, x.len() * 4)
        };
        unsafe { ck_histogram(raw.as_ptr(), raw.len(), bins.as_mut_ptr()) };
        bytes_seen += raw.len() as u64;
    }

    assert_eq!(bins.iter().sum::<u64>(), bytes_seen, "histogram total");
    for (i, &n) in bins.iter().enumerate() {
        sum = sum.rotate_left(5) ^ n.wrapping_mul(i as u64 + 1);
    }
    println!(
        "c_kernel: {} rounds, dgemm {}x{}x{}, stencil {}x{}x{}, fir {}x{}, {} bytes histogrammed, checksum {:016x}",
        rounds, M, K, N, GW, GH, STEPS, SIGNAL, TAPS, bytes_seen, sum
    );
}
