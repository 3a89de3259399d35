/* fc_blocks.h: every client heap block and its owner tag.

   The tool replaces every allocator the client uses (malloc family,
   C++ new/delete, Rust's __rust_* shims).  Each live block is in a hash
   table keyed by its start address; each released block waits in a FIFO
   quarantine (bounded by --freelist-vol) so that its address is not
   reused and a second release can still name the first one.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_BLOCKS_H
#define FC_BLOCKS_H

#include "pub_tool_basics.h"
#include "pub_tool_execontext.h"
#include "fc_sides.h"

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
   FC_AllocRustRealloc, FC_AllocClientBlock, FC_AllocMempool, FC_AllocCount
} FC_AllocFn;

/* The function that released (or tried to release) a block. */
typedef enum {
   FC_RelFree = 0, FC_RelRealloc, FC_RelReallocarray, FC_RelDelete,
   FC_RelDeleteSized, FC_RelDeleteArr, FC_RelDeleteArrSized,
   FC_RelRustDealloc, FC_RelRustRealloc, FC_RelClientFree,
   FC_RelMempoolFree, FC_RelCount
} FC_ReleaseFn;

/* The owner tag: everything a report says about a block.  Copied by
   value into error records, so it holds no pointer into tool state
   other than ExeContexts (which live for the whole run).  Packed so that
   a whole FC_Block is one cache line: every allocation writes it, every
   release and every eviction from the quarantine reads it, and the
   quarantine holds hundreds of thousands of them. */
typedef struct {
   Addr        payload;         /* first byte the client may use */
   ULong       req_szB   : 48;  /* size the client asked for (< 2^48) */
   ULong       alloc_tid : 16;  /* ThreadId */
   ULong       alloc_seq : 48;  /* how many blocks were allocated before */
   ULong       free_tid  : 16;  /* valid only when free_ec != NULL */
   ExeContext* alloc_ec;    /* where it was allocated (never NULL) */
   ExeContext* free_ec;     /* where it was released; NULL while live */
   ExeContext* cross_ec;    /* where it was handed across; NULL if never */
   UChar       align_log2p1;  /* alignment asked for: 1 + log2; 0 =
                                 family default (fc_tag_align) */
   UChar       alloc_fn;    /* FC_AllocFn */
   UChar       family;      /* FC_Family the block must be released by */
   FC_SideId   owner_side;  /* side of the first non-system allocating frame */
   FC_SideId   crossed_to;  /* side it was handed to; FC_SideNone if none */
   UChar       free_fn;     /* FC_ReleaseFn; valid when free_ec != NULL */
   FC_SideId   free_side;   /* side of the releasing code; same validity */
} FC_Tag;

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

void  fc_blocks_init(void);
void  fc_blocks_fini(void);

/* Allocate a client block; align 0 means the family default.  Returns
   NULL when the client heap is exhausted. */
void* fc_block_alloc(ThreadId tid, SizeT szB, SizeT align, FC_AllocFn fn,
                     Bool zeroed);

/* Release p through `how`; given_szB/given_align are the layout the
   caller passed (0 when the API passes none).  Reports misuse and never
   releases anything twice. */
void  fc_block_release(ThreadId tid, Addr p, FC_ReleaseFn how,
                       SizeT given_szB, SizeT given_align);

/* Resize through realloc-like `how`.  Returns the new block, or NULL
   (old block untouched) when it cannot be done. */
void* fc_block_resize(ThreadId tid, Addr p, SizeT new_szB, FC_ReleaseFn how,
                      SizeT given_old_szB, SizeT given_align);

SizeT fc_block_usable_size(Addr p);

/* A block the program's own allocator manages (VALGRIND_MALLOCLIKE_BLOCK,
   mempools): tracked and checked like any other, with rz bytes of redzone
   on each side, but its memory is never ffican's to allocate or free.
   `chunk`: a mempool chunk (VALGRIND_MEMPOOL_ALLOC), else a
   VALGRIND_MALLOCLIKE_BLOCK block. */
void fc_block_register_custom(ThreadId tid, Addr p, SizeT szB, SizeT rz,
                              Bool chunk);

/* Its release (VALGRIND_FREELIKE_BLOCK, or a mempool free if `chunk`). */
void fc_block_release_custom(ThreadId tid, Addr p, Bool chunk);

/* For describing an address: the live or quarantined block containing
   a (NULL if none).  Slow: only for error reports. */
const FC_Block* fc_block_containing(Addr a);

/* The live block containing a, or NULL.  Fast enough to call for every
   argument of every boundary call: a range test rejects non-heap values,
   pointers to a block's start cost one hash lookup. */
FC_Block* fc_block_live_containing(Addr a);

/* The live block whose payload, widened by `slack` bytes on each side,
   holds a (the block an access into a redzone was meant for), or NULL. */
FC_Block* fc_block_live_near(Addr a, SizeT slack);

/* The number of blocks allocated so far (an allocation's alloc_seq is
   the value before it). */
ULong fc_blocks_alloc_seq(void);

/* Block b was handed to side `to` by thread tid (at its current stack).
   Only a crossing away from the owner is recorded, and only the first
   until the owner takes it back. */
void fc_block_hand_over(ThreadId tid, FC_Block* b, FC_SideId to);

/* The owner took block b back: it is no longer crossed. */
void fc_block_take_back(FC_Block* b);

/* --- Leak search (fc_leaks.c) --------------------------------------- */
/* Every live block, in no particular order: an array of *n pointers,
   allocated with VG_(malloc) (the caller VG_(free)s it), NULL when there
   is none.  The blocks stay owned by fc_blocks.c and must not be
   changed; the snapshot is valid until the client runs again. */
FC_Block** fc_blocks_live_array(UInt* n);
/* --- end leak search ------------------------------------------------ */

#endif
