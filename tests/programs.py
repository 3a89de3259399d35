# The test programs: each call declares one thing to build into the build
# directory (output path first, relative to it); sources are relative to
# tests/. Helpers (defined in run-tests):
#   rust_bin(out, rs, c=[...], cxx=[...],
#            rustc='rustc'|'rustc-debian'|'rustc-nightly',
#            rflags=None (default: --edition 2021 -g -C opt-level=0),
#            extra_rflags=[...])
#       Rust main program; C/C++ sources go into a static library it links.
#   rust_staticlib(out, rs)   rust_cdylib(out, rs, soname=None)
#   c_bin(out, c=[...], cxx=[...], rust_staticlib=LIB, cdylib=LIB, libs=[...])
#       C (or C++) main program, linked with a Rust staticlib or cdylib
#       (found next to the program through an $ORIGIN rpath).
# Test programs take their mode (bug / fixed / ...) as an argument; the
# .vgtest files choose it.

# -- basic: no FFI misuse at all
rust_bin('basic/rust_only_clean', 'basic/rust_only_clean.rs')
c_bin('basic/c_only_clean', ['basic/c_only_clean.c'])
rust_staticlib('basic/libmixed_clean_rs.a', 'basic/mixed_clean_rs.rs')
c_bin('basic/mixed_clean', ['basic/mixed_clean.c'],
      rust_staticlib='basic/libmixed_clean_rs.a')

# -- ForeignFree
rust_bin('foreign/box_c_free', 'foreign/box_c_free.rs',
         c=['foreign/box_c_free_c.c'])
rust_bin('foreign/cstring_c_free', 'foreign/cstring_c_free.rs',
         c=['foreign/cstring_c_free_c.c'])
rust_bin('foreign/c_string_rust_drop', 'foreign/c_string_rust_drop.rs',
         c=['foreign/c_string_rust_drop_c.c'])
rust_bin('foreign/vec_c_realloc', 'foreign/vec_c_realloc.rs',
         c=['foreign/vec_c_realloc_c.c'])

# -- LayoutMismatch
rust_bin('layout/vec_wrong_capacity', 'layout/vec_wrong_capacity.rs',
         c=['layout/vec_wrong_capacity_c.c'])
rust_staticlib('layout/libc_wrong_len_rs.a', 'layout/c_wrong_len_rs.rs')
c_bin('layout/c_wrong_len', ['layout/c_wrong_len.c'],
      rust_staticlib='layout/libc_wrong_len_rs.a')

# -- DoubleFree
rust_bin('double/callback_then_drop', 'double/callback_then_drop.rs',
         c=['double/callback_then_drop_c.c'])
rust_bin('double/c_block_twice', 'double/c_block_twice.rs',
         c=['double/c_block_twice_c.c'])

# -- InvalidFree
rust_bin('invalid/c_free_interior', 'invalid/c_free_interior.rs',
         c=['invalid/c_free_interior_c.c'])
rust_bin('invalid/rust_box_interior', 'invalid/rust_box_interior.rs',
         c=['invalid/rust_box_interior_c.c'])
rust_bin('invalid/c_free_stack', 'invalid/c_free_stack.rs',
         c=['invalid/c_free_stack_c.c'])
rust_bin('invalid/rust_free_c_interior', 'invalid/rust_free_c_interior.rs',
         c=['invalid/rust_free_c_interior_c.c'])

# -- C++ families
c_bin('cxx/new_free', ['cxx/new_free.c'], cxx=['cxx/cxx_counter.cc'])
c_bin('cxx/newarr_delete', [], cxx=['cxx/newarr_delete.cc'])
c_bin('cxx/sized_delete', [], cxx=['cxx/sized_delete.cc'])

# -- legacy symbol scheme (plain __rust_alloc): Debian's rustc 1.63
rust_bin('legacy/box_c_free', 'foreign/box_c_free.rs',
         c=['foreign/box_c_free_c.c'], rustc='rustc-debian')

# -- Rust cdylib used from C, with and without a soname, linked and dlopen'd
rust_cdylib('cdylib/libstrso.so', 'cdylib/strlib.rs', soname='libstrso.so')
rust_cdylib('cdylib/libstrnoso.so', 'cdylib/strlib.rs')
c_bin('cdylib/linked_so', ['cdylib/strlib_linked.c'],
      cdylib='cdylib/libstrso.so')
c_bin('cdylib/linked_noso', ['cdylib/strlib_linked.c'],
      cdylib='cdylib/libstrnoso.so')
c_bin('cdylib/dlopen', ['cdylib/strlib_dlopen.c'], libs=['-ldl'])

# -- threads
rust_bin('threads/rust_threads', 'threads/rust_threads.rs',
         c=['threads/rust_threads_c.c'])
rust_staticlib('threads/libc_pthreads_rs.a', 'threads/c_pthreads_rs.rs')
c_bin('threads/c_pthreads', ['threads/c_pthreads.c'],
      rust_staticlib='threads/libc_pthreads_rs.a', libs=['-lpthread'])

# -- binaries whose Rust allocator shims cannot be seen
rust_bin('stripped/mixed_ok_stripped', 'stripped/mixed_ok.rs',
         c=['stripped/mixed_ok_c.c'], extra_rflags=['-C', 'strip=symbols'])
rust_bin('stripped/mixed_ok_stripped_legacy', 'stripped/mixed_ok.rs',
         c=['stripped/mixed_ok_c.c'], rustc='rustc-debian',
         extra_rflags=['-C', 'strip=symbols'])
rust_bin('stripped/mixed_ok_lto', 'stripped/mixed_ok.rs',
         c=['stripped/mixed_ok_c.c'],
         rflags=['--edition', '2021', '-g', '-C', 'lto=fat',
                 '-C', 'opt-level=3'])

# -- more clean programs that must stay clean, and layout via CString
rust_bin('basic/global_allocator', 'basic/global_allocator.rs')
rust_bin('basic/rust_panic', 'basic/rust_panic.rs')
c_bin('cxx/stl', [], cxx=['cxx/stl.cc'])
rust_bin('layout/cstring_shortened', 'layout/cstring_shortened.rs',
         c=['layout/cstring_shortened_c.c'])
c_bin('basic/libc_allocs', ['basic/libc_allocs.c'])
rust_bin('foreign/rust_malloc_vec', 'foreign/rust_malloc_vec.rs')

# -- report modes and side classification (lead)
rust_bin('report/pure_rust_layout', 'report/pure_rust_layout.rs')
rust_staticlib('sides/libno_mangle_rs.a', 'sides/no_mangle_rs.rs')
c_bin('sides/no_mangle', ['sides/no_mangle.c'],
      rust_staticlib='sides/libno_mangle_rs.a')

# -- access: out-of-bounds and use-after-free across the boundary (lead)
rust_bin('access/vec_overflow', 'access/vec_overflow.rs',
         c=['access/vec_overflow_c.c'])
rust_bin('access/c_struct_uaf', 'access/c_struct_uaf.rs',
         c=['access/c_struct_uaf_c.c'])
rust_bin('access/dangling_as_ptr', 'access/dangling_as_ptr.rs',
         c=['access/dangling_as_ptr_c.c'])
rust_bin('access/exact_bounds', 'access/exact_bounds.rs',
         c=['access/exact_bounds_c.c'])
rust_bin('access/extent', 'access/extent.rs', c=['access/extent_c.c'])
rust_bin('access/threads_overflow', 'access/threads_overflow.rs',
         c=['access/vec_overflow_c.c'])
c_bin('access/syscall_uaf', ['access/syscall_uaf.c'])

# -- robustness: fork, signals, a large heap, threads, exec (lead)
c_bin('robust/robust', ['robust/robust.c'], libs=['-lpthread'])
c_bin('robust/huge_blocks', ['robust/huge_blocks.c'])
c_bin('robust/stack_cache', ['robust/stack_cache.c'])

# -- boundary: declared boundaries (--boundary=FILE, --side-object,
#    --side-function); owned by the boundary work (fc_boundary.c).
# A C program and its own C library as two sides: the library is a plain
# C shared object (c_bin with -fPIC/-shared), linked through the cdylib=
# helper ($ORIGIN rpath).
c_bin('boundary/libbndlib.so', ['boundary/bnd_lib.c'], cflags=['-fPIC'],
      libs=['-shared', '-Wl,-soname,libbndlib.so'])
c_bin('boundary/bnd_app', ['boundary/bnd_app.c'],
      cdylib='boundary/libbndlib.so')

# -- clientreq: the public client requests (ffican.h from C, ffican.rs from
#    Rust, also built with Debian's rustc 1.63). The sources include
#    ../../include/ffican.h and ffican.rs by relative path.
rust_staticlib('clientreq/libcreq_lib.a', 'clientreq/creq_lib.rs')
c_bin('clientreq/c_requests', ['clientreq/creq_main.c'],
      rust_staticlib='clientreq/libcreq_lib.a')
rust_bin('clientreq/rust_requests', 'clientreq/rreq_main.rs',
         c=['clientreq/rreq_helper.c'])
rust_bin('clientreq/rust_requests_legacy', 'clientreq/rreq_main.rs',
         c=['clientreq/rreq_helper.c'], rustc='rustc-debian')

# -- leaks: the leak search (fc_leaks.c, docs/leaks.md); owned by the leak
#    work. handed.rs: ownership handed across and kept, lost or returned;
#    lk_pure.c: plain C cases and Memcheck's leak requests (memcheck.h);
#    lk_exit.rs: process::exit with live hash tables, the Rust hello-world.
rust_bin('leaks/handed', 'leaks/handed.rs', c=['leaks/handed_c.c'])
c_bin('leaks/lk_pure', ['leaks/lk_pure.c'])
rust_bin('leaks/lk_exit', 'leaks/lk_exit.rs')
# -- end leaks

# -- strmem: libc string and memory functions replaced in the preload
#    (fc_preload_strings.c, docs/string-functions.md); owned by the string-functions
#    work. Exact-bound programs must stay clean; sm_overflow and sm_rust
#    overflow by one byte in their "bug" mode. -fno-builtin so that every
#    call reaches libc.
c_bin('strmem/sm_exact', ['strmem/sm_exact.c'], cflags=['-fno-builtin'])
c_bin('strmem/sm_glibc', ['strmem/sm_glibc.c'], cflags=['-fno-builtin'],
      libs=['-ldl'])
c_bin('strmem/sm_overflow', ['strmem/sm_overflow.c'],
      cflags=['-fno-builtin'])
c_bin('strmem/sm_chk', ['strmem/sm_chk.c'], cflags=['-fno-builtin'])
rust_bin('strmem/sm_rust', 'strmem/sm_rust.rs', c=['strmem/sm_rust_c.c'],
         cflags=['-fno-builtin'])
# -- end strmem

# -- mcreq: Valgrind's own heap and memory client requests (valgrind.h,
#    memcheck.h) as programs written for Memcheck make them (fc_memcheck_requests.c,
#    docs/memcheck-requests.md); owned by the Memcheck-requests work.
#    mc_alloc.c: MALLOCLIKE/FREELIKE/RESIZEINPLACE allocator; mc_pool.c:
#    mempools; mc_mem.c: MAKE_MEM_*, CHECK_MEM_*, V-bits, block handles;
#    mc_rust.rs: a Rust allocator's blocks handed to C.
c_bin('mcreq/mc_alloc', ['mcreq/mc_alloc.c'])
c_bin('mcreq/mc_pool', ['mcreq/mc_pool.c'])
c_bin('mcreq/mc_mem', ['mcreq/mc_mem.c'])
c_bin('mcreq/mc_heap', ['mcreq/mc_heap.c'])
rust_bin('mcreq/mc_rust', 'mcreq/mc_rust.rs', c=['mcreq/mc_rust_c.c'])
#    mc_stack.c: blocks and mempool chunks declared in a stack array
#    (dropped when their frame dies), also at -O2.
c_bin('mcreq/mc_stack', ['mcreq/mc_stack.c'])
c_bin('mcreq/mc_stack_o2', ['mcreq/mc_stack.c'], cflags=['-O2'])
# -- end mcreq

# -- UninitRead (definedness): uninitialised bytes used (branched on, used
#    as an address, written by a system call, passed across the boundary
#    with --check-crossing-args=yes), with heap origins; copies of
#    uninitialised bytes (padding, memcpy, spare capacity) must stay silent.
#    Sources are named un_* (the filter keeps frames by file name).
UN_RFLAGS_O3 = ['--edition', '2021', '-g', '-C', 'opt-level=3']
rust_bin('uninit/vec_spare', 'uninit/un_vec_spare.rs',
         c=['uninit/un_vec_spare_c.c'])
rust_bin('uninit/c_field', 'uninit/un_c_field.rs',
         c=['uninit/un_c_field_c.c'])
rust_bin('uninit/maybe_uninit', 'uninit/un_maybe_uninit.rs',
         c=['uninit/un_maybe_uninit_c.c'])
c_bin('uninit/padded', ['uninit/un_padded.c'])
c_bin('uninit/padded_o2', ['uninit/un_padded.c'], cflags=['-O2'])
c_bin('uninit/bitfields', ['uninit/un_bitfields.c'])
c_bin('uninit/bitfields_o2', ['uninit/un_bitfields.c'], cflags=['-O2'])
# Optimised loops: cflags come after the default -O0 and override it.
c_bin('uninit/opt_loops_o2', ['uninit/un_opt_loops.c'], cflags=['-O2'])
c_bin('uninit/opt_loops_o3', ['uninit/un_opt_loops.c'], cflags=['-O3'])
c_bin('uninit/fp_lanes', ['uninit/un_fp_lanes.c'], cflags=['-O2'])
c_bin('access/odd_tail', ['access/odd_tail.c'])
c_bin('uninit/disjoint', ['uninit/un_disjoint.c'])
c_bin('uninit/carries', ['uninit/un_carries.c'])
c_bin('uninit/vec_init', ['uninit/un_vec_init.c'])
rust_bin('uninit/opt_rust', 'uninit/un_opt_rust.rs', rflags=UN_RFLAGS_O3)
rust_bin('uninit/opt_mixed', 'uninit/un_opt_mixed.rs',
         c=['uninit/un_opt_mixed_c.c'], cflags=['-O3'], rflags=UN_RFLAGS_O3)
# String functions: -fno-builtin so that every call reaches libc.
c_bin('uninit/strings', ['uninit/un_strings.c'], cflags=['-fno-builtin'])
rust_bin('uninit/str_rust', 'uninit/un_str_rust.rs',
         c=['uninit/un_str_rust_c.c'], cflags=['-fno-builtin'])
rust_bin('uninit/write', 'uninit/un_write.rs', c=['uninit/un_write_c.c'])
rust_bin('uninit/cross', 'uninit/un_cross.rs', c=['uninit/un_cross_c.c'])
c_bin('uninit/c_only', ['uninit/un_c_only.c'])
# Other uses: a load address, a cmov (C at -O2 so that it is one) and a
# system call argument.
rust_bin('uninit/uses', 'uninit/un_uses.rs', c=['uninit/un_uses_c.c'],
         cflags=['-O2'])
# Standard libraries' own uses of uninitialised memory: must stay clean.
rust_bin('uninit/std_clean', 'uninit/un_std_clean.rs')
rust_bin('uninit/std_clean_o3', 'uninit/un_std_clean.rs', rflags=UN_RFLAGS_O3)
c_bin('uninit/libc_clean', ['uninit/un_libc_clean.c'])
# Uninitialised bytes copied into another block before their use.
rust_bin('uninit/copy', 'uninit/un_copy.rs', c=['uninit/un_copy_c.c'])
# Atomic read-modify-writes (CAS loops in Valgrind's IR) of every size.
rust_bin('uninit/atomics', 'uninit/un_atomics.rs', c=['uninit/un_atomics_c.c'])
# Origins through values: C (-O2) sums a Rust Vec's unwritten bytes through
# saved registers, a stack slot and two returns; Rust branches on the sum.
rust_bin('uninit/origins', 'uninit/un_origins.rs', c=['uninit/un_origins_c.c'],
         cflags=['-O2'])
# -- end uninit

# -- scan: binaries ffican-scan reads (scan/, docs/scan.md); owned by the
#    ffican-scan work.  sc_ffi: Rust with static C (buffer, typed array,
#    callback, exported Rust function) built by each rustc and with each
#    flag that hides the allocator shims; sc_galloc: #[global_allocator];
#    sc_lib: a Rust cdylib with a C API used by a C program; sc_cxx: C++
#    and C.  The nightly (v0) build is made by its test script.
rust_bin('scan/sc_ffi', 'scan/sc_ffi.rs', c=['scan/sc_ffi_c.c'])
rust_bin('scan/sc_ffi_legacy', 'scan/sc_ffi.rs', c=['scan/sc_ffi_c.c'],
         rustc='rustc-debian')
rust_bin('scan/sc_ffi_stripped', 'scan/sc_ffi.rs', c=['scan/sc_ffi_c.c'],
         extra_rflags=['-C', 'strip=symbols'])
rust_bin('scan/sc_ffi_lto', 'scan/sc_ffi.rs', c=['scan/sc_ffi_c.c'],
         rflags=['--edition', '2021', '-g', '-C', 'lto=fat',
                 '-C', 'opt-level=3'])
rust_bin('scan/sc_ffi_lto_nodebug', 'scan/sc_ffi.rs', c=['scan/sc_ffi_c.c'],
         rflags=['--edition', '2021', '-C', 'lto=fat', '-C', 'opt-level=3'])
rust_bin('scan/sc_galloc', 'scan/sc_galloc.rs', c=['scan/sc_ffi_c.c'])
rust_cdylib('scan/libsclib.so', 'scan/sc_lib.rs', soname='libsclib.so')
c_bin('scan/sc_lib_main', ['scan/sc_lib_main.c'], cdylib='scan/libsclib.so')
c_bin('scan/sc_cxx', ['scan/sc_cxx_c.c'], cxx=['scan/sc_cxx.cc'])
# optimised: GCC and rustc describe calls with DW_TAG_call_site entries
rust_bin('scan/sc_ffi_o2', 'scan/sc_ffi.rs', c=['scan/sc_ffi_c.c'],
         cflags=['-O2'], rflags=['--edition', '2021', '-g',
                                 '-C', 'opt-level=2'])
# -- end scan

# -- Memcheck's options (memcheck_opts)
c_bin('memcheck_opts/mo_leaks', ['memcheck_opts/mo_leaks.c'])
c_bin('memcheck_opts/mo_fill', ['memcheck_opts/mo_fill.c'])
c_bin('memcheck_opts/mo_access', ['memcheck_opts/mo_access.c'])
# -- shims: Rust's allocator shims recognised under every build flag and
#    symbol scheme (fc_objects.c; issue 16 item 1).  The same Box handed to
#    C (foreign/box_c_free) and the counting #[global_allocator]
#    (basic/global_allocator), built by current stable rustc (v0-mangled
#    shims), nightly with -C symbol-mangling-version=v0 (everything v0) and
#    Debian's rustc 1.63 (plain __rust_alloc), with each flag that changes
#    how the shims look: opt-level 0 and 3, frame pointers, the large code
#    model, thin and fat LTO, std as a shared library.
SHIM_SCHEMES = [('stable', 'rustc', []),
                ('v0', 'rustc-nightly', ['-C', 'symbol-mangling-version=v0']),
                ('legacy', 'rustc-debian', [])]
SHIM_FLAGS = [('o0', ['-C', 'opt-level=0']),
              ('o3', ['-C', 'opt-level=3']),
              ('fp', ['-C', 'opt-level=0', '-C', 'force-frame-pointers=yes']),
              ('large', ['-C', 'opt-level=0', '-C', 'code-model=large']),
              ('thin_o0', ['-C', 'opt-level=0', '-C', 'lto=thin']),
              ('thin', ['-C', 'opt-level=3', '-C', 'lto=thin']),
              ('fat', ['-C', 'opt-level=3', '-C', 'lto=fat']),
              ('dyn', ['-C', 'opt-level=0', '-C', 'prefer-dynamic',
                       '-C', 'rpath'])]
for scheme, compiler, sflags in SHIM_SCHEMES:
    for flag, fflags in SHIM_FLAGS:
        rust_bin('shims/box_%s_%s' % (scheme, flag), 'foreign/box_c_free.rs',
                 c=['foreign/box_c_free_c.c'], rustc=compiler,
                 rflags=['--edition', '2021', '-g'] + sflags + fflags)
        if flag in ('o0', 'fp', 'large', 'dyn'):
            rust_bin('shims/galloc_%s_%s' % (scheme, flag),
                     'basic/global_allocator.rs', rustc=compiler,
                     rflags=['--edition', '2021', '-g'] + sflags + fflags)
# LTO at opt-level 3 (shims inlined): allocations told apart by their
# inlined callers.  Rust's own and libc's allocator side by side, a Rust
# Vec realloc'd then freed by C, a malloc block dropped as a Vec, a C
# string dropped as a CString; and a build without debug info (warned).
for flag in ('thin', 'fat'):
    lflags = ['--edition', '2021', '-g'] + dict(SHIM_FLAGS)[flag]
    rust_bin('shims/lto_mixed_%s' % flag, 'shims/lto_mixed.rs',
             c=['shims/lto_mixed_c.c'], rflags=lflags)
    rust_bin('shims/rust_malloc_vec_%s' % flag, 'foreign/rust_malloc_vec.rs',
             rflags=lflags)
    rust_bin('shims/c_string_rust_drop_%s' % flag,
             'foreign/c_string_rust_drop.rs',
             c=['foreign/c_string_rust_drop_c.c'], rflags=lflags)
rust_bin('shims/alloc_mix_fat', '../bench/workloads/alloc_mix/main.rs',
         c=['../bench/workloads/alloc_mix/cside.c'],
         rflags=['--edition', '2021', '-g'] + dict(SHIM_FLAGS)['fat'])
rust_bin('shims/box_stable_fat_nodebug', 'foreign/box_c_free.rs',
         c=['foreign/box_c_free_c.c'],
         rflags=['--edition', '2021'] + dict(SHIM_FLAGS)['fat'])
# -- end shims

# -- sides: rustc's generated functions (__rust_try) are Rust's
rust_bin('sides/rust_try', 'sides/rust_try.rs')
rust_bin('sides/rust_try_cb', 'sides/rust_try_cb.rs',
         c=['sides/rust_try_cb_c.c'])
# -- robustness: alignments above 16 MiB (issue 16)
rust_bin('robust/big_align', 'robust/big_align.rs', c=['robust/big_align_c.c'])
c_bin('robust/bad_requests', ['robust/bad_requests.c'])
# -- strmem: wide-character functions at exact bounds (issue 16)
c_bin('strmem/sm_wide', ['strmem/sm_wide.c'], cflags=['-fno-builtin'])
rust_bin('strmem/sm_wide_rust', 'strmem/sm_wide_rust.rs',
         c=['strmem/sm_wide_rust_c.c'], cflags=['-fno-builtin'])
# -- crossing: crossings by return value, out-parameter; owner through a
#    tail call (issue 16)
rust_bin('crossing/getter_child', 'crossing/getter_child.rs',
         c=['crossing/getter_child_c.c'])
rust_bin('crossing/outparam_open', 'crossing/outparam_open.rs',
         c=['crossing/outparam_open_c.c'])
rust_bin('crossing/tailcall_alloc', 'crossing/tailcall_alloc.rs',
         c=['crossing/tailcall_alloc_c.c'], cflags=['-O2'])
# -- nonheap: memory outside heap blocks as Memcheck checks it (issue 16,
#    item 4): unmapped memory, system-call pointers, stack NOACCESS,
#    fishy sizes, GET/SET_VBITS, --freelist-big-blocks; a Rust program
#    that maps, unmaps and uses stacks, clean
c_bin('nonheap/nh_mem', ['nonheap/nh_mem.c'])
rust_bin('nonheap/nh_rust', 'nonheap/nh_rust.rs')
