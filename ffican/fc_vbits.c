/* fc_vbits.c: definedness of client memory, bit by bit.

   Layout: one shadow byte per client byte (a set bit = that bit of client
   memory is undefined), so partially defined bytes (bitfields) are exact
   and a load's V bits are a load of the same size from the shadow.
   Client addresses below 128 GiB go through a flat primary of 2^21
   entries, one per 64 KiB, each pointing to a 64 KiB secondary followed
   by FC_VB_SLACK readable bytes (so that the generated code may read a
   little past a secondary's end before it notices the access straddles).

   Two shared secondaries, never written, say "all defined" and "all
   undefined": every entry starts at the first; making a whole 64 KiB
   defined or undefined points the entry back at one of them (and keeps
   its private secondary for reuse), so a big malloc costs no shadow until
   it is written.  Writing part of a shared secondary makes a private
   copy.  Addresses above the primary are taken as defined and their
   writes are dropped (Valgrind places no client memory there on amd64
   Linux by default; a limit documented in README).

   Memory: a written 64 KiB of client memory costs 64 KiB of shadow (four
   times Memcheck's two bits per byte), the price of exact bits and of
   loads that need no decoding.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_aspacemgr.h"
#include "fc_vbits.h"

#define FC_VB_SEC_ALLOC (FC_VB_SEC_SPAN + FC_VB_SLACK)

UChar* fc_vbits_primary[FC_VB_PRIMARY_SIZE];
UChar* fc_vbits_shared;
UChar  fc_vbits_scratch[FC_VB_SCRATCH];
UChar  fc_vbits_sink[FC_VB_SCRATCH];

static UChar* fc_vsec_defined;     /* == fc_vbits_shared */
static UChar* fc_vsec_undefined;   /* right after it */

/* Private secondaries given back by whole-chunk sets, for reuse. */
typedef struct _FC_FreeSec { struct _FC_FreeSec* next; } FC_FreeSec;
static FC_FreeSec* fc_free_secs;
static SizeT       fc_private_secs;   /* allocated, in use or free */

static UChar* fc_vb_alloc_shadow(SizeT n)
{
   UChar* p = VG_(am_shadow_alloc)(n);
   if (p == NULL)
      VG_(out_of_memory_NORETURN)("ffican:vbits", n);
   return p;
}

void fc_vbits_init(void)
{
   fc_vbits_shared = fc_vb_alloc_shadow(FC_VB_SHARED_BYTES);
   fc_vsec_defined = fc_vbits_shared;
   fc_vsec_undefined = fc_vbits_shared + FC_VB_SEC_ALLOC;
   VG_(memset)(fc_vsec_defined, 0x00, FC_VB_SEC_ALLOC);
   VG_(memset)(fc_vsec_undefined, 0xFF, FC_VB_SEC_ALLOC);
   for (UWord i = 0; i < FC_VB_PRIMARY_SIZE; i++)
      fc_vbits_primary[i] = fc_vsec_defined;
}

static void fc_vbits_set_slow(Addr a, SizeT len, UChar v);

static Bool fc_vb_is_shared(const UChar* sec)
{
   return sec == fc_vsec_defined || sec == fc_vsec_undefined;
}

/* Slot of the primary for a, or NULL above its reach. */
static UChar** fc_vb_slot(Addr a)
{
   UWord pri = a >> FC_VB_SEC_SHIFT;
   return pri < FC_VB_PRIMARY_SIZE ? &fc_vbits_primary[pri] : NULL;
}

/* The secondary covering a, writable (a private copy if it was shared). */
static UChar* fc_vb_sec_for_write(UChar** slot)
{
   UChar* sec = *slot;
   if (!fc_vb_is_shared(sec))
      return sec;
   UChar* priv;
   if (fc_free_secs != NULL) {
      priv = (UChar*)fc_free_secs;
      fc_free_secs = fc_free_secs->next;
   } else {
      priv = fc_vb_alloc_shadow(FC_VB_SEC_ALLOC);
      fc_private_secs++;
   }
   VG_(memcpy)(priv, sec, FC_VB_SEC_ALLOC);
   *slot = priv;
   return priv;
}

/* Points slot at a shared secondary, keeping a private one for reuse. */
static void fc_vb_share(UChar** slot, UChar* shared)
{
   UChar* old = *slot;
   if (!fc_vb_is_shared(old)) {
      FC_FreeSec* f = (FC_FreeSec*)old;
      f->next = fc_free_secs;
      fc_free_secs = f;
   }
   *slot = shared;
}

void fc_vbits_set(Addr a, SizeT len, UChar v)
{
   /* The common case first (stack frames, small blocks): inside one
      private secondary. */
   UWord off = a & (FC_VB_SEC_SPAN - 1);
   UWord pri = a >> FC_VB_SEC_SHIFT;
   if (LIKELY(pri < FC_VB_PRIMARY_SIZE && off + len <= FC_VB_SEC_SPAN
              && !fc_vb_is_shared(fc_vbits_primary[pri]))) {
      VG_(memset)(fc_vbits_primary[pri] + off, v, len);
      return;
   }
   fc_vbits_set_slow(a, len, v);
}

static void fc_vbits_set_slow(Addr a, SizeT len, UChar v)
{
   tl_assert(v == 0x00 || v == 0xFF);
   UChar* shared = v ? fc_vsec_undefined : fc_vsec_defined;
   while (len > 0) {
      UWord off = a & (FC_VB_SEC_SPAN - 1);
      SizeT n = FC_VB_SEC_SPAN - off;
      if (n > len)
         n = len;
      UChar** slot = fc_vb_slot(a);
      if (slot == NULL)
         return;   /* above the primary: always defined */
      if (n == FC_VB_SEC_SPAN)
         fc_vb_share(slot, shared);
      else if (*slot != shared)
         VG_(memset)(fc_vb_sec_for_write(slot) + off, v, n);
      a += n;
      len -= n;
   }
}

UChar fc_vbits_get_byte(Addr a)
{
   UChar** slot = fc_vb_slot(a);
   return slot ? (*slot)[a & (FC_VB_SEC_SPAN - 1)] : 0;
}

void fc_vbits_set_byte(Addr a, UChar v)
{
   UChar** slot = fc_vb_slot(a);
   if (slot == NULL || (*slot)[a & (FC_VB_SEC_SPAN - 1)] == v)
      return;
   fc_vb_sec_for_write(slot)[a & (FC_VB_SEC_SPAN - 1)] = v;
}

void fc_vbits_copy(Addr src, Addr dst, SizeT len)
{
   if (len == 0 || src == dst)
      return;
   if (src + len <= dst || dst + len <= src) {
      /* Disjoint (realloc): a piece at a time that lies in one source
         and one destination secondary. */
      while (len > 0) {
         UWord so = src & (FC_VB_SEC_SPAN - 1);
         UWord d_o = dst & (FC_VB_SEC_SPAN - 1);
         SizeT n = FC_VB_SEC_SPAN - (so > d_o ? so : d_o);
         if (n > len)
            n = len;
         UChar** ss = fc_vb_slot(src);
         UChar** ds = fc_vb_slot(dst);
         const UChar* from = ss ? *ss : fc_vsec_defined;
         if (ds != NULL && !(from == *ds && fc_vb_is_shared(from)))
            VG_(memcpy)(fc_vb_sec_for_write(ds) + d_o,
                        ss ? from + so : from, n);
         src += n;
         dst += n;
         len -= n;
      }
      return;
   }
   /* Overlapping (mremap): byte by byte in the safe direction. */
   if (dst < src) {
      for (SizeT i = 0; i < len; i++)
         fc_vbits_set_byte(dst + i, fc_vbits_get_byte(src + i));
   } else {
      for (SizeT i = len; i > 0; i--)
         fc_vbits_set_byte(dst + i - 1, fc_vbits_get_byte(src + i - 1));
   }
}

Addr fc_vbits_first_undefined(Addr a, SizeT len)
{
   while (len > 0) {
      UWord off = a & (FC_VB_SEC_SPAN - 1);
      SizeT n = FC_VB_SEC_SPAN - off;
      if (n > len)
         n = len;
      UChar** slot = fc_vb_slot(a);
      if (slot == NULL)
         return 0;
      if (*slot == fc_vsec_undefined)
         return a;
      if (*slot != fc_vsec_defined) {
         const UChar* p = *slot + off;
         for (SizeT i = 0; i < n; i++)
            if (p[i] != 0)
               return a + i;
      }
      a += n;
      len -= n;
   }
   return 0;
}

VG_REGPARM(2) void fc_vbits_gather(Addr a, UWord n)
{
   tl_assert(n <= FC_VB_SCRATCH);
   for (UWord i = 0; i < n; i++)
      fc_vbits_scratch[i] = fc_vbits_get_byte(a + i);
}

/* A store into a shared secondary makes it private even when it would
   not change a bit: generated code stores into private secondaries
   inline, so only the first store of a 64 KiB chunk pays this call. */
VG_REGPARM(2) void fc_vbits_scatter(Addr a, UWord n)
{
   tl_assert(n <= FC_VB_SCRATCH);
   for (UWord i = 0; i < n; i++) {
      UChar** slot = fc_vb_slot(a + i);
      if (slot == NULL)
         continue;
      fc_vb_sec_for_write(slot)[(a + i) & (FC_VB_SEC_SPAN - 1)]
         = fc_vbits_scratch[i];
   }
}

SizeT fc_vbits_private_bytes(void)
{
   return fc_private_secs * FC_VB_SEC_ALLOC;
}
