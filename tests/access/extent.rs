// A declared buffer extent overflowed inside the capacity: Rust passes a
// Vec's pointer and its length (8) to C, which writes 2 bytes more: still
// inside the 16-byte capacity, so only the declaration makes it an error.
//   bug-file:    extent declared by extent.boundary      -> OverflowWrite
//   bug-request: extent declared by FFICAN_DECLARE_BUFFER -> OverflowWrite
//   fixed:       C writes the 8 bytes it was given
//   bug-second-call: as bug-file, but C saw the buffer in an earlier call
//                (c_peek): the report names the extent's own call
#[path = "../../include/ffican.rs"]
mod ffican;

extern "C" {
    fn c_fill_bytes(buf: *mut u8, n: usize);
    fn c_set_extra(extra: usize);
    fn c_peek(buf: *const u8) -> u8;
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let mut v: Vec<u8> = Vec::with_capacity(16);
    v.resize(8, 0);
    unsafe {
        c_set_extra(if mode == "fixed" { 0 } else { 2 });
        if mode == "bug-second-call" {
            println!("peek {}", c_peek(v.as_ptr()));
        }
        if mode == "bug-request" {
            ffican::declare_buffer(v.as_mut_ptr(), v.len());
        }
        c_fill_bytes(v.as_mut_ptr(), v.len());
    }
    println!("{:?}", v);
}
