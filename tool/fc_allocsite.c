/* fc_allocsite.c: who called malloc, free and the others, in Rust
   objects whose allocator shims LTO inlined away.

   With -C lto=thin or fat at opt-level 1 and up, __rust_alloc and
   __rust_dealloc are inlined into their callers, and so is Rust's default
   allocator behind them (__rdl_alloc -> <System as GlobalAlloc>::alloc),
   so Rust code calls malloc, free, realloc, calloc and posix_memalign
   itself.  What is left to tell a Box's release from a `libc::free` is
   the debug information of the call: its inlined callers.  A call whose
   inlined callers, from the innermost out, are the default allocator's
   own functions and then Rust's global-allocator API is an allocation or
   release of Rust's global allocator; a call made by other code is the
   malloc it looks like.

   The inlined callers are read through Valgrind's inline-info cursor
   (VG_(describe_IP): 3.19's tool API names inlined levels no other way).
   Valgrind names an inlined function only when its abstract origin is in
   the same DWARF compile unit as the call; LTO inlines std's
   __rdl_dealloc (std's unit) into the program's units, so those levels
   come out as "UnknownInlinedFun".  The rules, first match wins:
     1. Rust code (by its symbol) without line info (built without -g;
        std keeps its line tables): no information (unsure, and
        fc_objects.c warns once for the object);
     2. a line in the source of Rust's System allocator
        (std/src/sys/.../alloc...): Rust's, whatever the levels say
        (rustc 1.63's std has line tables but no inlined levels);
     3. walking out from the innermost level: a level named __rdl_* (the
        default allocator) or __rust_* (a surviving shim's own call):
        Rust's; __rg_* (a #[global_allocator]): a malloc; a level of the
        global-allocator API (Global's alloc_impl, deallocate, grow_impl,
        ..., exchange_malloc, box_free) after unnamed levels or levels
        named like the allocator's own functions (alloc, dealloc,
        realloc, alloc_zeroed, aligned_malloc, realloc_fallback): Rust's;
        the API as the innermost level (a libc::malloc call in a
        function so named): a malloc; another name: a malloc, or unsure
        if unnamed levels came before it;
     4. LLVM merges the calls of several inlined paths into one (cleanup
        blocks, tail merging) at line 0 or the enclosing function's
        position: a call at line 0 that rule 3 calls a malloc, and any
        release (free, realloc) by Rust code that it calls a malloc, are
        unsure.  So a `libc::free` of a Rust Box by Rust code goes
        unreported under LTO; Rust's allocator releasing a block Rust
        got from libc::malloc is still found.
   Unsure: either family accepted, no ForeignFree (fc_blocks.c).  Calls
   through pointers and tail calls are decided in fc_objects.c.  Each
   call site is classified once and cached by address.  Only addresses
   in objects fc_objects.c marked (Rust, LTO-inlined shims, debug
   information present) are looked at, and only while such an object is
   loaded: other programs pay one test per allocation.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_options.h"
#include "fc_allocsite.h"
#include "fc_util.h"
#include "../common/fc_rustsym.h"

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

static Bool fc_is_prefix(const HChar* s, const HChar* pre)
{
   return VG_(strncmp)(s, pre, VG_(strlen)(pre)) == 0;
}

/* The last path component of a Rust name, without generic arguments
   ("<alloc::alloc::Global as core::alloc::Allocator>::deallocate" ->
   "deallocate", "drop_in_place<alloc::vec::Vec<u8>>" -> "drop_in_place");
   inlined levels carry the short name already. */
static void fc_last_component(const HChar* name, HChar* out, SizeT n)
{
   const HChar* from = name;
   const HChar* to = NULL;
   Int depth = 0;
   for (const HChar* p = name; *p && to == NULL; p++) {
      if (*p == '<' && depth == 0 && p != name && p[-1] != ':')
         to = p;   /* generic arguments of the last component */
      else if (*p == '<')
         depth++;
      else if (*p == '>' && depth > 0)
         depth--;
      else if (depth == 0 && p[0] == ':' && p[1] == ':')
         from = p + 2;
   }
   if (to == NULL || to < from)
      to = from + VG_(strlen)(from);
   SizeT len = (SizeT)(to - from) < n ? (SizeT)(to - from) : n - 1;
   VG_(memcpy)(out, from, len);
   out[len] = 0;
}

static Bool fc_in_list(const HChar* s, const HChar* const* list, Int n)
{
   for (Int i = 0; i < n; i++)
      if (VG_(strcmp)(s, list[i]) == 0)
         return True;
   return False;
}

/* Names the default allocator's own functions have (System's impl of
   GlobalAlloc and its helpers; alloc::alloc::alloc and friends too). */
static Bool fc_allocator_name(const HChar* s)
{
   static const HChar* const names[] = {
      "alloc", "dealloc", "realloc", "alloc_zeroed", "aligned_malloc",
      "realloc_fallback",
   };
   return fc_in_list(s, names, sizeof names / sizeof names[0]);
}

/* Names of Rust's global-allocator API above alloc::alloc::alloc and
   friends (rustc 1.63 to current): Global's methods and the Box helpers
   the compiler calls. */
static Bool fc_api_name(const HChar* s)
{
   static const HChar* const names[] = {
      "alloc_impl", "alloc_impl_runtime", "allocate", "allocate_zeroed",
      "deallocate", "deallocate_impl", "deallocate_impl_runtime",
      "grow_impl", "grow_impl_runtime", "grow", "grow_zeroed", "shrink",
      "shrink_impl", "shrink_impl_runtime", "exchange_malloc", "box_free",
   };
   return fc_in_list(s, names, sizeof names / sizeof names[0]);
}

/* ------------------------------------------------------------------ */
/* One call site                                                       */
/* ------------------------------------------------------------------ */

#define FC_SITE_LEVELS 24   /* inlined levels looked at, at most */

static Bool  fc_trace_sites = False;
static ULong fc_n_site_lookups, fc_n_site_hits, fc_n_sites_classified;

static FC_SiteKind fc_classify_levels(const HChar* const* lv, Int n)
{
   Int unnamed = 0, allocator = 0;
   for (Int i = 0; i < n; i++) {
      const HChar* s = lv[i];
      if (fc_is_prefix(s, "__rdl_") || fc_is_prefix(s, "__rust_"))
         return FC_SiteRust;   /* the default allocator, or a shim */
      if (fc_is_prefix(s, "__rg_"))
         return FC_SiteMalloc;
      if (VG_(strcmp)(s, "UnknownInlinedFun") == 0) {
         unnamed++;
         continue;
      }
      if (fc_api_name(s))
         return i > 0 && (unnamed > 0 || allocator > 0) ? FC_SiteRust
                                                        : FC_SiteMalloc;
      if (!fc_allocator_name(s))
         return unnamed > 0 ? FC_SiteUnsure : FC_SiteMalloc;
      allocator++;
   }
   return unnamed > 0 || allocator > 0 ? FC_SiteUnsure : FC_SiteMalloc;
}

#define FC_LEVEL_NAME 96   /* bytes of a level's name kept */

/* The function name in VG_(describe_IP)'s text ("0x1234: name (file:1)",
   "0x1234: name (in /obj)") or XML ("...<fn>name</fn>..."), into out.
   Valgrind 3.19's tool API has no other way to name an inlined level. */
static void fc_level_name(const HChar* desc, HChar* out, SizeT n)
{
   const HChar* from;
   const HChar* to;
   if (VG_(clo_xml)) {
      from = VG_(strstr)(desc, "<fn>");
      from = from != NULL ? from + 4 : NULL;
      to = from != NULL ? VG_(strstr)(from, "</fn>") : NULL;
   } else {
      from = VG_(strstr)(desc, ": ");
      from = from != NULL ? from + 2 : NULL;
      to = NULL;
      for (const HChar* p = from; p != NULL && *p; p++)
         if (p[0] == ' ' && p[1] == '(')
            to = p;   /* the last " (" */
   }
   SizeT len = from != NULL && to != NULL && to > from ? to - from : 0;
   if (len >= n)
      len = n - 1;
   VG_(memcpy)(out, from != NULL ? from : "", len);
   out[len] = 0;
}

/* The inlined levels at ip, innermost first, the outermost (the
   function in the symbol table) last. */
static Int fc_levels_at(Addr ip, HChar lv[][FC_LEVEL_NAME], Int max)
{
   DiEpoch ep = VG_(current_DiEpoch)();
   InlIPCursor* c = VG_(new_IIPC)(ep, ip);
   Int n = 0;
   do {
      if (n == max)
         break;
      fc_level_name(VG_(describe_IP)(ep, ip, c), lv[n], FC_LEVEL_NAME);
      n++;
   } while (VG_(next_IIPC)(c));
   VG_(delete_IIPC)(c);
   return n;
}

/* Where a call is: its line (innermost source position) and whether its
   code is Rust's. */
typedef struct {
   Bool  has_line;
   UInt  line;          /* 0: a merged or artificial location */
   Bool  rust;          /* a .rs line, or a Rust-mangled symbol */
   Bool  system_alloc;  /* the line is in Rust's System allocator */
} FC_SitePlace;

/* Rust's System allocator lives in std/src/sys/unix/alloc.rs (rustc
   1.63), std/src/sys/pal/unix/alloc.rs, std/src/sys/alloc/unix.rs (now):
   only <System as GlobalAlloc> and its helpers call the C allocator
   there.  Such a line survives where rustc's std carries line tables
   only (no inlined levels), as in Debian's rustc 1.63. */
static void fc_place_of(Addr ip, FC_SitePlace* pl)
{
   DiEpoch ep = VG_(current_DiEpoch)();
   const HChar* file;
   const HChar* dir;
   const HChar* raw;
   VG_(memset)(pl, 0, sizeof *pl);
   if (VG_(get_filename_linenum)(ep, ip, &file, &dir, &pl->line)) {
      HChar path[256];
      pl->has_line = True;
      VG_(snprintf)(path, sizeof path, "%s/%s", dir, file);
      const HChar* sys = VG_(strstr)(path, "std/src/sys/");
      pl->system_alloc = sys != NULL && VG_(strstr)(sys, "alloc") != NULL;
      pl->rust = fc_has_suffix(file, ".rs");
   }
   if (!pl->rust && VG_(get_fnname_raw)(ep, ip, &raw)) {
      enum fc_sym_scheme sch = fc_sym_scheme(raw);
      pl->rust = sch == FC_SYM_RUST_V0 || sch == FC_SYM_RUST_LEGACY;
   }
}

static void fc_trace(Addr ip, FC_SiteKind k, const HChar* const* lv, Int n)
{
   static const HChar* const kinds[] = { "malloc", "rust", "unsure",
                                         "no debug info" };
   VG_(umsg)("ffican: allocator call at %#lx: %s:", ip, kinds[k]);
   for (Int i = 0; i < n; i++)
      VG_(umsg)(" %s", lv[i]);
   VG_(umsg)("\n");
}

FC_SiteKind fc_allocsite_classify(Addr ip, Bool release)
{
   FC_SitePlace pl;
   fc_n_sites_classified++;
   fc_place_of(ip, &pl);
   if (!pl.has_line && pl.rust)
      return FC_SiteNoInfo;
   HChar buf[FC_SITE_LEVELS][FC_LEVEL_NAME];
   HChar short_names[FC_SITE_LEVELS][FC_LEVEL_NAME];
   const HChar* lv[FC_SITE_LEVELS];
   Int n = fc_levels_at(ip, buf, FC_SITE_LEVELS);
   for (Int i = 0; i < n; i++) {
      fc_last_component(buf[i], short_names[i], FC_LEVEL_NAME);
      lv[i] = short_names[i];
   }
   FC_SiteKind k = pl.system_alloc ? FC_SiteRust : fc_classify_levels(lv, n);
   /* LLVM merges calls of several inlined paths into one (cleanup
      blocks, tail merging) and gives it line 0 or the enclosing
      function's position: a release by Rust code that shows no
      allocator may be one of those. */
   if (k == FC_SiteMalloc && (pl.line == 0 || (release && pl.rust)))
      k = FC_SiteUnsure;
   if (fc_trace_sites)
      fc_trace(ip, k, lv, n);
   return k;
}

/* ------------------------------------------------------------------ */
/* Cache                                                               */
/* ------------------------------------------------------------------ */

#define FC_SITE_CACHE 4096   /* power of two; a collision recomputes */

typedef struct { Addr ip; UChar kind; } FC_SiteEntry;
static FC_SiteEntry fc_site_cache[FC_SITE_CACHE];

static FC_SiteEntry* fc_site_slot(Addr ip)
{
   return &fc_site_cache[(ip ^ (ip >> 12)) & (FC_SITE_CACHE - 1)];
}

Bool fc_allocsite_lookup(Addr ip, FC_SiteKind* kind)
{
   const FC_SiteEntry* e = fc_site_slot(ip);
   fc_n_site_lookups++;
   if (e->ip != ip || ip == 0)
      return False;
   fc_n_site_hits++;
   *kind = e->kind;
   return True;
}

void fc_allocsite_remember(Addr ip, FC_SiteKind kind)
{
   FC_SiteEntry* e = fc_site_slot(ip);
   e->ip = ip;
   e->kind = kind;
}

void fc_allocsite_forget(void)
{
   VG_(memset)(fc_site_cache, 0, sizeof fc_site_cache);
}

void fc_allocsite_set_trace(Bool on)
{
   fc_trace_sites = on;
}

void fc_allocsite_print_stats(void)
{
   VG_(message)(Vg_DebugMsg, "ffican: LTO call sites: %llu lookups, %llu "
                "cached, %llu classified\n", fc_n_site_lookups,
                fc_n_site_hits, fc_n_sites_classified);
}
