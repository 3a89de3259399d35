/* fc_shadow.h: addressability of client memory (see fc_shadow.c).

   One shadow byte per 8-byte granule of client memory: 0 means all 8
   bytes may be accessed, 1..7 that only the first k may, and values with
   the top bit set that none may, saying why.  Memory ffican never marked
   is accessible: ffican guards the heap, not the rest of the address
   space (the kernel already refuses unmapped accesses).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_SHADOW_H
#define FC_SHADOW_H

#include "pub_tool_basics.h"

/* Why a granule is not accessible. */
#define FC_SH_OK          0x00   /* all 8 bytes accessible */
#define FC_SH_REDZONE     0xFA   /* padding around a heap block */
#define FC_SH_FREED       0xFD   /* a released block (quarantine) */
#define FC_SH_EXTENT      0xF8   /* beyond a declared buffer extent */
#define FC_SH_NOACCESS    0xF0   /* marked by a client request */

/* The primary table, read directly by generated code (fc_access.c). */
#define FC_SH_SEC_SHIFT     16                      /* 64 KiB each */
#define FC_SH_SEC_SPAN      ((UWord)1 << FC_SH_SEC_SHIFT)
#define FC_SH_SEC_BYTES     (FC_SH_SEC_SPAN >> 3)   /* 8 KiB of shadow */
#define FC_SH_SEC_SLACK     8    /* readable (zero) bytes past the end, for
                                    the generated code's wide loads */
#define FC_SH_PRIMARY_BITS  21                      /* 128 GiB covered */
#define FC_SH_PRIMARY_SIZE  ((UWord)1 << FC_SH_PRIMARY_BITS)
extern UChar* fc_shadow_primary[FC_SH_PRIMARY_SIZE];

void fc_shadow_init(void);

/* Make [a, a+len) accessible. */
void fc_shadow_make_accessible(Addr a, SizeT len);

/* Make [a, a+len) inaccessible for the given reason (an FC_SH_* value
   with the top bit set).  a need not be granule-aligned; a granule that
   is only partly covered keeps its accessible prefix before a. */
void fc_shadow_make_noaccess(Addr a, SizeT len, UChar why);

/* The first inaccessible byte of [a, a+len), or 0 if all are accessible;
   *why is set to its reason. */
Addr fc_shadow_first_bad(Addr a, SizeT len, UChar* why);

#endif
