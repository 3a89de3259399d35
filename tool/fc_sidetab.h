/* fc_sidetab.h: the sides: small integers indexing the side table.

   The built-in sides come first; a boundary file may declare more, with
   any names (so a C program and its C library can be two sides).
   "system" code (libc, ld.so, libstdc++, the tool's preloads) is never an
   owner and never a party to a crossing.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_SIDETAB_H
#define FC_SIDETAB_H

#include "pub_tool_basics.h"

typedef UChar FC_SideId;

enum {
   FC_SideSystem = 0,   /* libc, ld.so, runtime support: never an owner */
   FC_SideC,
   FC_SideCxx,
   FC_SideRust,
   FC_SideFirstDeclared /* sides declared by a boundary file start here */
};
#define FC_SideNone   ((FC_SideId)0xFF)   /* no side: not crossed, unknown */
#define FC_MAX_SIDES  32

/* "Rust", "C", "C++", "system", or a declared name. */
const HChar* fc_side_name(FC_SideId side);

/* The side named `name` (case-sensitive), or FC_SideNone. */
FC_SideId fc_side_lookup(const HChar* name);

/* Letters, digits, '_', '-', '+'; 1 to FC_MAX_SIDE_NAME characters. */
#define FC_MAX_SIDE_NAME 32
Bool fc_side_name_valid(const HChar* name);

/* The side named `name`, declaring it if new; FC_SideNone when the table
   is full. */
FC_SideId fc_side_declare(const HChar* name);

#endif
