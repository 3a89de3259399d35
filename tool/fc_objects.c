/* fc_objects.c: find Rust objects whose allocator shims ffican cannot
   take over.

   The preload wraps any symbol ending in __rust_alloc, __rust_dealloc,
   __rust_realloc or __rust_alloc_zeroed.  Three kinds of object must be
   left alone, each with one warning naming it:
   - stripped (-C strip=symbols): no shim symbol at all.  Nothing is
     wrapped, Rust's allocations reach malloc/free: no false report, but
     no Rust-specific check either;
   - fat LTO: some shims survive as symbols while their callers were
     inlined into plain malloc/free calls.  Taking over the survivors alone
     would tag blocks as Rust that are then freed by free(): false
     ForeignFree reports;
   - a #[global_allocator] of the program's own: taking over its shims
     would bypass that allocator and change what the program does.  The
     default shim is a 5-byte `jmp` to Rust's System allocator (a symbol
     containing `__rdl_`); a shim that is anything else leads elsewhere.
     Each shim's first call looks at its code once.
   For the last two the wrappers are told to run the original shim
   ("native"), so ffican sees whatever that shim calls (usually malloc).
   An object is recognised as Rust by a shim symbol, by the "rustc version"
   note in its ELF .comment section, or by the .debug_gdb_scripts section
   older rustc versions leave (both survive strip).  Each object is
   examined once: when its code is first translated or when one of its
   shims is first called, whichever comes first.

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
#include "fc_objects.h"
#include "fc_util.h"
#include "fc_options.h"


#define FC_MAX_OBJECTS 512

typedef struct {
   Addr text_lo;    /* [text_lo, text_hi) is the object's code */
   Addr text_hi;
   Bool native;     /* its Rust shims must run as they are: see above */
   Bool warned;     /* a warning about this object was printed */
   Bool rust;       /* rustc produced it (shim symbols or rustc marks) */
} FC_Object;

static FC_Object fc_objects[FC_MAX_OBJECTS];
static Int       fc_n_objects;
static Int       fc_last_hit = -1;      /* index of the last object found */

#define FC_MAX_SHIMS 64

typedef struct {
   Addr addr;     /* entry of a wrapped __rust_* shim */
   Bool native;   /* it must run as it is */
} FC_Shim;

static FC_Shim fc_shims[FC_MAX_SHIMS];
static Int     fc_n_shims;
static Int     fc_last_shim = -1;

/* Shim bits. */
#define FC_SHIM_ALLOC   1
#define FC_SHIM_DEALLOC 2
#define FC_SHIM_REALLOC 4
#define FC_SHIM_ZEROED  8

static UInt fc_shim_bit(const HChar* name)
{
   if (fc_has_suffix(name, "__rust_alloc"))        return FC_SHIM_ALLOC;
   if (fc_has_suffix(name, "__rust_dealloc"))      return FC_SHIM_DEALLOC;
   if (fc_has_suffix(name, "__rust_realloc"))      return FC_SHIM_REALLOC;
   if (fc_has_suffix(name, "__rust_alloc_zeroed")) return FC_SHIM_ZEROED;
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

/* Is section `name` with these first bytes a mark of rustc? */
static Bool fc_rustc_mark(const HChar* name, const HChar* text, Int n)
{
   if (VG_(strcmp)(name, ".comment") == 0)
      return fc_bytes_contain(text, n, "rustc version");
   if (VG_(strcmp)(name, ".debug_gdb_scripts") == 0)
      return fc_bytes_contain(text, n, "rust");
   return False;
}

/* Looks through the sections for a mark rustc leaves (see the top). */
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
         if (name >= str_size || (VG_(strcmp)(strs + name, ".comment") != 0
             && VG_(strcmp)(strs + name, ".debug_gdb_scripts") != 0))
            continue;
         HChar text[FC_COMMENT_MAX];
         Int n = size < sizeof text ? (Int)size : (Int)sizeof text;
         found = fc_pread(fd, off, text, n)
                 && fc_rustc_mark(strs + name, text, n);
      }
   }
   VG_(free)(strs);
   return found;
}

/* Was `file` produced by rustc?  False when it cannot be read. */
static Bool fc_elf_has_rustc_mark(const HChar* file)
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

typedef enum { FC_HiddenStripped, FC_HiddenLTO, FC_HiddenOwnAllocator }
   FC_HiddenWhy;

static void fc_warn_hidden(const HChar* file, FC_HiddenWhy why)
{
   static const HChar* const why_text[] = {
      "has no allocator shim symbols (stripped?)",
      "has some of its allocator shims inlined away (fat LTO?)",
      "has its own #[global_allocator]",
   };
   if (!fc_clo_warn_hidden_rust || VG_(clo_xml))
      return;
   VG_(umsg)("Warning: Rust object %s %s: its Rust allocations will look "
             "like what its allocator calls (malloc), so ffican cannot check "
             "them against Rust's allocator rules\n", file, why_text[why]);
}

static void fc_warn_object(FC_Object* obj, const HChar* file,
                           FC_HiddenWhy why)
{
   if (!obj->warned)
      fc_warn_hidden(file, why);
   obj->warned = True;
}

static void fc_examine(const DebugInfo* di, FC_Object* obj)
{
   const HChar* file = VG_(DebugInfo_get_filename)(di);
   if (VG_(strncmp)(fc_basename(file), "vgpreload_", 10) == 0)
      return;   /* our own or the core's preload */
   UInt shims = fc_shims_present(di);
   UInt core  = FC_SHIM_ALLOC | FC_SHIM_DEALLOC;
   obj->rust = shims != 0;
   if ((shims & core) == core) {
      return;   /* all there: each shim is still checked at its first call */
   } else if (shims != 0) {
      obj->native = True;
      fc_warn_object(obj, file, FC_HiddenLTO);
   } else if (fc_elf_has_rustc_mark(file)) {
      obj->rust = True;
      fc_warn_object(obj, file, FC_HiddenStripped);
   }
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

/* Index of the object holding code at addr, examining it if new; -1 if
   none. */
static Int fc_object_of(Addr addr)
{
   Int i = fc_find_known(addr);
   if (i >= 0)
      return i;
   DebugInfo* di = VG_(find_DebugInfo)(VG_(current_DiEpoch)(), addr);
   if (di == NULL || VG_(DebugInfo_get_text_size)(di) == 0)
      return -1;
   if (fc_n_objects == FC_MAX_OBJECTS) {
      if (VG_(clo_verbosity) > 1)
         VG_(umsg)("ffican: too many objects; %s not examined\n",
                   VG_(DebugInfo_get_filename)(di));
      return -1;
   }
   FC_Object* obj = &fc_objects[fc_n_objects];
   obj->text_lo = VG_(DebugInfo_get_text_avma)(di);
   obj->text_hi = obj->text_lo + VG_(DebugInfo_get_text_size)(di);
   obj->native = False;
   obj->warned = False;
   obj->rust = False;
   if (addr < obj->text_lo || addr >= obj->text_hi)
      return -1;   /* code outside the .text we know: don't cache */
   fc_n_objects++;
   fc_examine(di, obj);
   return fc_last_hit = fc_n_objects - 1;
}

void fc_objects_note_code(Addr addr)
{
   (void)fc_object_of(addr);
}

void fc_objects_forget_range(Addr a, SizeT len)
{
   for (Int i = 0; i < fc_n_objects; i++) {
      FC_Object* o = &fc_objects[i];
      if (o->text_lo < a + len && a < o->text_hi) {
         *o = fc_objects[--fc_n_objects];
         i--;
      }
   }
   for (Int i = 0; i < fc_n_shims; i++) {
      if (fc_shims[i].addr >= a && fc_shims[i].addr < a + len)
         fc_shims[i--] = fc_shims[--fc_n_shims];
   }
   fc_last_hit = -1;
   fc_last_shim = -1;
}

/* ---------------- classifying shims at their first call ---------------- */


/* Is the shim a direct jump to Rust's System allocator (__rdl_*)? */
static Bool fc_shim_is_default(Addr shim)
{
   const UChar* code = (const UChar*)shim;
   if (code[0] == 0xF3 && code[1] == 0x0F && code[2] == 0x1E
       && code[3] == 0xFA)
      code += 4;   /* endbr64 */
   if (code[0] != 0xE9)
      return False;
   Int rel = (Int)((UInt)code[1] | (UInt)code[2] << 8 | (UInt)code[3] << 16
                   | (UInt)code[4] << 24);
   Addr target = (Addr)code + 5 + (Long)rel;
   const HChar* name;
   return VG_(get_fnname)(VG_(current_DiEpoch)(), target, &name)
          && VG_(strstr)(name, "__rdl_") != NULL;
}

static Bool fc_classify_shim(Addr shim)
{
   Int i = fc_object_of(shim);
   if (i >= 0 && fc_objects[i].native)
      return True;
   if (fc_shim_is_default(shim))
      return False;
   if (i >= 0) {
      DebugInfo* di = VG_(find_DebugInfo)(VG_(current_DiEpoch)(), shim);
      fc_warn_object(&fc_objects[i], di ? VG_(DebugInfo_get_filename)(di)
                                        : "(unknown)", FC_HiddenOwnAllocator);
   }
   return True;
}

Bool fc_objects_is_rust(Addr ip)
{
   Int i = fc_object_of(ip);
   return i >= 0 && fc_objects[i].rust;
}

Bool fc_objects_shim_runs_native(Addr shim)
{
   if (fc_last_shim >= 0 && fc_shims[fc_last_shim].addr == shim)
      return fc_shims[fc_last_shim].native;
   for (Int i = 0; i < fc_n_shims; i++)
      if (fc_shims[i].addr == shim)
         return fc_shims[fc_last_shim = i].native;
   Bool native = fc_classify_shim(shim);
   if (fc_n_shims < FC_MAX_SHIMS) {
      fc_shims[fc_n_shims] = (FC_Shim){ shim, native };
      fc_last_shim = fc_n_shims++;
   }
   return native;
}
