/* fc_sides.c: names of sides.  Classification of code by debug info
   belongs here too once the boundary is tracked; today a block's side
   comes from its allocator family (fc_blocks.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "fc_sides.h"

const HChar* fc_side_name(FC_Side side)
{
   switch (side) {
      case FC_SideSystem: return "system";
      case FC_SideC:      return "C";
      case FC_SideCxx:    return "C++";
      case FC_SideRust:   return "Rust";
      default:            tl_assert(0);
   }
}
