/* fc_leak_regions.h: the program's own blocks that are no ffican block
   (regions of fc_memcheck_requests.c), kept for the leak search.
   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */
#ifndef FC_LEAK_REGIONS_H
#define FC_LEAK_REGIONS_H
#include "pub_tool_basics.h"
#include "fc_owner.h"

/* [p, p+szB) was declared (a MALLOCLIKE block or, with `chunk`, a
   mempool chunk) here, on thread tid; replaces one at p. */
void fc_leak_region_add(ThreadId tid, Addr p, SizeT szB, Bool chunk);
/* The one starting at p (if any) is released, or resized. */
void fc_leak_region_drop(Addr p);
void fc_leak_region_resize(Addr p, SizeT newB);
/* A block or region lost with its stack frame (see fc_leak_regions.c):
   kept for the leak search, from its tag or from the region at p (which
   goes; False if there is none). */
void fc_leak_region_lost(const FC_Tag* t);
Bool fc_leak_region_to_lost(Addr p);
/* The program released p after its frame died: its youngest lost record
   goes.  False if there is none. */
Bool fc_leak_region_lost_take(Addr p);
/* All of them and the lost ones, for a leak search; the array is the caller's to
   VG_(free), the records stay this module's. */
FC_Block** fc_leak_regions_array(UInt* n);
#endif
