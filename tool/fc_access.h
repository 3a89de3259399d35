/* fc_access.h: checks of memory accesses against the shadow
   (see fc_access.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_ACCESS_H
#define FC_ACCESS_H

#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"

/* Registers the core events for system-call buffers and mappings. */
void fc_access_register(void);
/* Registers what must follow fc_uninit_post_clo_init (the remap event,
   whose uninit part this module's handler does). */
void fc_access_post_clo_init(void);

/* The program unmapped [a, a+len): it becomes FC_SH_UNMAPPED (below the
   primary's reach; above, accessible, as ffican never marks there)
   until a mapping there makes it accessible again. */
void fc_access_die_mem_munmap(Addr a, SizeT len);

/* The check of one statement's accesses, for a pass that also adds
   other instrumentation (fc_uninit_instrument.c): begin with the input block,
   call fc_access_stmt for each statement in order (it adds the check to
   sb; the caller adds the statement), end. */
typedef struct _FC_AccessPass FC_AccessPass;
FC_AccessPass* fc_access_begin(const IRSB* sb_in);
void fc_access_stmt(FC_AccessPass* p, IRSB* sb, IRStmt* s);
void fc_access_end(FC_AccessPass* p);
/* Instead of fc_access_stmt, for a statement whose accesses the caller
   checks itself. */
void fc_access_skip(FC_AccessPass* p, IRStmt* s);


/* The IR for where an address's shadow is: pri = a >> 16, sec = the
   secondary of its 64 KiB chunk (loaded from the primary; any secondary
   when a is above the primary's reach), off = a & 0xffff (see
   fc_shadow.h); and fc_access_far: is a above that reach (I1)?  Shared
   by the checks here and fc_uninit_instrument.c's stack marking. */
typedef struct {
   IRExpr* pri;
   IRExpr* sec;
   IRExpr* off;
} FC_AddrParts;
FC_AddrParts fc_access_addr_parts(IRSB* sb, IRExpr* addr);
IRExpr* fc_access_far(IRSB* sb, IRExpr* pri);

/* A helper call that may report (and so takes a stack trace) needs rip,
   rsp and rbp up to date: declares that it reads them. */
void fc_access_needs_stack(IRDirty* di);

/* The precise check (and report) of an access of sf >> 1 bytes at a,
   a write if sf & 1: what generated code calls when its quick test
   fails. */
VG_REGPARM(2) void fc_access_slow(Addr a, UWord sf);

/* The red zone below the stack pointer at a call or return (an AbiHint)
   becomes accessible again: what the uninit pass calls there once the
   program has marked stack memory NOACCESS (fc_shadow_stack_marked), so
   that no mark outlives its frame (as Memcheck's new_mem_stack). */
VG_REGPARM(2) void fc_access_stack_unmark(Addr base, UWord len);

/* Returns sb_in with a check before every memory access. */
IRSB* fc_instrument_accesses(IRSB* sb_in);

#endif
