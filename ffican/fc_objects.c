/* fc_objects.c: find Rust objects whose allocator shims ffican cannot
   intercept.

   The preload redirects any symbol ending in __rust_alloc, __rust_dealloc,
   __rust_realloc or __rust_alloc_zeroed.  That fails in two ways:
   - stripped objects (-C strip=symbols): no shim symbol at all.  Nothing
     is redirected, Rust's allocations reach malloc/free: no false report,
     but no Rust-specific check either;
   - fat LTO: some shims survive as symbols while their callers were
     inlined into plain malloc/free calls.  Redirecting the survivors
     alone would tag blocks as Rust that are then freed by free(): false
     ForeignFree reports.  Such objects are "partial": Rust allocator calls
     made from their code are treated as malloc-family calls.
   An object is recognised as Rust by a shim symbol or by the
   "rustc version" note rustc leaves in the ELF .comment section (kept by
   strip).  Each object is examined once, when its code is first
   translated, which is always before it can call an allocator.

   Limits: at most FC_MAX_OBJECTS objects are remembered; later ones are
   not examined (a note says so under -v).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcfile.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_options.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_vki.h"
#include "pub_tool_stacktrace.h"
#include "fc_objects.h"
#include "fc_options.h"

/* Private to the core but exported by libcoregrind (see pub_core_debuginfo.h
   of Valgrind 3.19; amd64 layout of SymAVMAs). */
typedef struct { Addr main; } FC_SymAVMAs;
extern Int  VG_(DebugInfo_syms_howmany)(const DebugInfo* di);
extern void VG_(DebugInfo_syms_getidx)(const DebugInfo* di, Int idx,
                                       FC_SymAVMAs* ad, UInt* size,
                                       const HChar** pri_name,
                                       const HChar*** sec_names,
                                       Bool* isText, Bool* isIFunc,
                                       Bool* isGlobal);

#define FC_MAX_OBJECTS 512

typedef struct {
   Addr text_lo;    /* [text_lo, text_hi) is the object's code */
   Addr text_hi;
   Bool partial;    /* Rust shims partly intercepted: see above */
} FC_Object;

static FC_Object fc_objects[FC_MAX_OBJECTS];
static Int       fc_n_objects;
static Int       fc_n_partial;          /* how many have partial == True */
static Int       fc_last_hit = -1;      /* index of the last object found */

/* Shim bits. */
#define FC_SHIM_ALLOC   1
#define FC_SHIM_DEALLOC 2
#define FC_SHIM_REALLOC 4
#define FC_SHIM_ZEROED  8

static Bool fc_ends_with(const HChar* s, const HChar* suffix)
{
   SizeT n = VG_(strlen)(s), m = VG_(strlen)(suffix);
   return n >= m && VG_(strcmp)(s + n - m, suffix) == 0;
}

static UInt fc_shim_bit(const HChar* name)
{
   if (fc_ends_with(name, "__rust_alloc"))        return FC_SHIM_ALLOC;
   if (fc_ends_with(name, "__rust_dealloc"))      return FC_SHIM_DEALLOC;
   if (fc_ends_with(name, "__rust_realloc"))      return FC_SHIM_REALLOC;
   if (fc_ends_with(name, "__rust_alloc_zeroed")) return FC_SHIM_ZEROED;
   return 0;
}

/* Which shims have a text symbol in di. */
static UInt fc_shims_present(const DebugInfo* di)
{
   UInt bits = 0;
   Int n = VG_(DebugInfo_syms_howmany)(di);
   for (Int i = 0; i < n; i++) {
      FC_SymAVMAs ad;
      UInt size;
      const HChar* pri;
      const HChar** sec;
      Bool is_text, is_ifunc, is_global;
      VG_(DebugInfo_syms_getidx)(di, i, &ad, &size, &pri, &sec, &is_text,
                                 &is_ifunc, &is_global);
      if (!is_text || pri == NULL)
         continue;
      bits |= fc_shim_bit(pri);
      for (; sec && *sec; sec++)
         bits |= fc_shim_bit(*sec);
   }
   return bits;
}

/* ---------------- reading the ELF .comment section ---------------- */

/* Offsets in the ELF64 file and section headers (System V gABI). */
#define FC_EH_SIZE       64
#define FC_EH_SHOFF      0x28
#define FC_EH_SHENTSIZE  0x3A
#define FC_EH_SHNUM      0x3C
#define FC_EH_SHSTRNDX   0x3E
#define FC_SH_NAME       0x00
#define FC_SH_OFFSET     0x18
#define FC_SH_SIZE       0x20
#define FC_SH_ENTSIZE_64 64
#define FC_COMMENT_MAX   4096
#define FC_SHSTR_MAX     65536

static Bool fc_pread(Int fd, ULong off, void* buf, Int n)
{
   if (VG_(lseek)(fd, (Off64T)off, VKI_SEEK_SET) != (Off64T)off)
      return False;
   return VG_(read)(fd, buf, n) == n;
}

static ULong fc_get_le(const UChar* p, Int n)
{
   ULong v = 0;
   for (Int i = n - 1; i >= 0; i--)
      v = (v << 8) | p[i];
   return v;
}

/* Reads section `idx`'s header: its name offset, file offset and size. */
static Bool fc_section(Int fd, ULong shoff, UInt idx, UInt* name,
                       ULong* off, ULong* size)
{
   UChar sh[FC_SH_ENTSIZE_64];
   if (!fc_pread(fd, shoff + (ULong)idx * FC_SH_ENTSIZE_64, sh, sizeof sh))
      return False;
   *name = (UInt)fc_get_le(sh + FC_SH_NAME, 4);
   *off  = fc_get_le(sh + FC_SH_OFFSET, 8);
   *size = fc_get_le(sh + FC_SH_SIZE, 8);
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

/* Finds .comment among the sections and looks for rustc's note in it. */
static Bool fc_scan_sections(Int fd, const UChar* eh)
{
   ULong shoff = fc_get_le(eh + FC_EH_SHOFF, 8);
   UInt  shnum = (UInt)fc_get_le(eh + FC_EH_SHNUM, 2);
   UInt  strndx = (UInt)fc_get_le(eh + FC_EH_SHSTRNDX, 2);
   UInt  name;
   ULong off, size, str_off, str_size;
   if (fc_get_le(eh + FC_EH_SHENTSIZE, 2) != FC_SH_ENTSIZE_64
       || strndx >= shnum
       || !fc_section(fd, shoff, strndx, &name, &str_off, &str_size))
      return False;
   if (str_size > FC_SHSTR_MAX)
      str_size = FC_SHSTR_MAX;
   HChar* strs = VG_(malloc)("fc.objects.shstr", str_size + 1);
   Bool found = False;
   if (fc_pread(fd, str_off, strs, (Int)str_size)) {
      strs[str_size] = 0;
      for (UInt i = 1; i < shnum && !found; i++) {
         if (!fc_section(fd, shoff, i, &name, &off, &size))
            break;
         if (name >= str_size || VG_(strcmp)(strs + name, ".comment") != 0)
            continue;
         HChar text[FC_COMMENT_MAX];
         Int n = size < sizeof text ? (Int)size : (Int)sizeof text;
         found = fc_pread(fd, off, text, n)
                 && fc_bytes_contain(text, n, "rustc version");
      }
   }
   VG_(free)(strs);
   return found;
}

/* Was `file` produced by rustc?  False when it cannot be read. */
static Bool fc_elf_has_rustc_comment(const HChar* file)
{
   SysRes sr = VG_(open)(file, VKI_O_RDONLY, 0);
   if (sr_isError(sr))
      return False;
   Int fd = (Int)sr_Res(sr);
   UChar eh[FC_EH_SIZE];
   Bool rust = fc_pread(fd, 0, eh, sizeof eh)
               && VG_(memcmp)(eh, "\177ELF", 4) == 0
               && eh[4] == 2 /* ELFCLASS64 */ && eh[5] == 1 /* LSB */
               && fc_scan_sections(fd, eh);
   VG_(close)(fd);
   return rust;
}

/* ---------------- examining objects ---------------- */

static void fc_warn_hidden(const HChar* file, Bool partial)
{
   if (!fc_clo_warn_hidden_rust || VG_(clo_xml))
      return;
   if (partial)
      VG_(umsg)("Warning: Rust object %s has some of its allocator shims "
                "inlined away (fat LTO?): its Rust allocations will look "
                "like malloc, so ffican cannot check them against Rust's "
                "allocator rules\n", file);
   else
      VG_(umsg)("Warning: Rust object %s has no allocator shim symbols "
                "(stripped?): its Rust allocations will look like malloc, so "
                "ffican cannot check them against Rust's allocator rules\n",
                file);
}

static void fc_examine(const DebugInfo* di, FC_Object* obj)
{
   const HChar* file = VG_(DebugInfo_get_filename)(di);
   const HChar* base = VG_(strrchr)(file, '/');
   base = base ? base + 1 : file;
   if (VG_(strncmp)(base, "vgpreload_", 10) == 0)
      return;   /* our own or the core's preload */
   UInt shims = fc_shims_present(di);
   UInt core  = FC_SHIM_ALLOC | FC_SHIM_DEALLOC;
   if ((shims & core) == core)
      return;   /* fully intercepted */
   if (shims == 0 && !fc_elf_has_rustc_comment(file))
      return;   /* not Rust */
   obj->partial = shims != 0;
   if (obj->partial)
      fc_n_partial++;
   fc_warn_hidden(file, obj->partial);
}

static Int fc_find_known(Addr a)
{
   if (fc_last_hit >= 0 && a >= fc_objects[fc_last_hit].text_lo
       && a < fc_objects[fc_last_hit].text_hi)
      return fc_last_hit;
   for (Int i = 0; i < fc_n_objects; i++)
      if (a >= fc_objects[i].text_lo && a < fc_objects[i].text_hi)
         return fc_last_hit = i;
   return -1;
}

void fc_objects_note_code(Addr addr)
{
   if (fc_find_known(addr) >= 0)
      return;
   DebugInfo* di = VG_(find_DebugInfo)(VG_(current_DiEpoch)(), addr);
   if (di == NULL || VG_(DebugInfo_get_text_size)(di) == 0)
      return;
   if (fc_n_objects == FC_MAX_OBJECTS) {
      if (VG_(clo_verbosity) > 1)
         VG_(umsg)("ffican: too many objects; %s not examined\n",
                   VG_(DebugInfo_get_filename)(di));
      return;
   }
   FC_Object* obj = &fc_objects[fc_n_objects];
   obj->text_lo = VG_(DebugInfo_get_text_avma)(di);
   obj->text_hi = obj->text_lo + VG_(DebugInfo_get_text_size)(di);
   obj->partial = False;
   if (addr < obj->text_lo || addr >= obj->text_hi)
      return;   /* code outside the .text we know: don't cache */
   fc_n_objects++;
   fc_examine(di, obj);
}

void fc_objects_forget_range(Addr a, SizeT len)
{
   for (Int i = 0; i < fc_n_objects; i++) {
      FC_Object* o = &fc_objects[i];
      if (o->text_lo < a + len && a < o->text_hi) {
         if (o->partial)
            fc_n_partial--;
         *o = fc_objects[--fc_n_objects];
         i--;
      }
   }
   fc_last_hit = -1;
}

Bool fc_objects_rust_call_partial(ThreadId tid)
{
   if (fc_n_partial == 0)
      return False;   /* the common case costs one test */
   Addr ips[2];
   /* Frame 0 is the preload's replacement, frame 1 its caller. */
   if (VG_(get_StackTrace)(tid, ips, 2, NULL, NULL, 0) < 2)
      return False;
   Int i = fc_find_known(ips[1]);
   return i >= 0 && fc_objects[i].partial;
}
