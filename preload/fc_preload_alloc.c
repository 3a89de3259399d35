/* fc_preload_alloc.c: replacements that run inside the client
   (vgpreload_ffican-amd64-linux.so).

   Valgrind's stock malloc replacement (linked in whole) already sends the
   malloc family and C++ new/delete to the tool.  This file adds what it
   lacks, each as a thin client request into the tool (fc_preload_requests.h):
   - Rust's allocator shims (wrapped), both symbol schemes, in any object:
     the plain `__rust_alloc` of older rustc and the v0-mangled
     `_RNv..._7___rustc12___rust_alloc` of current ones (the same for
     dealloc, realloc and alloc_zeroed).  Soname "*" because a Rust
     cdylib may have a soname of its own or none.
   - sized operator delete, whose size the stock version drops: same
     equivalence class as the stock FREE replacements (1005), priority 1,
     so ours wins.
   - reallocarray, which glibc implements with its internal realloc.

   Compiled without libc: nothing here may call into the client's libc
   except through a weak __errno_location.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_redir.h"
#include "valgrind.h"
#include "fc_preload_requests.h"

/* Soname "*", Z-encoded. */
#define FC_Z_ANY_SONAME Za

#define FC_REQ5(req, a1, a2, a3, a4, a5) \
   VALGRIND_DO_CLIENT_REQUEST_EXPR(0, req, a1, a2, a3, a4, a5)

/* ---------------- Rust allocator shims ---------------- */

/* These are wrappers, not replacements: the tool answers FC_RUN_NATIVE
   for shims of objects it cannot check (a #[global_allocator] of the
   program's own, shims partly inlined by fat LTO), and then the original
   shim runs, so the program's own allocator is never bypassed.  Otherwise
   the tool does the allocation itself. */

#define FC_WRAP_RUST(fnname) \
   VG_WRAP_FUNCTION_EZZ(00000, FC_Z_ANY_SONAME, fnname)

/* A macro, not a function, so that stacks show no extra inlined frame. */
#define FC_RUST_ALLOC_BODY(size, align, zeroed)                             \
   OrigFn fn;                                                              \
   VALGRIND_GET_ORIG_FN(fn);                                               \
   UWord r = FC_REQ5(FC_REQ_RUST_ALLOC, size, align, zeroed, fn.nraddr, 0); \
   if (r == FC_RUN_NATIVE)                                                 \
      CALL_FN_W_WW(r, fn, size, align);                                    \
   return (void*)r;

/* The four wrappers for one spelling of the shims' names (Z-encoded
   prefix `pre`, then __rust_alloc and so on). */
#define FC_RUST_SHIMS(pre)                                                  \
   void* FC_WRAP_RUST(pre##ZuZurustZualloc)(SizeT size, SizeT align);     \
   void* FC_WRAP_RUST(pre##ZuZurustZualloc)(SizeT size, SizeT align)      \
   {                                                                       \
      FC_RUST_ALLOC_BODY(size, align, 0)                                   \
   }                                                                       \
   void* FC_WRAP_RUST(pre##ZuZurustZuallocZuzeroed)(SizeT size,            \
                                                    SizeT align);          \
   void* FC_WRAP_RUST(pre##ZuZurustZuallocZuzeroed)(SizeT size,            \
                                                    SizeT align)           \
   {                                                                       \
      FC_RUST_ALLOC_BODY(size, align, 1)                                   \
   }                                                                       \
   void FC_WRAP_RUST(pre##ZuZurustZudealloc)(void* p, SizeT size,          \
                                             SizeT align);                 \
   void FC_WRAP_RUST(pre##ZuZurustZudealloc)(void* p, SizeT size,          \
                                             SizeT align)                  \
   {                                                                       \
      OrigFn fn;                                                           \
      VALGRIND_GET_ORIG_FN(fn);                                            \
      UWord r = FC_REQ5(FC_REQ_RUST_DEALLOC, p, size, align, fn.nraddr, 0);\
      if (r == FC_RUN_NATIVE)                                              \
         CALL_FN_v_WWW(fn, p, size, align);                                \
   }                                                                       \
   void* FC_WRAP_RUST(pre##ZuZurustZurealloc)                              \
      (void* p, SizeT old_size, SizeT align, SizeT new_size);              \
   void* FC_WRAP_RUST(pre##ZuZurustZurealloc)                              \
      (void* p, SizeT old_size, SizeT align, SizeT new_size)               \
   {                                                                       \
      OrigFn fn;                                                           \
      VALGRIND_GET_ORIG_FN(fn);                                            \
      UWord r = FC_REQ5(FC_REQ_RUST_REALLOC, p, old_size, align, new_size, \
                        fn.nraddr);                                        \
      if (r == FC_RUN_NATIVE)                                              \
         CALL_FN_W_WWWW(r, fn, p, old_size, align, new_size);              \
      return (void*)r;                                                     \
   }

/* Plain __rust_alloc (older rustc), and _RNv...___rust_alloc (current
   rustc's v0 mangling: `_RNvCs<hash>_7___rustc12___rust_alloc`).  Both
   patterns fail on a typical symbol's first characters, so matching them
   against every symbol of every object (libc's full table included) is
   quick, where "*__rust_alloc" made Valgrind try each position of each
   name. */
/* tool/fc_objects.c (fc_wrapped_op) counts exactly the names these two
   patterns match; change both together. */
FC_RUST_SHIMS()
FC_RUST_SHIMS(ZuRNvZa)

/* ---------------- sized operator delete ---------------- */

#define FC_SIZED_DELETE(soname, fnname, is_array)                          \
   void VG_REPLACE_FUNCTION_EZU(10051, soname, fnname)(void* p, SizeT n);  \
   void VG_REPLACE_FUNCTION_EZU(10051, soname, fnname)(void* p, SizeT n)   \
   {                                                                       \
      if (p != NULL)                                                       \
         (void)FC_REQ5(FC_REQ_SIZED_DELETE, p, n, 0, is_array, 0);         \
   }

#define FC_SIZED_DELETE_ALIGNED(soname, fnname, is_array)                  \
   void VG_REPLACE_FUNCTION_EZU(10051, soname, fnname)                     \
      (void* p, SizeT n, SizeT al);                                        \
   void VG_REPLACE_FUNCTION_EZU(10051, soname, fnname)                     \
      (void* p, SizeT n, SizeT al)                                         \
   {                                                                       \
      if (p != NULL)                                                       \
         (void)FC_REQ5(FC_REQ_SIZED_DELETE, p, n, al, is_array, 0);        \
   }

#define FC_SIZED_DELETES(soname)                                   \
   FC_SIZED_DELETE(soname, _ZdlPvm, 0)                             \
   FC_SIZED_DELETE(soname, _ZdaPvm, 1)                             \
   FC_SIZED_DELETE_ALIGNED(soname, _ZdlPvmSt11align_val_t, 0)      \
   FC_SIZED_DELETE_ALIGNED(soname, _ZdaPvmSt11align_val_t, 1)

FC_SIZED_DELETES(VG_Z_LIBSTDCXX_SONAME)
FC_SIZED_DELETES(VG_Z_LIBCXX_SONAME)
FC_SIZED_DELETES(VG_Z_LIBC_SONAME)
FC_SIZED_DELETES(SO_SYN_MALLOC)

/* ---------------- reallocarray ---------------- */

extern int* __errno_location(void) __attribute__((weak));

#define FC_REALLOCARRAY(soname)                                            \
   void* VG_REPLACE_FUNCTION_EZU(10091, soname, reallocarray)              \
      (void* p, SizeT nmemb, SizeT size);                                  \
   void* VG_REPLACE_FUNCTION_EZU(10091, soname, reallocarray)              \
      (void* p, SizeT nmemb, SizeT size)                                   \
   {                                                                       \
      void* q = (void*)FC_REQ5(FC_REQ_REALLOCARRAY, p, nmemb, size, 0, 0); \
      if (q == NULL && nmemb != 0 && size != 0 && __errno_location)        \
         *__errno_location() = 12 /* ENOMEM */;                            \
      return q;                                                            \
   }

FC_REALLOCARRAY(VG_Z_LIBC_SONAME)
FC_REALLOCARRAY(SO_SYN_MALLOC)
