// zlib_roundtrip: a zlib round trip driven from Rust.
//
// Rust generates deterministic data of several kinds and sizes (text-like
// words, long runs, incompressible noise) in Vec<u8>s and pushes it through
// zlib's streaming API, declared here `extern "C"` with no binding crate:
// deflateInit_/deflate/deflateEnd into the spare capacity of a Rust Vec
// (grown as zlib fills it), then inflateInit_/inflate/inflateEnd from that
// Vec, fed in small pieces, into a fixed Rust output buffer that is copied
// out after each call. The z_stream is a #[repr(C)] struct boxed by Rust (it
// must not move: zlib's state points back at it), initialised with the
// library's version string and the struct's size. Every other stream takes
// its internal state from Rust's allocator through zalloc/zfree callbacks
// (C calling Rust to allocate and to release); the rest use zlib's default,
// malloc/free. Compression levels and chunk sizes vary by round.
//
// Every round is verified: the inflated bytes equal the input, the stream's
// Adler-32 equals zlib's adler32() of the input, and the totals match.
// Every stream is ended and every block returned to its family.
//
// Output: one line of counts and a checksum. Optional argument: the number
// of rounds.

use std::alloc::{alloc, dealloc, Layout};
use std::os::raw::{c_char, c_int, c_uint, c_ulong, c_void};
use std::ptr;

type AllocFunc = extern "C" fn(opaque: *mut c_void, items: c_uint, size: c_uint) -> *mut c_void;
type FreeFunc = extern "C" fn(opaque: *mut c_void, address: *mut c_void);

/// zlib's `z_stream`, field for field (uInt = unsigned int, uLong = unsigned
/// long). Its size is passed to deflateInit_/inflateInit_, which refuse a
/// stream whose size differs from the library's.
#[repr(C)]
struct ZStream {
    next_in: *const u8,
    avail_in: c_uint,
    total_in: c_ulong,
    next_out: *mut u8,
    avail_out: c_uint,
    total_out: c_ulong,
    msg: *const c_char,
    state: *mut c_void,
    zalloc: Option<AllocFunc>,
    zfree: Option<FreeFunc>,
    opaque: *mut c_void,
    data_type: c_int,
    adler: c_ulong,
    reserved: c_ulong,
}

const Z_NO_FLUSH: c_int = 0;
const Z_FINISH: c_int = 4;
const Z_OK: c_int = 0;
const Z_STREAM_END: c_int = 1;
const Z_BUF_ERROR: c_int = -5;

extern "C" {
    fn zlibVersion() -> *const c_char;
    fn deflateInit_(strm: *mut ZStream, level: c_int, version: *const c_char, stream_size: c_int) -> c_int;
    fn deflate(strm: *mut ZStream, flush: c_int) -> c_int;
    fn deflateEnd(strm: *mut ZStream) -> c_int;
    fn deflateBound(strm: *mut ZStream, source_len: c_ulong) -> c_ulong;
    fn inflateInit_(strm: *mut ZStream, version: *const c_char, stream_size: c_int) -> c_int;
    fn inflate(strm: *mut ZStream, flush: c_int) -> c_int;
    fn inflateEnd(strm: *mut ZStream) -> c_int;
    fn adler32(adler: c_ulong, buf: *const u8, len: c_uint) -> c_ulong;
    fn crc32(crc: c_ulong, buf: *const u8, len: c_uint) -> c_ulong;
}

/// Counts of the allocations zlib made through the Rust callbacks; the
/// callbacks' `opaque` points at it.
#[derive(Default)]
struct AllocStats {
    allocs: u64,
    frees: u64,
    bytes: u64,
}

// Each callback block carries its size in a 16-byte header, since zfree is
// not told the size and Rust's dealloc needs the layout.
const HEADER: usize = 16;

extern "C" fn rust_zalloc(opaque: *mut c_void, items: c_uint, size: c_uint) -> *mut c_void {
    let n = match (items as usize).checked_mul(size as usize) {
        Some(n) => n,
        None => return ptr::null_mut(),
    };
    let layout = match Layout::from_size_align(n + HEADER, HEADER) {
        Ok(l) => l,
        Err(_) => return ptr::null_mut(),
    };
    unsafe {
        let base = alloc(layout);
        if base.is_null() {
            return ptr::null_mut();
        }
        (base as *mut usize).write(n);
        let stats = &mut *(opaque as *mut AllocStats);
        stats.allocs += 1;
        stats.bytes += n as u64;
        base.add(HEADER) as *mut c_void
    }
}

extern "C" fn rust_zfree(opaque: *mut c_void, address: *mut c_void) {
    if address.is_null() {
        return;
    }
    unsafe {
        let base = (address as *mut u8).sub(HEADER);
        let n = (base as *const usize).read();
        dealloc(base, Layout::from_size_align_unchecked(n + HEADER, HEADER));
        (*(opaque as *mut AllocStats)).frees += 1;
    }
}

impl ZStream {
    /// A fresh stream, boxed so that its address stays fixed while zlib's
    /// state refers to it. With `stats`, zlib allocates through Rust.
    fn boxed(stats: Option<&mut AllocStats>) -> Box<ZStream> {
        let (zalloc, zfree, opaque): (Option<AllocFunc>, Option<FreeFunc>, *mut c_void) = match stats {
            Some(s) => (Some(rust_zalloc), Some(rust_zfree), s as *mut AllocStats as *mut c_void),
            None => (None, None, ptr::null_mut()),
        };
        Box::new(ZStream {
            next_in: ptr::null(),
            avail_in: 0,
            total_in: 0,
            next_out: ptr::null_mut(),
            avail_out: 0,
            total_out: 0,
            msg: ptr::null(),
            state: ptr::null_mut(),
            zalloc,
            zfree,
            opaque,
            data_type: 0,
            adler: 0,
            reserved: 0,
        })
    }
}

fn stream_size() -> c_int {
    std::mem::size_of::<ZStream>() as c_int
}

/// zlib's checks are over unsigned int lengths: feed them in pieces.
fn zlib_sum(f: unsafe extern "C" fn(c_ulong, *const u8, c_uint) -> c_ulong, init: c_ulong, data: &[u8]) -> c_ulong {
    let mut v = init;
    for piece in data.chunks(1 << 30) {
        v = unsafe { f(v, piece.as_ptr(), piece.len() as c_uint) };
    }
    v
}

/// Compresses `input` at `level`, handing zlib at most `in_chunk` bytes of
/// input per call and writing straight into the spare capacity of the
/// returned Vec. With `bound`, the Vec is sized once by deflateBound;
/// otherwise it starts small and grows.
fn compress(input: &[u8], level: c_int, in_chunk: usize, bound: bool, stats: Option<&mut AllocStats>) -> Vec<u8> {
    let mut zs = ZStream::boxed(stats);
    let rc = unsafe { deflateInit_(&mut *zs, level, zlibVersion(), stream_size()) };
    assert_eq!(rc, Z_OK, "deflateInit_");
    let mut out: Vec<u8> = if bound {
        Vec::with_capacity(unsafe { deflateBound(&mut *zs, input.len() as c_ulong) } as usize)
    } else {
        Vec::with_capacity(256)
    };
    let mut pos = 0;
    'feed: loop {
        let take = in_chunk.min(input.len() - pos);
        zs.next_in = input[pos..].as_ptr();
        zs.avail_in = take as c_uint;
        pos += take;
        let flush = if pos == input.len() { Z_FINISH } else { Z_NO_FLUSH };
        loop {
            if out.capacity() - out.len() < 64 {
                out.reserve(out.capacity());
            }
            let spare = (out.capacity() - out.len()).min(c_uint::MAX as usize);
            zs.next_out = unsafe { out.as_mut_ptr().add(out.len()) };
            zs.avail_out = spare as c_uint;
            let rc = unsafe { deflate(&mut *zs, flush) };
            let written = spare - zs.avail_out as usize;
            unsafe { out.set_len(out.len() + written) };
            match rc {
                Z_STREAM_END => break 'feed,
                Z_OK | Z_BUF_ERROR => {}
                _ => panic!("deflate returned {}", rc),
            }
            // Room left over means the input given was all consumed.
            if flush == Z_NO_FLUSH && zs.avail_out != 0 {
                assert_eq!(zs.avail_in, 0);
                break;
            }
        }
    }
    assert_eq!(zs.total_in as usize, input.len());
    assert_eq!(zs.total_out as usize, out.len());
    let rc = unsafe { deflateEnd(&mut *zs) };
    assert_eq!(rc, Z_OK, "deflateEnd");
    out
}

/// Decompresses `comp`, giving zlib `in_chunk` bytes of it at a time and a
/// Rust buffer of `out_chunk` bytes to fill, copied out after each call.
/// Returns the data and the stream's Adler-32.
fn decompress(comp: &[u8], in_chunk: usize, out_chunk: usize, expect: usize, stats: Option<&mut AllocStats>) -> (Vec<u8>, c_ulong) {
    let mut zs = ZStream::boxed(stats);
    let rc = unsafe { inflateInit_(&mut *zs, zlibVersion(), stream_size()) };
    assert_eq!(rc, Z_OK, "inflateInit_");
    let mut buf = vec![0u8; out_chunk];
    let mut out: Vec<u8> = Vec::with_capacity(expect);
    let mut pos = 0;
    'feed: loop {
        assert!(pos < comp.len(), "compressed stream ended early");
        let take = in_chunk.min(comp.len() - pos);
        zs.next_in = comp[pos..].as_ptr();
        zs.avail_in = take as c_uint;
        pos += take;
        loop {
            zs.next_out = buf.as_mut_ptr();
            zs.avail_out = buf.len() as c_uint;
            let rc = unsafe { inflate(&mut *zs, Z_NO_FLUSH) };
            let produced = buf.len() - zs.avail_out as usize;
            out.extend_from_slice(&buf[..produced]);
            match rc {
                Z_STREAM_END => break 'feed,
                Z_OK | Z_BUF_ERROR => {}
                _ => panic!("inflate returned {}", rc),
            }
            if zs.avail_out != 0 {
                assert_eq!(zs.avail_in, 0);
                break; // wants more input
            }
        }
    }
    assert_eq!(pos, comp.len(), "data after the end of the stream");
    assert_eq!(zs.total_out as usize, out.len());
    let adler = zs.adler;
    let rc = unsafe { inflateEnd(&mut *zs) };
    assert_eq!(rc, Z_OK, "inflateEnd");
    (out, adler)
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
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: [&str; 24] = [
    "boundary", "buffer", "rust", "alloc", "free", "pointer", "length", "capacity",
    "the", "a", "of", "to", "and", "stream", "deflate", "inflate",
    "shadow", "redzone", "block", "owner", "crossing", "stack", "heap", "byte",
];

/// Appends `x` in decimal, without a temporary String.
fn push_decimal(v: &mut Vec<u8>, mut x: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (x % 10) as u8;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    v.extend_from_slice(&digits[i..]);
}

/// `n` bytes of one of three kinds: text-like words, runs, or noise.
fn generate(rng: &mut Rng, kind: u64, n: usize) -> Vec<u8> {
    let mut v: Vec<u8> = Vec::with_capacity(n);
    match kind {
        0 => {
            while v.len() < n {
                let w = WORDS[rng.below(WORDS.len() as u64) as usize].as_bytes();
                v.extend_from_slice(w);
                v.push(if rng.below(9) == 0 { b'\n' } else { b' ' });
                if rng.below(7) == 0 {
                    push_decimal(&mut v, rng.below(100_000));
                    v.push(b' ');
                }
            }
            v.truncate(n);
        }
        1 => {
            while v.len() < n {
                let b = rng.below(16) as u8;
                let run = 1 + rng.below(200) as usize;
                let k = run.min(n - v.len());
                v.resize(v.len() + k, b);
            }
        }
        _ => {
            while v.len() + 8 <= n {
                v.extend_from_slice(&rng.next().to_le_bytes());
            }
            while v.len() < n {
                v.push(rng.next() as u8);
            }
        }
    }
    v
}

fn main() {
    let rounds: u64 = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("rounds must be a number"))
        .unwrap_or(80);

    const SIZES: [usize; 6] = [0, 1000, 17_000, 96_000, 250_000, 600_000];
    const LEVELS: [c_int; 4] = [1, 6, 9, -1];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut stats = AllocStats::default();
    let (mut total_in, mut total_comp) = (0u64, 0u64);
    let mut sum: u64 = 0;

    for r in 0..rounds {
        let size = SIZES[(r % SIZES.len() as u64) as usize] + rng.below(4096) as usize;
        // Noise is the fastest to compress: keep it to one round in five.
        let kind = if r % 5 == 4 { 2 } else { r % 2 };
        let level = LEVELS[((r / 3) % LEVELS.len() as u64) as usize];
        let input = generate(&mut rng, kind, size);
        let in_chunk = 512 + rng.below(64 * 1024) as usize;
        let via_rust = r % 2 == 0;

        let comp = compress(&input, level, in_chunk, r % 3 == 0,
                            if via_rust { Some(&mut stats) } else { None });
        let (back, adler) = decompress(&comp, 256 + rng.below(8192) as usize,
                                       1024 + rng.below(32 * 1024) as usize, input.len(),
                                       if via_rust { None } else { Some(&mut stats) });
        assert!(back == input, "round {}: round trip changed the data", r);
        assert_eq!(adler, zlib_sum(adler32, 1, &input), "round {}: Adler-32", r);

        let crc = zlib_sum(crc32, 0, &input) as u64;
        sum = sum.rotate_left(7) ^ crc ^ ((comp.len() as u64) << 32);
        total_in += input.len() as u64;
        total_comp += comp.len() as u64;
    }
    assert_eq!(stats.allocs, stats.frees, "zlib state released through Rust");
    println!(
        "zlib_roundtrip: {} rounds, {} bytes in, {} compressed, {} Rust-callback allocs ({} bytes), checksum {:016x}",
        rounds, total_in, total_comp, stats.allocs, stats.bytes, sum
    );
}
