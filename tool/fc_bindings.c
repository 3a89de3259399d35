/* fc_bindings.c: load the suppression files of the bindings a program
   links (--bindings, --bindings-dir; docs/bindings.md).

   A binding is a Rust -sys crate that wraps a C library (openssl-sys,
   libgit2-sys, ...); common/fc_bindtab.c says how a binary shows that it
   links one (a -sys crate in its Rust symbols, or, in Rust code, the
   binding's C library needed or built in), the same rules ffican-scan
   reports by.  What some bindings do on purpose (a library's global
   state kept to the end, a Rust block lent to C for a handle's life) is
   described in a shipped file <dir>/<binding>.supp; rust-std.supp covers
   Rust's standard library and is loaded like Valgrind's default.supp.

   When: the core reads its suppression files (VG_(clo_suppressions), the
   --suppressions list) once, after it has loaded the debug information of
   the first objects (the program and the dynamic linker) and has told the
   tool about the first memory (new_mem_startup).  fc_bindings_at_startup,
   called from the first of those callbacks, reads those objects' symbols
   and the libraries their ELF dynamic sections need (DT_NEEDED: the
   libraries themselves are mapped later), and appends one file per binding
   to that list, so the core reads them as if given with --suppressions;
   -s then shows what each entry suppressed.

   Owns: the chosen binding files.  Assumes: called before the core reads
   its suppressions (checked on Valgrind 3.19 and 3.24).
   Limits: only objects mapped before the program starts are read: the
   crates of a Rust library the dynamic linker or dlopen loads later (a
   Rust cdylib used by a C program) are not seen; name them with
   --bindings=rust-std,<binding>,...  At most FC_MAX_BINDINGS bindings.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcfile.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_libcproc.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_options.h"
#include "pub_tool_xarray.h"
#include "pub_tool_vki.h"
#include "fc_bindings.h"
#include "fc_options.h"
#include "fc_util.h"
#include "fc_rustsym.h"
#include "fc_bindtab.h"
#include <elf.h>   /* the ELF types only */

#define FC_MAX_BINDINGS   64
#define FC_BINDING_NAME   64   /* bytes of a binding's name, NUL included */

/* The folder the build installs the files into (tool/Makefile.am). */
#ifndef FC_BINDINGS_DIR
#  error "FC_BINDINGS_DIR (the installed suppressions folder) is not set"
#endif

typedef struct {
   HChar name[FC_BINDING_NAME];   /* "openssl-sys" */
   const HChar* why;              /* "crate openssl_sys in /bin/prog" */
} FC_Binding;

static FC_Binding fc_bindings[FC_MAX_BINDINGS];
static Int        fc_n_bindings;
static Bool       fc_bindings_done;

static const HChar* fc_bindings_dir(void)
{
   return VG_STREQ(fc_clo_bindings_dir, "installed") ? FC_BINDINGS_DIR
                                                      : fc_clo_bindings_dir;
}

static HChar* fc_binding_path(const HChar* name)
{
   const HChar* dir = fc_bindings_dir();
   SizeT n = VG_(strlen)(dir) + VG_(strlen)(name) + 8;
   HChar* path = VG_(malloc)("fc.bindings.path", n);
   VG_(snprintf)(path, n, "%s/%s.supp", dir, name);
   return path;
}

/* Can the core open path?  (It would abort on a file it cannot.) */
static Bool fc_readable(const HChar* path)
{
   SysRes res = VG_(open)(path, VKI_O_RDONLY, 0);
   if (sr_isError(res))
      return False;
   VG_(close)(sr_Res(res));
   return True;
}

static Bool fc_binding_known(const HChar* name)
{
   for (Int i = 0; i < fc_n_bindings; i++)
      if (VG_STREQ(fc_bindings[i].name, name))
         return True;
   return False;
}

static void fc_binding_add(const HChar* name, const HChar* why)
{
   if (fc_binding_known(name) || fc_n_bindings == FC_MAX_BINDINGS)
      return;
   FC_Binding* b = &fc_bindings[fc_n_bindings++];
   VG_(strncpy)(b->name, name, sizeof b->name - 1);
   b->why = why;
}

/* ---------------- --bindings=LIST ---------------- */

static void fc_bindings_fail(const HChar* what, const HChar* detail)
{
   VG_(fmsg)("ffican: --bindings=%s: %s%s\n", fc_clo_bindings, what, detail);
   VG_(fmsg)("ffican: expected auto, none or binding names separated by "
             "commas (rust-std, openssl-sys, ...: the files in %s)\n",
             fc_bindings_dir());
   VG_(exit)(1);
}

/* Checks one name of the list and records it. */
static void fc_bindings_take_name(const HChar* name)
{
   SizeT n = VG_(strlen)(name);
   if (n == 0)
      fc_bindings_fail("an empty name", "");
   if (n >= FC_BINDING_NAME)
      fc_bindings_fail("a name is too long: ", name);
   for (SizeT i = 0; i < n; i++) {
      HChar c = name[i];
      if (!VG_(isdigit)(c) && !(c >= 'a' && c <= 'z') && c != '-'
          && c != '_')
         fc_bindings_fail("not a binding name (letters a-z, digits, - _): ",
                          name);
   }
   HChar* path = fc_binding_path(name);
   if (!fc_readable(path))
      fc_bindings_fail("no such binding file: ", path);
   VG_(free)(path);
   fc_binding_add(name, "named by --bindings");
}

static void fc_bindings_take_list(void)
{
   HChar* list = VG_(strdup)("fc.bindings.list", fc_clo_bindings);
   HChar* start = list;
   for (HChar* p = list; ; p++) {
      if (*p == ',' || *p == 0) {
         Bool last = *p == 0;
         *p = 0;
         fc_bindings_take_name(start);
         if (last)
            break;
         start = p + 1;
      }
   }
   VG_(free)(list);
}

void fc_bindings_post_clo_init(void)
{
   if (VG_STREQ(fc_clo_bindings, "auto") || VG_STREQ(fc_clo_bindings, "none"))
      return;
   fc_bindings_take_list();
}

/* ---------------- --bindings=auto ---------------- */

static void fc_binding_found(const HChar* name, const HChar* what,
                             const HChar* file)
{
   if (fc_binding_known(name))
      return;
   SizeT len = VG_(strlen)(what) + VG_(strlen)(file) + 8;
   HChar* why = VG_(malloc)("fc.bindings.why", len);
   VG_(snprintf)(why, len, "%s in %s", what, file);
   fc_binding_add(name, why);
}

/* The file offset of virtual address va, from the PT_LOAD headers. */
static Off64T fc_file_offset(const Elf64_Phdr* ph, Int n, Elf64_Addr va)
{
   for (Int i = 0; i < n; i++)
      if (ph[i].p_type == PT_LOAD && va >= ph[i].p_vaddr
          && va < ph[i].p_vaddr + ph[i].p_filesz)
         return va - ph[i].p_vaddr + ph[i].p_offset;
   return -1;
}

#define FC_MAX_PHDRS   64
#define FC_MAX_DYNS    1024

/* Calls fn on each DT_NEEDED name of the ELF file fd: its dynamic
   section's entries and their string table.  Anything unexpected (not
   64-bit ELF, sizes out of bounds) ends the walk quietly: the libraries
   are then only not used to find bindings. */
static void fc_needed_of(Int fd, const HChar* file,
                         void (*fn)(const HChar* lib, const HChar* file))
{
   Elf64_Ehdr eh;
   static Elf64_Phdr ph[FC_MAX_PHDRS];
   static Elf64_Dyn dyn[FC_MAX_DYNS];
   if (!fc_pread(fd, 0, &eh, sizeof eh)
       || VG_(memcmp)(eh.e_ident, ELFMAG, SELFMAG) != 0
       || eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_phnum > FC_MAX_PHDRS
       || eh.e_phentsize != sizeof(Elf64_Phdr)
       || !fc_pread(fd, eh.e_phoff, ph, eh.e_phnum * sizeof ph[0]))
      return;
   Int nd = 0;
   for (Int i = 0; i < eh.e_phnum; i++)
      if (ph[i].p_type == PT_DYNAMIC) {
         nd = ph[i].p_filesz / sizeof(Elf64_Dyn);
         if (nd > FC_MAX_DYNS
             || !fc_pread(fd, ph[i].p_offset, dyn, nd * sizeof dyn[0]))
            return;
      }
   Elf64_Addr strtab = 0;
   UInt strsz = 0;
   for (Int i = 0; i < nd; i++) {
      if (dyn[i].d_tag == DT_STRTAB) strtab = dyn[i].d_un.d_ptr;
      if (dyn[i].d_tag == DT_STRSZ)  strsz = dyn[i].d_un.d_val;
   }
   Off64T off = fc_file_offset(ph, eh.e_phnum, strtab);
   if (off < 0 || strsz == 0 || strsz > (1u << 24))
      return;
   HChar* str = VG_(malloc)("fc.bindings.dynstr", strsz + 1);
   if (fc_pread(fd, off, str, strsz)) {
      str[strsz] = 0;
      for (Int i = 0; i < nd; i++)
         if (dyn[i].d_tag == DT_NEEDED && dyn[i].d_un.d_val < strsz)
            fn(str + dyn[i].d_un.d_val, file);
   }
   VG_(free)(str);
}

static void fc_needed_library(const HChar* lib, const HChar* file)
{
   const HChar* name = fc_binding_of_library(lib);
   if (name != NULL)
      fc_binding_found(name, lib, file);
}

/* Bindings seen in di's symbols: -sys crates, and (for Rust code) the C
   libraries built into it.  Returns whether di holds Rust code. */
static Bool fc_bindings_of_symbols(const DebugInfo* di, const HChar* file)
{
   fc_di_load_symbols(di);
   Int n = VG_(DebugInfo_syms_howmany)(di);
   HChar crate[FC_BINDING_NAME], name[FC_BINDING_NAME];
   const HChar* builtin = NULL;
   Bool rust = False;
   for (Int i = 0; i < n; i++) {
      FC_Sym sym;
      fc_di_sym(di, i, &sym);
      const HChar* pri = sym.name;
      if (pri == NULL)
         continue;
      if (builtin == NULL && sym.is_text)
         builtin = fc_binding_of_symbol(pri);
      if (fc_rust_crate(pri, crate, sizeof crate) <= 0)
         continue;
      rust = True;
      if (fc_binding_of_crate(crate, name, sizeof name) > 0) {
         HChar what[FC_BINDING_NAME + 8];
         VG_(snprintf)(what, sizeof what, "crate %s", crate);
         fc_binding_found(name, what, file);
      }
   }
   if (rust && builtin != NULL)
      fc_binding_found(builtin, "its C library, built", file);
   return rust;
}

static void fc_bindings_of_object(const DebugInfo* di)
{
   const HChar* file = VG_(DebugInfo_get_filename)(di);
   if (file == NULL || !fc_bindings_of_symbols(di, file))
      return;
   SysRes res = VG_(open)(file, VKI_O_RDONLY, 0);
   if (sr_isError(res))
      return;
   fc_needed_of(sr_Res(res), file, fc_needed_library);
   VG_(close)(sr_Res(res));
}

static void fc_bindings_find(void)
{
   fc_binding_add("rust-std", "always, as Valgrind's default.supp");
   for (const DebugInfo* di = VG_(next_DebugInfo)(NULL); di != NULL;
        di = VG_(next_DebugInfo)(di))
      fc_bindings_of_object(di);
}

/* Appends the readable files to the core's list; -v says what it did. */
static void fc_bindings_hand_to_core(void)
{
   Bool verbose = VG_(clo_verbosity) > 1;
   for (Int i = 0; i < fc_n_bindings; i++) {
      const FC_Binding* b = &fc_bindings[i];
      HChar* path = fc_binding_path(b->name);
      if (!fc_readable(path)) {
         if (VG_STREQ(b->name, "rust-std"))
            VG_(umsg)("Warning: ffican: %s not found: no binding "
                      "suppressions loaded (is ffican installed? "
                      "--bindings-dir names the folder)\n", path);
         else if (verbose)
            VG_(umsg)("ffican: binding %s (%s): no suppression file "
                      "shipped for it\n", b->name, b->why);
         VG_(free)(path);
         continue;
      }
      if (verbose)
         VG_(umsg)("ffican: binding %s (%s): loading %s\n", b->name, b->why,
                   path);
      VG_(addToXA)(VG_(clo_suppressions), &path);   /* the core keeps it */
   }
}

void fc_bindings_at_startup(void)
{
   if (fc_bindings_done)
      return;
   fc_bindings_done = True;
   if (VG_STREQ(fc_clo_bindings, "none"))
      return;
   if (VG_STREQ(fc_clo_bindings, "auto"))
      fc_bindings_find();
   fc_bindings_hand_to_core();
}
