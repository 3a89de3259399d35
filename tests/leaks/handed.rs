// Ownership handed across the boundary and what becomes of it at exit.
// The mode (first argument) picks one case:
//   cstring-lost      CString::into_raw handed to C, which forgets it
//                     -> definitely lost, handed to C (reported by default)
//   cstring-returned  C gives it back to rust_name_free (CString::from_raw)
//                     -> clean
//   box-global        Box::into_raw kept by C in a global
//                     -> still reachable, handed to C (not an error)
//   widget-lost       a C object whose Rust wrapper has no Drop: the
//                     destructor never runs -> definitely lost, C block
//                     handed to Rust
//   widget-dropped    the wrapper's Drop calls the C destructor -> clean
//   interior          C keeps only a pointer into the middle of a Rust
//                     buffer -> possibly lost, handed to C
//   tree              the root of a Rust tree handed to C and forgotten:
//                     the root definitely lost, its children indirectly
//   arc-global        Arc::into_raw kept by C in a global: the pointer is
//                     16 bytes into the Arc's block -> still reachable
//                     (rc heuristic), possibly lost without heuristics
use std::ffi::CString;
use std::os::raw::{c_char, c_int, c_void};
use std::sync::Arc;

#[repr(C)]
pub struct Settings {
    level: i64,
    verbose: i64,
}

#[repr(C)]
pub struct CWidget {
    _private: [u8; 0],
}

extern "C" {
    fn c_name_length(s: *mut c_char, give_back: c_int) -> c_int;
    fn c_keep_settings(p: *mut Settings) -> i64;
    fn c_widget_new(id: c_int) -> *mut CWidget;
    fn c_widget_id(w: *const CWidget) -> c_int;
    fn c_widget_free(w: *mut CWidget);
    fn c_keep_inside(buf: *mut u64, len: usize) -> u64;
    fn c_forget(p: *mut c_void) -> c_int;
    fn c_keep_shared(p: *const u64) -> u64;
}

#[no_mangle]
pub extern "C" fn rust_name_free(s: *mut c_char) {
    unsafe { drop(CString::from_raw(s)) }
}

// A wrapper that forgets to release what it wraps.
struct Widget {
    raw: *mut CWidget,
}

impl Widget {
    fn new(id: c_int) -> Widget {
        Widget { raw: unsafe { c_widget_new(id) } }
    }
    fn id(&self) -> c_int {
        unsafe { c_widget_id(self.raw) }
    }
}

// The same wrapper done right.
struct GoodWidget {
    raw: *mut CWidget,
}

impl GoodWidget {
    fn new(id: c_int) -> GoodWidget {
        GoodWidget { raw: unsafe { c_widget_new(id) } }
    }
    fn id(&self) -> c_int {
        unsafe { c_widget_id(self.raw) }
    }
}

impl Drop for GoodWidget {
    fn drop(&mut self) {
        unsafe { c_widget_free(self.raw) }
    }
}

pub struct Node {
    value: u64,
    children: Vec<Box<Node>>,
}

fn make_tree(depth: u32, value: u64) -> Box<Node> {
    let mut children = Vec::new();
    if depth > 0 {
        for k in 0..2 {
            children.push(make_tree(depth - 1, value * 2 + k));
        }
    }
    Box::new(Node { value, children })
}

fn cstring(give_back: bool) {
    let s = CString::new("a name for C").unwrap();
    let n = unsafe { c_name_length(s.into_raw(), give_back as c_int) };
    println!("C counted {} bytes", n);
}

fn widget_lost() {
    let w = Widget::new(7);
    println!("widget {}", w.id());
}

fn widget_dropped() {
    let w = GoodWidget::new(7);
    println!("widget {}", w.id());
}

fn interior() {
    let buf: Box<[u64]> = vec![1u64, 2, 3, 4, 5, 6].into_boxed_slice();
    let len = buf.len();
    let got = unsafe { c_keep_inside(Box::into_raw(buf) as *mut u64, len) };
    println!("C kept element {}", got);
}

fn tree() {
    let root = make_tree(2, 1);
    println!("root {} with {} children", root.value, root.children.len());
    let n = unsafe { c_forget(Box::into_raw(root) as *mut c_void) };
    println!("C forgot {}", n);
}

fn arc_global() {
    let shared = Arc::new(42u64);
    let got = unsafe { c_keep_shared(Arc::into_raw(shared)) };
    println!("C keeps {}", got);
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    match mode.as_str() {
        "cstring-lost" => cstring(false),
        "cstring-returned" => cstring(true),
        "box-global" => {
            let p = Box::into_raw(Box::new(Settings { level: 3, verbose: 1 }));
            println!("C keeps {}", unsafe { c_keep_settings(p) });
        }
        "widget-lost" => widget_lost(),
        "widget-dropped" => widget_dropped(),
        "interior" => interior(),
        "tree" => tree(),
        "arc-global" => arc_global(),
        _ => panic!("unknown mode {:?}", mode),
    }
}
