// Rust panics caught with catch_unwind: the panic payload, the unwinder's
// exception object and the backtrace machinery allocate and release memory
// across Rust, libgcc and libc. Nothing is to be reported.
use std::panic;

fn risky(n: u32) -> u32 {
    if n % 3 == 0 {
        panic!("bad number {}", n);
    }
    n * 2
}

fn main() {
    panic::set_hook(Box::new(|_| {}));      // keep stderr quiet
    let mut ok = 0;
    let mut caught = 0;
    for n in 0..12 {
        match panic::catch_unwind(|| risky(n)) {
            Ok(v) => ok += v,
            Err(payload) => {
                if let Some(s) = payload.downcast_ref::<String>() {
                    caught += s.len();
                }
            }
        }
    }
    println!("ok {} caught {}", ok, caught);
}
