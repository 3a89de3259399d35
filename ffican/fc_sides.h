/* fc_sides.h: which language a piece of code or a heap block belongs to.

   A "side" is a language (Rust, C, C++) or "system" (libc, ld.so, the
   tool's own preload).  In this first version a block's owner side is
   derived from the allocator family that produced it; the boundary work
   (classifying code from debug info) refines it later without changing
   this interface.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_SIDES_H
#define FC_SIDES_H

#include "pub_tool_basics.h"

typedef enum {
   FC_SideSystem = 0,   /* libc, ld.so, runtime support: never an owner */
   FC_SideC,
   FC_SideCxx,
   FC_SideRust,
   FC_SideCount
} FC_Side;

/* "Rust", "C", "C++", "system". */
const HChar* fc_side_name(FC_Side side);

#endif
