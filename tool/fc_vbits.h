/* fc_vbits.h: Memcheck's VALGRIND_GET_VBITS and VALGRIND_SET_VBITS
   (see fc_vbits.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_VBITS_H
#define FC_VBITS_H

#include "pub_tool_basics.h"

/* GET_VBITS (set is False) copies the uninit bits of the n bytes at a to
   the n bytes at vbits, one byte each (a set bit: that bit undefined),
   and makes those bytes defined; SET_VBITS (set is True) gives the n
   bytes at a the uninit bits read from vbits.  The answer is Memcheck's:
   1 when done, 3 (nothing copied) when a byte of either range may not be
   touched. */
UWord fc_vbits_request(Addr a, Addr vbits, SizeT n, Bool set);

#endif
