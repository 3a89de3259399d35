/* fc_objects.c: find Rust objects whose allocator shims ffican cannot
   take over, and say which checks are lost there.

   The preload wraps Rust's allocator shims, __rust_alloc, __rust_dealloc,
   __rust_realloc and __rust_alloc_zeroed, plain (older rustc) or
   v0-mangled (`_RNv..___rust_alloc`).  Which names are shims is
   common/fc_rustsym.c's (fc_rust_shim, shared with ffican-scan); this file
   counts only the names the preload's patterns wrap.  Per object:
   - all of __rust_alloc and __rust_dealloc present: when the object is
     examined, each shim's code is decoded (fc_code_target: any prologue,
     any code model, a jump or call, direct, through a register or a GOT
     slot, then through PLT stubs) and the symbol it reaches is named.
     All lead to Rust's System allocator (__rdl_*): ffican takes them
     over.  One does not (it reaches __rg_* or a GlobalAlloc impl, or does
     work first): the object has a #[global_allocator], and all its shims
     run as they are, so that allocator is never bypassed; ffican sees the
     malloc calls it makes.  A shim that does work first in an object that
     still has __rdl_* symbols and no __rg_* ones was filled by LTO with the
     default allocator (rustc's own librustc_driver): its callers were
     inlined too, so it runs as it is, with an LTO warning.  A target
     without a name (Debian's stripped libstd-*.so jumps to a local
     __rdl_alloc) is the default allocator in such an object;
   - some shims present, others not: LTO (thin or fat) inlined the missing
     ones into their callers, which now call malloc/free themselves.
     Taking over the survivors alone would tag blocks as Rust that are then
     freed by free(): false ForeignFree reports.  They run as they are.
     With debug info in the object, its malloc-family calls are told
     apart by their inlined callers (fc_allocsite.c, through
     fc_objects_alloc_site: Rust's default allocator or the malloc it
     looks like, per call site); the survivors' own calls count as
     Rust's.  Without, warned;
   - no shim: the object may import them (-C prefer-dynamic, rustc's own
     libraries: the shims live in libstd-*.so, examined on its own: no
     warning), be stripped (no .symtab: warned), have had every shim
     inlined by LTO (a symbol table, malloc or free imported: call sites
     told apart as above with debug info, else warned), or not use Rust's
     allocator at all (nothing to say).
   One warning per object, and only where a check is lost: it names the
   object, what was found, what ffican no longer checks there and what to
   do.  An object is recognised as Rust by a shim symbol, by the "rustc
   version" note in its ELF .comment section, or by the .debug_gdb_scripts
   section older rustc versions leave (both survive strip).  Each object is
   examined once: when its code is first translated or when one of its
   shims is first called, whichever comes first.  Its code is found by
   Valgrind's .text range and by the executable segments of its file
   (-C code-model=large puts code in .ltext, outside .text).

   Limits: at most FC_MAX_OBJECTS objects are remembered; later ones are
   not examined (a note says so under -v).  When LTO inlined
   __rust_dealloc, Rust's frees are plain free() calls from Rust code;
   without debug info ffican cannot tell them from C's, so no ForeignFree
   is found there (warned, at examination or at the first such call).
   Valgrind reads no line information outside .text, so .ltext code
   (-C code-model=large) has names but no file:line.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcfile.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_options.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_vki.h"
#include "fc_objects.h"
#include "fc_util.h"
#include "fc_options.h"
#include "fc_allocsite.h"
#include "../common/fc_rustsym.h"


#define FC_MAX_OBJECTS 512
#define FC_MAX_RANGES  4     /* .text and up to 3 other executable segments */
#define FC_N_OPS       4     /* alloc, dealloc, realloc, alloc_zeroed */

typedef struct {
   const DebugInfo* di;               /* Valgrind's record of the file */
   Addr lo[FC_MAX_RANGES];            /* [lo[i], hi[i]) hold its code */
   Addr hi[FC_MAX_RANGES];
   Int  n_ranges;                     /* >= 1: range 0 is .text */
   Addr shim[FC_N_OPS];               /* entry of each wrapped shim, or 0 */
   UInt ops;                          /* FC_SHIM_OP_* bits of shim[] != 0 */
   Bool shims_checked;                /* shim[]'s code was decoded */
   Bool has_rdl;     /* a __rdl_* symbol: Rust's default allocator is here */
   Bool has_rg;      /* a __rg_* symbol: a #[global_allocator] is here */
   Bool native;      /* its Rust shims must run as they are: see above */
   Bool warned;      /* a warning about this object was printed */
   Bool rust;        /* rustc produced it (shim symbols or rustc marks) */
   Bool lto_sites;   /* LTO inlined shims; its allocator calls are told
                        apart by their inlined callers (fc_allocsite.c) */
} FC_Object;

Bool fc_objects_lto_sites_seen;   /* some object has lto_sites */

static FC_Object fc_objects[FC_MAX_OBJECTS];
static Int       fc_n_objects;
static Int       fc_last_hit = -1;      /* index of the last object found */
static Addr      fc_last_shim;          /* the last shim asked about ... */
static Int       fc_last_shim_obj = -1; /* ... and its object's index */

static const HChar* const fc_op_names[FC_N_OPS] = {
   "__rust_alloc", "__rust_dealloc", "__rust_realloc", "__rust_alloc_zeroed",
};

/* Index in shim[] of an FC_SHIM_OP_* bit. */
static Int fc_op_index(enum fc_shim_op op)
{
   switch (op) {
      case FC_SHIM_OP_ALLOC:        return 0;
      case FC_SHIM_OP_DEALLOC:      return 1;
      case FC_SHIM_OP_REALLOC:      return 2;
      case FC_SHIM_OP_ALLOC_ZEROED: return 3;
      default:                      return -1;
   }
}

/* The shim operation of a symbol the preload wraps, else FC_SHIM_OP_NONE.
   The preload's patterns are `__rust_alloc` (exact) and
   `_RNv*__rust_alloc` (and so on): a `.llvm.NNN` copy that LTO renamed
   is not wrapped, so it does not count. */
static enum fc_shim_op fc_wrapped_op(const HChar* name)
{
   enum fc_shim_op op;
   enum fc_shim_form form = fc_rust_shim(name, &op);
   if (form != FC_SHIM_PLAIN && form != FC_SHIM_MANGLED)
      return FC_SHIM_OP_NONE;
   if (!fc_has_suffix(name, fc_op_names[fc_op_index(op)]))
      return FC_SHIM_OP_NONE;
   if (form == FC_SHIM_MANGLED && VG_(strncmp)(name, "_RNv", 4) != 0)
      return FC_SHIM_OP_NONE;
   return op;
}

static void fc_note_shim(FC_Object* obj, const HChar* name, Addr a)
{
   /* any of the allocators' symbols, __rdl_oom and __rg_oom included */
   obj->has_rdl |= VG_(strstr)(name, "__rdl_") != NULL;
   obj->has_rg |= VG_(strstr)(name, "__rg_") != NULL;
   Int k = fc_op_index(fc_wrapped_op(name));
   if (k < 0 || obj->shim[k] != 0)
      return;
   obj->shim[k] = a;
   obj->ops |= 1u << k;
}

/* Records the wrapped shims among di's text symbols. */
static void fc_find_shims(const DebugInfo* di, FC_Object* obj)
{
   Int n = VG_(DebugInfo_syms_howmany)(di);
   for (Int i = 0; i < n; i++) {
      FC_Sym sym;
      fc_di_sym(di, i, &sym);
      if (!sym.is_text || sym.name == NULL)
         continue;
      fc_note_shim(obj, sym.name, sym.addr);
      for (const HChar** sec = sym.aliases; sec && *sec; sec++)
         fc_note_shim(obj, *sec, sym.addr);
   }
}

/* ---------------- reading the ELF file ---------------- */

/* Offsets in the ELF64 file, section and symbol headers (System V gABI). */
#define FC_EH_SIZE       64
#define FC_EH_SHOFF      0x28
#define FC_EH_SHENTSIZE  0x3A
#define FC_EH_SHNUM      0x3C
#define FC_EH_SHSTRNDX   0x3E
#define FC_SH_NAME       0x00
#define FC_SH_TYPE       0x04
#define FC_SH_OFFSET     0x18
#define FC_SH_SIZE       0x20
#define FC_SH_LINK       0x28
#define FC_SH_ENTSIZE_64 64
#define FC_SHT_SYMTAB    2
#define FC_SHT_DYNSYM    11
#define FC_SYM_SIZE      24
#define FC_SYM_SHNDX     6
#define FC_COMMENT_MAX   4096
#define FC_SHSTR_MAX     65536
#define FC_DYNSYM_MAX    200000   /* dynamic symbols looked at, at most */
#define FC_NAME_MAX      128

/* What the file says, beyond Valgrind's symbol table. */
typedef struct {
   Bool rustc_mark;        /* .comment "rustc version", .debug_gdb_scripts */
   Bool has_symtab;        /* not stripped */
   Bool imports_shims;     /* undefined dynamic symbols name a shim */
   Bool imports_malloc;    /* ... name malloc, free, realloc or calloc */
   Bool debug_info;        /* a .debug_info section (inlined callers) */
} FC_ElfFacts;

typedef struct {
   UInt  name, type, link;
   ULong off, size;
} FC_Section;

static ULong fc_get_le(const UChar* p, Int n)
{
   ULong v = 0;
   for (Int i = n - 1; i >= 0; i--)
      v = (v << 8) | p[i];
   return v;
}

static Bool fc_section(Int fd, ULong shoff, UInt idx, FC_Section* s)
{
   UChar sh[FC_SH_ENTSIZE_64];
   if (!fc_pread(fd, shoff + (ULong)idx * FC_SH_ENTSIZE_64, sh, sizeof sh))
      return False;
   s->name = (UInt)fc_get_le(sh + FC_SH_NAME, 4);
   s->type = (UInt)fc_get_le(sh + FC_SH_TYPE, 4);
   s->link = (UInt)fc_get_le(sh + FC_SH_LINK, 4);
   s->off  = fc_get_le(sh + FC_SH_OFFSET, 8);
   s->size = fc_get_le(sh + FC_SH_SIZE, 8);
   return True;
}

static Bool fc_bytes_contain(const HChar* buf, SizeT n, const HChar* needle)
{
   SizeT m = VG_(strlen)(needle);
   for (SizeT i = 0; i + m <= n; i++)
      if (VG_(memcmp)(buf + i, needle, m) == 0)
         return True;
   return False;
}

/* Is section `name` at s a mark of rustc? */
static Bool fc_rustc_mark(Int fd, const HChar* name, const FC_Section* s)
{
   Bool comment = VG_(strcmp)(name, ".comment") == 0;
   if (!comment && VG_(strcmp)(name, ".debug_gdb_scripts") != 0)
      return False;
   HChar text[FC_COMMENT_MAX];
   Int n = s->size < sizeof text ? (Int)s->size : (Int)sizeof text;
   return fc_pread(fd, s->off, text, n)
          && fc_bytes_contain(text, n, comment ? "rustc version" : "rust");
}

static Bool fc_is_malloc_name(const HChar* name)
{
   return VG_(strcmp)(name, "malloc") == 0 || VG_(strcmp)(name, "free") == 0
          || VG_(strcmp)(name, "realloc") == 0
          || VG_(strcmp)(name, "calloc") == 0;
}

/* Does the undefined symbol at sym (of the .dynsym whose names are in
   the string table at str) name a shim or malloc?  Sets f's flags. */
static void fc_import(Int fd, const UChar* sym, const FC_Section* str,
                      FC_ElfFacts* f)
{
   HChar name[FC_NAME_MAX];
   ULong noff = fc_get_le(sym, 4);
   if (fc_get_le(sym + FC_SYM_SHNDX, 2) != 0 || noff >= str->size)
      return;   /* defined here */
   ULong len = str->size - noff < sizeof name - 1 ? str->size - noff
                                                  : sizeof name - 1;
   if (!fc_pread(fd, str->off + noff, name, (Int)len))
      return;
   name[len] = 0;
   if (fc_wrapped_op(name) != FC_SHIM_OP_NONE)
      f->imports_shims = True;
   else if (fc_is_malloc_name(name))
      f->imports_malloc = True;
}

/* Looks at the undefined symbols of the .dynsym at dyn, FC_SYM_CHUNK
   entries per read. */
#define FC_SYM_CHUNK 256
static void fc_scan_imports(Int fd, const FC_Section* dyn,
                            const FC_Section* str, FC_ElfFacts* f)
{
   ULong n = dyn->size / FC_SYM_SIZE;
   if (n > FC_DYNSYM_MAX)
      n = FC_DYNSYM_MAX;
   UChar* buf = VG_(malloc)("fc.objects.dynsym", FC_SYM_CHUNK * FC_SYM_SIZE);
   for (ULong i = 0; i < n; i += FC_SYM_CHUNK) {
      ULong m = n - i < FC_SYM_CHUNK ? n - i : FC_SYM_CHUNK;
      if (!fc_pread(fd, dyn->off + i * FC_SYM_SIZE, buf,
                    (Int)(m * FC_SYM_SIZE)))
         break;
      for (ULong j = i == 0 ? 1 : 0; j < m; j++)
         fc_import(fd, buf + j * FC_SYM_SIZE, str, f);
   }
   VG_(free)(buf);
}

/* Walks the section headers: rustc's marks, .symtab, .dynsym. */
static void fc_scan_sections(Int fd, const UChar* eh, FC_ElfFacts* f)
{
   ULong shoff = fc_get_le(eh + FC_EH_SHOFF, 8);
   UInt  shnum = (UInt)fc_get_le(eh + FC_EH_SHNUM, 2);
   UInt  strndx = (UInt)fc_get_le(eh + FC_EH_SHSTRNDX, 2);
   FC_Section strs_sec, s, dyn = { 0 }, dynstr;
   Bool has_dyn = False;
   if (fc_get_le(eh + FC_EH_SHENTSIZE, 2) != FC_SH_ENTSIZE_64
       || strndx >= shnum || !fc_section(fd, shoff, strndx, &strs_sec))
      return;
   ULong str_size = strs_sec.size < FC_SHSTR_MAX ? strs_sec.size
                                                 : FC_SHSTR_MAX;
   HChar* strs = VG_(malloc)("fc.objects.shstr", str_size + 1);
   if (fc_pread(fd, strs_sec.off, strs, (Int)str_size)) {
      strs[str_size] = 0;
      for (UInt i = 1; i < shnum; i++) {
         if (!fc_section(fd, shoff, i, &s))
            break;
         if (s.type == FC_SHT_SYMTAB)
            f->has_symtab = True;
         if (s.name < str_size && s.size > 0
             && (VG_(strcmp)(strs + s.name, ".debug_info") == 0
                 || VG_(strcmp)(strs + s.name, ".zdebug_info") == 0))
            f->debug_info = True;
         if (s.type == FC_SHT_DYNSYM) {
            dyn = s;
            has_dyn = True;
         }
         if (s.name < str_size && !f->rustc_mark)
            f->rustc_mark = fc_rustc_mark(fd, strs + s.name, &s);
      }
   }
   VG_(free)(strs);
   if (f->rustc_mark && has_dyn && dyn.link < shnum
       && fc_section(fd, shoff, dyn.link, &dynstr))
      fc_scan_imports(fd, &dyn, &dynstr, f);
}

/* What `file` says; all False when it cannot be read. */
static FC_ElfFacts fc_elf_facts(const HChar* file)
{
   FC_ElfFacts f = { False, False, False, False, False };
   SysRes sr = VG_(open)(file, VKI_O_RDONLY, 0);
   if (sr_isError(sr))
      return f;
   Int fd = (Int)sr_Res(sr);
   UChar eh[FC_EH_SIZE];
   if (fc_pread(fd, 0, eh, sizeof eh)
       && VG_(memcmp)(eh, "\177ELF", 4) == 0
       && eh[4] == 2 /* ELFCLASS64 */ && eh[5] == 1 /* LSB */)
      fc_scan_sections(fd, eh, &f);
   VG_(close)(fd);
   return f;
}

/* ---------------- warnings ---------------- */

/* What ffican no longer checks in an object whose shims run natively. */
#define FC_LOST "ffican cannot tell its Rust allocations from malloc, so " \
   "it does not check them against Rust's rules there (a Rust block freed " \
   "by C, a C block dropped by Rust, a wrong Layout); memory errors are " \
   "still checked"

static void fc_warn(FC_Object* obj, const HChar* what, const HChar* todo)
{
   if (obj->warned)
      return;
   obj->warned = True;
   if (!fc_clo_warn_hidden_rust || VG_(clo_xml))
      return;
   VG_(umsg)("Warning: Rust object %s %s: " FC_LOST ". %s\n",
             VG_(DebugInfo_get_filename)(obj->di), what, todo);
}

/* "__rust_alloc, __rust_realloc" for the ops bits. */
static void fc_op_list(UInt ops, HChar* buf, SizeT n)
{
   buf[0] = 0;
   for (Int k = 0; k < FC_N_OPS; k++) {
      if (!(ops & (1u << k)))
         continue;
      SizeT used = VG_(strlen)(buf);
      VG_(snprintf)(buf + used, n - used, "%s%s", used ? ", " : "",
                    fc_op_names[k]);
   }
}

/* What to do about an LTO object ffican cannot check. */
#define FC_LTO_TODO "To check them, build it with debug info (-C " \
   "debuginfo=1 or more; Cargo: debug = 1, strip = false) or without LTO " \
   "(-C lto=off, or lto = false in the Cargo profile)"

static void fc_warn_lto(FC_Object* obj)
{
   HChar kept[96], gone[96], what[320];
   fc_op_list(obj->ops, kept, sizeof kept);
   fc_op_list(~obj->ops & 0xF, gone, sizeof gone);
   VG_(snprintf)(what, sizeof what, "was built with LTO, which inlined its "
                 "allocator shims %s into their callers (only %s left), and "
                 "has no debug info to tell its Rust allocations apart by "
                 "their inlined callers", gone, kept);
   fc_warn(obj, what, FC_LTO_TODO);
}

/* An allocator call at ip, in Rust code of an LTO object, has no debug
   info: whether it is Rust's allocator cannot be told there. */
static void fc_warn_no_info(FC_Object* obj, Addr ip)
{
   const HChar* fn;
   HChar what[384];
   if (!VG_(get_fnname)(VG_(current_DiEpoch)(), ip, &fn))
      fn = "???";
   VG_(snprintf)(what, sizeof what, "was built with LTO, which inlined its "
                 "allocator shims into their callers, and parts of its Rust "
                 "code (%s first) have no debug info to tell its Rust "
                 "allocations apart by their inlined callers", fn);
   fc_warn(obj, what, FC_LTO_TODO);
}

/* ---------------- examining objects ---------------- */

static void fc_check_shims(FC_Object* obj);

/* LTO inlined some or all of obj's shims, and obj has debug info: its
   allocator calls are told apart by their inlined callers.  Its
   surviving shims run as they are (so a #[global_allocator] is never
   bypassed); their own malloc calls count as Rust's (fc_alloc_site). */
static void fc_lto_by_sites(FC_Object* obj)
{
   obj->lto_sites = True;
   obj->native = True;
   obj->shims_checked = True;
   fc_objects_lto_sites_seen = True;
   if (VG_(clo_verbosity) > 1)
      VG_(umsg)("ffican: %s: LTO inlined Rust's allocator shims; its "
                "allocator calls are told apart by their inlined callers\n",
                VG_(DebugInfo_get_filename)(obj->di));
}

static void fc_examine(FC_Object* obj)
{
   const HChar* file = VG_(DebugInfo_get_filename)(obj->di);
   if (VG_(strncmp)(fc_basename(file), "vgpreload_", 10) == 0)
      return;   /* our own or the core's preload */
   fc_find_shims(obj->di, obj);
   UInt core = FC_SHIM_OP_ALLOC | FC_SHIM_OP_DEALLOC;
   obj->rust = obj->ops != 0;
   if ((obj->ops & core) == core) {
      fc_check_shims(obj);   /* all there: what do they lead to? */
      return;
   }
   FC_ElfFacts f = fc_elf_facts(file);
   if (obj->ops != 0) {
      if (f.debug_info) {
         fc_lto_by_sites(obj);
         return;
      }
      obj->native = True;
      fc_warn_lto(obj);
      return;
   }
   if (!f.rustc_mark || f.imports_shims) {
      obj->rust = f.rustc_mark;
      return;   /* not Rust, or its shims are another object's */
   }
   obj->rust = True;
   if (!f.has_symtab)
      fc_warn(obj, "has no symbol table (stripped), so its allocator shims "
              "cannot be found", "To check them, build it with its symbols "
              "(-C strip=none, or strip = false in the Cargo profile)");
   else if (f.imports_malloc && f.debug_info)
      fc_lto_by_sites(obj);
   else if (f.imports_malloc)
      fc_warn(obj, "has no allocator shims but calls malloc and free itself "
              "(LTO inlined them all) and no debug info to tell its Rust "
              "allocations apart by their inlined callers", FC_LTO_TODO);
}

static Int fc_find_known(Addr a)
{
   if (fc_last_hit >= 0) {
      const FC_Object* o = &fc_objects[fc_last_hit];
      for (Int r = 0; r < o->n_ranges; r++)
         if (a >= o->lo[r] && a < o->hi[r])
            return fc_last_hit;
   }
   for (Int i = 0; i < fc_n_objects; i++) {
      const FC_Object* o = &fc_objects[i];
      for (Int r = 0; r < o->n_ranges; r++)
         if (a >= o->lo[r] && a < o->hi[r])
            return fc_last_hit = i;
   }
   return -1;
}

/* The DebugInfo of the file whose executable mapping holds a, outside its
   .text (Valgrind's lookups know only .text); [*lo, *hi) is the mapping. */
static const DebugInfo* fc_di_of_segment(Addr a, Addr* lo, Addr* hi)
{
   NSegment const* seg = VG_(am_find_nsegment)(a);
   if (seg == NULL || seg->kind != SkFileC || !seg->hasX)
      return NULL;
   const HChar* file = VG_(am_get_filename)(seg);
   if (file == NULL)
      return NULL;
   for (const DebugInfo* di = VG_(next_DebugInfo)(NULL); di != NULL;
        di = VG_(next_DebugInfo)(di)) {
      if (VG_(DebugInfo_get_text_size)(di) > 0
          && VG_(strcmp)(VG_(DebugInfo_get_filename)(di), file) == 0) {
         *lo = seg->start;
         *hi = seg->end + 1;
         return di;
      }
   }
   return NULL;
}

static Int fc_new_object(const DebugInfo* di)
{
   for (Int i = 0; i < fc_n_objects; i++)
      if (fc_objects[i].di == di)
         return i;
   if (fc_n_objects == FC_MAX_OBJECTS) {
      if (VG_(clo_verbosity) > 1)
         VG_(umsg)("ffican: too many objects; %s not examined\n",
                   VG_(DebugInfo_get_filename)(di));
      return -1;
   }
   FC_Object* obj = &fc_objects[fc_n_objects];
   VG_(memset)(obj, 0, sizeof *obj);
   obj->di = di;
   obj->lo[0] = VG_(DebugInfo_get_text_avma)(di);
   obj->hi[0] = obj->lo[0] + VG_(DebugInfo_get_text_size)(di);
   obj->n_ranges = 1;
   fc_n_objects++;
   fc_examine(obj);
   return fc_n_objects - 1;
}

/* Index of the object holding code at addr, examining it if new; -1 if
   none. */
static Int fc_object_of(Addr addr)
{
   Int i = fc_find_known(addr);
   if (i >= 0)
      return i;
   Addr lo = 0, hi = 0;
   const DebugInfo* di = VG_(find_DebugInfo)(VG_(current_DiEpoch)(), addr);
   if (di == NULL)
      di = fc_di_of_segment(addr, &lo, &hi);
   if (di == NULL || VG_(DebugInfo_get_text_size)(di) == 0)
      return -1;
   i = fc_new_object(di);
   if (i < 0)
      return -1;
   FC_Object* obj = &fc_objects[i];
   if (hi > lo && obj->n_ranges < FC_MAX_RANGES) {
      obj->lo[obj->n_ranges] = lo;
      obj->hi[obj->n_ranges++] = hi;
   }
   if (fc_find_known(addr) != i)
      return -1;   /* code outside the ranges we keep: don't cache */
   return fc_last_hit = i;
}

void fc_objects_note_code(Addr addr)
{
   (void)fc_object_of(addr);
}

void fc_objects_forget_range(Addr a, SizeT len)
{
   for (Int i = 0; i < fc_n_objects; i++) {
      const FC_Object* o = &fc_objects[i];
      for (Int r = 0; r < o->n_ranges; r++) {
         if (o->lo[r] < a + len && a < o->hi[r]) {
            fc_objects[i--] = fc_objects[--fc_n_objects];
            break;
         }
      }
   }
   fc_last_hit = -1;
   fc_last_shim_obj = -1;
   fc_allocsite_forget();
}

/* ---------------- the shims' code, at their first call ---------------- */

#define FC_DECODE_MAX 64   /* bytes of a shim decoded */
#define FC_HOPS       3    /* jumps followed through unnamed stubs */

/* Bytes of client code readable from a, at most FC_DECODE_MAX. */
static SizeT fc_readable(Addr a)
{
   NSegment const* seg = VG_(am_find_nsegment)(a);
   if (seg == NULL || !seg->hasR)
      return 0;
   SizeT left = seg->end + 1 - a;
   return left < FC_DECODE_MAX ? left : FC_DECODE_MAX;
}

/* The raw name of the function the code at a leads to first (its first
   jump or call, through PLT stubs), or NULL if it does something else
   first.  *unnamed: it leads to code without a name (a stripped library's
   local function). */
static const HChar* fc_shim_leads_to(Addr a, Bool* unnamed)
{
   DiEpoch ep = VG_(current_DiEpoch)();
   *unnamed = False;
   for (Int hop = 0; hop < FC_HOPS; hop++) {
      SizeT n = fc_readable(a);
      unsigned long t;
      enum fc_target_kind k = fc_code_target((const UChar*)a, n, a, &t, NULL);
      if (k == FC_TARGET_SLOT) {
         if (!VG_(am_is_valid_for_client)(t, sizeof(Addr), VKI_PROT_READ))
            return NULL;
         t = *(const Addr*)t;
      } else if (k != FC_TARGET_DIRECT) {
         return NULL;
      }
      const HChar* name;
      if (VG_(get_fnname_raw)(ep, t, &name))
         return name;
      if (VG_(DebugInfo_sect_kind)(NULL, t) != Vg_SectPLT) {
         *unnamed = True;
         return NULL;
      }
      a = t;
   }
   return NULL;
}

/* What a shim turned out to be. */
typedef enum {
   FC_ShimDefault,   /* a jump or call to Rust's default allocator */
   FC_ShimOther,     /* ... to another named function (__rg_*, ...) */
   FC_ShimWork,      /* it does work of its own first */
   FC_ShimFilled,    /* the same in an object with __rdl_* and no __rg_*
                        symbols: LTO filled it with the default allocator */
} FC_ShimKind;

/* What the shim at a leads to.  A target without a name (Debian's
   stripped libstd-*.so) is the default allocator in an object with
   __rdl_* symbols and no __rg_* ones; so is a shim that does work first
   there (a #[global_allocator] build has no __rdl_* symbol left). */
static FC_ShimKind fc_shim_kind(const FC_Object* obj, Addr a,
                                const HChar** to)
{
   Bool unnamed;
   Bool default_here = obj->has_rdl && !obj->has_rg;
   *to = fc_shim_leads_to(a, &unnamed);
   if (*to != NULL)
      return fc_rust_shim(*to, NULL) == FC_SHIM_RDL ? FC_ShimDefault
                                                    : FC_ShimOther;
   if (unnamed)
      return default_here ? FC_ShimDefault : FC_ShimOther;
   return default_here ? FC_ShimFilled : FC_ShimWork;
}

/* Decodes obj's shims once: all lead to __rdl_* or obj runs natively. */
static void fc_check_shims(FC_Object* obj)
{
   obj->shims_checked = True;
   for (Int k = 0; k < FC_N_OPS && !obj->native; k++) {
      if (obj->shim[k] == 0)
         continue;
      const HChar* to;
      FC_ShimKind kind = fc_shim_kind(obj, obj->shim[k], &to);
      if (kind == FC_ShimDefault)
         continue;
      obj->native = True;
      HChar what[320];
      if (kind == FC_ShimFilled) {
         VG_(snprintf)(what, sizeof what, "was built with LTO, which filled "
                       "its allocator shim %s with Rust's default allocator "
                       "and inlined it into its callers", fc_op_names[k]);
         fc_warn(obj, what, "To check them, build it without LTO (-C "
                 "lto=off, or lto = false in the Cargo profile)");
         continue;
      }
      if (kind == FC_ShimOther)
         VG_(snprintf)(what, sizeof what, "has its own #[global_allocator] "
                       "(its %s leads to %s, not to Rust's default "
                       "allocator __rdl_*)", fc_op_names[k],
                       to ? to : "a function without a name");
      else
         VG_(snprintf)(what, sizeof what, "has its own #[global_allocator] "
                       "(its %s does work of its own before any jump to "
                       "Rust's default allocator __rdl_*)", fc_op_names[k]);
      fc_warn(obj, what, "Its allocator runs as it is. To check them, test "
              "a build that uses the default allocator (for instance with "
              "the #[global_allocator] behind a Cargo feature)");
   }
}

/* The allocator call returning to ret (uncached).  LTO'd Rust code often
   reaches free() by a tail call (`jmp free` at the end of a drop), which
   leaves no frame: the return address is then its caller's, calling the
   function that jumped.  Such a call, into code of an LTO object other
   than a surviving shim, or through a pointer (a C callback, a TLS
   destructor, an exit handler), cannot be told: unsure.  Calls into
   other objects (the allocator itself, through the PLT or the GOT) are
   classified by their inlined callers. */
static FC_SiteKind fc_alloc_site(Addr ret, Bool release)
{
   Addr ip = ret - 1;   /* inside the call instruction */
   Int i = fc_object_of(ip);
   if (i < 0)
      return FC_SiteMalloc;
   Addr callee = fc_call_target(ret);
   const HChar* name;   /* a named function (PLT stubs have no name) */
   Int ci = callee != 0 && VG_(DebugInfo_sect_kind)(NULL, callee) != Vg_SectPLT
            && VG_(get_fnname_if_entry)(VG_(current_DiEpoch)(), callee, &name)
            ? fc_object_of(callee) : -1;
   if (ci >= 0 && fc_objects[ci].lto_sites)   /* it jumped to the */
      return VG_(get_fnname_raw)(VG_(current_DiEpoch)(), callee, &name)
             && fc_wrapped_op(name) != FC_SHIM_OP_NONE   /* a surviving */
             ? FC_SiteRust : FC_SiteUnsure;   /* shim, or who knows */
   if (callee == 0)
      return FC_SiteUnsure;   /* through a pointer: maybe to a function
                                 that jumped to the allocator */
   if (!fc_objects[i].lto_sites)
      return FC_SiteMalloc;
   FC_SiteKind k = fc_allocsite_classify(ip, release);
   if (k == FC_SiteNoInfo) {
      fc_warn_no_info(&fc_objects[i], ip);
      k = FC_SiteUnsure;
   }
   return k;
}

FC_SiteKind fc_objects_alloc_site_slow(Addr ret, Bool release)
{
   FC_SiteKind k;
   if (fc_allocsite_lookup(ret - 1, &k))
      return k;
   k = fc_alloc_site(ret, release);
   fc_allocsite_remember(ret - 1, k);
   return k;
}

Bool fc_objects_is_rust(Addr ip)
{
   Int i = fc_object_of(ip);
   return i >= 0 && fc_objects[i].rust;
}

Bool fc_objects_shim_runs_native(Addr shim)
{
   Int i = fc_last_shim_obj >= 0 && fc_last_shim == shim
           ? fc_last_shim_obj : fc_object_of(shim);
   if (i < 0)
      return True;   /* code of no known object: leave it alone */
   fc_last_shim = shim;
   fc_last_shim_obj = i;
   FC_Object* obj = &fc_objects[i];
   if (!obj->shims_checked && !obj->native)
      fc_check_shims(obj);
   return obj->native;
}
