// A Rust allocator of its own: 16-byte redzoned slots in a static arena,
// each block declared with VALGRIND_MALLOCLIKE_BLOCK and released with
// VALGRIND_FREELIKE_BLOCK (valgrind.h's request numbers, made through
// ffican.rs's ffican_client_request), handed to C (mc_rust_c.c).  The mode:
//   overflow  C writes one byte past a 24-byte block Rust allocated:
//             OverflowWrite by C code of a Rust-allocated block, handed
//             to C (shown under the default --report=crossing)
//   uaf       Rust frees the block, C then reads it through the pointer
//             it kept: UseAfterFree by C code
//   fixed     C stays within the block, reads it before Rust frees it:
//             nothing to report
use std::ptr::addr_of_mut;

extern "C" {
    fn c_fill(p: *mut u8, n: usize);
    fn c_keep(p: *const u8);
    fn c_peek_kept() -> u32;
}

const VG_USERREQ_MALLOCLIKE_BLOCK: usize = 0x1301;
const VG_USERREQ_FREELIKE_BLOCK: usize = 0x1302;

#[path = "../../include/ffican.rs"]
#[allow(dead_code)]
mod ffican;

// A Valgrind client request; natively it does nothing and answers 0.
fn vg_request(req: usize, a1: usize, a2: usize, a3: usize, a4: usize) -> usize {
    ffican::ffican_client_request(0, req, a1, a2, a3, a4, 0)
}

const RZ: usize = 16;
const SLOT: usize = 64;
const NSLOT: usize = 8;

#[repr(align(16))]
struct Arena([u8; NSLOT * SLOT]);

static mut ARENA: Arena = Arena([0; NSLOT * SLOT]);
static mut USED: [bool; NSLOT] = [false; NSLOT];

fn arena_alloc(n: usize) -> *mut u8 {
    assert!(n <= SLOT - 2 * RZ);
    unsafe {
        let used = &mut *addr_of_mut!(USED);
        let i = used.iter().position(|u| !u).expect("arena full");
        used[i] = true;
        let p = (addr_of_mut!(ARENA.0) as *mut u8).add(i * SLOT + RZ);
        vg_request(VG_USERREQ_MALLOCLIKE_BLOCK, p as usize, n, RZ, 0);
        p
    }
}

fn arena_free(p: *mut u8) {
    unsafe {
        let base = addr_of_mut!(ARENA.0) as *mut u8;
        (*addr_of_mut!(USED))[(p as usize - base as usize) / SLOT] = false;
    }
    vg_request(VG_USERREQ_FREELIKE_BLOCK, p as usize, RZ, 0, 0);
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let p = arena_alloc(24);
    unsafe {
        match mode.as_str() {
            "overflow" => {
                c_fill(p, 25);
                arena_free(p);
            }
            "uaf" => {
                c_fill(p, 24);
                c_keep(p);
                arena_free(p);
                let _ = c_peek_kept();
            }
            _ => {
                c_fill(p, 24);
                c_keep(p);
                println!("first byte {}", c_peek_kept());
                arena_free(p);
            }
        }
    }
    println!("done");
}
