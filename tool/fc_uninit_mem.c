/* fc_uninit_mem.c: the uninit bits of client memory.

   Layout: one bit per client byte, set when some bit of the byte is
   undefined (never written since it was allocated), stored in the
   shadow's secondaries beside each granule's addressability byte
   (fc_shadow.h), so that an access's two checks read one cache line.
   The exact uninit bits of a byte that is only partly defined (a bitfield
   written, its neighbours not) live in a hash table beside it, and each
   secondary counts its partial bytes, so that the common case (no
   partial byte in the chunk) never looks there: a set bit then means
   "all 8 bits undefined".

   The shadow's two shared secondaries say "all defined" and "all
   undefined" (everything accessible in both): making a whole 64 KiB
   chunk that still points to one of them defined or undefined only
   points it at the other, so a big malloc costs no shadow until it is
   written.  A store that changes nothing (defined bytes over defined
   memory: most stores) writes nothing.  Addresses above the primary are
   taken as defined and their writes are dropped (Valgrind places no
   client memory there on amd64 Linux unless asked to; README's limits).

   Why bits beside the granules: a byte of uninit bits per byte (tried first)
   made cache misses on shadow memory the main cost of memory-bound
   programs; bits in a separate table still cost a second miss per
   access.  Here the whole shadow is a quarter of a byte per byte, as
   Memcheck's.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_hashtable.h"
#include "pub_tool_replacemalloc.h"
#include "fc_options.h"
#include "fc_uninit_mem.h"

UChar    fc_uninit_mem_scratch[FC_UNINIT_MEM_SCRATCH] __attribute__((aligned(32)));

/* The exact uninit bits of partially defined bytes, by address. */
typedef struct _FC_Partial {
   struct _FC_Partial* next;
   UWord               key;    /* the byte's address */
   UChar               v;      /* neither 0x00 nor 0xFF */
} FC_Partial;
static VgHashTable* fc_partial;

/* 8 bits (one per byte) to 8 bytes of uninit bits (0x00 or 0xFF each). */
static ULong fc_expand[256];

void fc_uninit_mem_init(void)
{
   fc_partial = VG_(HT_construct)("fc.uninit_mem.partial");
   for (UInt m = 0; m < 256; m++) {
      ULong v = 0;
      for (Int i = 0; i < 8; i++)
         if (m & (1u << i))
            v |= 0xFFULL << (8 * i);
      fc_expand[m] = v;
   }
}

/* The uninit bits byte of the granule holding offset off. */
static inline UChar* fc_uninit_mem_byte(FC_Sec* s, UWord off)
{
   return &s->g[2 * (off >> 3) + 1];
}

static inline UInt fc_uninit_mem_bit(const FC_Sec* s, UWord off)
{
   return (s->g[2 * (off >> 3) + 1] >> (off & 7)) & 1;
}

/* ---- partially defined bytes ---- */

static UChar fc_uninit_mem_partial_get(const FC_Sec* s, Addr a)
{
   if (s->n_partial == 0)
      return 0xFF;
   const FC_Partial* p = VG_(HT_lookup)(fc_partial, a);
   return p ? p->v : 0xFF;
}

static void fc_uninit_mem_partial_drop(FC_Sec* s, Addr a)
{
   if (s->n_partial == 0)
      return;
   FC_Partial* p = VG_(HT_remove)(fc_partial, a);
   if (p != NULL) {
      VG_(free)(p);
      s->n_partial--;
   }
}

static void fc_uninit_mem_partial_put(FC_Sec* s, Addr a, UChar v)
{
   FC_Partial* p = VG_(HT_lookup)(fc_partial, a);
   if (p == NULL) {
      p = VG_(malloc)("fc.uninit_mem.partial", sizeof *p);
      p->key = a;
      VG_(HT_add_node)(fc_partial, p);
      s->n_partial++;
   }
   p->v = v;
}

/* Drops the partial bytes of [a, a+n), all in secondary s. */
static void fc_uninit_mem_partial_drop_range(FC_Sec* s, Addr a, SizeT n)
{
   for (SizeT i = 0; i < n && s->n_partial > 0; i++)
      if (fc_uninit_mem_bit(s, fc_uninit_mem_off(a + i)))
         fc_uninit_mem_partial_drop(s, a + i);
}

/* ---- bytes ---- */

UChar fc_uninit_mem_get_byte(Addr a)
{
   FC_SecSlot* slot = fc_shadow_slot(a);
   if (slot == NULL)
      return 0;
   const FC_Sec* s = fc_shadow_slot_sec(slot);
   if (!fc_uninit_mem_bit(s, fc_uninit_mem_off(a)))
      return 0;
   return fc_uninit_mem_partial_get(s, a);
}

void fc_uninit_mem_set_byte(Addr a, UChar v)
{
   FC_SecSlot* slot = fc_shadow_slot(a);
   if (slot == NULL)
      return;
   UWord off = fc_uninit_mem_off(a);
   const FC_Sec* cur = fc_shadow_slot_sec(slot);
   UInt bit = fc_uninit_mem_bit(cur, off);
   if (bit == (v != 0) && (v == 0 || (v == 0xFF && cur->n_partial == 0)))
      return;   /* unchanged */
   FC_Sec* s = fc_shadow_writable(slot);
   if (v != 0)
      *fc_uninit_mem_byte(s, off) |= (UChar)(1u << (off & 7));
   else
      *fc_uninit_mem_byte(s, off) &= (UChar)~(1u << (off & 7));
   if (v == 0 || v == 0xFF) {
      if (bit)
         fc_uninit_mem_partial_drop(s, a);
   } else {
      fc_uninit_mem_partial_put(s, a, v);
   }
}

/* ---- ranges ---- */

/* Bits [b, e) of one granule's V byte (0 <= b < e <= 8) become `one`. */
static inline void fc_uninit_mem_set_part(UChar* vb, UWord b, UWord e, Bool one)
{
   UChar mask = (UChar)(((1u << (e - b)) - 1) << b);
   if (one) *vb |= mask;
   else     *vb &= (UChar)~mask;
}

/* Bits [off, off+n) of s become `one`. */
static void fc_uninit_mem_set_bits(FC_Sec* s, UWord off, SizeT n, Bool one)
{
   UWord b = off, e = off + n;
   if ((b & 7) != 0) {   /* head: inside the first granule */
      UWord stop = (b | 7) + 1 < e ? (b | 7) + 1 : e;
      fc_uninit_mem_set_part(fc_uninit_mem_byte(s, b), b & 7, stop - (b & ~(UWord)7), one);
      b = stop;
   }
   UChar whole = one ? 0xFF : 0x00;
   for (; b + 8 <= e && (b & 31) != 0; b += 8)
      *fc_uninit_mem_byte(s, b) = whole;
   /* then four granules at a time: their V bytes are the odd bytes of
      an aligned word of g (b & 31 == 0: g[2 * (b >> 3)] is 8-aligned) */
   const ULong v_bytes = 0xFF00FF00FF00FF00ULL;
   for (; b + 32 <= e; b += 32) {
      ULong* w = (ULong*)&s->g[2 * (b >> 3)];
      *w = (*w & ~v_bytes) | (one ? v_bytes : 0);
   }
   for (; b + 8 <= e; b += 8)
      *fc_uninit_mem_byte(s, b) = whole;
   if (b < e)            /* tail */
      fc_uninit_mem_set_part(fc_uninit_mem_byte(s, b), 0, e - b, one);
}

static void fc_uninit_mem_set_slow(Addr a, SizeT len, UChar v);

void fc_uninit_mem_set(Addr a, SizeT len, UChar v)
{
   /* The common case first (stack frames, small blocks): aligned, inside
      one plain private secondary. */
   UWord pri = a >> FC_SH_SEC_SHIFT;
   UWord off = fc_uninit_mem_off(a);
   if (LIKELY(pri < FC_SH_PRIMARY_SIZE && off + len <= FC_SH_SEC_SPAN
              && fc_uninit_mem_plain(fc_shadow_sec_at(pri)))) {
      fc_uninit_mem_set_bits(fc_shadow_sec_at(pri), off, len, v != 0);
      return;
   }
   fc_uninit_mem_set_slow(a, len, v);
}

static void fc_uninit_mem_set_slow(Addr a, SizeT len, UChar v)
{
   tl_assert(v == 0x00 || v == 0xFF);
   while (len > 0) {
      UWord off = fc_uninit_mem_off(a);
      SizeT n = FC_SH_SEC_SPAN - off;
      if (n > len)
         n = len;
      FC_SecSlot* slot = fc_shadow_slot(a);
      if (slot == NULL)
         return;   /* above the primary: always defined */
      const FC_Sec* cur = fc_shadow_slot_sec(slot);
      if (n == FC_SH_SEC_SPAN && fc_shadow_shared_accessible(cur)) {
         /* both all accessible */
         fc_shadow_slot_set(slot, fc_shadow_shared(v != 0));
      } else if (cur != fc_shadow_shared(v != 0)) {
         FC_Sec* s = fc_shadow_writable(slot);
         fc_uninit_mem_partial_drop_range(s, a, n);
         fc_uninit_mem_set_bits(s, off, n, v != 0);
      }
      a += n;
      len -= n;
   }
}

/* A disjoint copy whose ends are congruent mod 8 (realloc): a granule's
   bits at a time where neither side has partial bytes. */
static Bool fc_uninit_mem_copy_bits(Addr src, Addr dst, SizeT len)
{
   if (((src ^ dst) & 7) != 0 || (src < dst + len && dst < src + len))
      return False;
   for (; len > 0 && (src & 7) != 0; len--)
      fc_uninit_mem_set_byte(dst++, fc_uninit_mem_get_byte(src++));
   while (len >= 8) {
      UWord so = fc_uninit_mem_off(src), d_o = fc_uninit_mem_off(dst);
      SizeT n = FC_SH_SEC_SPAN - (so > d_o ? so : d_o);
      if (n > (len & ~(SizeT)7))
         n = len & ~(SizeT)7;
      FC_SecSlot* ss = fc_shadow_slot(src);
      FC_SecSlot* ds = fc_shadow_slot(dst);
      FC_Sec* s_sec = ss ? fc_shadow_slot_sec(ss) : NULL;
      FC_Sec* d_sec = ds ? fc_shadow_slot_sec(ds) : NULL;
      if (ss == NULL || ds == NULL || s_sec->n_partial != 0
          || d_sec->n_partial != 0) {
         for (SizeT i = 0; i < n; i++)
            fc_uninit_mem_set_byte(dst + i, fc_uninit_mem_get_byte(src + i));
      } else if (!(s_sec == d_sec && s_sec->shared)) {
         const UChar* from = fc_uninit_mem_byte(s_sec, so);
         UChar* to = fc_uninit_mem_byte(fc_shadow_writable(ds), d_o);
         for (SizeT i = 0; i < (n >> 3); i++)
            to[2 * i] = from[2 * i];
      }
      src += n;
      dst += n;
      len -= n;
   }
   for (; len > 0; len--)
      fc_uninit_mem_set_byte(dst++, fc_uninit_mem_get_byte(src++));
   return True;
}

void fc_uninit_mem_copy(Addr src, Addr dst, SizeT len)
{
   if (len == 0 || src == dst || fc_uninit_mem_copy_bits(src, dst, len))
      return;
   if (dst < src || dst >= src + len) {   /* forwards is safe */
      for (SizeT i = 0; i < len; i++)
         fc_uninit_mem_set_byte(dst + i, fc_uninit_mem_get_byte(src + i));
   } else {
      for (SizeT i = len; i > 0; i--)
         fc_uninit_mem_set_byte(dst + i - 1, fc_uninit_mem_get_byte(src + i - 1));
   }
}

Addr fc_uninit_mem_first_undefined(Addr a, SizeT len)
{
   while (len > 0) {
      UWord off = fc_uninit_mem_off(a);
      SizeT n = FC_SH_SEC_SPAN - off;
      if (n > len)
         n = len;
      FC_SecSlot* slot = fc_shadow_slot(a);
      if (slot == NULL)
         return 0;
      const FC_Sec* s = fc_shadow_slot_sec(slot);
      if (s == fc_shadow_shared(True))
         return a;
      if (s != fc_shadow_shared(False)) {
         for (SizeT i = 0; i < n; i++) {
            if (((off + i) & 7) == 0 && i + 8 <= n
                && s->g[2 * ((off + i) >> 3) + 1] == 0) {
               i += 7;   /* a granule whose 8 bytes are defined */
               continue;
            }
            if (fc_uninit_mem_bit(s, off + i))
               return a + i;
         }
      }
      a += n;
      len -= n;
   }
   return 0;
}

/* ---- accesses of up to 8 bytes ---- */

UWord fc_uninit_mem_load(Addr a, UWord n)
{
   UWord off = fc_uninit_mem_off(a);
   FC_SecSlot* slot = fc_shadow_slot(a);
   if (slot == NULL)
      return 0;
   if (off + n > FC_SH_SEC_SPAN) {   /* straddles two secondaries */
      UWord v = 0;
      for (UWord i = 0; i < n; i++)
         v |= (UWord)fc_uninit_mem_get_byte(a + i) << (8 * i);
      return v;
   }
   const FC_Sec* s = fc_shadow_slot_sec(slot);
   UWord w = fc_uninit_mem_bits(s, off, n);
   if (w == 0)
      return 0;
   if (s->n_partial == 0)
      return fc_expand[w];
   UWord v = 0;
   for (UWord i = 0; i < n; i++)
      if (w & (1u << i))
         v |= (UWord)fc_uninit_mem_partial_get(s, a + i) << (8 * i);
   return v;
}

void fc_uninit_mem_store(Addr a, UWord n, UWord v)
{
   UWord off = fc_uninit_mem_off(a);
   FC_SecSlot* slot = fc_shadow_slot(a);
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
   const FC_Sec* cur = fc_shadow_slot_sec(slot);
   if (off + n <= FC_SH_SEC_SPAN && whole && cur->n_partial == 0) {
      if (fc_uninit_mem_bits(cur, off, n) == nz)
         return;   /* nothing changes: nothing to write */
      fc_uninit_mem_put_bits(fc_shadow_writable(slot), off, n, nz);
      return;
   }
   for (UWord i = 0; i < n; i++)
      fc_uninit_mem_set_byte(a + i, (UChar)(v >> (8 * i)));
}

/* ------------------------------------------------------------------ */
/* Heap and client events (nothing happens under --track-uninit=no)    */
/* ------------------------------------------------------------------ */

void fc_uninit_mem_on_new_block(Addr p, SizeT szB, SizeT rz, Bool zeroed)
{
   if (!fc_clo_track_uninit)
      return;
   /* The bytes just past the end (up to 32: the widest partial load)
      are defined: a partial load past the end, which --partial-loads-ok
      allows, brings in bytes no one can have meant to initialise; if the
      program uses them, that is an overflow, and the byte-wise read that
      finds it reports it as one.  Other redzone bytes are never loaded
      without an addressability report, after which they count as
      defined (fc_access.c). */
   SizeT tail = VG_(cli_malloc_usable_size)((void*)p) - szB + rz;
   if (tail > 32)
      tail = 32;
   if (zeroed) {
      fc_uninit_mem_set(p, szB + tail, 0x00);
   } else {
      fc_uninit_mem_set(p, szB, 0xFF);
      fc_uninit_mem_set(p + szB, tail, 0x00);
   }
}

void fc_uninit_mem_on_copy(Addr from, Addr to, SizeT len)
{
   if (fc_clo_track_uninit)
      fc_uninit_mem_copy(from, to, len);
}

void fc_uninit_mem_on_mark(Addr a, SizeT len, Bool defined)
{
   if (fc_clo_track_uninit)
      fc_uninit_mem_set(a, len, defined ? 0x00 : 0xFF);
}
