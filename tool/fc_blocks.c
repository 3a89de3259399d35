/* fc_blocks.c: the client heap as ffican sees it.

   Owns: the table of live blocks (keyed by payload address), the
   quarantine of released blocks (FIFOs bounded by --freelist-vol), and
   the allocation, release and resize paths every replaced allocator goes
   through.

   Performance: the quarantine is a plain list, not a second hash table.
   It is searched only when a release misses the live table, which
   happens only for a buggy release; keeping a table of ~200,000 released
   blocks up to date on every free cost a quarter of the run time of
   allocation-heavy programs.

   Assumes: the core runs one client thread at a time, so no locking.
   Payloads come from VG_(cli_malloc) in the client arena; a block's
   memory is handed back to the arena only when it leaves quarantine, so
   a quarantined address is never reused.

   Limits: the owner side is the allocating family's language (the
   boundary work will refine it from the calling code).  A mismatched
   release is reported and then carried out, as the native allocator would
   (with Rust's System allocator every family ends in malloc/free).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_poolalloc.h"
#include "pub_tool_oset.h"
#include "pub_tool_replacemalloc.h"
#include "pub_tool_execontext.h"
#include "pub_tool_options.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_stacktrace.h"
#include "fc_blocks.h"
#include "fc_uninit_mem.h"
#include "fc_blocktab.h"
#include "fc_stacks.h"
#include "fc_sides.h"
#include "fc_objects.h"
#include "fc_errors.h"
#include "fc_options.h"
#include "fc_shadow.h"
#include "fc_util.h"

static FC_SideId fc_family_side(FC_Family fam)
{
   switch (fam) {
      case FC_FamMalloc: return FC_SideC;
      case FC_FamNew:
      case FC_FamNewArr: return FC_SideCxx;
      case FC_FamRust:   return FC_SideRust;
      case FC_FamPool:   return FC_SideC;
      default:           tl_assert(0);
   }
}

static FC_Family fc_alloc_family(FC_AllocFn fn)
{
   switch (fn) {
      case FC_AllocNew: case FC_AllocNewAligned:       return FC_FamNew;
      case FC_AllocNewArr: case FC_AllocNewArrAligned: return FC_FamNewArr;
      case FC_AllocRust: case FC_AllocRustZeroed:
      case FC_AllocRustRealloc: case FC_AllocRustInlined: return FC_FamRust;
      case FC_AllocClientBlock: case FC_AllocMempool:  return FC_FamPool;
      default:                                         return FC_FamMalloc;
   }
}

/* ------------------------------------------------------------------ */
/* State                                                               */
/* ------------------------------------------------------------------ */

static PoolAlloc*   fc_block_pool;

/* Index for fc_block_live_containing (see there): live blocks larger than
   FC_PROBE_SPAN, keyed by ~payload; bounds of every payload handed out. */
static OSet* fc_big_blocks;
static Addr  fc_heap_lo = ~(Addr)0;
static Addr  fc_heap_hi = 0;

/* Quarantine: two FIFOs, [0] of big blocks (req_szB at least
   --freelist-big-blocks), [1] of the others; q_head[l] is the oldest
   released block of list l, q_tail[l] the youngest; q_volume is the sum
   of the req_szB of both.  When over --freelist-vol, big blocks leave
   first (as in Memcheck), so that freeing a few big blocks does not flush
   every small one a dangling pointer may still reach; with
   --freelist-big-blocks=0 every block is big: one FIFO. */
static FC_Block* fc_q_head[2];
static FC_Block* fc_q_tail[2];
static Long      fc_q_volume;

/* Blocks allocated so far: each block's alloc_seq. */
static ULong fc_alloc_seq;

ULong fc_blocks_alloc_seq(void)
{
   return fc_alloc_seq;
}

/* Statistics for the heap summary. */
static ULong fc_n_allocs[FC_FamCount];
static ULong fc_n_releases;
static ULong fc_bytes_allocated;

/* The pool's chunks start on a cache line.  Chunks are never given back
   (the pool lives as long as the tool), so the rounding need not be
   undone.  An FC_Block is 48 bytes (fc_owner.h): two of every four
   straddle a line, which costs less than the 16 bytes a block of the
   quarantine's hundreds of thousands that a 64-byte record cost. */
#define FC_BLOCK_LINE 64
#define FC_BLOCK_SZB  48

static void* fc_pool_chunk(const HChar* cc, SizeT n)
{
   Addr p = (Addr)VG_(malloc)(cc, n + FC_BLOCK_LINE);
   return (void*)((p + FC_BLOCK_LINE - 1) & ~(Addr)(FC_BLOCK_LINE - 1));
}

static void fc_pool_chunk_free(void* p)
{
   (void)p;   /* never called: the pool is never deleted */
}

void fc_blocks_init(void)
{
   fc_btab_init();
   tl_assert(sizeof(FC_Block) == FC_BLOCK_SZB);
   fc_block_pool = VG_(newPA)(sizeof(FC_Block), 1000, fc_pool_chunk,
                              "fc.blocks.pool", fc_pool_chunk_free);
   fc_big_blocks = VG_(OSetGen_Create)(0, NULL, VG_(malloc),
                                       "fc.blocks.big", VG_(free));
}

/* ------------------------------------------------------------------ */
/* Allocation                                                          */
/* ------------------------------------------------------------------ */

/* ------------------------------------------------------------------ */
/* Finding the block that contains an address                          */
/* ------------------------------------------------------------------ */

/* Payloads are aligned to at least 16 bytes, so a pointer into the first
   FC_PROBE_SPAN bytes of a block is found by probing the live table at
   16-byte steps back from it.  Blocks larger than that are also kept in
   an ordered set (keyed by ~payload, so that "first key >= ~a" is the
   last block starting at or below a).  fc_heap_lo/hi bound every payload
   ever handed out, so most non-pointers cost one comparison. */
#define FC_PROBE_SPAN 1024


static void fc_index_add(const FC_Block* b)
{
   Addr p = b->tag.payload;
   if (p < fc_heap_lo)
      fc_heap_lo = p;
   if (p + b->tag.req_szB + 1 > fc_heap_hi)
      fc_heap_hi = p + b->tag.req_szB + 1;
   if (b->tag.req_szB > FC_PROBE_SPAN) {
      UWord* node = VG_(OSetGen_AllocNode)(fc_big_blocks, sizeof(UWord));
      *node = ~p;
      VG_(OSetGen_Insert)(fc_big_blocks, node);
   }
}

static void fc_index_remove(const FC_Block* b)
{
   if (b->tag.req_szB > FC_PROBE_SPAN) {
      UWord key = ~b->tag.payload;
      void* node = VG_(OSetGen_Remove)(fc_big_blocks, &key);
      tl_assert(node != NULL);
      VG_(OSetGen_FreeNode)(fc_big_blocks, node);
   }
}

static Bool fc_block_holds(const FC_Block* b, Addr a)
{
   Addr start = b->tag.payload;
   return a >= start && a < start + (b->tag.req_szB ? b->tag.req_szB : 1);
}

FC_Block* fc_block_live_containing(Addr a)
{
   if (a < fc_heap_lo || a >= fc_heap_hi)
      return NULL;
   Addr start = a & ~(Addr)15;
   for (Addr p = start; p + FC_PROBE_SPAN > start && p >= fc_heap_lo;
        p -= 16) {
      FC_Block* b = fc_btab_lookup(p);
      if (b != NULL)   /* blocks do not overlap: nothing below holds a */
         return fc_block_holds(b, a) ? b : NULL;
   }
   UWord key = ~a;
   VG_(OSetGen_ResetIterAt)(fc_big_blocks, &key);
   const UWord* found = VG_(OSetGen_Next)(fc_big_blocks);
   if (found == NULL)
      return NULL;
   FC_Block* big = fc_btab_lookup(~*found);
   return big != NULL && fc_block_holds(big, a) ? big : NULL;
}

FC_Block* fc_block_live_near(Addr a, SizeT slack)
{
   FC_Block* b = fc_block_live_containing(a);
   if (b != NULL)
      return b;
   /* Just after a block: its payload starts at most span+slack below. */
   for (SizeT d = 1; d <= slack; d++) {
      b = fc_block_live_containing(a - d);
      if (b != NULL)
         return b;
   }
   for (SizeT d = 1; d <= slack; d++) {   /* just before one */
      b = fc_block_live_containing(a + d);
      if (b != NULL)
         return b;
   }
   return NULL;
}

/* ------------------------------------------------------------------ */
/* Crossings                                                           */
/* ------------------------------------------------------------------ */

void fc_block_hand_over(ThreadId tid, FC_Block* b, FC_SideId to,
                        FC_CrossHow how)
{
   if (to == b->tag.owner_side || to == FC_SideSystem
       || b->tag.crossed_to != FC_SideNone)
      return;
   b->tag.crossed_to = to;
   b->tag.cross_how = how;
   b->tag.cross_ecu = fc_ecu_keep(fc_stack_here(tid));
}

void fc_block_take_back(FC_Block* b)
{
   b->tag.crossed_to = FC_SideNone;
   b->tag.cross_ecu = 0;
}

/* The payload becomes accessible, the arena's redzones around it (rz
   bytes before, and the slack up to the usable size plus rz after, up to
   end) inaccessible. */
static void fc_mark_new_block(Addr p, SizeT szB, SizeT rz, Addr end)
{
   fc_shadow_make_noaccess(p - rz, rz, FC_SH_REDZONE);
   fc_shadow_make_accessible(p, szB);
   fc_shadow_make_noaccess(p + szB, end - (p + szB), FC_SH_REDZONE);
}

/* A block's record, by the time it is released, is nearly always a cache
   miss.  Its address is left as a hint in the redzone just before the
   payload (the arena's, which nothing else uses while the block is
   allocated; only an underflow could overwrite it, and that is reported),
   and a release starts loading it while the stack is unwound.  A hint is
   only ever prefetched, never trusted: the live table stays the truth. */
#define FC_HINT_SZB 16

static void fc_prefetch_hint(Addr p)
{
   if ((p & 15) == 0 && p >= FC_HINT_SZB
       && fc_shadow_abyte(p - FC_HINT_SZB) == FC_SH_REDZONE)
      __builtin_prefetch(*(void* const*)(p - FC_HINT_SZB));
}

/* Zeroes a calloc'd block.  Writing zeros over a big one gives every page
   of it memory (calloc(1, 8 GiB) cost 8 GB and most of its time), so the
   whole pages of a big block are handed back to the kernel instead,
   which maps zeros on the next touch; only the partial pages at the ends
   are written. */
#define FC_ZERO_DISCARD_MIN ((SizeT)1 << 20)
#define FC_PAGE_SZB         ((Addr)4096)

static void fc_zero_fill(Addr p, SizeT szB)
{
   Addr lo = (p + FC_PAGE_SZB - 1) & ~(FC_PAGE_SZB - 1);
   Addr hi = (p + szB) & ~(FC_PAGE_SZB - 1);
   if (szB < FC_ZERO_DISCARD_MIN || !fc_discard_client_pages(lo, hi - lo)) {
      VG_(memset)((void*)p, 0, szB);
      return;
   }
   VG_(memset)((void*)p, 0, lo - p);
   VG_(memset)((void*)hi, 0, p + szB - hi);
}

/* VG_(cli_malloc) needs a power of two >= the minimum alignment. */
static SizeT fc_arena_align(SizeT align)
{
   SizeT a = VG_(clo_alignment);
   while (a < align)
      a <<= 1;
   return a;
}

/* What the malloc-family call at the top of ec is (fc_objects.c):
   Rust's default allocator inlined by LTO, unsure, or a malloc. */
static FC_SiteKind fc_site_of(ExeContext* ec, Bool release)
{
   if (!fc_objects_lto_sites_seen || VG_(get_ExeContext_n_ips)(ec) < 2)
      return FC_SiteMalloc;
   /* frame 1 is the return address minus one (inside the call) */
   return fc_objects_alloc_site(VG_(get_ExeContext_StackTrace)(ec)[1] + 1,
                                release);
}

static FC_Block* fc_new_block(ThreadId tid, Addr p, SizeT szB, SizeT align,
                              FC_AllocFn fn, FC_Family fam)
{
   FC_Block* b = VG_(allocEltPA)(fc_block_pool);
   VG_(memset)(b, 0, sizeof *b);
   b->tag.payload     = p;
   b->tag.req_szB     = szB;
   b->tag.align_log2p1 = 0;   /* align: 0 or a power of two */
   while (align != 0 && ((SizeT)1 << b->tag.align_log2p1) <= align)
      b->tag.align_log2p1++;
   ExeContext* ec     = fc_stack_here(tid);
   b->tag.alloc_ecu   = fc_ecu_keep(ec);
   if (fam == FC_FamMalloc) {
      FC_SiteKind site = fc_site_of(ec, fn == FC_AllocRealloc);
      if (site == FC_SiteRust) {
         fam = FC_FamRust;
         fn = FC_AllocRustInlined;
         align = 0;   /* the Layout's alignment is not known */
         b->tag.align_log2p1 = 0;
      }
      b->tag.site_unsure = site == FC_SiteUnsure;
   }
   b->tag.alloc_fn    = fn;
   b->tag.alloc_seq   = fc_alloc_seq++;
   b->tag.family      = fam;
   b->tag.owner_side  = fc_side_of_stack(ec);
   b->tag.crossed_to  = FC_SideNone;
   if (b->tag.owner_side == FC_SideSystem)   /* only runtime code on the */
      b->tag.owner_side = fc_family_side(fam); /* stack: the API's language */
   fc_btab_add(b);
   fc_index_add(b);
   fc_n_allocs[fam]++;
   fc_bytes_allocated += szB;
   if (fc_clo_trace_blocks)
      VG_(umsg)("ffican: %s(%lu, align %lu) = %#lx\n",
                fc_alloc_fn_name(fn), szB, align, p);
   return b;
}

/* Alignments above what the arena serves (VG_(arena_memalign) panics
   past 16 MiB; glibc serves any power of two).  Such a block is carved
   out of a larger arena block: its payload is the first aligned address
   inside, the bytes before it are redzone.  The arena block's start is
   kept here, keyed by payload, for the release (rare: a plain set).
   Only FC_OVER_ALIGNED_RZ bytes on each side are marked as redzone: the
   unused part of the arena block can be as large as the alignment, and
   its shadow would cost a quarter of that (a 1 GiB alignment: 256 MiB);
   farther accesses are left to whatever the shadow said before. */
#define FC_ARENA_MAX_ALIGN ((SizeT)16 * 1024 * 1024)
#define FC_OVER_ALIGNED_RZ ((SizeT)1024 * 1024)

typedef struct { Addr payload; Addr base; } FC_OverAligned;
static OSet* fc_over_aligned;

static void* fc_over_aligned_alloc(SizeT szB, SizeT align, Bool zeroed)
{
   if (align >> 46 != 0)
      return NULL;   /* more than the address space: fail natively */
   Addr base = (Addr)VG_(cli_malloc)(VG_(clo_alignment), szB + align);
   if (base == 0)
      return NULL;
   Addr p = (base + align - 1) & ~(Addr)(align - 1);
   if (zeroed)
      fc_zero_fill(p, szB);
   SizeT rz = VG_(malloc_effective_client_redzone_size)();
   Addr end = base + VG_(cli_malloc_usable_size)((void*)base) + rz;
   SizeT before = p - base + rz;
   if (before > FC_OVER_ALIGNED_RZ)
      before = FC_OVER_ALIGNED_RZ;
   if (end - (p + szB) > FC_OVER_ALIGNED_RZ)
      end = p + szB + FC_OVER_ALIGNED_RZ;
   fc_mark_new_block(p, szB, before, end);
   fc_uninit_mem_on_mark(p, szB, zeroed);
   SizeT tail = end - (p + szB) < 32 ? end - (p + szB) : 32;
   fc_uninit_mem_on_mark(p + szB, tail, True);   /* as on_new_block */
   if (fc_over_aligned == NULL)
      fc_over_aligned = VG_(OSetGen_Create)(0, NULL, VG_(malloc),
                                            "fc.blocks.overaligned",
                                            VG_(free));
   FC_OverAligned* n = VG_(OSetGen_AllocNode)(fc_over_aligned, sizeof *n);
   n->payload = p;
   n->base = base;
   VG_(OSetGen_Insert)(fc_over_aligned, n);
   return (void*)p;
}

/* Hands a block's memory back to the arena. */
static void fc_arena_free(const FC_Block* b)
{
   Addr p = b->tag.payload;
   if (fc_tag_align(&b->tag) > FC_ARENA_MAX_ALIGN) {
      FC_OverAligned* n = VG_(OSetGen_Remove)(fc_over_aligned, &p);
      tl_assert(n != NULL);
      p = n->base;
      VG_(OSetGen_FreeNode)(fc_over_aligned, n);
   }
   VG_(cli_free)((void*)p);
}

static void* fc_arena_alloc(SizeT szB, SizeT align, Bool zeroed)
{
   if (align > FC_ARENA_MAX_ALIGN)
      return fc_over_aligned_alloc(szB, align, zeroed);
   void* p = VG_(cli_malloc)(fc_arena_align(align), szB);
   if (p == NULL)
      return NULL;
   fc_btab_prefetch((Addr)p);   /* loads while the shadow is marked and
                                   the stack unwound */
   if (zeroed)
      fc_zero_fill((Addr)p, szB);
   else if (fc_clo_malloc_fill >= 0)   /* still uninitialised for us */
      VG_(memset)(p, fc_clo_malloc_fill, szB);
   SizeT rz = VG_(malloc_effective_client_redzone_size)();
   Addr end = (Addr)p + VG_(cli_malloc_usable_size)(p) + rz;
   if (!fc_shadow_new_block_fast((Addr)p, szB, rz, end,
                                 fc_clo_track_uninit && !zeroed)) {
      fc_mark_new_block((Addr)p, szB, rz, end);
      fc_uninit_mem_on_new_block((Addr)p, szB, rz, zeroed);
   }
   return p;
}

void* fc_block_alloc(ThreadId tid, SizeT szB, SizeT align, FC_AllocFn fn,
                     Bool zeroed)
{
   if (align != 0 && (align & (align - 1)) != 0)
      return NULL;   /* not a power of two: no allocator could satisfy it */
   if (szB >> 47 != 0)
      return NULL;   /* absurd size (past the user address space): fail
                        like the native allocator; FC_Tag keeps 48 bits */
   void* p = fc_arena_alloc(szB, align, zeroed);
   if (p == NULL)
      return NULL;
   SizeT rz = VG_(malloc_effective_client_redzone_size)();
   FC_Block* b = fc_new_block(tid, (Addr)p, szB, align, fn,
                              fc_alloc_family(fn));
   if (rz >= FC_HINT_SZB)
      *(FC_Block**)((Addr)p - FC_HINT_SZB) = b;
   return p;
}

/* ------------------------------------------------------------------ */
/* Quarantine                                                          */
/* ------------------------------------------------------------------ */

/* The oldest blocks are cold by the time they leave.  Each eviction
   asks for what the next ones will touch: the arena header before the
   next block's payload (VG_(cli_free) reads it and its neighbours'), and
   the record of the one after (whose own line was asked for one eviction
   earlier, so reading it here does not stall). */
static void fc_quarantine_prefetch(Int l)
{
   FC_Block* next = fc_q_head[l];
   if (next == NULL)
      return;
   __builtin_prefetch((const void*)(next->tag.payload - 32));
   if (next->q_next != NULL)
      __builtin_prefetch(next->q_next);
}

static void fc_quarantine_evict_oldest(Int l)
{
   FC_Block* old = fc_q_head[l];
   tl_assert(old != NULL);
   fc_q_head[l] = old->q_next;
   if (fc_q_head[l] == NULL)
      fc_q_tail[l] = NULL;
   fc_quarantine_prefetch(l);
   fc_q_volume -= old->tag.req_szB;
   if (old->tag.family != FC_FamPool)   /* the program's own memory */
      fc_arena_free(old);
   VG_(freeEltPA)(fc_block_pool, old);
}

/* b has just left the live table, released at free_ec: mark it released
   and hold it. */
static void fc_quarantine_add(FC_Block* b, FC_ReleaseFn how,
                              ExeContext* free_ec)
{
   if (fc_clo_free_fill >= 0 && b->tag.family != FC_FamPool)
      VG_(memset)((void*)b->tag.payload, fc_clo_free_fill, b->tag.req_szB);
   if (b->tag.family == FC_FamPool)   /* the program's memory: exact */
      fc_shadow_mark_exact(b->tag.payload, b->tag.req_szB, FC_SH_FREED);
   else
      fc_shadow_make_noaccess(b->tag.payload, b->tag.req_szB, FC_SH_FREED);
   b->tag.free_ecu = fc_ecu_keep(free_ec);
   b->tag.free_fn  = how;
   b->tag.free_side = fc_side_of_stack(free_ec);
   Int l = (Long)b->tag.req_szB >= fc_clo_freelist_big_blocks ? 0 : 1;
   if (fc_q_tail[l] == NULL) {
      b->q_next = NULL;
      fc_q_head[l] = fc_q_tail[l] = b;
   } else if ((Long)b->tag.req_szB >= fc_clo_freelist_vol) {
      b->q_next = fc_q_head[l];   /* leaves at once: first in line */
      fc_q_head[l] = b;
   } else {
      b->q_next = NULL;
      fc_q_tail[l]->q_next = b;
      fc_q_tail[l] = b;
   }
   fc_q_volume += b->tag.req_szB;
   fc_n_releases++;
   for (l = 0; l < 2; l++)
      while (fc_q_volume > fc_clo_freelist_vol && fc_q_head[l] != NULL)
         fc_quarantine_evict_oldest(l);
}

/* ------------------------------------------------------------------ */
/* Release                                                             */
/* ------------------------------------------------------------------ */

static SizeT fc_max16(SizeT a)
{
   return a < 16 ? 16 : a;
}

/* Does the layout passed by `how` differ from the block's?  Only Rust's
   deallocators and sized delete pass one; given_align 0 = none passed. */
static Bool fc_layout_differs(const FC_Tag* t, FC_ReleaseFn how,
                              SizeT given_szB, SizeT given_align)
{
   if (!fc_clo_check_layout)
      return False;
   switch (how) {
      case FC_RelRustDealloc:
      case FC_RelRustRealloc:
         if (t->alloc_fn == FC_AllocRustInlined)
            return given_szB != t->req_szB;   /* its alignment is unknown */
         return given_szB != t->req_szB || given_align != fc_tag_align(t);
      case FC_RelDeleteSized:
      case FC_RelDeleteArrSized:
         /* Valgrind's aligned operator new raises alignments below 16 to
            16 before ffican sees them: compare from 16 up. */
         return given_szB != t->req_szB
                || (given_align != 0
                    && fc_max16(given_align) != fc_max16(fc_tag_align(t)));
      default:
         return False;
   }
}

/* Checks a release of live block b by `how`; records what is wrong. */
/* Is the function containing ip a C++ operator new or delete (by its
   mangled name: _Znwm..., _Znam..., _ZdlPv..., _ZdaPv...)? */
static Bool fc_is_cxx_allocator_fn(Addr ip)
{
   const HChar* raw;
   if (!VG_(get_fnname_raw)(VG_(current_DiEpoch)(), ip, &raw))
      return False;
   return VG_(strncmp)(raw, "_Znwm", 5) == 0
       || VG_(strncmp)(raw, "_Znam", 5) == 0
       || VG_(strncmp)(raw, "_ZdlPv", 6) == 0
       || VG_(strncmp)(raw, "_ZdaPv", 6) == 0;
}

/* A program (or a library inside it) may define its own operator new and
   delete on top of malloc and free; ffican then sees malloc/free where
   the code says new/delete.  A C++-versus-malloc mismatch is excused
   when the malloc-family side of it came through such an operator: the
   allocation's or the release's caller is one.  Only looked at when a
   mismatch is found, so it costs nothing otherwise. */
static Bool fc_cxx_wrapper_mismatch(ThreadId tid, const FC_Block* b,
                                    FC_ReleaseFn how)
{
   FC_Family rel = fc_release_family(how);
   Bool new_fam = b->tag.family == FC_FamNew || b->tag.family == FC_FamNewArr;
   Bool new_rel = rel == FC_FamNew || rel == FC_FamNewArr;
   if (b->tag.family == FC_FamMalloc && new_rel) {
      ExeContext* ec = fc_tag_alloc_ec(&b->tag);
      if (VG_(get_ExeContext_n_ips)(ec) < 2)
         return False;
      return fc_is_cxx_allocator_fn(VG_(get_ExeContext_StackTrace)(ec)[1] - 1);
   }
   if (new_fam && rel == FC_FamMalloc) {
      Addr ips[2];
      if (VG_(get_StackTrace)(tid, ips, 2, NULL, NULL, 0) < 2)
         return False;
      return fc_is_cxx_allocator_fn(ips[1] - 1);
   }
   return False;
}

/* Memcheck's "mismatched free": malloc, new and new[] mixed, which
   --show-mismatched-frees=no hides (mixes with Rust's allocator are
   ffican's own and always shown). */
static Bool fc_is_memcheck_mismatch(FC_Family a, FC_Family b)
{
   return (a == FC_FamMalloc || a == FC_FamNew || a == FC_FamNewArr)
       && (b == FC_FamMalloc || b == FC_FamNew || b == FC_FamNewArr);
}

/* A free() or realloc() whose call, or the block's allocation, may be
   Rust's allocator inlined by LTO or not (fc_allocsite.c): Rust's family
   and malloc's are both accepted. */
static Bool fc_unsure_match(const FC_Block* b, FC_Family rel, Bool unsure)
{
   Bool either = (rel == FC_FamMalloc || rel == FC_FamRust)
                 && (b->tag.family == FC_FamMalloc
                     || b->tag.family == FC_FamRust);
   return either && (unsure || b->tag.site_unsure);
}

/* A release by free() or realloc() (*how) at the top of ec: made Rust's
   if its inlined callers say it is Rust's default allocator; *unsure
   if they cannot tell. */
static void fc_site_release(ExeContext* ec, FC_ReleaseFn* how, Bool* unsure)
{
   *unsure = False;
   if (*how != FC_RelFree && *how != FC_RelRealloc)
      return;
   FC_SiteKind site = fc_site_of(ec, True);
   if (site == FC_SiteRust)
      *how = *how == FC_RelFree ? FC_RelRustInlined
                                : FC_RelRustInlinedRealloc;
   *unsure = site == FC_SiteUnsure;
}

static void fc_check_release(ThreadId tid, const FC_Block* b,
                             FC_ReleaseFn how, SizeT given_szB,
                             SizeT given_align, Bool unsure)
{
   FC_Family rel = fc_release_family(how);
   if (fc_unsure_match(b, rel, unsure))
      return;
   if (rel != b->tag.family) {
      if (!fc_clo_show_mismatched_frees
          && fc_is_memcheck_mismatch(rel, b->tag.family))
         return;
      if (!fc_cxx_wrapper_mismatch(tid, b, how))
         fc_record_foreign_free(tid, &b->tag, how);
   }
   else if (fc_layout_differs(&b->tag, how, given_szB, given_align))
      fc_record_layout_mismatch(tid, &b->tag, how, given_szB, given_align);
}

/* The quarantined block starting at p, or NULL.  Slow; see the top. */
static FC_Block* fc_quarantine_find(Addr p)
{
   FC_Block* found = NULL;
   for (Int l = 0; l < 2; l++)
      for (FC_Block* b = fc_q_head[l]; b != NULL; b = b->q_next)
         if (b->tag.payload == p)
            found = b;   /* keep the youngest (of the small ones) */
   return found;
}

/* A release of an address with no live block: double or invalid. */
static void fc_bad_release(ThreadId tid, Addr p, FC_ReleaseFn how)
{
   FC_Block* old = fc_quarantine_find(p);
   if (old != NULL) {
      fc_record_double_free(tid, &old->tag, how);
   } else {
      const FC_Block* in = fc_block_containing(p);
      fc_record_invalid_free(tid, p, how, in != NULL ? &in->tag : NULL);
   }
}

void fc_block_release(ThreadId tid, Addr p, FC_ReleaseFn how,
                      SizeT given_szB, SizeT given_align)
{
   if (fc_clo_trace_blocks)
      VG_(umsg)("ffican: %s %#lx\n", fc_release_fn_name(how), p);
   if (p == 0)
      return;
   /* The table's bucket is nearly always a cache miss: it loads while
      the stack is unwound (not needed if p is no block: no matter). */
   fc_btab_prefetch(p);
   fc_prefetch_hint(p);
   ExeContext* free_ec = fc_stack_here(tid);
   Bool unsure;
   fc_site_release(free_ec, &how, &unsure);
   FC_Block* b = fc_btab_remove(p);
   if (b == NULL) {
      fc_bad_release(tid, p, how);
      return;
   }
   fc_check_release(tid, b, how, given_szB, given_align, unsure);
   fc_index_remove(b);
   fc_quarantine_add(b, how, free_ec);
}

/* ------------------------------------------------------------------ */
/* Resize                                                              */
/* ------------------------------------------------------------------ */

void* fc_block_resize(ThreadId tid, Addr p, SizeT new_szB, FC_ReleaseFn how,
                      SizeT given_old_szB, SizeT given_align)
{
   Bool rust = how == FC_RelRustRealloc;
   if (p == 0)   /* realloc(NULL, n) is malloc(n) */
      return fc_block_alloc(tid, new_szB, 0, FC_AllocRealloc, False);

   FC_Block* b = fc_btab_lookup(p);
   if (b == NULL) {
      fc_bad_release(tid, p, how);
      return NULL;
   }
   if (new_szB == 0 && !rust) {   /* glibc: realloc(p, 0) frees p */
      fc_block_release(tid, p, how, 0, 0);
      return NULL;
   }
   ExeContext* free_ec = fc_stack_here(tid);
   Bool unsure;
   fc_site_release(free_ec, &how, &unsure);
   fc_check_release(tid, b, how, given_old_szB, given_align, unsure);

   /* The new block is what the resizing call made: a C realloc() of a
      Rust buffer yields a malloc-family block, so Rust dropping it later
      is reported too, as it would break under any other allocator. */
   FC_AllocFn fn = rust ? FC_AllocRustRealloc
                 : how == FC_RelReallocarray ? FC_AllocReallocarray
                 : FC_AllocRealloc;
   void* q = fc_block_alloc(tid, new_szB, rust ? given_align : 0, fn, False);
   if (q == NULL)
      return NULL;
   SizeT keep = b->tag.req_szB < new_szB ? b->tag.req_szB : new_szB;
   VG_(memcpy)(q, (void*)p, keep);
   fc_uninit_mem_on_copy(p, (Addr)q, keep);   /* the kept bytes keep their uninit bits */
   FC_Block* removed = fc_btab_remove(p);
   tl_assert(removed == b);
   fc_index_remove(b);
   fc_quarantine_add(b, how, free_ec);
   return q;
}

void fc_block_register_custom(ThreadId tid, Addr p, SizeT szB, SizeT rz,
                              Bool chunk)
{
   if (p == 0)
      return;
   FC_Block* old = fc_btab_lookup(p);
   if (old != NULL) {
      if (old->tag.family != FC_FamPool)
         return;   /* ffican's own block: never take it over */
      fc_block_release(tid, p, FC_RelClientFree, 0, 0);   /* re-declared */
   }
   /* The program's memory, maybe a stack array: exact marks, no byte
      outside the block and its redzones changes. */
   fc_shadow_mark_exact(p - rz, rz, FC_SH_REDZONE);
   fc_shadow_mark_exact(p + szB, rz, FC_SH_REDZONE);
   fc_shadow_mark_exact(p, szB, FC_SH_OK);
   fc_new_block(tid, p, szB, 0, chunk ? FC_AllocMempool : FC_AllocClientBlock,
                FC_FamPool);
}

void fc_block_release_custom(ThreadId tid, Addr p, Bool chunk)
{
   fc_block_release(tid, p, chunk ? FC_RelMempoolFree : FC_RelClientFree,
                    0, 0);
}

/* A pool block whose memory went away with its stack frame
   (fc_memcheck_requests.c): it leaves the live table with no error, no
   quarantine and no change to the shadow (the memory is the stack's
   again); *tag gets what it was.  False if p is no live pool block. */
Bool fc_block_forget_custom(Addr p, FC_Tag* tag)
{
   FC_Block* b = fc_btab_lookup(p);
   if (b == NULL || b->tag.family != FC_FamPool)
      return False;
   FC_Block* removed = fc_btab_remove(p);
   tl_assert(removed == b);
   fc_index_remove(b);
   *tag = b->tag;
   VG_(freeEltPA)(fc_block_pool, b);
   return True;
}

SizeT fc_block_usable_size(Addr p)
{
   FC_Block* b = fc_btab_lookup(p);
   return b ? b->tag.req_szB : 0;
}

/* ------------------------------------------------------------------ */
/* Describing addresses                                                */
/* ------------------------------------------------------------------ */

const FC_Block* fc_block_containing(Addr a)
{
   FC_BtabIter it;
   for (FC_Block* b = fc_btab_first(&it); b != NULL; b = fc_btab_next(&it))
      if (fc_block_holds(b, a))
         return b;
   const FC_Block* found = NULL;
   for (Int l = 0; l < 2; l++)
      for (FC_Block* b = fc_q_head[l]; b != NULL; b = b->q_next)
         if (fc_block_holds(b, a))
            found = b;   /* keep the youngest (of the small ones) */
   return found;
}

/* ------------------------------------------------------------------ */
/* Summary                                                             */
/* ------------------------------------------------------------------ */

void fc_blocks_fini(void)
{
   ULong n_live = 0, live_bytes = 0, total = 0;
   FC_BtabIter it;
   for (FC_Block* b = fc_btab_first(&it); b != NULL; b = fc_btab_next(&it)) {
      n_live++;
      live_bytes += b->tag.req_szB;
   }
   for (Int f = 0; f < FC_FamCount; f++)
      total += fc_n_allocs[f];
   if (VG_(clo_verbosity) == 0 || VG_(clo_xml))
      return;
   VG_(umsg)("HEAP SUMMARY:\n");
   VG_(umsg)("    in use at exit: %'llu bytes in %'llu blocks\n",
             live_bytes, n_live);
   HChar pool[48] = "";
   if (fc_n_allocs[FC_FamPool] != 0)
      VG_(snprintf)(pool, sizeof pool, ", %'llu pool",
                    fc_n_allocs[FC_FamPool]);
   VG_(umsg)("  total heap usage: %'llu allocs (%'llu Rust, %'llu C, "
             "%'llu C++%s), %'llu frees, %'llu bytes allocated\n",
             total, fc_n_allocs[FC_FamRust], fc_n_allocs[FC_FamMalloc],
             fc_n_allocs[FC_FamNew] + fc_n_allocs[FC_FamNewArr], pool,
             fc_n_releases, fc_bytes_allocated);
   VG_(umsg)("\n");
}

/* ------------------------------------------------------------------ */
/* Leak search (fc_leaks.c): a snapshot of the live blocks             */
/* ------------------------------------------------------------------ */

FC_Block** fc_blocks_live_array(UInt* n)
{
   return fc_btab_to_array(n);
}
