// Atomic read-modify-write instructions (LOCK-prefixed, xchg): Valgrind
// turns them into compare-and-swap loops whose "did the swap happen"
// comparison must never count as a use of the old value, and whose shadow
// update must work for every size.
//   rmw:     swap, fetch_add, fetch_or, compare_exchange on 1-, 2-, 4- and
//            8-byte atomics, in C (un_atomics_c.c) and in Rust, on the heap
//            and the stack -> clean (no error, no crash)
//   fence:   SeqCst fences: Rust's atomic::fence (LLVM's
//            `lock or $0, -64(%rsp)` on stack memory nothing wrote) and the
//            same instruction from C -> clean
//   channel: std::sync::mpsc with a sender thread (atomics and fences inside
//            std) -> clean
use std::sync::atomic::{fence, AtomicBool, AtomicU16, AtomicU32, AtomicU64, AtomicU8, Ordering};

extern "C" {
    // un_atomics_c.c
    fn una_rmw_all() -> u64;
    fn una_fence();
}

#[inline(never)]
fn rust_rmw() -> u64 {
    let b = Box::new(AtomicBool::new(false));
    let u8h = Box::new(AtomicU8::new(1));
    let u16h = Box::new(AtomicU16::new(2));
    let u32s = AtomicU32::new(3);
    let u64s = AtomicU64::new(4);
    let was = b.swap(true, Ordering::SeqCst);
    let x8 = u8h.fetch_add(5, Ordering::AcqRel);
    let c16 = u16h.compare_exchange(2, 9, Ordering::SeqCst, Ordering::Relaxed);
    let f16 = u16h.compare_exchange(2, 11, Ordering::SeqCst, Ordering::Relaxed);
    let o32 = u32s.fetch_or(0x10, Ordering::SeqCst);
    let s64 = u64s.swap(40, Ordering::SeqCst);
    let sb = AtomicBool::new(true);
    let was2 = sb.fetch_and(false, Ordering::SeqCst);
    (was as u64)
        + x8 as u64
        + c16.unwrap() as u64
        + f16.unwrap_err() as u64
        + o32 as u64
        + s64
        + was2 as u64
        + u8h.load(Ordering::SeqCst) as u64
        + u32s.load(Ordering::SeqCst) as u64
        + u64s.load(Ordering::SeqCst)
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    match mode.as_str() {
        "rmw" => println!("rust {} c {}", rust_rmw(), unsafe { una_rmw_all() }),
        "fence" => {
            fence(Ordering::SeqCst);
            unsafe { una_fence() };
            fence(Ordering::SeqCst);
            println!("fenced");
        }
        "channel" => {
            let (tx, rx) = std::sync::mpsc::channel::<u64>();
            let h = std::thread::spawn(move || {
                for i in 0..10 {
                    tx.send(i).unwrap();
                }
            });
            let total: u64 = rx.iter().sum();
            h.join().unwrap();
            println!("received {}", total);
        }
        _ => panic!("unknown mode {}", mode),
    }
}
