/* fc_blocktab.h: the table of live heap blocks by payload address (see
   fc_blocktab.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_BLOCKTAB_H
#define FC_BLOCKTAB_H

#include "pub_tool_basics.h"
#include "fc_owner.h"

void      fc_btab_init(void);
void      fc_btab_add(FC_Block* b);            /* keyed by b->tag.payload */
FC_Block* fc_btab_lookup(Addr payload);        /* NULL if none */
void      fc_btab_prefetch(Addr payload);      /* a lookup soon: start
                                                  loading its bucket */
FC_Block* fc_btab_remove(Addr payload);        /* the block, or NULL */
UWord     fc_btab_count(void);

/* Every block, in no order: for (b = fc_btab_first(&it); b != NULL;
   b = fc_btab_next(&it)).  The table must not change meanwhile. */
typedef struct {
   UWord     bucket;
   FC_Block* next;
} FC_BtabIter;
FC_Block* fc_btab_first(FC_BtabIter* it);
FC_Block* fc_btab_next(FC_BtabIter* it);

/* The blocks in a new array (VG_(malloc)'d; the caller frees it), or
   NULL when there are none. */
FC_Block** fc_btab_to_array(UInt* n);

#endif
