/* fc_allocsite.h: allocator calls told apart by their inlined callers
   (Rust's default allocator inlined by LTO, or the malloc it looks like);
   see fc_allocsite.c.  A leaf: fc_objects.c decides which code is looked
   at and keeps the answers here.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_ALLOCSITE_H
#define FC_ALLOCSITE_H

#include "pub_tool_basics.h"

typedef enum {
   FC_SiteMalloc = 0,   /* the malloc, free, ... it looks like */
   FC_SiteRust,         /* Rust's default global allocator, inlined */
   FC_SiteUnsure,       /* either: unnamed inlined levels hide which */
   FC_SiteNoInfo        /* Rust code without debug info: cannot tell */
} FC_SiteKind;

/* What the call whose instruction holds ip is (reads inline info);
   release: it is a call of free() or realloc(). */
FC_SiteKind fc_allocsite_classify(Addr ip, Bool release);

/* The cached answer for ip, if any. */
Bool fc_allocsite_lookup(Addr ip, FC_SiteKind* kind);
void fc_allocsite_remember(Addr ip, FC_SiteKind kind);

/* Code was unmapped: forget every answer. */
void fc_allocsite_forget(void);

/* --stats=yes: lookups, cache hits, classifications. */
void fc_allocsite_print_stats(void);

/* Print each classification and the levels it read (--trace-blocks). */
void fc_allocsite_set_trace(Bool on);

#endif
