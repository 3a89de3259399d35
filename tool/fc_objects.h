/* fc_objects.h: which loaded objects hide their Rust allocator shims.

   A Rust object whose __rust_* shims have no symbols (stripped), were
   inlined away by LTO, or lead to a #[global_allocator] of its own
   cannot be checked against Rust's allocator rules by its shims.  Each
   object is looked at once (its shims decoded to see where they go,
   under any prologue or code model); ffican lets those shims run
   natively and warns once, saying what is lost and what to do, unless
   LTO inlined them in an object with debug info: then its allocator
   calls are told apart by their inlined callers (fc_allocsite.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_OBJECTS_H
#define FC_OBJECTS_H

#include "pub_tool_basics.h"
#include "fc_allocsite.h"

/* Called for each superblock translated; cheap when addr's object is
   already known. */
void fc_objects_note_code(Addr addr);

/* Code at [a, a+len) was unmapped: forget the objects there. */
void fc_objects_forget_range(Addr a, SizeT len);

/* True when the code at ip is in an object rustc produced (it has Rust
   allocator shims or rustc's marks). */
Bool fc_objects_is_rust(Addr ip);

/* True when the Rust allocator shim at address `shim` must run as it is
   (its object has its own #[global_allocator] or shims inlined by LTO,
   or it is in no object ffican knows). */
Bool fc_objects_shim_runs_native(Addr shim);

/* What the allocator call returning to ret is: in an object whose shims
   LTO inlined (and which has debug info), Rust's default allocator or
   the malloc it looks like, by its inlined callers; elsewhere always
   FC_SiteMalloc.  release: a call of free() or realloc().  Cached per
   call site; one test while no such object is loaded. */
extern Bool fc_objects_lto_sites_seen;
FC_SiteKind fc_objects_alloc_site_slow(Addr ret, Bool release);
static inline FC_SiteKind fc_objects_alloc_site(Addr ret, Bool release)
{
   return fc_objects_lto_sites_seen ? fc_objects_alloc_site_slow(ret, release)
                                    : FC_SiteMalloc;
}

#endif
