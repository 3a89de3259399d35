/* fc_vbits.c: definedness of client memory.

   Layout: one bit per client byte, set when some bit of the byte is
   undefined (never written since it was allocated).  Client addresses
   below 128 GiB go through a flat primary of 2^21 entries, one per
   64 KiB, each pointing to a secondary of 8 KiB of bits.  The exact V
   bits of a byte that is only partly defined (a bitfield written, its
   neighbours not) live in a hash table beside it, and each secondary
   counts its partial bytes, so that the common case (no partial byte in
   the chunk) never looks there: a set bit then means "all 8 bits
   undefined".

   Two shared secondaries, never written, say "all defined" and "all
   undefined": every entry starts at the first; making a whole 64 KiB
   defined or undefined points the entry back at one of them (its private
   secondary goes to a free list), so a big malloc costs no shadow until
   it is written.  Writing part of a shared secondary makes a private
   copy; a store that changes nothing (defined bytes over defined
   memory: most stores) writes nothing.  Addresses above the primary are
   taken as defined and their writes are dropped (Valgrind places no
   client memory there on amd64 Linux unless asked to; README's limits).

   Why bits: with the addressability shadow (a byte per 8 bytes) this is
   a quarter of a byte of shadow per byte of memory, as Memcheck's; a
   byte of V bits per byte (tried first) made cache misses on shadow
   memory the main cost of memory-bound programs.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_hashtable.h"
#include "fc_uninit.h"
#include "fc_vbits.h"

FC_VSec* fc_vbits_primary[FC_VB_PRIMARY_SIZE];
UChar    fc_vbits_scratch[FC_VB_SCRATCH];

static FC_VSec* fc_vsec_defined;     /* all bits 0 */
static FC_VSec* fc_vsec_undefined;   /* all bits 1 */

/* Private secondaries given back by whole-chunk sets, for reuse. */
typedef struct _FC_FreeSec { struct _FC_FreeSec* next; } FC_FreeSec;
static FC_FreeSec* fc_free_secs;
static SizeT       fc_private_secs;   /* allocated, in use or free */

/* The exact V bits of partially defined bytes, by address. */
typedef struct _FC_Partial {
   struct _FC_Partial* next;
   UWord               key;    /* the byte's address */
   UChar               v;      /* neither 0x00 nor 0xFF */
} FC_Partial;
static VgHashTable* fc_partial;

/* 8 bits (one per byte) to 8 bytes of V bits (0x00 or 0xFF each). */
static ULong fc_expand[256];

static FC_VSec* fc_vb_alloc_shadow(void)
{
   FC_VSec* s = VG_(am_shadow_alloc)(sizeof(FC_VSec));
   if (s == NULL)
      VG_(out_of_memory_NORETURN)("ffican:vbits", sizeof(FC_VSec));
   return s;
}

void fc_vbits_init(void)
{
   fc_vsec_defined = fc_vb_alloc_shadow();
   fc_vsec_undefined = fc_vb_alloc_shadow();
   VG_(memset)(fc_vsec_defined, 0x00, sizeof(FC_VSec));
   VG_(memset)(fc_vsec_undefined, 0x00, sizeof(FC_VSec));
   VG_(memset)(fc_vsec_undefined->bits, 0xFF, FC_VB_SEC_BYTES);
   fc_vsec_defined->shared = fc_vsec_undefined->shared = 1;
   for (UWord i = 0; i < FC_VB_PRIMARY_SIZE; i++)
      fc_vbits_primary[i] = fc_vsec_defined;
   fc_partial = VG_(HT_construct)("fc.vbits.partial");
   for (UInt m = 0; m < 256; m++) {
      ULong v = 0;
      for (Int i = 0; i < 8; i++)
         if (m & (1u << i))
            v |= 0xFFULL << (8 * i);
      fc_expand[m] = v;
   }
}

static void fc_vbits_set_slow(Addr a, SizeT len, UChar v);

static inline Bool fc_vb_is_shared(const FC_VSec* s)
{
   return s == fc_vsec_defined || s == fc_vsec_undefined;
}

/* Slot of the primary for a, or NULL above its reach. */
static inline FC_VSec** fc_vb_slot(Addr a)
{
   UWord pri = a >> FC_VB_SEC_SHIFT;
   return pri < FC_VB_PRIMARY_SIZE ? &fc_vbits_primary[pri] : NULL;
}

static inline UWord fc_vb_off(Addr a)
{
   return a & (FC_VB_SEC_SPAN - 1);
}

static inline UInt fc_vb_bit(const FC_VSec* s, UWord off)
{
   return (s->bits[off >> 3] >> (off & 7)) & 1;
}

/* The secondary of slot, writable (a private copy if it was shared). */
static FC_VSec* fc_vb_writable(FC_VSec** slot)
{
   FC_VSec* s = *slot;
   if (!fc_vb_is_shared(s))
      return s;
   FC_VSec* priv;
   if (fc_free_secs != NULL) {
      priv = (FC_VSec*)fc_free_secs;
      fc_free_secs = fc_free_secs->next;
   } else {
      priv = fc_vb_alloc_shadow();
      fc_private_secs++;
   }
   VG_(memcpy)(priv, s, sizeof(FC_VSec));
   priv->shared = 0;
   *slot = priv;
   return priv;
}

/* ---- partially defined bytes ---- */

static UChar fc_vb_partial_get(const FC_VSec* s, Addr a)
{
   if (s->n_partial == 0)
      return 0xFF;
   const FC_Partial* p = VG_(HT_lookup)(fc_partial, a);
   return p ? p->v : 0xFF;
}

static void fc_vb_partial_drop(FC_VSec* s, Addr a)
{
   if (s->n_partial == 0)
      return;
   FC_Partial* p = VG_(HT_remove)(fc_partial, a);
   if (p != NULL) {
      VG_(free)(p);
      s->n_partial--;
   }
}

static void fc_vb_partial_put(FC_VSec* s, Addr a, UChar v)
{
   FC_Partial* p = VG_(HT_lookup)(fc_partial, a);
   if (p == NULL) {
      p = VG_(malloc)("fc.vbits.partial", sizeof *p);
      p->key = a;
      VG_(HT_add_node)(fc_partial, p);
      s->n_partial++;
   }
   p->v = v;
}

/* Drops the partial bytes of [a, a+n), all in secondary s. */
static void fc_vb_partial_drop_range(FC_VSec* s, Addr a, SizeT n)
{
   for (SizeT i = 0; i < n && s->n_partial > 0; i++)
      if (fc_vb_bit(s, fc_vb_off(a + i)))
         fc_vb_partial_drop(s, a + i);
}

/* Points slot at a shared secondary, keeping a private one for reuse. */
static void fc_vb_share(FC_VSec** slot, FC_VSec* shared, Addr chunk)
{
   FC_VSec* old = *slot;
   if (fc_vb_is_shared(old)) {
      *slot = shared;
      return;
   }
   fc_vb_partial_drop_range(old, chunk, FC_VB_SEC_SPAN);
   FC_FreeSec* f = (FC_FreeSec*)old;
   f->next = fc_free_secs;
   fc_free_secs = f;
   *slot = shared;
}

/* ---- bytes ---- */

UChar fc_vbits_get_byte(Addr a)
{
   FC_VSec** slot = fc_vb_slot(a);
   if (slot == NULL || !fc_vb_bit(*slot, fc_vb_off(a)))
      return 0;
   return fc_vb_partial_get(*slot, a);
}

void fc_vbits_set_byte(Addr a, UChar v)
{
   FC_VSec** slot = fc_vb_slot(a);
   if (slot == NULL)
      return;
   UWord off = fc_vb_off(a);
   UInt bit = fc_vb_bit(*slot, off);
   if (bit == (v != 0)
       && (v == 0 || (v == 0xFF && (*slot)->n_partial == 0)))
      return;   /* unchanged */
   FC_VSec* s = fc_vb_writable(slot);
   if (v != 0)
      s->bits[off >> 3] |= (UChar)(1u << (off & 7));
   else
      s->bits[off >> 3] &= (UChar)~(1u << (off & 7));
   if (v == 0 || v == 0xFF) {
      if (bit)
         fc_vb_partial_drop(s, a);
   } else {
      fc_vb_partial_put(s, a, v);
   }
}

/* ---- ranges ---- */

/* Bits [off, off+n) of s become `one`. */
static void fc_vb_set_bits(FC_VSec* s, UWord off, SizeT n, Bool one)
{
   UWord b = off, e = off + n;
   for (; b < e && (b & 7) != 0; b++) {
      if (one) s->bits[b >> 3] |= (UChar)(1u << (b & 7));
      else     s->bits[b >> 3] &= (UChar)~(1u << (b & 7));
   }
   SizeT whole = (e - b) >> 3;
   VG_(memset)(s->bits + (b >> 3), one ? 0xFF : 0x00, whole);
   for (b += whole << 3; b < e; b++) {
      if (one) s->bits[b >> 3] |= (UChar)(1u << (b & 7));
      else     s->bits[b >> 3] &= (UChar)~(1u << (b & 7));
   }
}

void fc_vbits_set(Addr a, SizeT len, UChar v)
{
   /* The common case first (stack frames, small blocks): aligned, inside
      one plain private secondary. */
   UWord pri = a >> FC_VB_SEC_SHIFT;
   UWord off = fc_vb_off(a);
   if (LIKELY(pri < FC_VB_PRIMARY_SIZE && ((off | len) & 7) == 0
              && off + len <= FC_VB_SEC_SPAN
              && fc_vbits_plain(fc_vbits_primary[pri]))) {
      VG_(memset)(fc_vbits_primary[pri]->bits + (off >> 3), v, len >> 3);
      return;
   }
   fc_vbits_set_slow(a, len, v);
}

static void fc_vbits_set_slow(Addr a, SizeT len, UChar v)
{
   tl_assert(v == 0x00 || v == 0xFF);
   FC_VSec* shared = v ? fc_vsec_undefined : fc_vsec_defined;
   while (len > 0) {
      UWord off = fc_vb_off(a);
      SizeT n = FC_VB_SEC_SPAN - off;
      if (n > len)
         n = len;
      FC_VSec** slot = fc_vb_slot(a);
      if (slot == NULL)
         return;   /* above the primary: always defined */
      if (n == FC_VB_SEC_SPAN) {
         fc_vb_share(slot, shared, a);
      } else if (*slot != shared) {
         FC_VSec* s = fc_vb_writable(slot);
         fc_vb_partial_drop_range(s, a, n);
         fc_vb_set_bits(s, off, n, v != 0);
      }
      a += n;
      len -= n;
   }
}

/* A disjoint copy whose ends are congruent mod 8 (realloc): whole bytes
   of bits at a time where neither side has partial bytes. */
static Bool fc_vb_copy_bits(Addr src, Addr dst, SizeT len)
{
   if (((src ^ dst) & 7) != 0 || (src < dst + len && dst < src + len))
      return False;
   while (len > 0 && (src & 7) != 0) {
      fc_vbits_set_byte(dst++, fc_vbits_get_byte(src++));
      len--;
   }
   while (len >= 8) {
      UWord so = fc_vb_off(src), d_o = fc_vb_off(dst);
      SizeT n = FC_VB_SEC_SPAN - (so > d_o ? so : d_o);
      if (n > (len & ~(SizeT)7))
         n = len & ~(SizeT)7;
      FC_VSec** ss = fc_vb_slot(src);
      FC_VSec** ds = fc_vb_slot(dst);
      if (ss == NULL || ds == NULL || (*ss)->n_partial != 0
          || (*ds)->n_partial != 0) {
         for (SizeT i = 0; i < n; i++)
            fc_vbits_set_byte(dst + i, fc_vbits_get_byte(src + i));
      } else if (!(*ss == *ds && fc_vb_is_shared(*ss))) {
         VG_(memcpy)(fc_vb_writable(ds)->bits + (d_o >> 3),
                     (*ss)->bits + (so >> 3), n >> 3);
      }
      src += n;
      dst += n;
      len -= n;
   }
   for (; len > 0; len--)
      fc_vbits_set_byte(dst++, fc_vbits_get_byte(src++));
   return True;
}

void fc_vbits_copy(Addr src, Addr dst, SizeT len)
{
   if (len == 0 || src == dst || fc_vb_copy_bits(src, dst, len))
      return;
   if (dst < src || dst >= src + len) {   /* forwards is safe */
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
      UWord off = fc_vb_off(a);
      SizeT n = FC_VB_SEC_SPAN - off;
      if (n > len)
         n = len;
      FC_VSec** slot = fc_vb_slot(a);
      if (slot == NULL)
         return 0;
      const FC_VSec* s = *slot;
      if (s == fc_vsec_undefined)
         return a;
      if (s != fc_vsec_defined) {
         for (SizeT i = 0; i < n; i++) {
            if ((i & 7) == 0 && ((off + i) & 7) == 0 && i + 8 <= n
                && s->bits[(off + i) >> 3] == 0) {
               i += 7;   /* a whole byte of bits: 8 defined bytes */
               continue;
            }
            if (fc_vb_bit(s, off + i))
               return a + i;
         }
      }
      a += n;
      len -= n;
   }
   return 0;
}

/* ---- accesses of up to 8 bytes ---- */

UWord fc_vbits_load(Addr a, UWord n)
{
   UWord off = fc_vb_off(a);
   FC_VSec** slot = fc_vb_slot(a);
   if (slot == NULL)
      return 0;
   if (off + n > FC_VB_SEC_SPAN) {   /* straddles two secondaries */
      UWord v = 0;
      for (UWord i = 0; i < n; i++)
         v |= (UWord)fc_vbits_get_byte(a + i) << (8 * i);
      return v;
   }
   const FC_VSec* s = *slot;
   UWord w = ((UWord)s->bits[off >> 3] | ((UWord)s->bits[(off >> 3) + 1] << 8))
             >> (off & 7);
   w &= (1u << n) - 1;
   if (w == 0)
      return 0;
   if (s->n_partial == 0)
      return fc_expand[w];
   UWord v = 0;
   for (UWord i = 0; i < n; i++)
      if (w & (1u << i))
         v |= (UWord)fc_vb_partial_get(s, a + i) << (8 * i);
   return v;
}

void fc_vbits_store(Addr a, UWord n, UWord v)
{
   UWord off = fc_vb_off(a);
   FC_VSec** slot = fc_vb_slot(a);
   if (slot == NULL)
      return;
   /* Which bytes are undefined, and are they wholly so? */
   UWord nz = 0;
   Bool whole = True;
   for (UWord i = 0; i < n; i++) {
      UChar b = (UChar)(v >> (8 * i));
      if (b != 0) {
         nz |= 1u << i;
         whole = whole && b == 0xFF;
      }
   }
   if (off + n <= FC_VB_SEC_SPAN && whole && (*slot)->n_partial == 0) {
      const FC_VSec* s = *slot;
      UWord sh = off & 7;
      UWord cur = (((UWord)s->bits[off >> 3]
                    | ((UWord)s->bits[(off >> 3) + 1] << 8)) >> sh)
                  & ((1u << n) - 1);
      if (cur == nz)
         return;   /* nothing changes: nothing to write */
      FC_VSec* w = fc_vb_writable(slot);
      UWord mask = ((1u << n) - 1) << sh;
      UWord word = ((UWord)w->bits[off >> 3]
                    | ((UWord)w->bits[(off >> 3) + 1] << 8));
      word = (word & ~mask) | (nz << sh);
      w->bits[off >> 3] = (UChar)word;
      if (sh + n > 8)
         w->bits[(off >> 3) + 1] = (UChar)(word >> 8);
      return;
   }
   for (UWord i = 0; i < n; i++)
      fc_vbits_set_byte(a + i, (UChar)(v >> (8 * i)));
}

/* ---- the scratch buffer ---- */

VG_REGPARM(2) void fc_vbits_gather(Addr a, UWord n)
{
   tl_assert(n <= FC_VB_SCRATCH);
   Bool undef = False;
   for (UWord k = 0; k < n; k += 8) {
      UWord m = n - k < 8 ? n - k : 8;
      UWord v = fc_vbits_load(a + k, m);
      undef = undef || v != 0;
      VG_(memcpy)(fc_vbits_scratch + k, &v, m);
   }
   if (undef)
      fc_uninit_note_load(a, n);
}

VG_REGPARM(2) void fc_vbits_scatter(Addr a, UWord n)
{
   tl_assert(n <= FC_VB_SCRATCH);
   Bool undef = False;
   for (UWord k = 0; k < n; k += 8) {
      UWord m = n - k < 8 ? n - k : 8;
      UWord v = 0;
      VG_(memcpy)(&v, fc_vbits_scratch + k, m);
      undef = undef || v != 0;
      fc_vbits_store(a + k, m, v);
   }
   if (undef)
      fc_uninit_note_store(a, n);
}

SizeT fc_vbits_private_bytes(void)
{
   return fc_private_secs * sizeof(FC_VSec);
}
