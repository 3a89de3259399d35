/* fc_storefwd.h: rewrites of guest IR that spare the host a stall (see
   fc_storefwd.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_STOREFWD_H
#define FC_STOREFWD_H

#include "pub_tool_basics.h"
#include "libvex_ir.h"

/* sb, or a copy of it with each zeroing of an XMM register followed by a
   write of its low 4 or 8 bytes made one write of the zero-extended
   value.  Same meaning. */
IRSB* fc_storefwd(IRSB* sb);

#endif
