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
