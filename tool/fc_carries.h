/* fc_carries.h: which adds and subs get the exact carry rule (see
   fc_carries.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_CARRIES_H
#define FC_CARRIES_H

#include "pub_tool_basics.h"
#include "libvex_ir.h"

/* exact[t] (one per temp of sb) = 1 when an add or sub computing t must
   take carries exactly, 0 when its uninit bits need only be nonzero exactly
   when some operand bit is undefined (t is only ever tested whole). */
void fc_carries_decide(const IRSB* sb, UChar* exact);

#endif
