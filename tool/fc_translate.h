/* fc_translate.h: instrumentation that follows blocks across the
   boundary (see fc_translate.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_TRANSLATE_H
#define FC_TRANSLATE_H

#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"

/* Returns sb_in with helpers added at calls and returns that may cross
   from one side to another. */
IRSB* fc_instrument_crossings(IRSB* sb_in);

/* Thread tid exited: forget its calls in progress. */
void fc_translate_forget_thread(ThreadId tid);

#endif
