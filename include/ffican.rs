// ffican.rs: client requests for Rust programs that run under ffican.
//
// The Rust twin of ffican.h: one source file, no crate, no dependency,
// `no_std`-friendly (it uses only `core`).  Use it as a module:
//
//     #[path = "path/to/ffican.rs"] mod ffican;      // or copy it to src/
//     mod ffican { include!("path/to/ffican.rs"); }  // same thing
//
// then call `ffican::hand_over(ptr, Some("C"))`, `ffican::owner(ptr)`, ...
// Every function is safe to call: the tool only looks the pointer up
// among its heap blocks and never dereferences it.  When the program
// does not run under ffican (natively, or under another Valgrind tool)
// each call costs a few instructions and returns the "nothing" answer
// (false, OWNER_NONE, None).
//
// How: on x86-64 each call issues Valgrind's client-request sequence
// (the same instructions valgrind.h's amd64 macros produce: four rotates
// of rdi that add up to none, then `xchg rbx, rbx`, with rax pointing at
// six words [request, arg1..arg5] and the answer in rdx, which holds the
// default until Valgrind replaces it).  On the real CPU the sequence
// changes nothing.  Other architectures get the defaults.
//
// Works with rustc 1.59 and later (`core::arch::asm!`), any edition.
//
// Copyright (C) 2026 the ffican authors.
// SPDX-License-Identifier: MIT
//
// Permission is hereby granted, free of charge, to any person obtaining a
// copy of this file, to deal in it without restriction, including without
// limitation the rights to use, copy, modify, merge, publish, distribute,
// sublicense, and/or sell copies of it, subject to this notice being kept
// in all copies.  THE FILE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY
// KIND.

// ---------------------------------------------------------------------
// Numbers (the same as ffican.h's)
// ---------------------------------------------------------------------

/// VG_USERREQ_TOOL_BASE('F','C') + 0x100: first public request.
#[allow(dead_code)]
pub const PUBLIC_BASE: usize = (('F' as usize) << 24 | ('C' as usize) << 16) + 0x100;

#[allow(dead_code)]
pub const REQ_RUNNING: usize = PUBLIC_BASE;
#[allow(dead_code)]
pub const REQ_HAND_OVER: usize = PUBLIC_BASE + 1;
#[allow(dead_code)]
pub const REQ_TAKE_BACK: usize = PUBLIC_BASE + 2;
#[allow(dead_code)]
pub const REQ_DECLARE_BUFFER: usize = PUBLIC_BASE + 3;
#[allow(dead_code)]
pub const REQ_OWNER: usize = PUBLIC_BASE + 4;
#[allow(dead_code)]
pub const REQ_OWNER_NAME: usize = PUBLIC_BASE + 5;
#[allow(dead_code)]
pub const REQ_HANDED_TO: usize = PUBLIC_BASE + 6;

/// Answers of `owner` and `handed_to`: a side number plus one.
/// `OWNER_NONE`: not in a live heap block, not handed across, or not
/// running under ffican.  Sides declared in a boundary file number from
/// `OWNER_FIRST_DECLARED` on.
#[allow(dead_code)]
pub const OWNER_NONE: u32 = 0;
#[allow(dead_code)]
pub const OWNER_C: u32 = 2;
#[allow(dead_code)]
pub const OWNER_CXX: u32 = 3;
#[allow(dead_code)]
pub const OWNER_RUST: u32 = 4;
#[allow(dead_code)]
pub const OWNER_FIRST_DECLARED: u32 = 5;

// ---------------------------------------------------------------------
// The client-request sequence
// ---------------------------------------------------------------------

/// Issues request `req` with five arguments; `default` when not running
/// under Valgrind (or the tool does not answer).  Public so that other
/// Valgrind requests (valgrind.h's, memcheck.h's) can be made from Rust too.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
#[allow(dead_code)]
pub fn ffican_client_request(default: usize, req: usize, a1: usize, a2: usize,
                         a3: usize, a4: usize, a5: usize) -> usize {
    let args: [usize; 6] = [req, a1, a2, a3, a4, a5];
    let mut result = default;
    // SAFETY: the rotates of rdi add up to 64 * 2 bits (rdi ends as it
    // began) and `xchg rbx, rbx` changes nothing, so natively the block
    // only clobbers flags.  Under Valgrind the core reads the six words
    // at rax (not `nomem`: the tool may read memory the arguments point
    // to, such as a side name, and write an owner name) and sets rdx.
    unsafe {
        core::arch::asm!(
            "rol rdi, 3",
            "rol rdi, 13",
            "rol rdi, 61",
            "rol rdi, 51",
            "xchg rbx, rbx",
            in("rax") args.as_ptr(),
            inlateout("rdx") result,
            options(nostack)
        );
    }
    result
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
#[allow(dead_code)]
pub fn ffican_client_request(default: usize, _req: usize, _a1: usize, _a2: usize,
                         _a3: usize, _a4: usize, _a5: usize) -> usize {
    default
}

// ---------------------------------------------------------------------
// The requests
// ---------------------------------------------------------------------

/// True under ffican; false natively and under other Valgrind tools.
#[allow(dead_code)]
pub fn running() -> bool {
    ffican_client_request(0, REQ_RUNNING, 0, 0, 0, 0, 0) == 1
}

/// The heap block containing `ptr` is handed to `side` ("C", "C++",
/// "Rust" or a side declared in a boundary file; `None`: the other side,
/// C if the block's owner is Rust, Rust otherwise).  Reports about the
/// block then show where it was handed over.  Handing a block to its own
/// owner, or one already handed elsewhere, changes nothing.  True when
/// the block is now handed to that side.
#[allow(dead_code)]
pub fn hand_over<T: ?Sized>(ptr: *const T, side: Option<&str>) -> bool {
    let (name, len) = match side {
        Some(s) => (s.as_ptr() as usize, s.len()),
        None => (0, 0),
    };
    ffican_client_request(0, REQ_HAND_OVER, ptr as *const u8 as usize,
                          name, len, 0, 0) == 1
}

/// The owner takes the block containing `ptr` back: it is no longer
/// handed across.  True if it had been handed across.
#[allow(dead_code)]
pub fn take_back<T: ?Sized>(ptr: *const T) -> bool {
    ffican_client_request(0, REQ_TAKE_BACK, ptr as *const u8 as usize,
                          0, 0, 0, 0) == 1
}

/// The next boundary call this thread makes passes a buffer of `len`
/// bytes at `ptr` (heap, stack or static).  A second declaration before
/// that call replaces the first; `len` 0 withdraws it.  True when
/// recorded.
#[allow(dead_code)]
pub fn declare_buffer<T: ?Sized>(ptr: *const T, len: usize) -> bool {
    ffican_client_request(0, REQ_DECLARE_BUFFER, ptr as *const u8 as usize,
                          len, 0, 0, 0) == 1
}

/// Who owns the live heap block containing `ptr`: `OWNER_C`,
/// `OWNER_CXX`, `OWNER_RUST`, a declared side, or `OWNER_NONE` (stack,
/// static, released memory, or not running under ffican).
#[allow(dead_code)]
pub fn owner<T: ?Sized>(ptr: *const T) -> u32 {
    ffican_client_request(OWNER_NONE as usize, REQ_OWNER,
                          ptr as *const u8 as usize, 0, 0, 0, 0) as u32
}

/// The side the block containing `ptr` is handed to (`OWNER_*`
/// numbering), `OWNER_NONE` if it is not handed across.
#[allow(dead_code)]
pub fn handed_to<T: ?Sized>(ptr: *const T) -> u32 {
    ffican_client_request(OWNER_NONE as usize, REQ_HANDED_TO,
                          ptr as *const u8 as usize, 0, 0, 0, 0) as u32
}

/// A side name returned by `owner_name`.
#[derive(Clone, Copy)]
#[allow(dead_code)]
pub struct SideName {
    buf: [u8; 64],
    len: usize,
}

#[allow(dead_code)]
impl SideName {
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("?")
    }
}

impl core::fmt::Display for SideName {
    fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl core::fmt::Debug for SideName {
    fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        core::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// The name of the side that owns the live heap block containing `ptr`
/// ("Rust", "C", "C++", or a declared side), `None` if there is none
/// (or not running under ffican).
#[allow(dead_code)]
pub fn owner_name<T: ?Sized>(ptr: *const T) -> Option<SideName> {
    let mut name = SideName { buf: [0; 64], len: 0 };
    let n = ffican_client_request(0, REQ_OWNER_NAME, ptr as *const u8 as usize,
                                  name.buf.as_mut_ptr() as usize,
                                  name.buf.len(), 0, 0);
    if n == 0 {
        return None;
    }
    name.len = if n < name.buf.len() { n } else { name.buf.len() - 1 };
    Some(name)
}
