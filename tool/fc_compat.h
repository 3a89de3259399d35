/* fc_compat.h: the few places where Valgrind's tool API differs between the
   versions ffican builds against (3.19 .. 3.24), behind one name each.

   Owns: nothing but names.  Configure compiles a probe against the
   Valgrind headers for each difference and writes the answer into
   fc_config.h (FC_VG_*); this header is the only place that reads those
   answers, so the tool's sources stay free of version tests.
   Assumes: included before any Valgrind header (it includes fc_version.h,
   which must come first).
   Limits: covers only the calls ffican makes; a new difference gets a
   configure probe and an entry here, never an #if in a .c file.

     FC_VG_ORIG_ALIGN_PARAM   goes right after the `SizeT align` parameter
                              of the aligned allocation callbacks (memalign,
                              aligned new[]): since 3.22 the core also passes
                              the alignment the program asked for, before
                              rounding.  ffican keeps using the rounded one.
     fc_vg_shadow_alloc(n)    VG_(am_shadow_alloc): a pointer or NULL (it
                              returns a SysRes since 3.22).
     fc_vg_out_of_memory(who, n)  VG_(out_of_memory_NORETURN) (3.22 added
                              an errno argument; ffican passes 0, unknown).
     fc_vg_is_alignment_check(req)  True for the Memcheck client request
                              the stock malloc replacement makes (3.22+)
                              before each aligned allocation and sized
                              release, for Memcheck's alignment and size
                              checks; ffican has nothing to do for it.
     fc_vg_discard_pages(a, len)  gives the pages of client heap memory
                              [a, a+len) (page-aligned) back to the
                              kernel, which reads as zeros afterwards
                              (madvise MADV_DONTNEED).  The tool API has
                              no system calls; the core's VG_(do_syscall)
                              is declared here with the widest argument
                              list (3.24's; 3.19's takes two fewer, which
                              the amd64 calling convention ignores).
                              False, with nothing done, when the range
                              is not one anonymous client mapping.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_COMPAT_H
#define FC_COMPAT_H

#include "fc_version.h"
#include "pub_tool_basics.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_mallocfree.h"
#if FC_VG_HAVE_VERIFY_ALIGNMENT
#  include "memcheck.h"
#endif

#if FC_VG_ALIGNED_CB_ORIG_ALIGN
#  define FC_VG_ORIG_ALIGN_PARAM , SizeT orig_align_unused
#else
#  define FC_VG_ORIG_ALIGN_PARAM
#endif

static inline void* fc_vg_shadow_alloc(SizeT n)
{
#if FC_VG_SHADOW_ALLOC_SYSRES
   SysRes res = VG_(am_shadow_alloc)(n);
   return sr_isError(res) ? NULL : (void*)(Addr)sr_Res(res);
#else
   return VG_(am_shadow_alloc)(n);
#endif
}

extern SysRes VG_(do_syscall)(UWord sysno, UWord, UWord, UWord, UWord,
                              UWord, UWord, UWord, UWord);

static inline Bool fc_vg_discard_pages(Addr a, SizeT len)
{
   const UWord nr_madvise = 28, madv_dontneed = 4;   /* x86-64 Linux */
   NSegment const* seg = VG_(am_find_nsegment)(a);
   if (seg == NULL || seg->kind != SkAnonC || seg->end < a + len - 1
       || ((a | len) & 4095) != 0)
      return False;
   SysRes r = VG_(do_syscall)(nr_madvise, a, len, madv_dontneed,
                              0, 0, 0, 0, 0);
   return !sr_isError(r);
}

__attribute__((noreturn))
static inline void fc_vg_out_of_memory(const HChar* who, SizeT n)
{
#if FC_VG_OOM_ERRNO_ARG
   VG_(out_of_memory_NORETURN)(who, n, 0);
#else
   VG_(out_of_memory_NORETURN)(who, n);
#endif
}

static inline Bool fc_vg_is_alignment_check(UWord req)
{
#if FC_VG_HAVE_VERIFY_ALIGNMENT
   return req == _VG_USERREQ__MEMCHECK_VERIFY_ALIGNMENT;
#else
   (void)req;
   return False;
#endif
}

#endif
