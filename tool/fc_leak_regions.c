/* fc_leak_regions.c: the program's own blocks that ffican does not
   follow as blocks, kept so that the leak search still searches them.

   fc_memcheck_requests.c makes a declared block (VALGRIND_MALLOCLIKE_BLOCK,
   a mempool chunk) a "region", checked for addressability only, when it
   cannot be an ffican block: inside a block ffican allocated (a pool
   carved from a malloc()'d superblock), not on a 16-byte boundary, or a
   metapool's chunk.  Memcheck's leak search still takes such blocks as
   blocks, and drops a malloc()'d block that holds any of them (its
   memory is the pool's).  This module keeps one FC_Block record per
   live region (payload, size, allocation stack and owner side, as
   fc_blocks.c would make) for fc_leaks.c, which merges them with the
   live blocks and, where two overlap, keeps the inner one.

   It also keeps the blocks lost with their stack frame: a block or
   region declared in a thread's stack and not released when the frame
   holding it died (fc_memcheck_requests.c drops it from the live
   tables then).  Memcheck keeps such a block for ever and its leak
   search reports it (origin1-yes); so does ffican's, from these
   records, which stay until the program releases the address
   (fc_leak_region_lost_take) or exits.  Two of them with the same
   extent (a frame that declares and returns, called again) are one in
   the search, which keeps no two blocks overlapping (Memcheck aborts
   its search on them).

   Nothing here touches client memory or the shadow.  Cost: an ordered
   set insert or remove per region declared or released.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_execontext.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_oset.h"
#include "fc_leak_regions.h"
#include "fc_sides.h"

typedef struct {
   Addr     key;   /* b.tag.payload */
   FC_Block b;
} FC_LeakRegion;

static OSet* fc_lreg;   /* FC_LeakRegion, by key */
static OSet* fc_lost;   /* FC_LeakRegion lost with its frame, by a
                           sequence number (several may share an address) */
static Addr  fc_lost_seq;

static void fc_lreg_init(void)
{
   if (fc_lreg == NULL) {
      fc_lreg = VG_(OSetGen_Create)(offsetof(FC_LeakRegion, key), NULL,
                                    VG_(malloc), "fc.lreg", VG_(free));
      fc_lost = VG_(OSetGen_Create)(offsetof(FC_LeakRegion, key), NULL,
                                    VG_(malloc), "fc.lreg.lost", VG_(free));
   }
}

void fc_leak_region_drop(Addr p)
{
   fc_lreg_init();
   FC_LeakRegion* r = VG_(OSetGen_Remove)(fc_lreg, &p);
   if (r != NULL)
      VG_(OSetGen_FreeNode)(fc_lreg, r);
}

void fc_leak_region_add(ThreadId tid, Addr p, SizeT szB, Bool chunk)
{
   fc_leak_region_drop(p);
   FC_LeakRegion* r = VG_(OSetGen_AllocNode)(fc_lreg, sizeof *r);
   VG_(memset)(r, 0, sizeof *r);
   r->key = p;
   FC_Block* b = &r->b;
   b->tag.payload    = p;
   b->tag.req_szB    = szB;
   ExeContext* ec    = VG_(record_ExeContext)(tid, 0);
   b->tag.alloc_ecu  = fc_ecu_keep(ec);
   b->tag.alloc_fn   = chunk ? FC_AllocMempool : FC_AllocClientBlock;
   b->tag.family     = FC_FamPool;
   b->tag.owner_side = fc_side_of_stack(ec);
   if (b->tag.owner_side == FC_SideSystem)
      b->tag.owner_side = FC_SideC;   /* as fc_blocks.c's pool blocks */
   b->tag.crossed_to = FC_SideNone;
   VG_(OSetGen_Insert)(fc_lreg, r);
}

void fc_leak_region_resize(Addr p, SizeT newB)
{
   fc_lreg_init();
   FC_LeakRegion* r = VG_(OSetGen_Lookup)(fc_lreg, &p);
   if (r != NULL)
      r->b.tag.req_szB = newB;
}

void fc_leak_region_lost(const FC_Tag* t)
{
   fc_lreg_init();
   FC_LeakRegion* r = VG_(OSetGen_AllocNode)(fc_lost, sizeof *r);
   VG_(memset)(r, 0, sizeof *r);
   r->key = fc_lost_seq++;
   r->b.tag = *t;
   VG_(OSetGen_Insert)(fc_lost, r);
}

Bool fc_leak_region_to_lost(Addr p)
{
   fc_lreg_init();
   FC_LeakRegion* r = VG_(OSetGen_Lookup)(fc_lreg, &p);
   if (r == NULL)
      return False;
   fc_leak_region_lost(&r->b.tag);
   fc_leak_region_drop(p);
   return True;
}

Bool fc_leak_region_lost_take(Addr p)
{
   fc_lreg_init();
   FC_LeakRegion* r;
   FC_LeakRegion* last = NULL;   /* the youngest one at p */
   VG_(OSetGen_ResetIter)(fc_lost);
   while ((r = VG_(OSetGen_Next)(fc_lost)) != NULL)
      if (r->b.tag.payload == p)
         last = r;
   if (last == NULL)
      return False;
   Addr key = last->key;
   VG_(OSetGen_FreeNode)(fc_lost, VG_(OSetGen_Remove)(fc_lost, &key));
   return True;
}

/* Appends the records of set to all[*i ...]. */
static void fc_lreg_collect(OSet* set, FC_Block** all, UInt* i)
{
   FC_LeakRegion* r;
   VG_(OSetGen_ResetIter)(set);
   while ((r = VG_(OSetGen_Next)(set)) != NULL)
      all[(*i)++] = &r->b;
}

FC_Block** fc_leak_regions_array(UInt* n)
{
   fc_lreg_init();
   *n = VG_(OSetGen_Size)(fc_lreg) + VG_(OSetGen_Size)(fc_lost);
   if (*n == 0)
      return NULL;
   FC_Block** all = VG_(malloc)("fc.lreg.array", *n * sizeof *all);
   UInt i = 0;
   fc_lreg_collect(fc_lreg, all, &i);
   fc_lreg_collect(fc_lost, all, &i);
   tl_assert(i == *n);
   return all;
}
