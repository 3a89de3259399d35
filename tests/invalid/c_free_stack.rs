// Rust lends C the address of a local variable.
//   bug:   C frees it                  -> InvalidFree (C free of a stack address)
//   fixed: C only reads it
extern "C" {
    fn c_read_config(cfg: *mut Config, release: i32) -> u32;
}

#[repr(C)]
pub struct Config {
    verbose: u32,
    level: u32,
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    let mut cfg = Config { verbose: 1, level: 3 };
    let v = unsafe { c_read_config(&mut cfg, (!fixed) as i32) };
    println!("config {}", v);
}
