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
} FC_ErrKind;

void fc_record_foreign_free(ThreadId tid, const FC_Tag* blk,
                            FC_ReleaseFn how);
void fc_record_layout_mismatch(ThreadId tid, const FC_Tag* blk,
                               FC_ReleaseFn how, SizeT given_szB,
                               SizeT given_align);
void fc_record_double_free(ThreadId tid, const FC_Tag* blk,
                           FC_ReleaseFn how);
void fc_record_invalid_free(ThreadId tid, Addr a, FC_ReleaseFn how);

/* Registers the callbacks with the core (called from pre_clo_init). */
void fc_errors_register(void);

#endif
