/* fc_shadow.h: the shadow of client memory (see fc_shadow.c): the
   addressability of each 8-byte granule, and beside it the storage of
   its uninit bits (fc_uninit_mem.c's).

   Addressability: one shadow byte per 8-byte granule: 0 means all 8
   bytes may be accessed, 1..7 that only the first k may, and values with
   the top bit set that none may, saying why.  Memory ffican never marked
   is accessible: ffican guards the heap, not the rest of the address
   space (the kernel already refuses unmapped accesses), except memory
   the program unmapped, which is FC_SH_UNMAPPED until something is
   mapped there again (fc_access.c's events): a stale pointer into it
   is reported before the fault.  System calls also ask Valgrind's
   address-space manager about memory never mapped (fc_access.c).

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
#define FC_SH_UNMAPPED    0xF5   /* unmapped by the program (munmap) */
#define FC_SH_MIXED       0xE8   /* some bytes inaccessible, in no prefix
                                    pattern: which (and why) is in a side
                                    table (fc_shadow_mark_exact) */

#define FC_SH_SEC_SHIFT     16                      /* 64 KiB each */
#define FC_SH_SEC_SPAN      ((UWord)1 << FC_SH_SEC_SHIFT)
#define FC_SH_GRANULES      (FC_SH_SEC_SPAN >> 3)   /* 8192 */
#define FC_SH_PRIMARY_BITS  21                      /* 128 GiB covered */
#define FC_SH_PRIMARY_SIZE  ((UWord)1 << FC_SH_PRIMARY_BITS)
#define FC_SH_SPARE         16   /* readable zero bytes past the end, for
                                    the generated code's wide loads */

/* A secondary: 64 KiB of client memory, two bytes per granule, side by
   side so that one cache line serves both checks of an access:
      g[2i]     addressability of granule i (FC_SH_* or a prefix length)
      g[2i + 1] its uninit bits: bit k set when byte k has an undefined bit */
typedef struct {
   UChar g[2 * FC_SH_GRANULES];
   UChar spare[FC_SH_SPARE];
   UInt  n_partial;   /* fc_uninit_mem.c: its partially defined bytes */
   UInt  shared;      /* one of the shared secondaries: never written */
} FC_Sec;

/* Set once the program has marked part of a stack NOACCESS
   (fc_memcheck_requests.c): from then on the uninit pass's helpers that
   follow the stack pointer down also make the memory it grows into
   accessible (its inline marks always do), so that no mark outlives its
   frame. */
extern Bool fc_shadow_stack_marked;

/* The primary table, read directly by generated code (fc_access.c) and
   by fc_loadstore.c.  An entry is its secondary's distance in bytes from
   fc_shadow_sec_ok, the shared "all accessible, all defined" secondary,
   which is tool storage at a fixed address: entry 0 (the table's state
   as the program loads it) means that secondary, so the 16 MB table
   needs no initialisation, and only its pages that hold an entry of
   another secondary take memory. */
typedef UWord FC_SecSlot;
extern FC_SecSlot fc_shadow_primary[FC_SH_PRIMARY_SIZE];
extern FC_Sec     fc_shadow_sec_ok;

static inline FC_Sec* fc_shadow_slot_sec(const FC_SecSlot* slot)
{
   return (FC_Sec*)((UWord)&fc_shadow_sec_ok + *slot);
}

static inline void fc_shadow_slot_set(FC_SecSlot* slot, const FC_Sec* s)
{
   *slot = (UWord)s - (UWord)&fc_shadow_sec_ok;
}

/* The secondary of primary entry pri (< FC_SH_PRIMARY_SIZE). */
static inline FC_Sec* fc_shadow_sec_at(UWord pri)
{
   return fc_shadow_slot_sec(&fc_shadow_primary[pri]);
}

void fc_shadow_init(void);

/* The shadow's size, for --stats=yes. */
void fc_shadow_print_stats(void);

/* Make [a, a+len) accessible. */
void fc_shadow_make_accessible(Addr a, SizeT len);

/* Make [a, a+len) inaccessible for the given reason (an FC_SH_* value
   with the top bit set).  a need not be granule-aligned; a granule that
   is only partly covered keeps its accessible prefix before a. */
void fc_shadow_make_noaccess(Addr a, SizeT len, UChar why);

/* [a, a+len) accessible (why == FC_SH_OK) or inaccessible for why, to
   the byte: no byte outside the range changes, where the two above work
   on granules (prefixes).  A granule left partly accessible in a way
   the prefix encoding cannot say becomes FC_SH_MIXED.  For client
   requests, which name any bytes (a redzone before an unaligned block). */
void fc_shadow_mark_exact(Addr a, SizeT len, UChar why);

/* A fresh heap block's shadow in one pass: [p - rz, p) redzone, the
   szB bytes at p accessible with every uninit bit set (`undefined`) or clear,
   the rest up to end redzone with clear uninit bits (bytes a partial load
   past the end brings in are defined).  Done, and True, when all of
   [p - rz, end) lies in one private secondary with no partially defined
   byte (nearly always); else False, with nothing written.  p and rz are
   multiples of 8. */
Bool fc_shadow_new_block_fast(Addr p, SizeT szB, SizeT rz, Addr end,
                              Bool undefined);

/* The addressability byte of the granule holding a. */
UChar fc_shadow_abyte(Addr a);

/* The first inaccessible byte of [a, a+len), or 0 if all are accessible;
   *why is set to its reason. */
Addr fc_shadow_first_bad(Addr a, SizeT len, UChar* why);

/* --- for fc_uninit_mem.c --- */

/* The primary slot of a, or NULL above the primary (where there are no
   uninit bits: all defined). */
static inline FC_SecSlot* fc_shadow_slot(Addr a)
{
   UWord pri = a >> FC_SH_SEC_SHIFT;
   return pri < FC_SH_PRIMARY_SIZE ? &fc_shadow_primary[pri] : NULL;
}

/* The secondary of slot, made private if it was shared. */
FC_Sec* fc_shadow_writable(FC_SecSlot* slot);

/* The shared secondary with every granule accessible and every uninit bit
   0 (defined) or 1 (undefined).  fc_uninit_mem.c may point a slot holding
   one shared secondary at the other. */
FC_Sec* fc_shadow_shared(Bool undefined);

/* Whether s is one of those two (other shared secondaries, of released
   memory, are not accessible). */
Bool fc_shadow_shared_accessible(const FC_Sec* s);

#endif
