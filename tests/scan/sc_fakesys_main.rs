// A program using the -sys stand-in scfake_sys through its Rust API.
fn main() {
    let mut out = vec![0u8; 4];
    let n = scfake_sys::copy_into(&mut out, b"abcdef");
    println!("{} {:?}", n, out);
}
