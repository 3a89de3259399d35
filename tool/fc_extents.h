/* fc_extents.h: buffer extents held during boundary calls
   (see fc_extents.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_EXTENTS_H
#define FC_EXTENTS_H

#include "pub_tool_basics.h"

/* A call into `callee` (0 if unknown) crossed with argument registers
   args[0..5]; rsp is the caller's stack pointer once it returns. */
void fc_extents_on_call(ThreadId tid, Addr callee, const UWord* args,
                        Addr rsp);

/* A crossing return left the stack pointer at rsp. */
void fc_extents_on_return(ThreadId tid, Addr rsp);

void fc_extents_forget_thread(ThreadId tid);

#endif
