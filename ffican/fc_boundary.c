/* fc_boundary.c: placeholder until the boundary file parser lands.
   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "fc_boundary.h"

Bool fc_boundary_process_option(const HChar* arg) { return False; }
void fc_boundary_print_usage(void) { }
void fc_boundary_post_clo_init(void) { }
FC_SideId fc_boundary_side_of(const HChar* objname, const HChar* fnname,
                              const HChar* fnname_raw)
{
   return FC_SideNone;
}
const FC_BufferDecl* fc_boundary_buffers_of(const HChar* fnname, Int* n)
{
   *n = 0;
   return NULL;
}
