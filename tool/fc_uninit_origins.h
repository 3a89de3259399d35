/* fc_uninit_origins.h: origins that follow values (see fc_uninit_origins.c):
   the dependency sets instrumentation gives each temporary, and the
   per-thread records generated code fills when undefined bits move.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_UNINIT_ORIGINS_H
#define FC_UNINIT_ORIGINS_H

#include "pub_tool_basics.h"
#include "fc_errors.h"

/* What a value was computed from, as known when translating: load sites
   (each load of each translation has its own id) and guest registers as
   they were at the block's entry.  At most FC_DEPS_MAX members (further
   ones are dropped: the origin is then one of those kept). */
#define FC_DEPS_MAX 6
typedef struct {
   UInt n;
   UInt m[FC_DEPS_MAX];   /* sorted; site s: s << 1, register at offset o:
                             (o << 1) | 1 */
} FC_Deps;

/* A new access site id: every load and store of every translation gets
   one, passed to its helper (0 when the table is full: no origin then).
   A site knows the dependency sets of its address and (a store's) of the
   value stored. */
UInt fc_origins_new_site(void);
void fc_origins_site_sets(UInt site, UInt addr_set, UInt data_set);
UInt fc_origins_site_addr_set(UInt site);
UInt fc_origins_site_data_set(UInt site);
void fc_deps_site(FC_Deps* d, UInt site);
void fc_deps_reg(FC_Deps* d, Int offset);
void fc_deps_union(FC_Deps* into, const FC_Deps* other);
/* The interned id of a set (0: the empty set), passed to the helpers
   below as an immediate; ids fit in 31 bits. */
UInt fc_deps_intern(const FC_Deps* d);

/* Run time.  A load at site `site` (0: none) brought in undefined bits
   whose origin is o (also the thread's latest load origin). */
void fc_origins_note_site(ThreadId tid, UInt site, const FC_Origin* o);
/* The origin of a value whose dependency set is `set`: the most recently
   recorded of its members', or False when none has one. */
Bool fc_origins_resolve(ThreadId tid, UInt set, FC_Origin* o);
/* The origin recorded for the guest register at `offset`, if any. */
Bool fc_origins_of_reg(ThreadId tid, Int offset, FC_Origin* o);
/* The register writes of a stretch of a block: guest-state offset, size
   and the dependency set of what was written.  fc_origins_new_puts keeps
   n of them for the run and returns the argument generated code passes
   to fc_origins_note_puts (0: no room), which it calls when some of
   them wrote undefined bits: each register whose shadow now has
   undefined bits gets its data's origin (a set that resolves to nothing
   gives the thread's latest load origin). */
typedef struct {
   UShort offset;
   UShort size;
   UInt   set;
} FC_PutRec;
ULong fc_origins_new_puts(const FC_PutRec* recs, UInt n);
VG_REGPARM(1) void fc_origins_note_puts(ULong arg);

#endif
