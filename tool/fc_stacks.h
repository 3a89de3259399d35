/* fc_stacks.h: the running thread's stack as an ExeContext, answered from
   a cache of recent unwinds when nothing it read has changed
   (fc_stacks.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_STACKS_H
#define FC_STACKS_H

#include "pub_tool_basics.h"
#include "pub_tool_execontext.h"

/* What VG_(record_ExeContext)(tid, 0) returns, usually without unwinding. */
ExeContext* fc_stack_here(ThreadId tid);

/* Hits and unwinds, for --stats=yes. */
void fc_stacks_print_stats(void);

#endif
