/* fc_vmem.c: scalar loads and stores of V bits, with their
   addressability check, in one call.

   Generated code (fc_definedness.c) calls one of these for every plain
   load and store of 1, 2, 4 or 8 bytes instead of inlining both the
   addressability test (fc_access.c) and the V-bit access: the two
   shadows are indexed by the same primary slot, so one call does both
   with one address decomposition, and the translated code stays small
   (which matters more than the call: inlining both tripled the size of
   a typical block).  Wider, guarded and atomic accesses keep the inline
   code.  They also report an address made of undefined bits (its V bits
   come as an argument), which saves generated code a test per access.

   Fast path: the address is below the primaries' reach, the access lies
   in one 64 KiB chunk, its granule(s) are accessible, and (stores) the V
   secondary is private.  Anything else takes the slow path: the precise
   check and report (fc_access_slow), then the V bits through the scratch
   buffer (fc_vbits_gather/scatter).  A load that brings in undefined
   bits notes its origin (fc_uninit_note_load).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcbase.h"
#include "fc_access.h"
#include "fc_errors.h"
#include "fc_shadow.h"
#include "fc_uninit.h"
#include "fc_vbits.h"
#include "fc_vmem.h"

/* Is the access of n (1..8) bytes at a on the fast path? */
static inline Bool fc_vm_fast(Addr a, UWord n)
{
   UWord pri = a >> FC_SH_SEC_SHIFT;
   UWord off = a & (FC_SH_SEC_SPAN - 1);
   if (UNLIKELY(pri >= FC_SH_PRIMARY_SIZE || off > FC_SH_SEC_SPAN - n))
      return False;
   const UChar* as = fc_shadow_primary[pri];
   UWord g = off >> 3;
   if (UNLIKELY(as[g] != 0))
      return False;
   return (off & 7) + n <= 8 || as[g + 1] == 0;
}

static UWord fc_vm_load_slow(Addr a, UWord n)
{
   fc_access_slow(a, n << 1);
   fc_vbits_gather(a, n);
   UWord v = 0;
   VG_(memcpy)(&v, fc_vbits_scratch, n);
   if (v != 0)
      fc_uninit_note_load(a, n);
   return v;
}

static void fc_vm_store_slow(Addr a, UWord n, UWord v)
{
   fc_access_slow(a, (n << 1) | 1);
   VG_(memcpy)(fc_vbits_scratch, &v, n);
   fc_vbits_scatter(a, n);
   if (v != 0)
      fc_uninit_note_store(a, n);
}

#define FC_LOADV(name, n, type)                                          \
   VG_REGPARM(2) UWord name(Addr a, UWord va)                            \
   {                                                                     \
      if (UNLIKELY(va != 0))                                             \
         fc_uninit_used(FC_UseAddress);                                  \
      if (LIKELY(fc_vm_fast(a, n))) {                                    \
         UWord v = *(const type*)(fc_vbits_primary[a >> FC_VB_SEC_SHIFT] \
                                  + (a & (FC_VB_SEC_SPAN - 1)));         \
         if (UNLIKELY(v != 0))                                           \
            fc_uninit_note_load(a, n);                                   \
         return v;                                                       \
      }                                                                  \
      return fc_vm_load_slow(a, n);                                      \
   }

#define FC_STOREV(name, n, type)                                         \
   VG_REGPARM(3) void name(Addr a, UWord v, UWord va)                    \
   {                                                                     \
      if (UNLIKELY(va != 0))                                             \
         fc_uninit_used(FC_UseAddress);                                  \
      if (LIKELY(fc_vm_fast(a, n))) {                                    \
         UChar* sec = fc_vbits_primary[a >> FC_VB_SEC_SHIFT];            \
         if (LIKELY((UWord)(sec - fc_vbits_shared)                       \
                    >= FC_VB_SHARED_BYTES)) {                            \
            *(type*)(sec + (a & (FC_VB_SEC_SPAN - 1))) = (type)v;        \
            if (UNLIKELY(v != 0))                                        \
               fc_uninit_note_store(a, n);                               \
            return;                                                      \
         }                                                               \
      }                                                                  \
      fc_vm_store_slow(a, n, v);                                         \
   }

typedef UChar  FC_U8  __attribute__((may_alias));
typedef UShort FC_U16 __attribute__((may_alias, aligned(1)));
typedef UInt   FC_U32 __attribute__((may_alias, aligned(1)));
typedef ULong  FC_U64 __attribute__((may_alias, aligned(1)));

FC_LOADV(fc_loadv1, 1, FC_U8)
FC_LOADV(fc_loadv2, 2, FC_U16)
FC_LOADV(fc_loadv4, 4, FC_U32)
FC_LOADV(fc_loadv8, 8, FC_U64)
FC_STOREV(fc_storev1, 1, FC_U8)
FC_STOREV(fc_storev2, 2, FC_U16)
FC_STOREV(fc_storev4, 4, FC_U32)
FC_STOREV(fc_storev8, 8, FC_U64)
