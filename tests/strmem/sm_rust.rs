// Rust buffers handed to C string and memory functions, and Rust calling
// libc's functions itself, at exact bounds.
//   sm_rust exact                -> every case below, correctly: clean
//   sm_rust <case> bug|fixed     -> one case; bug overflows by one byte
// Cases (C code misusing a Rust-allocated buffer, so the error crosses
// the boundary and shows in the default --report=crossing):
//   memcpy_past   C memcpy()s n+1 bytes into a Vec of capacity n
//                 -> OverflowWrite, 0 bytes after the Rust block
//   strcpy_short  C strcpy()s a CString of length n into a Vec of
//                 capacity n (no room for the NUL) -> OverflowWrite
//   strlen_unterm C strlen()s a Vec holding n bytes and no NUL
//                 -> OverflowRead, 0 bytes after the Rust block
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int, c_void};

extern "C" {
    // sm_rust_c.c
    fn smc_copy_str(dst: *mut c_char, src: *const c_char) -> usize;
    fn smc_len(s: *const c_char) -> usize;
    fn smc_fill(dst: *mut u8, n: usize, byte: c_int);
    fn smc_copy(dst: *mut u8, src: *const u8, n: usize);
    fn smc_compare(a: *const c_char, b: *const c_char) -> c_int;
    fn smc_find_last(s: *const u8, n: usize, byte: c_int) -> isize;
    fn smc_join(a: *const c_char, b: *const c_char) -> *mut c_char;
    fn smc_free(p: *mut c_char);
    // libc, called from Rust
    fn strlen(s: *const c_char) -> usize;
    fn strcmp(a: *const c_char, b: *const c_char) -> c_int;
    fn memchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void;
    fn memcmp(a: *const c_void, b: *const c_void, n: usize) -> c_int;
}

// A Vec whose heap block is exactly n bytes.
fn exact_vec(n: usize) -> Vec<u8> {
    let v = Vec::with_capacity(n);
    assert_eq!(v.capacity(), n);
    v
}

fn memcpy_past(bug: bool) {
    let src: Vec<u8> = (0..33u8).collect();
    let n = 32;
    let mut dst = exact_vec(n);
    let count = if bug { n + 1 } else { n };
    unsafe {
        smc_copy(dst.as_mut_ptr(), src.as_ptr(), count);
        dst.set_len(n);
    }
    println!("memcpy: sum {}", dst.iter().map(|&b| b as u32).sum::<u32>());
}

fn strcpy_short(bug: bool) {
    let s = CString::new("exactly twenty bytes").unwrap();
    let len = s.as_bytes().len();
    let mut dst = exact_vec(if bug { len } else { len + 1 });
    unsafe {
        let n = smc_copy_str(dst.as_mut_ptr() as *mut c_char, s.as_ptr());
        dst.set_len(n); // the text, without its NUL
    }
    println!("strcpy: {}", String::from_utf8_lossy(&dst));
}

fn strlen_unterm(bug: bool) {
    let text = b"no terminator here";
    let mut v = exact_vec(if bug { text.len() } else { text.len() + 1 });
    v.extend_from_slice(text);
    if !bug {
        v.push(0);
    }
    let n = unsafe { smc_len(v.as_ptr() as *const c_char) };
    println!("strlen: {}", n);
}

// Everything at exact bounds, through C and directly.
fn exact() {
    memcpy_past(false);
    strcpy_short(false);
    strlen_unterm(false);

    // CString (an exact block) read by C and by libc from Rust
    let a = CString::new("left-hand string").unwrap();
    let b = CString::new("left-hand strinG").unwrap();
    println!("C strlen {} Rust strlen {}", unsafe { smc_len(a.as_ptr()) },
             unsafe { strlen(a.as_ptr()) });
    println!("C strcmp {} Rust strcmp {}", unsafe { smc_compare(a.as_ptr(), b.as_ptr()) }
             .signum(), unsafe { strcmp(a.as_ptr(), b.as_ptr()) }.signum());

    // C fills and searches a Vec to its last byte
    let mut v = exact_vec(45);
    unsafe {
        smc_fill(v.as_mut_ptr(), 45, b'z' as c_int);
        v.set_len(45);
    }
    v[44] = b'!';
    println!("C memchr last at {}", unsafe { smc_find_last(v.as_ptr(), 45, b'!' as c_int) });
    let hit = unsafe { memchr(v.as_ptr() as *const c_void, b'!' as c_int, 45) };
    println!("Rust memchr last at {}", hit as usize - v.as_ptr() as usize);
    let w = v.clone();
    println!("Rust memcmp {}", unsafe {
        memcmp(v.as_ptr() as *const c_void, w.as_ptr() as *const c_void, 45)
    });

    // C builds an exact string from two Rust ones; Rust reads it (CStr
    // calls strlen) and gives it back
    let j = unsafe { smc_join(a.as_ptr(), b.as_ptr()) };
    let joined = unsafe { CStr::from_ptr(j) }.to_str().unwrap().to_owned();
    println!("joined {} ({} bytes)", joined, joined.len());
    unsafe { smc_free(j) };

    // Rust's own copies, comparisons and fills of exact heap buffers end
    // in memcpy, bcmp/memcmp and memset
    for n in [1usize, 7, 8, 15, 16, 31, 64, 100, 1000] {
        let src: Vec<u8> = (0..n).map(|i| (i * 7) as u8).collect();
        let mut dst = vec![0u8; n];
        dst.copy_from_slice(&src);
        let same = dst == src;
        dst.fill(0xAB);
        let mut s = String::with_capacity(n);
        for _ in 0..n {
            s.push('q');
        }
        let c = CString::new(s).unwrap();
        println!("n {}: same {} fill {} cstr {}", n, same,
                 dst.iter().all(|&x| x == 0xAB), c.as_bytes().len());
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let case = args.get(1).map(String::as_str).unwrap_or("exact");
    let bug = args.get(2).map(String::as_str) == Some("bug");
    match case {
        "exact" => exact(),
        "memcpy_past" => memcpy_past(bug),
        "strcpy_short" => strcpy_short(bug),
        "strlen_unterm" => strlen_unterm(bug),
        _ => {
            eprintln!("unknown case {}", case);
            std::process::exit(2);
        }
    }
}
