/* fc_objects.h: which loaded objects hide their Rust allocator shims.

   A Rust object whose __rust_* shims have no symbols (stripped) or were
   inlined away (fat LTO) cannot be intercepted: its allocations reach
   malloc/free directly.  We look at each object once, the first time its
   code is translated, warn once, and remember the partial cases so that
   their Rust allocations are tagged as malloc (never a false report).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_OBJECTS_H
#define FC_OBJECTS_H

#include "pub_tool_basics.h"

/* Called for each superblock translated; cheap when addr's object is
   already known. */
void fc_objects_note_code(Addr addr);

/* Code at [a, a+len) was unmapped: forget the objects there. */
void fc_objects_forget_range(Addr a, SizeT len);

/* True when the Rust allocator call thread tid is making (from the
   preload) comes from an object whose shims are only partly intercepted,
   so that it must count as a malloc-family call. */
Bool fc_objects_rust_call_partial(ThreadId tid);

#endif
