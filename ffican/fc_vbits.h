/* fc_vbits.h: definedness of client memory, bit by bit (see fc_vbits.c).

   One shadow byte per client byte; a set bit means the bit of client
   memory beside it is undefined (never written since it was allocated).
   Memory ffican never marked is defined.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_VBITS_H
#define FC_VBITS_H

#include "pub_tool_basics.h"

#define FC_VB_SEC_SHIFT     16                       /* 64 KiB per entry */
#define FC_VB_SEC_SPAN      ((UWord)1 << FC_VB_SEC_SHIFT)
#define FC_VB_SLACK         32     /* readable bytes past a secondary */
#define FC_VB_PRIMARY_BITS  21                       /* 128 GiB covered */
#define FC_VB_PRIMARY_SIZE  ((UWord)1 << FC_VB_PRIMARY_BITS)
#define FC_VB_SCRATCH       32     /* largest access (V256) */

/* Read directly by generated code (fc_definedness.c). */
extern UChar* fc_vbits_primary[FC_VB_PRIMARY_SIZE];

/* The two shared secondaries (all defined, then all undefined), adjacent:
   a secondary s is shared iff s - fc_vbits_shared <u 2 * span, and
   generated code must never store into one. */
extern UChar* fc_vbits_shared;
#define FC_VB_SHARED_BYTES  (2 * (FC_VB_SEC_SPAN + FC_VB_SLACK))

/* Where generated code loads V bits from (and stores them to) when an
   access cannot use its secondary directly: it straddles two, lies above
   the primary, or would write a shared one.  fc_vbits_gather fills it
   before such a load, fc_vbits_scatter empties it after such a store.
   The core runs one thread at a time, and both happen inside one
   superblock, so one buffer serves all threads. */
extern UChar fc_vbits_scratch[FC_VB_SCRATCH];

/* Where a guarded V store goes when its guard is false (never read). */
extern UChar fc_vbits_sink[FC_VB_SCRATCH];

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

/* Slow paths of the generated code (n <= FC_VB_SCRATCH). */
VG_REGPARM(2) void fc_vbits_gather(Addr a, UWord n);
VG_REGPARM(2) void fc_vbits_scatter(Addr a, UWord n);

/* Bytes of private secondaries in use (for --stats style output). */
SizeT fc_vbits_private_bytes(void);

#endif
