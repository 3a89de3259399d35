/* fc_errors.h: the error kinds ffican reports and the record_* functions
   that hand them to Valgrind's error manager (deduplication,
   suppressions, XML, --gen-suppressions all come from the core).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_ERRORS_H
#define FC_ERRORS_H

#include "pub_tool_basics.h"
#include "pub_tool_errormgr.h"
#include "fc_blocks.h"

/* Error kinds.  Their names are suppression names: stable once released. */
typedef enum {
   FC_ErrForeignFree = 1,   /* released through another family */
   FC_ErrLayoutMismatch,    /* released with another size/alignment */
   FC_ErrDoubleFree,        /* released again */
   FC_ErrInvalidFree,       /* not the start of a live heap block */
   FC_ErrOverflowRead,      /* read outside a block or declared extent */
   FC_ErrOverflowWrite,     /* write outside a block or declared extent */
   FC_ErrUseAfterFree,      /* access to a released block */
   FC_ErrLeak,              /* a loss record of the leak search (fc_leaks.c) */
} FC_ErrKind;

void fc_record_foreign_free(ThreadId tid, const FC_Tag* blk,
                            FC_ReleaseFn how);
void fc_record_layout_mismatch(ThreadId tid, const FC_Tag* blk,
                               FC_ReleaseFn how, SizeT given_szB,
                               SizeT given_align);
void fc_record_double_free(ThreadId tid, const FC_Tag* blk,
                           FC_ReleaseFn how);
void fc_record_invalid_free(ThreadId tid, Addr a, FC_ReleaseFn how);

/* An access of `size` bytes at a (by the running code, or by the system
   call `syscall` when not NULL) found its byte `bad` inaccessible for
   reason `why` (FC_SH_*); blk is the block it was meant for, if known. */
void fc_record_bad_access(ThreadId tid, Addr a, SizeT size, Bool is_write,
                          Addr bad, UChar why, const FC_Tag* blk,
                          const HChar* syscall);

/* Registers the callbacks with the core (called from pre_clo_init). */
void fc_errors_register(void);

#endif
