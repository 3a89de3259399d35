/* fc_boundary.h: the declared boundary: --boundary=auto|FILE and the
   --side-object / --side-function options that assign code to sides, and
   the buffer arguments of boundary functions (see docs/boundary.md).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_BOUNDARY_H
#define FC_BOUNDARY_H

#include "pub_tool_basics.h"
#include "fc_sidetab.h"

/* Takes the declarations of --side-object and --side-function, then
   loads the file of --boundary (if any).  A malformed file is a fatal error
   naming the file and line.  With -v, prints the sides, rules and buffers
   in force. */
void fc_boundary_post_clo_init(void);

/* Whether any side rule (file or options) exists: callers skip the
   names lookups fc_boundary_side_of needs when none does. */
Bool fc_boundary_has_rules(void);

/* The side declared for code in object `objname` (full path), function
   `fnname` (demangled) / `fnname_raw` (as in the symbol table); any may be
   NULL.  FC_SideNone when no declaration applies (at once when there are
   none).  The last matching rule wins; command-line rules come after the
   file's.  A linear scan: call it once per code address and cache. */
FC_SideId fc_boundary_side_of(const HChar* objname, const HChar* fnname,
                              const HChar* fnname_raw);

/* A buffer argument declared for a boundary function: argument ptr_arg
   (0-based: rdi, rsi, rdx, rcx, r8, r9) points to a buffer of
   (value of argument len_arg) * elem_szB bytes. */
typedef struct {
   Int   ptr_arg;    /* 0..5 */
   Int   len_arg;    /* 0..5, != ptr_arg; never the ptr_arg of another
                        declaration of the same function */
   SizeT elem_szB;   /* 1..2^20 (1 unless `elements SIZE` was given) */
   /* For error messages: the function, the arguments' names in the
      declaration (their registers when unnamed), the boundary file and
      the line; all live as long as the tool. */
   const HChar* fn;
   const HChar* ptr_name;
   const HChar* len_name;
   const HChar* file;
   Int          line;
} FC_BufferDecl;

/* The buffer declarations for function `fnname` (demangled, compared
   exactly), or NULL; *n is set to how many (0..6, distinct ptr_arg).
   The array lives as long as the tool. */
const FC_BufferDecl* fc_boundary_buffers_of(const HChar* fnname, Int* n);

#endif
