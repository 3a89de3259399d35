/* fc_uninit_instrument.h: the uninit-bit instrumentation (see fc_uninit_instrument.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_UNINIT_INSTRUMENT_H
#define FC_UNINIT_INSTRUMENT_H

#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"

/* sb_in with every access checked (fc_access.c) and uninit bits carried
   through every statement. */
IRSB* fc_uninit_instrument(IRSB* sb_in, const VexGuestLayout* layout);

#endif
