// Rust reading a field of a C struct after C released it.
//   bug:   reads rec->count after c_record_destroy  -> UseAfterFree by Rust code
//   fixed: reads it before
#[repr(C)]
struct Record {
    id: i32,
    count: i32,
    total: i64,
}

extern "C" {
    fn c_record_new(id: i32) -> *mut Record;
    fn c_record_destroy(r: *mut Record);
}

fn main() {
    let fixed = std::env::args().nth(1).as_deref() == Some("fixed");
    unsafe {
        let r = c_record_new(7);
        let mut count = 0;
        if fixed {
            count = std::ptr::read_volatile(&(*r).count);
        }
        c_record_destroy(r);
        if !fixed {
            count = std::ptr::read_volatile(&(*r).count);   // use after free
        }
        std::hint::black_box(count);
    }
    println!("done");
}
