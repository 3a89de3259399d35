/* fc_sidetab.c: the side table: the sides that exist, by id and name.

   The built-in sides (system, C, C++, Rust) come first; a boundary file
   may declare more (fc_boundary.c).  A leaf: it knows nothing of code or
   blocks, so every module may name sides without depending on how code
   is classified (fc_sides.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_mallocfree.h"
#include "fc_sidetab.h"

/* ------------------------------------------------------------------ */
/* The side table                                                      */
/* ------------------------------------------------------------------ */

static const HChar* fc_side_names[FC_MAX_SIDES] = {
   "system", "C", "C++", "Rust"
};
static Int fc_n_sides = FC_SideFirstDeclared;

const HChar* fc_side_name(FC_SideId side)
{
   if (side >= fc_n_sides)
      return "unknown";
   return fc_side_names[side];
}

FC_SideId fc_side_lookup(const HChar* name)
{
   for (Int i = 0; i < fc_n_sides; i++)
      if (VG_(strcmp)(fc_side_names[i], name) == 0)
         return (FC_SideId)i;
   return FC_SideNone;
}

FC_SideId fc_side_declare(const HChar* name)
{
   FC_SideId s = fc_side_lookup(name);
   if (s != FC_SideNone)
      return s;
   if (fc_n_sides == FC_MAX_SIDES)
      return FC_SideNone;
   fc_side_names[fc_n_sides] = VG_(strdup)("fc.sides.name", name);
   return (FC_SideId)fc_n_sides++;
}

Bool fc_side_name_valid(const HChar* name)
{
   SizeT n = VG_(strlen)(name);
   if (n == 0 || n > FC_MAX_SIDE_NAME)
      return False;
   for (const HChar* c = name; *c; c++)
      if (!VG_(isdigit)(*c) && !(*c >= 'a' && *c <= 'z')
          && !(*c >= 'A' && *c <= 'Z') && *c != '_' && *c != '-'
          && *c != '+')
         return False;
   return True;
}
