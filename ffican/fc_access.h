/* fc_access.h: checks of memory accesses against the shadow
   (see fc_access.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_ACCESS_H
#define FC_ACCESS_H

#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"

/* Registers the core events for system-call buffers and mappings. */
void fc_access_register(void);

/* The check of one statement's accesses, for a pass that also adds
   other instrumentation (fc_definedness.c): begin with the input block,
   call fc_access_stmt for each statement in order (it adds the check to
   sb; the caller adds the statement), end. */
typedef struct _FC_AccessPass FC_AccessPass;
FC_AccessPass* fc_access_begin(const IRSB* sb_in);
void fc_access_stmt(FC_AccessPass* p, IRSB* sb, IRStmt* s);
void fc_access_end(FC_AccessPass* p);
/* Instead of fc_access_stmt, for a statement whose accesses the caller
   checks itself. */
void fc_access_skip(FC_AccessPass* p, IRStmt* s);

/* Parts of an address atom, computed once per statement for both the
   addressability and the V-bit code: idx8 = ((a >> 16) & (2^21 - 1)) * 8,
   the byte offset of a's entry in either primary; off = a & 0xffff; far:
   a is above both primaries' reach (I1). */
typedef struct {
   IRExpr* pri;    /* a >> 16 */
   IRExpr* idx8;
   IRExpr* off;
   IRExpr* far;
} FC_AddrParts;
FC_AddrParts fc_access_addr_parts(IRSB* sb, IRExpr* addr);

/* The precise check (and report) of an access of sf >> 1 bytes at a,
   a write if sf & 1: what generated code calls when its quick test
   fails. */
VG_REGPARM(2) void fc_access_slow(Addr a, UWord sf);

/* Returns sb_in with a check before every memory access. */
IRSB* fc_instrument_accesses(IRSB* sb_in);

#endif
