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
#include "fc_owner.h"

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
/* The pool block at p leaves silently (its stack frame died): no error,
   no quarantine, no shadow change; *tag is what it was.  False if none. */
Bool fc_block_forget_custom(Addr p, FC_Tag* tag);

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

/* Block b was handed to side `to` by thread tid (at its current stack),
   in the way `how` says.  Only a crossing away from the owner is
   recorded, and only the first until the owner takes it back. */
void fc_block_hand_over(ThreadId tid, FC_Block* b, FC_SideId to,
                        FC_CrossHow how);

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
