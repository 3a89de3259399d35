/* fc_bindtab.h: the bindings ffican knows, and how a binary shows that it
 * links one.
 *
 * A binding is a Rust -sys crate wrapping a C library: openssl-sys wraps
 * libssl and libcrypto, libgit2-sys wraps libgit2.  Its name (the crate's
 * package name) names its suppression file, suppressions/<name>.supp.  A
 * binary links a binding when
 *   - a Rust symbol's crate is the -sys crate (openssl_sys): only crates
 *     with Rust functions of their own show this way, most -sys crates are
 *     extern declarations only;
 *   - or it is Rust code and needs (DT_NEEDED) the binding's C library;
 *   - or it is Rust code and defines a symbol only that C library defines
 *     (a library built into the binary, as libgit2-sys and libsqlite3-sys
 *     bundle theirs).
 * One implementation, used by ffican-scan (which reports them) and by the
 * tool (which loads their files, --bindings=auto).
 *
 * Freestanding C, like fc_rustsym.h: no libc, no other header.
 *
 * Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later.
 */
#ifndef FC_BINDTAB_H
#define FC_BINDTAB_H

/*
 * The binding a -sys crate is: the crate `openssl_sys` is `openssl-sys`.
 * Writes it NUL-terminated into out (outsz bytes) and returns its length;
 * -1 (out = "") when crate is not a -sys crate or does not fit.
 */
int fc_binding_of_crate(const char *crate, char *out, int outsz);

/* The binding of the C library whose file or soname is lib
 * ("libssl.so.3", "/usr/lib/x86_64-linux-gnu/libz.so.1"), or 0. */
const char *fc_binding_of_library(const char *lib);

/* The binding of the C library that alone defines sym (a defined symbol of
 * the binary: "git_libgit2_init", "sqlite3_libversion"), or 0. */
const char *fc_binding_of_symbol(const char *sym);

#endif /* FC_BINDTAB_H */
