/* fc_sides.c: the classification of code into sides (the sides
   themselves, their ids and names, are fc_sidetab.c's).

   A code address is classified once and cached (a direct-mapped cache
   keyed by address; a collision only costs a recomputation).  The rules,
   first match wins:
     1. a declaration of the boundary (file or options, fc_boundary.c);
     2. runtime objects are "system": ld.so, libc, libm, libstdc++,
        libgcc_s, libc++, the Valgrind and ffican preloads, ...; so are
        PLT stubs;
     3. the source file's extension from debug info: .rs is Rust (so
        #[no_mangle] extern "C" Rust functions count as Rust), .c is C,
        .cc/.cpp/.cxx/.C/.c++ are C++; headers (.h, .hpp, none) decide
        nothing by themselves;
     4. the symbol's mangling (fc_sym_scheme, common/fc_rustsym.c): _R...
        (v0) and _ZN...17h<16 hex>E (legacy) are Rust, other _Z... C++, a
        plain name C, except the plain names rustc and std give functions
        they generate (fc_rustc_generated: __rust_try, rust_eh_personality,
        __rust_*, __rdl_*, __rg_*), which are Rust;
     5. the object: code with no symbol in an object rustc produced is
        Rust, elsewhere C.
   Two exceptions for code without debug info: the toolchain's startup
   functions (_start, _init, ...) are system, and the `main` of an object
   rustc produced is Rust (rustc generates it).  So a catch_unwind
   (Rust -> __rust_try -> Rust closure) is not a crossing.
   Classification happens when a block is allocated or released (a few
   cached lookups per stack) and when code is translated, never per
   executed instruction.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_execontext.h"
#include "pub_tool_stacktrace.h"
#include "pub_tool_options.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_vki.h"
#include "fc_sides.h"
#include "fc_sidetab.h"
#include "fc_boundary.h"
#include "fc_objects.h"
#include "fc_util.h"
#include "../common/fc_rustsym.h"


/* ------------------------------------------------------------------ */
/* Rules                                                               */
/* ------------------------------------------------------------------ */

/* Rule 2: basenames of runtime objects. */
static Bool fc_is_system_object(const HChar* obj)
{
   static const HChar* const prefixes[] = {
      "ld-linux", "ld64.so", "libc.so", "libc-", "libm.so", "libm-",
      "libpthread", "libdl.so", "libdl-", "librt.so", "librt-",
      "libstdc++", "libgcc_s", "libc++", "libunwind", "libresolv",
      "libnss_", "libutil", "vgpreload_", "libatomic", "libmvec",
   };
   const HChar* base = fc_basename(obj);
   for (UInt i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
      if (VG_(strncmp)(base, prefixes[i], VG_(strlen)(prefixes[i])) == 0)
         return True;
   return False;
}

/* Startup and teardown code the toolchain links into every executable
   (crt*.o), which has no debug info: system. */
static Bool fc_is_crt_function(const HChar* raw)
{
   static const HChar* const names[] = {
      "_start", "_init", "_fini", "__libc_csu_init", "__libc_csu_fini",
      "deregister_tm_clones", "register_tm_clones", "__do_global_dtors_aux",
      "frame_dummy",
   };
   for (UInt i = 0; i < sizeof names / sizeof names[0]; i++)
      if (VG_(strcmp)(raw, names[i]) == 0)
         return True;
   return False;
}

/* Rule 3: FC_SideNone when the extension decides nothing. */
static FC_SideId fc_side_of_file(const HChar* file)
{
   static const HChar* const cxx[] = { ".cc", ".cpp", ".cxx", ".C", ".c++" };
   if (fc_has_suffix(file, ".rs"))
      return FC_SideRust;
   if (fc_has_suffix(file, ".c"))
      return FC_SideC;
   for (UInt i = 0; i < sizeof cxx / sizeof cxx[0]; i++)
      if (fc_has_suffix(file, cxx[i]))
         return FC_SideCxx;
   return FC_SideNone;
}

/* Rule 4, by the mangling scheme (common/fc_rustsym.c, shared with
   ffican-scan).  g++'s static constructors and destructors
   (_GLOBAL__sub_I_file.cpp) are C++ although unmangled. */
static FC_SideId fc_side_of_symbol(const HChar* raw)
{
   switch (fc_sym_scheme(raw)) {
      case FC_SYM_RUST_V0:
      case FC_SYM_RUST_LEGACY:
         return FC_SideRust;
      case FC_SYM_ITANIUM:
         return FC_SideCxx;
      default:
         break;
   }
   if (VG_(strncmp)(raw, "_GLOBAL__sub_", 13) == 0)
      return FC_SideCxx;
   return FC_SideC;
}

/* The names a classification looks at.  The object's and the raw
   symbol's names point into the debug info and stay valid; only the
   demangled name lives in a buffer the next demangling reuses, so it is
   asked for only when there are boundary rules to match it against (the
   demangler was a tenth of translation time on test binaries). */
static FC_SideId fc_classify(Addr ip)
{
   DiEpoch ep = VG_(current_DiEpoch)();
   const HChar* obj = NULL;
   const HChar* raw = NULL;
   const HChar* fn = NULL;
   if (!VG_(get_objname)(ep, ip, &obj) || obj[0] == 0)
      obj = NULL;
   Bool has_sym = VG_(get_fnname_raw)(ep, ip, &raw) && raw[0] != 0;
   if (!has_sym)
      raw = NULL;
   Bool rules = fc_boundary_has_rules();
   if (rules && !VG_(get_fnname)(ep, ip, &fn))
      fn = NULL;

   /* PLT stubs (a lazily bound slot still points into them) lead to the
      dynamic linker, not to another side, whatever object holds them. */
   if (!has_sym && VG_(DebugInfo_sect_kind)(NULL, ip) == Vg_SectPLT)
      return FC_SideSystem;
   FC_SideId s = rules
                 ? fc_boundary_side_of(obj, fn && fn[0] ? fn : NULL, raw)
                 : FC_SideNone;
   if (s != FC_SideNone)
      return s;
   if (obj == NULL || fc_is_system_object(obj))
      return FC_SideSystem;
   const HChar* file;
   Bool has_file = VG_(get_filename)(ep, ip, &file);
   if (has_file) {
      s = fc_side_of_file(file);
      if (s != FC_SideNone)
         return s;
   }
   if (has_sym && !has_file && fc_is_crt_function(raw))
      return FC_SideSystem;
   /* rustc generates the C-ABI `main` of a Rust program, without a
      source file of its own, and unmangled functions of its own
      (__rust_try for catch_unwind, the allocator shims, ...). */
   if (has_sym && !has_file && VG_(strcmp)(raw, "main") == 0
       && fc_objects_is_rust(ip))
      return FC_SideRust;
   if (has_sym && fc_rustc_generated(raw))
      return FC_SideRust;
   if (has_sym)
      return fc_side_of_symbol(raw);
   return fc_objects_is_rust(ip) ? FC_SideRust : FC_SideC;
}

/* ------------------------------------------------------------------ */
/* The cache                                                           */
/* ------------------------------------------------------------------ */

#define FC_SIDE_CACHE_BITS 14
#define FC_SIDE_CACHE_SIZE (1 << FC_SIDE_CACHE_BITS)

typedef struct {
   Addr      ip;     /* 0 = empty */
   FC_SideId side;
} FC_SideCacheEnt;

static FC_SideCacheEnt fc_side_cache[FC_SIDE_CACHE_SIZE];

static UWord fc_side_hash(Addr ip)
{
   return (ip ^ (ip >> FC_SIDE_CACHE_BITS)) & (FC_SIDE_CACHE_SIZE - 1);
}

static ULong fc_n_lookups, fc_n_classified;   /* for --stats=yes */

FC_SideId fc_side_of_code(Addr ip)
{
   FC_SideCacheEnt* e = &fc_side_cache[fc_side_hash(ip)];
   fc_n_lookups++;
   if (e->ip != ip) {
      fc_n_classified++;
      e->side = fc_classify(ip);
      e->ip = ip;
   }
   return e->side;
}

static FC_SideCacheEnt fc_caller_cache[FC_SIDE_CACHE_SIZE];

void fc_sides_forget_range(Addr a, SizeT len)
{
   for (Int i = 0; i < FC_SIDE_CACHE_SIZE; i++) {
      if (fc_side_cache[i].ip >= a && fc_side_cache[i].ip - a < len)
         fc_side_cache[i].ip = 0;
      fc_caller_cache[i].ip = 0;   /* a callee may have gone (cheap: rare) */
   }
}

FC_SideId fc_side_of_stack(ExeContext* ec)
{
   return fc_side_of_ips(VG_(get_ExeContext_StackTrace)(ec),
                         VG_(get_ExeContext_n_ips)(ec));
}

FC_SideId fc_side_of_thread(ThreadId tid)
{
   /* As deep as the ExeContext the error will record (--num-callers). */
   Addr ips[FC_SIDE_FRAMES];
   UInt depth = VG_(clo_backtrace_size) < FC_SIDE_FRAMES
                ? VG_(clo_backtrace_size) : FC_SIDE_FRAMES;
   UInt n = VG_(get_StackTrace)(tid, ips, depth, NULL, NULL, 0);
   return fc_side_of_ips(ips, n);
}

/* ------------------------------------------------------------------ */
/* Allocators reached by a tail call                                   */
/* ------------------------------------------------------------------ */

/* A wrapper that ends in `jmp malloc` (OpenSSL's CRYPTO_malloc) leaves
   no frame: the allocator's stack shows the wrapper's caller, calling
   the wrapper.  So when the first non-system frame of a stack (not its
   top) is a call into code of another non-system side, that code went
   on to the system function above it by a jump, and it is that code's
   side that called it.  The call is decoded from the caller's bytes:
   `call rel32` (through a PLT stub too) or `call *disp32(%rip)` (a GOT
   slot: rustc's and -fno-plt's calls); a call through a register is not
   followed.  Each return address is decoded once (a direct-mapped cache
   beside the side cache; the decoding is fc_callee_of, fc_util.c). */

/* The side that called the system code above frame `ip` (a return
   address minus one), whose own code is of side `side`. */
static FC_SideId fc_side_calling(Addr ip, FC_SideId side)
{
   FC_SideCacheEnt* e = &fc_caller_cache[fc_side_hash(ip)];
   if (e->ip != ip) {
      Addr callee = fc_callee_of(ip + 1);
      FC_SideId cs = callee ? fc_side_of_code(callee) : FC_SideSystem;
      e->side = cs != FC_SideSystem && cs != FC_SideNone ? cs : side;
      e->ip = ip;
   }
   return e->side;
}

FC_SideId fc_side_of_ips(const Addr* ips, Int n)
{
   for (Int i = 0; i < n; i++) {
      /* A return address may be the first byte of the next function:
         look one byte back, inside the call. */
      FC_SideId s = fc_side_of_code(i == 0 ? ips[i] : ips[i] - 1);
      if (s != FC_SideSystem)
         return i == 0 ? s : fc_side_calling(ips[i], s);
   }
   return FC_SideSystem;
}

void fc_sides_print_stats(void)
{
   VG_(message)(Vg_DebugMsg, "ffican: sides: %llu code lookups, %llu "
                "classified\n", fc_n_lookups, fc_n_classified);
}
