/* fc_owner.h: the owner tag of a heap block and the record that holds it.

   Types only, plus the names reports use: the allocator family, the
   function that allocated or released a block, the owner tag (what every
   report says about a block) and FC_Block, the record the live table
   (fc_blocktab.c) and the quarantine (fc_blocks.c) keep.  A leaf, so that
   the table, the error printer and the leak search can all read blocks
   without depending on the allocation paths of fc_blocks.c.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_OWNER_H
#define FC_OWNER_H

#include "pub_tool_basics.h"
#include "pub_tool_execontext.h"
#include "fc_sidetab.h"

/* The allocator API that produced or released a block. */
typedef enum {
   FC_FamMalloc = 0,   /* malloc, calloc, realloc, memalign, ... free */
   FC_FamNew,          /* operator new / operator delete */
   FC_FamNewArr,       /* operator new[] / operator delete[] */
   FC_FamRust,         /* __rust_alloc ... __rust_dealloc */
   FC_FamPool,         /* the program's own allocator, declared with
                          VALGRIND_MALLOCLIKE_BLOCK or a mempool */
   FC_FamCount
} FC_Family;

/* The function that allocated a block. */
typedef enum {
   FC_AllocMalloc = 0, FC_AllocCalloc, FC_AllocRealloc, FC_AllocReallocarray,
   FC_AllocMemalign, FC_AllocNew, FC_AllocNewAligned, FC_AllocNewArr,
   FC_AllocNewArrAligned, FC_AllocRust, FC_AllocRustZeroed,
   FC_AllocRustRealloc, FC_AllocClientBlock, FC_AllocMempool,
   FC_AllocRustInlined,   /* malloc, calloc, realloc, posix_memalign of
                             Rust's default allocator, inlined by LTO
                             (fc_allocsite.c): no Layout known */
   FC_AllocCount
} FC_AllocFn;

/* The function that released (or tried to release) a block. */
typedef enum {
   FC_RelFree = 0, FC_RelRealloc, FC_RelReallocarray, FC_RelDelete,
   FC_RelDeleteSized, FC_RelDeleteArr, FC_RelDeleteArrSized,
   FC_RelRustDealloc, FC_RelRustRealloc, FC_RelClientFree,
   FC_RelMempoolFree, FC_RelClientResize,
   FC_RelRustInlined,        /* free() of Rust's default allocator, */
   FC_RelRustInlinedRealloc, /* realloc() of it: inlined by LTO */
   FC_RelCount
} FC_ReleaseFn;

/* The owner tag: everything a report says about a block.  Copied by
   value into error records, so it holds no pointer into tool state.
   Packed so that a whole FC_Block is 48 bytes: every allocation writes
   it, every release and every eviction from the quarantine reads it,
   and the quarantine holds hundreds of thousands of them (Memcheck's
   record is 40 bytes).  Stacks are kept as ExeContext numbers (ECUs,
   4 bytes) and turned back into ExeContexts through fc_ecu_table; read
   them with fc_tag_alloc_ec and the others, set them with fc_ecu_keep. */
typedef struct {
   Addr        payload;         /* first byte the client may use */
   ULong       req_szB   : 48;  /* size the client asked for (< 2^48) */
   ULong       alloc_fn  : 4;   /* FC_AllocFn */
   ULong       family    : 3;   /* FC_Family the block must be released by */
   ULong       align_log2p1 : 6;  /* alignment asked for: 1 + log2; 0 =
                                     family default (fc_tag_align) */
   ULong       cross_how : 2;   /* FC_CrossHow; valid when crossed_to is set */
   ULong       site_unsure : 1; /* allocated by a malloc-family call whose
                                   inlined callers may be Rust's allocator
                                   or not (fc_allocsite.c): either
                                   family's release is accepted */
   ULong       alloc_seq : 48;  /* how many blocks were allocated before */
   ULong       owner_side : 8;  /* FC_SideId of the first non-system
                                   allocating frame */
   ULong       crossed_to : 8;  /* FC_SideId it was handed to; FC_SideNone
                                   if none */
   UInt        alloc_ecu;   /* where it was allocated (never 0) */
   UInt        free_ecu;    /* where it was released; 0 while live */
   UInt        cross_ecu;   /* where it was handed across; 0 if never */
   UChar       free_fn;     /* FC_ReleaseFn; valid when free_ecu != 0 */
   FC_SideId   free_side;   /* side of the releasing code; same validity */
} FC_Tag;

/* ExeContexts by ECU / 4, for those fc_ecu_keep was given (ECUs are
   multiples of 4, issued in order: the table is dense), in chunks of
   2^FC_ECU_CHUNK_BITS made on demand.  ECU 0 is no stack. */
#define FC_ECU_CHUNK_BITS 12
extern ExeContext** fc_ecu_chunks[1u << (30 - FC_ECU_CHUNK_BITS)];
UInt fc_ecu_keep(ExeContext* ec);   /* its ECU, 0 for NULL */
static inline ExeContext* fc_ecu_stack(UInt ecu)
{
   UInt idx = ecu >> 2;
   return ecu == 0 ? NULL
        : fc_ecu_chunks[idx >> FC_ECU_CHUNK_BITS]
                       [idx & ((1u << FC_ECU_CHUNK_BITS) - 1)];
}
static inline ExeContext* fc_tag_alloc_ec(const FC_Tag* t)
{
   return fc_ecu_stack(t->alloc_ecu);
}
static inline ExeContext* fc_tag_free_ec(const FC_Tag* t)
{
   return fc_ecu_stack(t->free_ecu);
}
static inline ExeContext* fc_tag_cross_ec(const FC_Tag* t)
{
   return fc_ecu_stack(t->cross_ecu);
}

/* How a block crossed (docs/boundary.md, "How a block crosses"). */
typedef enum {
   FC_CrossArg = 0,   /* a pointer to it was an argument of a crossing call */
   FC_CrossReturn,    /* returned by a crossing call that allocated it */
   FC_CrossLent,      /* returned by a crossing call, but older than the
                         call: a getter lent it to the caller's side */
   FC_CrossOutParam   /* its address was stored, during a crossing call,
                         into memory the caller passed (an out-parameter) */
} FC_CrossHow;

/* "handed to", "lent to", ... : the verb of a crossing, for reports. */
const HChar* fc_cross_how_verb(FC_CrossHow how);
/* "", " through an out-parameter", ...: what follows the side. */
const HChar* fc_cross_how_detail(FC_CrossHow how);

/* Was the block handed over (ownership given to the other side), as
   opposed to never crossing or only lent?  A lent block's owner still
   holds it: its leak is the owner's, not a crossing leak. */
static inline Bool fc_tag_handed_over(const FC_Tag* t)
{
   return t->crossed_to != FC_SideNone && t->cross_how != FC_CrossLent;
}

/* The alignment asked for; 0 = the family default. */
static inline SizeT fc_tag_align(const FC_Tag* t)
{
   return t->align_log2p1 == 0 ? 0 : (SizeT)1 << (t->align_log2p1 - 1);
}

typedef struct _FC_Block {
   union {
      struct _FC_Block* next;    /* live: chain of the live table
                                    (fc_blocktab.c, keyed by payload) */
      struct _FC_Block* q_next;  /* released: next younger block in the
                                    quarantine */
   };
   FC_Tag            tag;
} FC_Block;

/* Names used in reports. */
const HChar* fc_alloc_fn_name(FC_AllocFn fn);
const HChar* fc_release_fn_name(FC_ReleaseFn fn);   /* "free()", ... */
FC_Family    fc_release_family(FC_ReleaseFn fn);

#endif
