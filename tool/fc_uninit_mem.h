/* fc_uninit_mem.h: the uninit bits of client memory (see fc_uninit_mem.c).

   One bit per client byte says whether any bit of that byte is
   undefined; the exact uninit bits of the rare partially defined bytes
   (bitfields) are kept aside.  uninit bits as the rest of ffican sees them are
   one byte per client byte: a set bit means that bit of client memory is
   undefined.  Memory ffican never marked is defined.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_UNINIT_MEM_H
#define FC_UNINIT_MEM_H

#include "pub_tool_basics.h"

#include "fc_shadow.h"

/* The bits live in the shadow's secondaries, beside each granule's
   addressability (fc_shadow.h). */
#define FC_UNINIT_MEM_SCRATCH       32     /* largest access (V256) */

/* Can the uninit bits of s be written directly (private, no partial byte)? */
static inline Bool fc_uninit_mem_plain(const FC_Sec* s)
{
   return !s->shared && s->n_partial == 0;
}

/* The undefined-bits of the n (1..8) bytes at offset off of s, one bit
   per byte; the bytes must not straddle two secondaries. */
static inline UWord fc_uninit_mem_bits(const FC_Sec* s, UWord off, UWord n)
{
   UWord gi = off >> 3;
   UWord w = (UWord)s->g[2 * gi + 1] | ((UWord)s->g[2 * gi + 3] << 8);
   return (w >> (off & 7)) & ((1u << n) - 1);
}

/* Sets them to bits, in a writable secondary. */
static inline void fc_uninit_mem_put_bits(FC_Sec* s, UWord off, UWord n,
                                     UWord bits)
{
   UWord sh = off & 7;
   UWord mask = ((1u << n) - 1) << sh;
   UChar* v0 = &s->g[2 * (off >> 3) + 1];
   UWord word = ((UWord)v0[0] | ((UWord)v0[2] << 8));
   word = (word & ~mask) | (bits << sh);
   v0[0] = (UChar)word;
   if (sh + n > 8)
      v0[2] = (UChar)(word >> 8);
}

/* Where generated code finds the uninit bits of an access it does not make
   through fc_loadstore.c: fc_loadstore_gather fills it before such a load,
   fc_loadstore_scatter empties it after such a store.  The core runs one
   thread at a time, and both happen inside one superblock, so one buffer
   serves all threads. */
extern UChar fc_uninit_mem_scratch[FC_UNINIT_MEM_SCRATCH];


void fc_uninit_mem_init(void);

/* [a, a+len) becomes all defined (v = 0x00) or all undefined (0xFF). */
void fc_uninit_mem_set(Addr a, SizeT len, UChar v);

/* The uninit bits of [src, src+len) are copied to [dst, ...) (ranges may
   overlap). */
void fc_uninit_mem_copy(Addr src, Addr dst, SizeT len);

/* The first byte of [a, a+len) with an undefined bit, or 0 if none. */
Addr fc_uninit_mem_first_undefined(Addr a, SizeT len);

/* The uninit bits of one byte, and setting them. */
UChar fc_uninit_mem_get_byte(Addr a);
void  fc_uninit_mem_set_byte(Addr a, UChar v);

/* The uninit bits of n (1..8) bytes at a, little-endian in a word; storing
   them.  Any address and alignment. */
UWord fc_uninit_mem_load(Addr a, UWord n);
void  fc_uninit_mem_store(Addr a, UWord n, UWord v);

/* The offset of a inside its secondary. */
static inline UWord fc_uninit_mem_off(Addr a)
{
   return a & (FC_SH_SEC_SPAN - 1);
}

/* The scratch buffer's helpers (fc_loadstore_gather/scatter) ask this
   first. */
/* Are the n bytes at a (inside one secondary) all defined, and, if
   with_scratch, the scratch buffer's first n bytes of uninit bits too?  The
   usual case, answered with one look per 8 bytes. */
static inline Bool fc_uninit_mem_quiet(Addr a, UWord n, Bool with_scratch)
{
   UWord off = fc_uninit_mem_off(a);
   FC_SecSlot* slot = fc_shadow_slot(a);
   if (slot == NULL || off + n > FC_SH_SEC_SPAN)
      return False;
   const FC_Sec* s = fc_shadow_slot_sec(slot);
   UWord any = 0;
   for (UWord k = 0; k < n; k += 8) {
      UWord m = n - k < 8 ? n - k : 8;
      any |= fc_uninit_mem_bits(s, off + k, m);
      if (with_scratch) {
         UWord v = 0;
         VG_(memcpy)(&v, fc_uninit_mem_scratch + k, m);
         any |= v;
      }
   }
   return any == 0;
}


/* Events, each a no-op under --track-uninit=no.  A new heap block's
   payload [p, p+szB) (zeroed or not) with rz bytes of redzone on each
   side; a resize's kept bytes; a client request marking [a, a+len)
   defined or not (fc_memcheck_requests.c, fc_access.c). */
void fc_uninit_mem_on_new_block(Addr p, SizeT szB, SizeT rz, Bool zeroed);
void fc_uninit_mem_on_copy(Addr from, Addr to, SizeT len);
void fc_uninit_mem_on_mark(Addr a, SizeT len, Bool defined);

#endif
