/* fc_access.h: checks of memory accesses against the shadow
   (see fc_access.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_ACCESS_H
#define FC_ACCESS_H

#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"

/* Registers the core events for system-call buffers and mappings. */
void fc_access_register(void);

/* Returns sb_in with a check before every memory access. */
IRSB* fc_instrument_accesses(IRSB* sb_in);

#endif
