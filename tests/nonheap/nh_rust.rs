// Non-heap addressability on a Rust program (issue 16, item 4).
//   clean:   what makes and drops mappings and uses stacks in Rust's
//            runtime: threads (their stacks and signal stacks are
//            mapped and unmapped; more than glibc keeps cached), a
//            panic caught in each, files read and written through
//            system calls with stack and heap buffers, a child process,
//            recursion; -> nothing reported with --report=all
//   syscall: a slice made from a pointer that is not mapped, written to
//            /dev/null (the system call fails with EFAULT)
//            -> UnmappedAccess by write(buf), called by Rust code
//   syscall_fixed: the same write of a real buffer
use std::fs::{self, File};
use std::io::{Read, Write};
use std::thread;

fn depth(n: u32, buf: &mut [u8; 512]) -> u64 {
    buf[(n as usize) % 512] = n as u8;
    let s: u64 = buf.iter().map(|&b| b as u64).sum();
    if n == 0 { s } else { s + depth(n - 1, &mut [n as u8; 512]) }
}

fn clean() {
    let dir = std::env::temp_dir().join(format!("nh_rust_{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    std::panic::set_hook(Box::new(|_| {}));   // quiet planned panics
    let mut handles = Vec::new();
    for i in 0..24u32 {
        let d = dir.clone();
        handles.push(
            thread::Builder::new()
                .stack_size(4 << 20)
                .spawn(move || {
                    let r = std::panic::catch_unwind(|| {
                        if i % 3 == 0 {
                            panic!("thread {} panics on purpose", i);
                        }
                    });
                    let p = d.join(format!("f{}", i));
                    let mut f = File::create(&p).unwrap();
                    let data = vec![i as u8; 10000];
                    f.write_all(&data).unwrap();
                    drop(f);
                    let mut back = Vec::new();
                    File::open(&p).unwrap().read_to_end(&mut back).unwrap();
                    let mut local = [0u8; 4096];
                    let n = File::open(&p).unwrap().read(&mut local).unwrap();
                    (r.is_err(), back.len(), n, depth(20, &mut [0; 512]))
                })
                .unwrap(),
        );
        if i % 6 == 5 {
            for h in handles.drain(..) {
                h.join().unwrap();
            }
        }
    }
    for h in handles {
        h.join().unwrap();
    }
    let out = std::process::Command::new("true").status().unwrap();
    fs::remove_dir_all(&dir).unwrap();
    println!("clean: child {}, depth {}", out.success(), depth(50, &mut [1; 512]));
}

fn syscall(fixed: bool) {
    let good = [7u8; 32];
    let bad: &[u8] = if fixed {
        &good
    } else {
        // A page near address 0 is never mapped.
        unsafe { std::slice::from_raw_parts(0x1000 as *const u8, 32) }
    };
    let mut f = File::create("/dev/null").unwrap();
    let r = f.write(bad);
    println!("write: {}", if r.is_ok() { "ok" } else { "failed" });
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    match mode.as_str() {
        "clean" => clean(),
        "syscall" => syscall(false),
        "syscall_fixed" => syscall(true),
        _ => std::process::exit(2),
    }
}
