/* fc_vbits.h: definedness of client memory (see fc_vbits.c).

   One bit per client byte says whether any bit of that byte is
   undefined; the exact V bits of the rare partially defined bytes
   (bitfields) are kept aside.  V bits as the rest of ffican sees them are
   one byte per client byte: a set bit means that bit of client memory is
   undefined.  Memory ffican never marked is defined.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_VBITS_H
#define FC_VBITS_H

#include "pub_tool_basics.h"

#define FC_VB_SEC_SHIFT     16                       /* 64 KiB per entry */
#define FC_VB_SEC_SPAN      ((UWord)1 << FC_VB_SEC_SHIFT)
#define FC_VB_SEC_BYTES     (FC_VB_SEC_SPAN >> 3)    /* 8 KiB of bits */
#define FC_VB_PRIMARY_BITS  21                       /* 128 GiB covered */
#define FC_VB_PRIMARY_SIZE  ((UWord)1 << FC_VB_PRIMARY_BITS)
#define FC_VB_SCRATCH       32     /* largest access (V256) */

/* A secondary: the bits of 64 KiB, 8 readable spare bytes (for 16-bit
   loads at the end), and how many of its bytes are partially defined. */
typedef struct {
   UChar bits[FC_VB_SEC_BYTES];
   UChar spare[8];
   UInt  n_partial;
   UInt  shared;      /* one of the two shared secondaries: never write */
} FC_VSec;

/* Can the bits of s be written directly (private, no partial byte)? */
static inline Bool fc_vbits_plain(const FC_VSec* s)
{
   return !s->shared && s->n_partial == 0;
}

extern FC_VSec* fc_vbits_primary[FC_VB_PRIMARY_SIZE];

/* Where generated code finds the V bits of an access it does not make
   through fc_vmem.c: fc_vbits_gather fills it before such a load,
   fc_vbits_scatter empties it after such a store.  The core runs one
   thread at a time, and both happen inside one superblock, so one buffer
   serves all threads. */
extern UChar fc_vbits_scratch[FC_VB_SCRATCH];

void fc_vbits_init(void);

/* [a, a+len) becomes all defined (v = 0x00) or all undefined (0xFF). */
void fc_vbits_set(Addr a, SizeT len, UChar v);

/* The V bits of [src, src+len) are copied to [dst, ...) (ranges may
   overlap). */
void fc_vbits_copy(Addr src, Addr dst, SizeT len);

/* The first byte of [a, a+len) with an undefined bit, or 0 if none. */
Addr fc_vbits_first_undefined(Addr a, SizeT len);

/* The V bits of one byte, and setting them. */
UChar fc_vbits_get_byte(Addr a);
void  fc_vbits_set_byte(Addr a, UChar v);

/* The V bits of n (1..8) bytes at a, little-endian in a word; storing
   them.  Any address and alignment. */
UWord fc_vbits_load(Addr a, UWord n);
void  fc_vbits_store(Addr a, UWord n, UWord v);

/* Slow paths of the generated code (n <= FC_VB_SCRATCH); the gather
   notes the origin of undefined bits, the scatter of copied ones. */
VG_REGPARM(2) void fc_vbits_gather(Addr a, UWord n);
VG_REGPARM(2) void fc_vbits_scatter(Addr a, UWord n);

/* Bytes of private secondaries in use. */
SizeT fc_vbits_private_bytes(void);

#endif
