/* fc_sides.h: which side (language, or a side declared in a boundary
   file) a piece of code belongs to, and so which side owns a block or
   misuses it (from the first non-system frame of a stack).  The sides
   themselves, their ids and names, are fc_sidetab.h's; the rules are in
   fc_sides.c.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_SIDES_H
#define FC_SIDES_H

#include "pub_tool_basics.h"
#include "pub_tool_execontext.h"
#include "fc_sidetab.h"

/* Side of the code at ip: decided once per address and cached.  Never
   FC_SideNone. */
FC_SideId fc_side_of_code(Addr ip);

/* Code at [a, a+len) was unmapped: forget what was cached about it. */
void fc_sides_forget_range(Addr a, SizeT len);

/* Side of the first non-system frame of ec (FC_SideSystem if none). */
FC_SideId fc_side_of_stack(ExeContext* ec);

/* The same for the first n of ips (innermost first). */
FC_SideId fc_side_of_ips(const Addr* ips, Int n);

/* The same for thread tid's current stack, without recording it as an
   ExeContext (as many frames as --num-callers, at most FC_SIDE_FRAMES). */
#define FC_SIDE_FRAMES 64
FC_SideId fc_side_of_thread(ThreadId tid);

/* Lookups and classifications, for --stats=yes. */
void fc_sides_print_stats(void);

#endif
