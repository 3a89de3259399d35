// The client requests of ffican.rs used from Rust; rreq_helper.c is the
// C side.  Prints what each request answers.  Modes (first argument):
//   owner              running, owner, owner_name
//   handover           hand_over, handed_to, take_back
//   buffer             declare_buffer before calls into C
//   threads            each thread's declaration is its own
//   bad                requests with bad pointers and side names
//   report_handed      a Box handed to C, which frees it
//   report_taken_back  the same, taken back before C frees it
//   all                owner, handover and buffer
#[path = "../../include/ffican.rs"]
mod ffican;

use std::os::raw::c_void;

extern "C" {
    fn rreq_c_block(n: usize) -> *mut u8;
    fn rreq_c_release(p: *mut c_void);
    fn rreq_c_sum(buf: *const u8, len: usize) -> usize;
    fn malloc(n: usize) -> *mut c_void;
    fn free(p: *mut c_void);
}

static A_STATIC: u64 = 5;

fn side(owner: u32) -> &'static str {
    match owner {
        ffican::OWNER_NONE => "none",
        ffican::OWNER_C => "C",
        ffican::OWNER_CXX => "C++",
        ffican::OWNER_RUST => "Rust",
        _ => "a declared side",
    }
}

fn name<T: ?Sized>(p: *const T) -> String {
    match ffican::owner_name(p) {
        Some(n) => n.to_string(),
        None => "none".to_string(),
    }
}

fn owner() {
    let b = Box::new(7u64);
    let v: Vec<u8> = Vec::with_capacity(100);
    let c = unsafe { rreq_c_block(32) };
    let m = unsafe { malloc(24) };
    let on_stack = 3u32;
    println!("running under ffican: {}", ffican::running());
    println!("owner of a Box: {}", side(ffican::owner(&*b)));
    println!("owner name of the Box: {}", name(&*b));
    println!("owner of byte 50 of a Vec: {}",
             side(ffican::owner(v.as_ptr().wrapping_add(50))));
    println!("owner of a block C malloc'd: {}", side(ffican::owner(c)));
    println!("owner name of it: {}", name(c));
    println!("owner of a block Rust malloc'd: {}", side(ffican::owner(m)));
    println!("owner of a stack variable: {}", side(ffican::owner(&on_stack)));
    println!("owner of a static: {}", side(ffican::owner(&A_STATIC)));
    let raw = Box::into_raw(b);
    unsafe { drop(Box::from_raw(raw)) };
    println!("owner of the dropped Box: {}", side(ffican::owner(raw)));
    unsafe {
        rreq_c_release(c as *mut c_void);
        free(m);
    }
}

fn handover() {
    let p = Box::into_raw(Box::new([0u64; 4]));
    println!("hand the Box to the other side: {}", ffican::hand_over(p, None));
    println!("it is handed to: {}", side(ffican::handed_to(p)));
    println!("its owner is still: {}", side(ffican::owner(p)));
    println!("hand it to Rust meanwhile: {}", ffican::hand_over(p, Some("Rust")));
    println!("take it back: {}", ffican::take_back(p));
    println!("it is handed to: {}", side(ffican::handed_to(p)));
    println!("take it back again: {}", ffican::take_back(p));
    let inner = unsafe { std::ptr::addr_of!((*p)[3]) };
    println!("hand it to C++ through an inner pointer: {}",
             ffican::hand_over(inner, Some("C++")));
    println!("it is handed to: {}", side(ffican::handed_to(p)));
    println!("take it back: {}", ffican::take_back(p));
    unsafe { drop(Box::from_raw(p)) };

    let c = unsafe { rreq_c_block(16) };
    println!("hand the C block to Rust: {}", ffican::hand_over(c, Some("Rust")));
    println!("it is handed to: {}", side(ffican::handed_to(c)));
    println!("take it back: {}", ffican::take_back(c));
    println!("it is handed to: {}", side(ffican::handed_to(c)));
    unsafe { rreq_c_release(c as *mut c_void) };
}

fn buffer() {
    let v = vec![2u8; 100];
    let on_stack = [1u8; 64];
    println!("declare a stack buffer: {}",
             ffican::declare_buffer(on_stack.as_ptr(), on_stack.len()));
    println!("C's sum of it: {}", unsafe { rreq_c_sum(on_stack.as_ptr(), 64) });
    println!("declare 100 heap bytes: {}", ffican::declare_buffer(v.as_ptr(), 100));
    println!("declare 50 of them instead: {}",
             ffican::declare_buffer(v.as_ptr(), 50));
    println!("C's sum of them: {}", unsafe { rreq_c_sum(v.as_ptr(), 50) });
    println!("declare them again: {}", ffican::declare_buffer(&v[..50], 50));
    println!("withdraw it: {}", ffican::declare_buffer(v.as_ptr(), 0));
}

fn threads() {
    let v = vec![3u8; 10];
    println!("main declares 10 bytes: {}", ffican::declare_buffer(v.as_ptr(), 10));
    let t = std::thread::spawn(|| {
        let w = [4u8; 8];
        println!("the thread declares 8 bytes: {}",
                 ffican::declare_buffer(w.as_ptr(), 8));
        unsafe { rreq_c_sum(w.as_ptr(), 8) }
    });
    println!("the thread's sum: {}", t.join().unwrap());
    println!("main's sum: {}", unsafe { rreq_c_sum(v.as_ptr(), 10) });
}

fn bad() {
    let on_stack = 0u64;
    let b = Box::new(1u32);
    for _ in 0..2 {
        // one warning for both
        println!("hand over a stack variable: {}",
                 ffican::hand_over(&on_stack, None));
    }
    println!("take back a static: {}", ffican::take_back(&A_STATIC));
    println!("hand to side Go: {}", ffican::hand_over(&*b, Some("Go")));
    println!("hand to side \"\": {}", ffican::hand_over(&*b, Some("")));
    let long = "x".repeat(200);
    println!("hand to a side of 200 bytes: {}",
             ffican::hand_over(&*b, Some(long.as_str())));
    println!("it is handed to: {}", side(ffican::handed_to(&*b)));
    println!("declare a buffer across the end of memory: {}",
             ffican::declare_buffer(usize::MAX as *const u8, 64));
}

// Rust hands a Box to C, which releases it with free(): the report of
// the ForeignFree shows where Rust handed it over; once taken back, the
// crossing shown is the later call into C.
fn report(take_back: bool) {
    let p = Box::into_raw(Box::new(42u64));
    println!("hand the Box to C: {}", ffican::hand_over(p, Some("C")));
    if take_back {
        println!("take it back: {}", ffican::take_back(p));
    }
    unsafe { rreq_c_release(p as *mut c_void) };
    println!("C released it");
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "all".to_string());
    let all = mode == "all";
    if all || mode == "owner" {
        owner();
    }
    if all || mode == "handover" {
        handover();
    }
    if all || mode == "buffer" {
        buffer();
    }
    match mode.as_str() {
        "threads" => threads(),
        "bad" => bad(),
        "report_handed" => report(false),
        "report_taken_back" => report(true),
        _ => {}
    }
}
