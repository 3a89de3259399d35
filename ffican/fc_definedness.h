/* fc_definedness.h: the V-bit instrumentation (see fc_definedness.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_DEFINEDNESS_H
#define FC_DEFINEDNESS_H

#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"

/* sb_in with every access checked (fc_access.c) and V bits carried
   through every statement. */
IRSB* fc_instrument_definedness(IRSB* sb_in, const VexGuestLayout* layout);

#endif
