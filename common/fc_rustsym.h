/* fc_rustsym.h: what a symbol name says about Rust.
 *
 * One implementation, shared by ffican-scan (a host program) and the
 * Valgrind tool: the mangling scheme of a symbol, whether it is one of
 * Rust's allocator shims (and in which form), the crate a mangled Rust
 * symbol belongs to, and where a shim's first instruction jumps.
 *
 * Freestanding C: no libc call and no header beyond this one, so the
 * Valgrind tool (which has no libc) can compile it as it is.  Every
 * function reads NUL-terminated strings or a byte range it is given and
 * writes only into caller buffers of a stated size.
 *
 * Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later.
 */
#ifndef FC_RUSTSYM_H
#define FC_RUSTSYM_H

/* The mangling scheme of a symbol name. */
enum fc_sym_scheme {
	FC_SYM_PLAIN,		/* not mangled: C, #[no_mangle] Rust, asm */
	FC_SYM_RUST_LEGACY,	/* _ZN...17h<16 hex digits>E */
	FC_SYM_RUST_V0,		/* _R... (RFC 2603) */
	FC_SYM_ITANIUM,		/* any other _Z...: C++ */
};

enum fc_sym_scheme fc_sym_scheme(const char *sym);

/* "plain", "rust-legacy", "rust-v0", "itanium". */
const char *fc_sym_scheme_name(enum fc_sym_scheme scheme);

/* The allocator operation of a shim (bit values, to be or'ed in sets). */
enum fc_shim_op {
	FC_SHIM_OP_NONE = 0,
	FC_SHIM_OP_ALLOC = 1,		/* __rust_alloc */
	FC_SHIM_OP_DEALLOC = 2,		/* __rust_dealloc */
	FC_SHIM_OP_REALLOC = 4,		/* __rust_realloc */
	FC_SHIM_OP_ALLOC_ZEROED = 8,	/* __rust_alloc_zeroed */
};

/* Which kind of allocator symbol, in which form. */
enum fc_shim_form {
	FC_SHIM_NONE,		/* not an allocator symbol */
	FC_SHIM_PLAIN,		/* __rust_alloc: the shim, unmangled (older rustc) */
	FC_SHIM_MANGLED,	/* _R..___rust_alloc: the shim, v0-mangled */
	FC_SHIM_RDL,		/* __rdl_alloc: Rust's default (System) allocator */
	FC_SHIM_RG,		/* __rg_alloc: a #[global_allocator]'s entry */
};

/*
 * Classifies sym.  The name must be exactly the shim's (`__rust_alloc`,
 * `__rdl_alloc`, `__rg_alloc`, ...) or a v0 path whose last identifier is
 * it (`_RNvCs1234_7___rustc12___rust_alloc`); a `.llvm.NNN` suffix is
 * ignored.  *op (if op is not 0) gets the operation, FC_SHIM_OP_NONE for
 * FC_SHIM_NONE.
 */
enum fc_shim_form fc_rust_shim(const char *sym, enum fc_shim_op *op);

/* "plain", "v0-mangled", "rdl", "rg", "none". */
const char *fc_shim_form_name(enum fc_shim_form form);

/* "alloc", "dealloc", "realloc", "alloc_zeroed", "none". */
const char *fc_shim_op_name(enum fc_shim_op op);

/*
 * The crate of a mangled Rust symbol: the first component of a legacy
 * path (for `<T as Trait>` impls, the crate of T's path), the crate root
 * of a v0 path.  Writes it NUL-terminated into out (at most outsz bytes,
 * cut to fit) and returns its full length; returns -1 (out = "") when sym
 * is not a Rust symbol or its path cannot be followed.
 */
int fc_rust_crate(const char *sym, char *out, int outsz);

/*
 * Where the code at addr jumps when it is one direct jump: an optional
 * endbr64 then `jmp rel32` (E9) or `jmp rel8` (EB).  code holds avail
 * bytes starting at addr.  Returns 1 and sets *target, else 0.  This is
 * how the default shim looks: a jump to __rdl_*.
 */
int fc_jump_target(const unsigned char *code, unsigned long avail,
		   unsigned long addr, unsigned long *target);

#endif /* FC_RUSTSYM_H */
