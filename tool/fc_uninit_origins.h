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

/* A new load site id (never 0). */
UInt fc_origins_new_site(void);
void fc_deps_site(FC_Deps* d, UInt site);
void fc_deps_reg(FC_Deps* d, Int offset);
void fc_deps_union(FC_Deps* into, const FC_Deps* other);
/* The interned id of a set (0: the empty set), passed to the helpers
   below as an immediate; ids fit in 31 bits. */
UInt fc_deps_intern(const FC_Deps* d);

/* Run time.  A load at site `site` brought in undefined bits whose origin
   is o. */
void fc_origins_note_site(ThreadId tid, UInt site, const FC_Origin* o);
/* The origin of a value whose dependency set is `set`: the most recently
   recorded of its members', or False when none has one. */
Bool fc_origins_resolve(ThreadId tid, UInt set, FC_Origin* o);
/* The origin recorded for the guest register at `offset`, if any. */
Bool fc_origins_of_reg(ThreadId tid, Int offset, FC_Origin* o);
/* Generated code: a register was written with undefined bits computed
   from a set; arg is FC_PUT_ARG(offset, size, set).  A set that resolves
   to nothing gives the thread's latest load origin. */
#define FC_PUT_ARG(off, size, set) \
   ((ULong)(off) | ((ULong)(((size) + 7) / 8) << 16) | ((ULong)(set) << 20))
VG_REGPARM(1) void fc_origins_note_put(UWord arg);

#endif
