/* fc_loadstore.c: the load and store helpers of generated code: the
   addressability check and the uninit bits of an access in one call, for
   scalars (1, 2, 4, 8 bytes) and vectors (16, 32 bytes), and the slow
   path every other access takes through the scratch buffer.

   Generated code (fc_uninit_instrument.c) calls one of these for every plain
   load and store of 1, 2, 4, 8, 16 or 32 bytes instead of inlining both the
   addressability test (fc_access.c) and the uninit-bit access: the two
   shadows are indexed by the same primary slot, so one call does both
   with one address decomposition, and the translated code stays small
   (which matters more than the call: inlining both tripled the size of
   a typical block).  Wider, guarded and atomic accesses keep the inline
   code; vectors read the shadow of the 2-5 granules they touch as a word
   and a halfword.  They also report an address made of undefined bits (its uninit bits
   come as an argument), which saves generated code a test per access.

   Fast path: the address is below the primaries' reach, the access lies
   in one 64 KiB chunk and the bytes it touches are accessible (a granule
   may be accessible only in part: the tail of an odd-sized block); then
   a load of defined bytes, or a store of defined bits over defined bytes,
   is two shadow reads and nothing else, and a store of defined bits over
   undefined bytes clears their bits.  Anything else takes the slow path: the
   precise check and report (fc_access_slow), then the uninit bits through the
   scratch buffer (fc_loadstore_gather/scatter).  A load that brings in
   undefined bits notes its origin (fc_uninit_note_load, with its load
   site), a store of them where they were copied (fc_uninit_note_store,
   with the stored value's dependency set: fc_uninit_origins.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "fc_access.h"
#include "fc_errors.h"
#include "fc_shadow.h"
#include "fc_uninit.h"
#include "fc_uninit_mem.h"
#include "fc_loadstore.h"
#include "fc_uninit_origins.h"

/* The helpers' last argument, ids: the access's site id, which knows the
   address's dependency set (and a store's value's: fc_uninit_origins.h). */
#define FC_LS_LOW(ids)       (ids)
#define FC_LS_ADDR_USE(ids)  (FC_UseAddress \
                              | ((UWord)fc_origins_site_addr_set(ids) << 8))

/* The shadow bytes of the granules of the n bytes at a, or NULL when
   the access is above the primary's reach or straddles two secondaries
   (the slow path's cases). */
static inline UChar* fc_ls_granules(Addr a, UWord n)
{
   UWord pri = a >> FC_SH_SEC_SHIFT;
   UWord off = a & (FC_SH_SEC_SPAN - 1);
   if (UNLIKELY(pri >= FC_SH_PRIMARY_SIZE || off > FC_SH_SEC_SPAN - n))
      return NULL;
   return &fc_shadow_sec_at(pri)->g[2 * (off >> 3)];
}

/* Are the bytes of a granule before `end` (1..8) accessible, given its
   addressability byte: 0 (all eight) or a prefix length 1..7?  The last
   granule of a block whose size is not a multiple of 8 has a prefix, and
   strings and odd-sized records are read and written there all the time. */
static inline Bool fc_ls_prefix_ok(UWord abyte, UWord end)
{
   return abyte == 0 || (abyte < 8 && end <= abyte);
}

/* The second path's test: the n (1..8) bytes at a lie in one secondary
   and are accessible; then *bits gets their undefined-bits (one per
   byte).  One or two granules, whose four shadow bytes are adjacent. */
static inline Bool fc_ls_quick(Addr a, UWord n, UWord* bits)
{
   const UChar* g = fc_ls_granules(a, n);
   if (g == NULL)
      return False;
   UWord off = a & (FC_SH_SEC_SPAN - 1);
   UWord end = (off & 7) + n;
   if (end <= 8 ? !fc_ls_prefix_ok(g[0], end)
                : g[0] != 0 || !fc_ls_prefix_ok(g[2], end - 8))
      return False;
   *bits = fc_uninit_mem_bits(fc_shadow_sec_at(a >> FC_SH_SEC_SHIFT), off, n);
   return True;
}

/* Everything but a defined load from accessible memory: a report of an
   undefined address, undefined bytes (their origin noted), or the
   precise check and report (fc_access_slow) and the uninit bits through the
   scratch buffer (fc_loadstore_gather notes the origin). */
static UWord fc_ls_load_other(Addr a, UWord n, UWord va, UWord ids)
{
   UWord bits;
   if (va != 0)
      fc_uninit_used(FC_LS_ADDR_USE(ids));
   if (fc_ls_quick(a, n, &bits)) {
      UWord v = fc_uninit_mem_load(a, n);
      if (v != 0)
         fc_uninit_note_load(a, n, FC_LS_LOW(ids));
      return v;
   }
   fc_access_slow(a, n << 1);
   fc_loadstore_gather(a, n, FC_LS_LOW(ids));
   UWord v = 0;
   VG_(memcpy)(&v, fc_uninit_mem_scratch, n);
   return v;
}

/* A store of defined bits over undefined bytes of a plain secondary
   (initialising fresh memory): clears their bits in place. */
static inline Bool fc_ls_initialise(Addr a, UWord n)
{
   FC_Sec* s = fc_shadow_sec_at(a >> FC_SH_SEC_SHIFT);
   if (UNLIKELY(!fc_uninit_mem_plain(s)))
      return False;
   fc_uninit_mem_put_bits(s, a & (FC_SH_SEC_SPAN - 1), n, 0);
   return True;
}

/* Everything but a store of defined bits over accessible bytes of a
   plain secondary. */
static void fc_ls_store_other(Addr a, UWord n, UWord v, UWord va, UWord ids)
{
   UWord bits;
   if (va != 0)
      fc_uninit_used(FC_LS_ADDR_USE(ids));
   if (fc_ls_quick(a, n, &bits)) {
      if (v == 0 && (bits == 0 || fc_ls_initialise(a, n)))
         return;
      fc_uninit_mem_store(a, n, v);
      if (v != 0)
         fc_uninit_note_store(a, n, FC_LS_LOW(ids));
      return;
   }
   fc_access_slow(a, (n << 1) | 1);
   VG_(memcpy)(fc_uninit_mem_scratch, &v, n);
   fc_loadstore_scatter(a, n, FC_LS_LOW(ids));   /* notes where copied undefined bits came from */
}

/* The fast paths are leaf functions: everything else is a tail call.
   Most accesses lie inside one granule: then its two shadow bytes
   (addressability, uninit bits) are read as one halfword.  Zero (accessible,
   wholly defined) is one load and one compare.  Otherwise the bytes
   accessed may still be accessible (a prefix granule, the last of an
   odd-sized block) and defined (a granule partly written), and a store
   of defined bits over undefined ones (fresh stack and heap memory) just
   clears them.  (Not through fc_ls_granules: inside one granule the
   access cannot straddle secondaries, and its range and NULL tests
   lengthen the hottest path by a third.) */
static inline Bool fc_ls_in_granule(Addr a, UWord n)
{
   return LIKELY((a >> FC_SH_SEC_SHIFT) < FC_SH_PRIMARY_SIZE
                 && (a & 7) + n <= 8);
}

static inline UChar* fc_ls_granule(Addr a)
{
   return &fc_shadow_sec_at(a >> FC_SH_SEC_SHIFT)
              ->g[2 * ((a & (FC_SH_SEC_SPAN - 1)) >> 3)];
}

/* The undefined-bits of the n bytes at a, of the granule's V byte. */
static inline UWord fc_ls_mask(Addr a, UWord n)
{
   return ((1u << n) - 1) << (a & 7);
}

#define FC_LOADV(name, n)                                                \
   VG_REGPARM(3) UWord name(Addr a, UWord va, UWord ids)                 \
   {                                                                     \
      UWord bits;                                                        \
      if (LIKELY(va == 0 && fc_ls_in_granule(a, n))) {                   \
         UWord hw = *(const UShort*)fc_ls_granule(a);                    \
         if (LIKELY(hw == 0))                                            \
            return 0;                                                    \
         if (fc_ls_prefix_ok(hw & 0xFF, (a & 7) + n)                     \
             && ((hw >> 8) & fc_ls_mask(a, n)) == 0)                     \
            return 0;                                                    \
      } else if (va == 0 && fc_ls_quick(a, n, &bits) && bits == 0) {     \
         return 0;                                                       \
      }                                                                  \
      return fc_ls_load_other(a, n, va, ids);                            \
   }

/* Storing defined bits over defined bytes (most stores) writes nothing. */
#define FC_STOREV(name, n)                                               \
   VG_REGPARM(3) void name(Addr a, UWord v, UWord va, UWord ids)         \
   {                                                                     \
      UWord bits;                                                        \
      if (LIKELY((va | v) == 0 && fc_ls_in_granule(a, n))) {             \
         UChar* g = fc_ls_granule(a);                                    \
         UWord hw = *(const UShort*)g;                                   \
         if (LIKELY(hw == 0))                                            \
            return;                                                      \
         if (fc_ls_prefix_ok(hw & 0xFF, (a & 7) + n)) {                  \
            UWord mask = fc_ls_mask(a, n);                               \
            if (((hw >> 8) & mask) == 0)                                 \
               return;                                                   \
            if (fc_uninit_mem_plain(fc_shadow_sec_at(a >> FC_SH_SEC_SHIFT))) {\
               g[1] = (UChar)((hw >> 8) & ~mask);                        \
               return;                                                   \
            }                                                            \
         }                                                               \
      } else if (va == 0 && v == 0 && fc_ls_quick(a, n, &bits)           \
                 && (bits == 0 || fc_ls_initialise(a, n))) {             \
         return;                                                         \
      }                                                                  \
      fc_ls_store_other(a, n, v, va, ids);                               \
   }

FC_LOADV(fc_loadv1, 1)
FC_LOADV(fc_loadv2, 2)
FC_LOADV(fc_loadv4, 4)
FC_LOADV(fc_loadv8, 8)
FC_STOREV(fc_storev1, 1)
FC_STOREV(fc_storev2, 2)
FC_STOREV(fc_storev4, 4)
FC_STOREV(fc_storev8, 8)

/* ---- vectors (16 and 32 bytes): uninit bits through the scratch buffer ---- */

/* The vectors' fast path.  The n (16 or 32) bytes at a touch 2 to 5
   granules, whose shadow bytes are read as a word and a halfword (the
   fifth granule's), with the bytes past the last granule masked off
   (reading them is safe: FC_Sec's spare bytes follow); False when the
   access is out of the primary's reach or straddles two secondaries. */
typedef ULong __attribute__((may_alias)) FC_ShadowWord;
typedef UShort __attribute__((may_alias)) FC_ShadowHalf;

typedef struct {
   UChar* g;    /* the first granule's shadow bytes */
   UWord  k;    /* granules touched */
   ULong  lo;   /* shadow bytes of the first four */
   ULong  hi;   /* of the fifth (or 0) */
} FC_WideShadow;

static inline Bool fc_ls_wide_shadow(Addr a, UWord n, FC_WideShadow* w)
{
   w->g = fc_ls_granules(a, n);
   if (w->g == NULL)
      return False;
   w->k = ((a & 7) + n + 7) >> 3;
   w->lo = *(const FC_ShadowWord*)w->g;
   w->hi = 0;
   if (w->k < 4)
      w->lo &= ((ULong)1 << (16 * w->k)) - 1;
   else if (w->k > 4)
      w->hi = *(const FC_ShadowHalf*)(w->g + 8);
   return True;
}

/* All the touched granules accessible (their even shadow bytes zero)? */
static inline Bool fc_ls_wide_accessible(const FC_WideShadow* w)
{
   return ((w->lo & 0x00FF00FF00FF00FFULL) | (w->hi & 0xFF)) == 0;
}

/* Clears the uninit bits of the n bytes at a (fresh memory initialised by a
   vector store), in a plain secondary: the first and last granules only
   for the bytes written. */
static inline void fc_ls_wide_define(const FC_WideShadow* w, Addr a, UWord n)
{
   UWord end = (a & 7) + n - 8 * (w->k - 1);   /* bytes of the last: 1..8 */
   for (UWord i = 0; i < w->k; i++) {
      UWord m = 0xFF;
      if (i == 0)
         m &= 0xFFu << (a & 7);
      if (i == w->k - 1)
         m &= (1u << end) - 1;
      w->g[2 * i + 1] &= (UChar)~m;
   }
}

/* Are the n bytes of uninit bits a vector store left in the scratch buffer
   all zero (defined)? */
static inline Bool fc_ls_scratch_clear(UWord n)
{
   const FC_ShadowWord* v = (const FC_ShadowWord*)fc_uninit_mem_scratch;
   ULong any = v[0] | v[1];
   if (n == 32)
      any |= v[2] | v[3];
   return any == 0;
}

static inline void fc_ls_scratch_zero(UWord n)
{
   FC_ShadowWord* v = (FC_ShadowWord*)fc_uninit_mem_scratch;
   v[0] = v[1] = 0;
   if (n == 32)
      v[2] = v[3] = 0;
}

/* Everything but the fast paths: a report of an undefined address, the
   precise check and report when some granule is not wholly accessible,
   and the uninit bits through the scratch buffer (fc_loadstore_gather notes a
   load's origin, fc_loadstore_scatter where a store's undefined bits came
   from). */
static void fc_ls_loadw(Addr a, UWord n, UWord va, UWord ids)
{
   if (UNLIKELY(va != 0))
      fc_uninit_used(FC_LS_ADDR_USE(ids));
   FC_WideShadow w;
   if (!fc_ls_wide_shadow(a, n, &w) || !fc_ls_wide_accessible(&w))
      fc_access_slow(a, n << 1);
   fc_loadstore_gather(a, n, FC_LS_LOW(ids));
}

static void fc_ls_storew(Addr a, UWord n, UWord va, UWord ids)
{
   if (UNLIKELY(va != 0))
      fc_uninit_used(FC_LS_ADDR_USE(ids));
   FC_WideShadow w;
   if (!fc_ls_wide_shadow(a, n, &w) || !fc_ls_wide_accessible(&w))
      fc_access_slow(a, (n << 1) | 1);
   fc_loadstore_scatter(a, n, FC_LS_LOW(ids));
}

#define FC_LOADVW(name, n)                                               \
   VG_REGPARM(3) void name(Addr a, UWord va, UWord ids)                  \
   {                                                                     \
      FC_WideShadow w;                                                   \
      if (LIKELY(va == 0 && fc_ls_wide_shadow(a, n, &w)                  \
                 && (w.lo | w.hi) == 0))                                 \
         fc_ls_scratch_zero(n);                                          \
      else                                                               \
         fc_ls_loadw(a, n, va, ids);                                     \
   }

#define FC_STOREVW(name, n)                                              \
   VG_REGPARM(3) void name(Addr a, UWord va, UWord ids)                  \
   {                                                                     \
      FC_WideShadow w;                                                   \
      if (LIKELY(va == 0 && fc_ls_scratch_clear(n)                       \
                 && fc_ls_wide_shadow(a, n, &w))) {                      \
         if ((w.lo | w.hi) == 0)                                         \
            return;                                                      \
         if (fc_ls_wide_accessible(&w)                                   \
             && fc_uninit_mem_plain(fc_shadow_sec_at(a >> FC_SH_SEC_SHIFT))) {\
            fc_ls_wide_define(&w, a, n);                                 \
            return;                                                      \
         }                                                               \
      }                                                                  \
      fc_ls_storew(a, n, va, ids);                                       \
   }

FC_LOADVW(fc_loadv16, 16)
FC_LOADVW(fc_loadv32, 32)
FC_STOREVW(fc_storev16, 16)
FC_STOREVW(fc_storev32, 32)

/* ------------------------------------------------------------------ */
/* The scratch buffer: accesses the helpers above do not make          */
/* ------------------------------------------------------------------ */

VG_REGPARM(3) void fc_loadstore_gather(Addr a, UWord n, UWord site)
{
   tl_assert(n <= FC_UNINIT_MEM_SCRATCH);
   if (LIKELY(fc_uninit_mem_quiet(a, n, False))) {
      VG_(memset)(fc_uninit_mem_scratch, 0, n);
      return;
   }
   Bool undef = False;
   for (UWord k = 0; k < n; k += 8) {
      UWord m = n - k < 8 ? n - k : 8;
      UWord v = fc_uninit_mem_load(a + k, m);
      undef = undef || v != 0;
      VG_(memcpy)(fc_uninit_mem_scratch + k, &v, m);
   }
   if (undef)
      fc_uninit_note_load(a, n, site);
}

VG_REGPARM(3) void fc_loadstore_scatter(Addr a, UWord n, UWord set)
{
   tl_assert(n <= FC_UNINIT_MEM_SCRATCH);
   if (LIKELY(fc_uninit_mem_quiet(a, n, True)))
      return;   /* defined bits over defined bytes: nothing to do */
   Bool undef = False;
   for (UWord k = 0; k < n; k += 8) {
      UWord m = n - k < 8 ? n - k : 8;
      UWord v = 0;
      VG_(memcpy)(&v, fc_uninit_mem_scratch + k, m);
      undef = undef || v != 0;
      fc_uninit_mem_store(a + k, m, v);
   }
   if (undef)
      fc_uninit_note_store(a, n, set);
}
