/* fc_memcheck_requests.c: Valgrind's heap and memory client requests, as real
   programs make them for Memcheck.

   Owns: the answers to the core's custom-allocator requests
   (VALGRIND_MALLOCLIKE_BLOCK, _FREELIKE_BLOCK, _RESIZEINPLACE_BLOCK) and
   mempool requests (VALGRIND_CREATE_MEMPOOL ... _MEMPOOL_EXISTS) from
   valgrind.h, and to Memcheck's memory requests from memcheck.h
   (VALGRIND_MAKE_MEM_*, _CHECK_MEM_IS_*, _CREATE_BLOCK/_DISCARD,
   _GET/_SET_VBITS, ...; the leak requests are fc_leaks.c's); the table of
   mempools (anchor -> its chunks); the warnings about bad requests.

   Each piece of memory the program declares (a MALLOCLIKE block, a
   mempool chunk) becomes one of three things (fc_mcreq_classify):
   - a block: an ordinary ffican block of family "pool"
     (fc_block_register_custom / fc_block_release_custom in fc_blocks.c),
     checked, reported, quarantined and leak-searched like any other,
     though its memory is the program's, never ffican's to free;
   - a region: addressability only (accessible while declared, its
     redzones and, once released, itself marked NOACCESS), when it cannot
     be a block: inside a block ffican allocated (a pool carved from a
     malloc()'d superblock) or a plain pool's chunk, not on a 16-byte
     boundary, or a metapool's chunk (the MALLOCLIKE blocks inside it
     are the blocks); fc_leak_regions.c keeps them for the leak search.  fc_blocks.c
     and fc_leaks.c assume that blocks never overlap and start on 16-byte
     boundaries, as those ffican allocates do;
   - nothing, after a warning: an impossible or unmapped range, one on
     the declaring thread's stack without --track-uninit (ffican then
     does not follow the stack pointer, so marks would outlive the
     frame), in the heap's free memory (malloc() may hand it out), or
     overlapping another pool block.  Its later release is ignored
     silently.
   A block or region in the declaring thread's stack is followed until
   its frame dies, then dropped and kept as lost for the leak search
   (see "Declarations on a thread's stack").
   This module keeps its own exact, ordered index of the blocks it
   declared (fc_block_live_containing only finds 16-byte aligned starts),
   the non-block declarations, and the mempools (anchor -> chunks).
   Addressability goes to fc_shadow.c through fc_mcreq_mark_*
   (fc_mcreq_ranges.c), exact to the byte; a failed
   CHECK_MEM_IS_ADDRESSABLE is reported through fc_record_bad_access.

   Assumes: one client thread runs at a time; every argument is a client
   value that may be wrong.  Nothing here reads or writes client memory
   (is_zeroed is taken on trust), and nothing crashes on bad input: a
   request naming an unknown pool, a chunk not in its pool, an impossible
   range... warns once per stack and problem (Vg_UserMsg, with the stack)
   and does nothing.  A FREELIKE of an address that is no block is an
   InvalidFree (or a DoubleFree), as a free() of it would be; so are a
   RESIZEINPLACE of no block and a MEMPOOL_FREE that frees nothing
   (Memcheck's InvalidMemPool).

   Limits (docs/memcheck-requests.md has the whole table):
   - uninit bits (with --track-uninit): MAKE_MEM_UNDEFINED and _DEFINED
     make memory accessible and set its uninit bits, _DEFINED_IF_ADDRESSABLE
     defines its accessible bytes, CHECK_MEM_IS_DEFINED checks both;
     GET/SET_VBITS copy the bits (fc_vbits.c); blocks declared with
     MALLOCLIKE or a mempool keep the uninit bits their memory had;
   - resizing a block (RESIZEINPLACE, MEMPOOL_CHANGE, a partial
     MEMPOOL_TRIM) releases it and declares it anew: its allocation stack
     becomes the request's and it forgets a crossing;
   - regions are reported as memory "marked inaccessible by the
     program", without a block's stacks;
   - NOACCESS is applied to the requesting thread's stack only with
     --track-uninit (see above), never to another thread's;
   - ENABLE/DISABLE_ADDR_ERROR_REPORTING_IN_RANGE and CREATE_BLOCK's
     descriptions are answered, not acted on.

   Cost: a MALLOCLIKE/FREELIKE is a few hash and ordered-set lookups on
   top of the block's own bookkeeping; range requests touch only mapped
   memory.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "fc_compat.h"        /* first: Valgrind API differences */
#include "pub_tool_basics.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_execontext.h"
#include "pub_tool_hashtable.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_machine.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_options.h"
#include "pub_tool_oset.h"
#include "pub_tool_replacemalloc.h"
#include "pub_tool_transtab.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_clreq.h"
#include "memcheck.h"
#include "fc_blocks.h"
#include "fc_uninit_mem.h"
#include "fc_errors.h"
#include "fc_memcheck_requests.h"
#include "fc_leak_regions.h"
#include "fc_mcreq_ranges.h"
#include "fc_uninit.h"
#include "fc_shadow.h"
#include "fc_vbits.h"
#include "fc_options.h"

/* A redzone larger than this is a wrong argument, not a redzone. */
#define FC_CLIENT_MAX_RZB       ((SizeT)1 << 20)
/* NOACCESS over more mapped memory than this in one request would cost
   an eighth of it in shadow: refused with a warning. */
#define FC_CLIENT_MAX_NOACCESS  ((SizeT)1 << 30)

/* ------------------------------------------------------------------ */
/* State                                                               */
/* ------------------------------------------------------------------ */

/* What ffican made of a declared piece of memory (a MALLOCLIKE block or
   a mempool chunk). */
typedef enum {
   FC_ClientKindNone = 0,   /* refused (a warning said why): nothing follows it */
   FC_ClientKindBlock,      /* an ffican block of family "pool" (fc_blocks.c) */
   FC_ClientKindRegion      /* addressability only, no block: a metapool's
                         chunk, memory inside a block ffican allocated, or
                         not on a 16-byte boundary (see fc_mcreq_classify) */
} FC_ClientKind;

/* A MALLOCLIKE declaration that is not a block (kind None or Region),
   by address.  Blocks are fc_blocks.c's. */
typedef struct {
   Addr  addr;      /* key */
   SizeT szB;
   SizeT rzB;
   UChar kind;      /* FC_ClientKindNone or FC_ClientKindRegion */
} FC_ClientDecl;

/* A chunk of a mempool, in its pool's ordered set. */
typedef struct {
   Addr  addr;      /* key: the chunk's first byte */
   SizeT szB;       /* its size as last declared */
   UChar kind;      /* FC_ClientKind; a Block may have been released meanwhile
                       by other means (free() of it: a ForeignFree) */
} FC_ClientChunk;

typedef struct _FC_ClientPool {
   struct _FC_ClientPool* next;   /* VgHashTable chain */
   UWord     key;           /* the anchor the program names it by */
   SizeT     rzB;           /* redzone on each side of every chunk */
   Bool      metapool;      /* chunks are superblocks holding MALLOCLIKE
                               blocks: regions, never blocks */
   Bool      auto_free;     /* (metapool only) freeing a chunk releases
                               the MALLOCLIKE blocks inside it */
   OSet*     chunks;        /* FC_ClientChunk, by addr; never NULL */
} FC_ClientPool;

/* Which pool each chunk belongs to.  Invariant: a chunk is in
   pool->chunks if and only if its address has a node here naming pool
   (so no address is a chunk of two pools). */
typedef struct _FC_ClientOwner {
   struct _FC_ClientOwner* next;
   UWord     key;           /* the chunk's address */
   FC_ClientPool*  pool;
} FC_ClientOwner;

static VgHashTable* fc_mcreq_pools;    /* FC_ClientPool by anchor */
static VgHashTable* fc_mcreq_owners;   /* FC_ClientOwner by chunk address */
static OSet*        fc_mcreq_decls;    /* FC_ClientDecl by address */

/* Every pool block this module declared, by ~address (so that "the
   last block starting at or below a" is the first key >= ~a).  Exact and
   ordered, where fc_block_live_containing assumes 16-byte aligned
   starts, which the program's allocator need not keep.  Invariant: the
   live ones do not overlap.  A block released by other means (free() of
   it, a ForeignFree) stays here until looked at: fc_mcreq_blk_live drops it
   then. */
typedef struct {
   UWord nkey;      /* ~ the block's address */
   SizeT szB;
   Bool  chunk;     /* a mempool chunk, not a MALLOCLIKE block */
} FC_ClientBlkRec;
static OSet* fc_mcreq_blocks;

/* Every declaration (block, region, chunk) made in the declaring
   thread's own stack, by address, until its frame dies or (if released
   before) until the stack pointer passes it: see "Declarations on a
   thread's stack". */
typedef struct {
   Addr addr;       /* key */
} FC_StackDecl;
static OSet* fc_mcreq_stack;
UWord fc_mcreq_stack_n;   /* its size: the fast test of fc_access.c */

/* CREATE_BLOCK handles given out and not yet discarded. */
static OSet* fc_mcreq_handles;
static UWord fc_mcreq_next_handle;

static void fc_mcreq_init(void)
{
   if (fc_mcreq_pools != NULL)
      return;
   fc_mcreq_pools   = VG_(HT_construct)("fc.mcreq.pools");
   fc_mcreq_owners  = VG_(HT_construct)("fc.mcreq.owners");
   fc_mcreq_decls   = VG_(OSetGen_Create)(offsetof(FC_ClientDecl, addr), NULL,
                                    VG_(malloc), "fc.mcreq.decls", VG_(free));
   fc_mcreq_blocks  = VG_(OSetGen_Create)(offsetof(FC_ClientBlkRec, nkey), NULL,
                                    VG_(malloc), "fc.mcreq.blocks",
                                    VG_(free));
   fc_mcreq_handles = VG_(OSetWord_Create)(VG_(malloc), "fc.mcreq.handles",
                                     VG_(free));
   fc_mcreq_stack   = VG_(OSetGen_Create)(offsetof(FC_StackDecl, addr), NULL,
                                    VG_(malloc), "fc.mcreq.stack",
                                    VG_(free));
}

/* ------------------------------------------------------------------ */
/* Warnings                                                            */
/* ------------------------------------------------------------------ */

/* What was wrong with a request; part of the "already warned" key. */
typedef enum {
   FC_ClientBadRange = 1,   /* impossible or unmapped range, absurd redzone */
   FC_ClientBadNoPool,      /* no pool with that anchor */
   FC_ClientBadNotChunk,    /* address not a chunk of the named pool */
   FC_ClientBadPoolExists,  /* CREATE or MOVE onto an existing anchor */
   FC_ClientBadFlags,       /* AUTO_FREE without METAPOOL */
   FC_ClientBadAgain,       /* declared again while live */
   FC_ClientBadOtherPool,   /* a chunk of another pool, or declared otherwise */
   FC_ClientBadOverlap,     /* overlaps another block of the program's */
   FC_ClientBadNested,      /* inside a block ffican allocated: a region */
   FC_ClientBadUnaligned,   /* not on a 16-byte boundary: a region */
   FC_ClientBadHeap,        /* in the heap's free memory */
   FC_ClientBadNotBlock,    /* RESIZEINPLACE of no declared block */
   FC_ClientBadOldSize,     /* RESIZEINPLACE with a wrong old size */
   FC_ClientBadStack,       /* on a thread's stack */
   FC_ClientBadTooLarge,    /* NOACCESS over too much memory */
   FC_ClientBadUnsupported, /* a request ffican answers but cannot act on */
   FC_ClientBadUnknown,     /* an 'M','C' code memcheck.h does not define */
   FC_ClientBadCount
} FC_ClientBad;
STATIC_ASSERT(FC_ClientBadCount <= 32);   /* five bits of fc_mcreq_warn's key */

/* (ExeContext << 2 | problem) of every warning given: one warning per
   request stack and problem.  ExeContexts are 8-byte aligned, so the
   shifted pointer leaves the low five bits free. */
static OSet* fc_mcreq_warned;

static const HChar* fc_mcreq_req_name(UWord req)
{
   switch (req) {
      case VG_USERREQ__MALLOCLIKE_BLOCK:    return "VALGRIND_MALLOCLIKE_BLOCK";
      case VG_USERREQ__FREELIKE_BLOCK:      return "VALGRIND_FREELIKE_BLOCK";
      case VG_USERREQ__RESIZEINPLACE_BLOCK:
         return "VALGRIND_RESIZEINPLACE_BLOCK";
      case VG_USERREQ__CREATE_MEMPOOL:      return "VALGRIND_CREATE_MEMPOOL";
      case VG_USERREQ__DESTROY_MEMPOOL:     return "VALGRIND_DESTROY_MEMPOOL";
      case VG_USERREQ__MEMPOOL_ALLOC:       return "VALGRIND_MEMPOOL_ALLOC";
      case VG_USERREQ__MEMPOOL_FREE:        return "VALGRIND_MEMPOOL_FREE";
      case VG_USERREQ__MEMPOOL_TRIM:        return "VALGRIND_MEMPOOL_TRIM";
      case VG_USERREQ__MOVE_MEMPOOL:        return "VALGRIND_MOVE_MEMPOOL";
      case VG_USERREQ__MEMPOOL_CHANGE:      return "VALGRIND_MEMPOOL_CHANGE";
      case VG_USERREQ__MEMPOOL_EXISTS:      return "VALGRIND_MEMPOOL_EXISTS";
      case VG_USERREQ__MAKE_MEM_NOACCESS:   return "VALGRIND_MAKE_MEM_NOACCESS";
      case VG_USERREQ__MAKE_MEM_UNDEFINED:
         return "VALGRIND_MAKE_MEM_UNDEFINED";
      case VG_USERREQ__MAKE_MEM_DEFINED:    return "VALGRIND_MAKE_MEM_DEFINED";
      case VG_USERREQ__MAKE_MEM_DEFINED_IF_ADDRESSABLE:
         return "VALGRIND_MAKE_MEM_DEFINED_IF_ADDRESSABLE";
      case VG_USERREQ__CHECK_MEM_IS_ADDRESSABLE:
         return "VALGRIND_CHECK_MEM_IS_ADDRESSABLE";
      case VG_USERREQ__CHECK_MEM_IS_DEFINED:
         return "VALGRIND_CHECK_MEM_IS_DEFINED";
      case VG_USERREQ__DISABLE_ADDR_ERROR_REPORTING_IN_RANGE:
         return "VALGRIND_DISABLE_ADDR_ERROR_REPORTING_IN_RANGE";
      case VG_USERREQ__ENABLE_ADDR_ERROR_REPORTING_IN_RANGE:
         return "VALGRIND_ENABLE_ADDR_ERROR_REPORTING_IN_RANGE";
      default:                              return "Memcheck client request";
   }
}

/* Warns "Warning: <request>: <what>" and the stack of the request,
   unless this stack already had this problem (or, for the notes about
   what ffican can do rather than about the program, FC_ClientBadNested and
   FC_ClientBadUnaligned, unless it was ever said).  `what` ends by saying what
   ffican did about it ("; request ignored", ...). */
static void fc_mcreq_warn(ThreadId tid, UWord req, FC_ClientBad bad, const HChar* what)
{
   ExeContext* ec = VG_(record_ExeContext)(tid, 0);
   Bool once = bad == FC_ClientBadNested || bad == FC_ClientBadUnaligned;
   UWord key = ((once ? 0 : (UWord)ec) << 2) | (UWord)bad;
   tl_assert(((UWord)ec & 7) == 0 && bad < 32);
   if (fc_mcreq_warned == NULL)
      fc_mcreq_warned = VG_(OSetWord_Create)(VG_(malloc), "fc.mcreq.warned",
                                       VG_(free));
   if (VG_(OSetWord_Contains)(fc_mcreq_warned, key))
      return;
   VG_(OSetWord_Insert)(fc_mcreq_warned, key);
   VG_(message)(Vg_UserMsg, "Warning: %s: %s\n", fc_mcreq_req_name(req), what);
   if (!VG_(clo_xml))   /* in XML a stack would land in the XML stream */
      VG_(pp_ExeContext)(ec);
}

/* ------------------------------------------------------------------ */
/* Declaring and releasing                                             */
/* ------------------------------------------------------------------ */

static void fc_mcreq_blk_drop(Addr p)
{
   UWord nkey = ~p;
   FC_ClientBlkRec* r = VG_(OSetGen_Remove)(fc_mcreq_blocks, &nkey);
   if (r != NULL)
      VG_(OSetGen_FreeNode)(fc_mcreq_blocks, r);
}

static void fc_mcreq_blk_add(Addr p, SizeT szB, Bool chunk)
{
   fc_mcreq_blk_drop(p);
   FC_ClientBlkRec* r = VG_(OSetGen_AllocNode)(fc_mcreq_blocks, sizeof *r);
   r->nkey = ~p;
   r->szB = szB;
   r->chunk = chunk;
   VG_(OSetGen_Insert)(fc_mcreq_blocks, r);
}

/* Is the block recorded as r still live?  If not (released by other
   means), its record goes.  A live block of size 0 cannot be told from
   none by fc_block_usable_size: it is taken as live. */
static Bool fc_mcreq_blk_check(const FC_ClientBlkRec* r)
{
   Addr p = ~r->nkey;
   if (r->szB == 0 || fc_block_usable_size(p) == r->szB)
      return True;
   fc_mcreq_blk_drop(p);
   return False;
}

/* The live pool block this module declared at p, or NULL. */
static const FC_ClientBlkRec* fc_mcreq_blk_live(Addr p)
{
   UWord nkey = ~p;
   const FC_ClientBlkRec* r = VG_(OSetGen_Lookup)(fc_mcreq_blocks, &nkey);
   return r != NULL && fc_mcreq_blk_check(r) ? r : NULL;
}

/* A live pool block overlapping [p, p+szB) that starts neither at p
   (the block being declared again) nor at self (the block it
   replaces); *start set to its start.  Walks down from the last byte:
   the live blocks do not overlap, so only those holding p or starting
   after it can. */
static const FC_ClientBlkRec* fc_mcreq_blk_overlap(Addr p, SizeT szB, Addr self,
                                       Addr* start)
{
   UWord nkey = ~(p + (szB > 0 ? szB - 1 : 0));
   for (;;) {
      VG_(OSetGen_ResetIterAt)(fc_mcreq_blocks, &nkey);
      const FC_ClientBlkRec* r = VG_(OSetGen_Next)(fc_mcreq_blocks);
      if (r == NULL)
         return NULL;
      Addr s = ~r->nkey;
      if (s + (r->szB > 0 ? r->szB : 1) <= p)
         return NULL;            /* ends before p: so do all below */
      nkey = r->nkey + 1;        /* next: the block below this one */
      if (s == p || s == self || !fc_mcreq_blk_check(r))
         continue;
      *start = s;
      return r;
   }
}

/* A live block of ffican's own (not of family pool) holding a. */
static const FC_Block* fc_mcreq_ffican_block(Addr a)
{
   const FC_Block* b = fc_block_live_containing(a);
   return b != NULL && b->tag.family != FC_FamPool ? b : NULL;
}

/* Can memory [p, p+szB) with rzB-byte redzones be followed at all?
   Warns why not. */
static Bool fc_mcreq_possible(ThreadId tid, UWord req, Addr p, SizeT szB,
                        SizeT rzB)
{
   HChar what[200];
   SizeT span = szB > 0 ? szB : 1;
   if (p == 0 || rzB > FC_CLIENT_MAX_RZB || p < rzB
       || fc_mcreq_range_impossible(p, szB) || fc_mcreq_range_impossible(p + szB, rzB)) {
      VG_(snprintf)(what, sizeof what, "impossible block 0x%lx, %lu bytes, "
                    "redzone %lu; request ignored", p, szB, rzB);
      fc_mcreq_warn(tid, req, FC_ClientBadRange, what);
      return False;
   }
   if (!fc_mcreq_mapped(p, span)) {
      VG_(snprintf)(what, sizeof what, "block 0x%lx, %lu bytes, is not in "
                    "mapped memory; request ignored", p, szB);
      fc_mcreq_warn(tid, req, FC_ClientBadRange, what);
      return False;
   }
   if (!fc_clo_track_uninit && fc_mcreq_on_a_stack(tid, p, span, False)) {
      VG_(snprintf)(what, sizeof what, "block 0x%lx, %lu bytes, is on the "
                    "thread's stack, and ffican follows the stack pointer "
                    "only with --track-uninit=yes; request ignored", p, szB);
      fc_mcreq_warn(tid, req, FC_ClientBadStack, what);
      return False;
   }
   return True;
}

/* What a declaration of [p, p+szB) (replacing the block at `self`, if
   any) can be: a block, a region, or nothing.  Warns unless a block.
   A block must keep what fc_blocks.c and fc_leaks.c assume of every
   block: it overlaps no other (so one inside a block ffican allocated is
   a region, and one in the heap's free memory, which malloc() may hand
   out later, is refused) and it starts on a 16-byte boundary (the
   address lookups and the leak search's sort rely on it). */
static FC_ClientKind fc_mcreq_classify(ThreadId tid, UWord req, Addr p, SizeT szB,
                           SizeT rzB, Addr self)
{
   HChar what[240];
   SizeT last = szB > 0 ? szB - 1 : 0;
   if (!fc_mcreq_possible(tid, req, p, szB, rzB))
      return FC_ClientKindNone;
   const FC_Block* o = fc_mcreq_ffican_block(p);
   if (o == NULL)
      o = fc_mcreq_ffican_block(p + last);
   if (o != NULL) {
      VG_(snprintf)(what, sizeof what, "block 0x%lx, %lu bytes, is inside "
                    "a heap block of %s() (0x%lx, %lu bytes): ffican checks "
                    "accesses to it and to such blocks, but not as blocks of "
                    "their own (said once)",
                    p, szB, fc_alloc_fn_name(o->tag.alloc_fn),
                    o->tag.payload, (SizeT)o->tag.req_szB);
      fc_mcreq_warn(tid, req, FC_ClientBadNested, what);
      return FC_ClientKindRegion;
   }
   if (fc_mcreq_in_heap_arena(p, szB > 0 ? szB : 1)) {
      VG_(snprintf)(what, sizeof what, "block 0x%lx, %lu bytes, is in the "
                    "heap's free memory, which malloc() may hand out; "
                    "request ignored", p, szB);
      fc_mcreq_warn(tid, req, FC_ClientBadHeap, what);
      return FC_ClientKindNone;
   }
   Addr os;
   const FC_ClientBlkRec* r = fc_mcreq_blk_overlap(p, szB, self, &os);
   if (r != NULL && r->chunk && req == VG_USERREQ__MALLOCLIKE_BLOCK && os <= p
       && p + szB <= os + r->szB) {
      VG_(snprintf)(what, sizeof what, "block 0x%lx, %lu bytes, is inside "
                    "the mempool chunk 0x%lx, %lu bytes: ffican checks "
                    "accesses to it and to such blocks, but not as blocks of "
                    "their own (said once)", p, szB, os, r->szB);
      fc_mcreq_warn(tid, req, FC_ClientBadNested, what);
      return FC_ClientKindRegion;   /* a pool of blocks carved from a chunk */
   }
   if (r != NULL) {
      VG_(snprintf)(what, sizeof what, "block 0x%lx, %lu bytes, overlaps "
                    "the live block 0x%lx, %lu bytes, of the program's "
                    "allocator; request ignored", p, szB, os, r->szB);
      fc_mcreq_warn(tid, req, FC_ClientBadOverlap, what);
      return FC_ClientKindNone;
   }
   if ((p & 15) != 0) {
      VG_(snprintf)(what, sizeof what, "block 0x%lx, %lu bytes, does not "
                    "start on a 16-byte boundary: ffican checks accesses to "
                    "it and to such blocks, but not as blocks of their own "
                    "(said once)", p, szB);
      fc_mcreq_warn(tid, req, FC_ClientBadUnaligned, what);
      return FC_ClientKindRegion;
   }
   if (self != p && (r = fc_mcreq_blk_live(p)) != NULL) {
      VG_(snprintf)(what, sizeof what, "0x%lx is already a live block of "
                    "%lu bytes; it is released and declared anew", p,
                    r->szB);
      fc_mcreq_warn(tid, req, FC_ClientBadAgain, what);
   }
   return FC_ClientKindBlock;
}

/* A region: its bytes accessible, its redzones not. */
static void fc_mcreq_region_declare(Addr p, SizeT szB, SizeT rzB)
{
   fc_mcreq_mark_accessible(p, szB);
   fc_mcreq_mark_noaccess(p - rzB, rzB, FC_SH_NOACCESS);
   fc_mcreq_mark_noaccess(p + szB, rzB, FC_SH_NOACCESS);
}

static void fc_mcreq_region_release(Addr p, SizeT szB)
{
   fc_mcreq_mark_noaccess(p, szB, FC_SH_NOACCESS);
}

static void fc_mcreq_stack_note(ThreadId tid, Addr p, SizeT szB);

/* Declares [p, p+szB) as classified (a block or a region); `chunk`: as
   a mempool chunk. */
static void fc_mcreq_declare(ThreadId tid, Addr p, SizeT szB, SizeT rzB,
                       FC_ClientKind kind, Bool chunk)
{
   if (kind != FC_ClientKindNone)
      fc_mcreq_stack_note(tid, p, szB);
   if (kind == FC_ClientKindBlock) {
      fc_block_register_custom(tid, p, szB, rzB, chunk);
      fc_mcreq_blk_add(p, szB, chunk);
   } else if (kind == FC_ClientKindRegion) {
      fc_mcreq_region_declare(p, szB, rzB);
      fc_leak_region_add(tid, p, szB, chunk);
   }
}

/* Releases the pool block at p: reports if it is none (InvalidFree,
   DoubleFree), as fc_block_release does for any family. */
static void fc_mcreq_release(ThreadId tid, Addr p)
{
   const FC_ClientBlkRec* r = fc_mcreq_blk_live(p);
   fc_block_release_custom(tid, p, r != NULL && r->chunk);
   fc_mcreq_blk_drop(p);
}

/* The MALLOCLIKE declaration at p that is no block, taken out of the
   table (*d filled), or False. */
static Bool fc_mcreq_decl_take(Addr p, FC_ClientDecl* d)
{
   FC_ClientDecl* node = VG_(OSetGen_Remove)(fc_mcreq_decls, &p);
   if (node == NULL)
      return False;
   *d = *node;
   VG_(OSetGen_FreeNode)(fc_mcreq_decls, node);
   return True;
}

static void fc_mcreq_decl_put(Addr p, SizeT szB, SizeT rzB, FC_ClientKind kind)
{
   FC_ClientDecl* d = VG_(OSetGen_AllocNode)(fc_mcreq_decls, sizeof *d);
   d->addr = p;
   d->szB = szB;
   d->rzB = rzB;
   d->kind = kind;
   VG_(OSetGen_Insert)(fc_mcreq_decls, d);
}

/* Releases the MALLOCLIKE blocks and regions that start in [lo, hi):
   an auto-free metapool's chunk is going away. */
static void fc_mcreq_release_mallocs_in(ThreadId tid, Addr lo, Addr hi)
{
   UWord nkey = ~(hi - 1);
   for (;;) {   /* blocks, from the last one down */
      VG_(OSetGen_ResetIterAt)(fc_mcreq_blocks, &nkey);
      const FC_ClientBlkRec* r = VG_(OSetGen_Next)(fc_mcreq_blocks);
      if (r == NULL || ~r->nkey < lo)
         break;
      nkey = r->nkey + 1;
      if (!r->chunk && fc_mcreq_blk_check(r))
         fc_mcreq_release(tid, ~r->nkey);
   }
   Addr from;
   for (from = lo;;) {   /* regions (and refused declarations) */
      VG_(OSetGen_ResetIterAt)(fc_mcreq_decls, &from);
      const FC_ClientDecl* node = VG_(OSetGen_Next)(fc_mcreq_decls);
      if (node == NULL || node->addr >= hi)
         break;
      FC_ClientDecl d;
      from = node->addr + 1;
      if (fc_mcreq_decl_take(node->addr, &d) && d.kind == FC_ClientKindRegion) {
         fc_mcreq_region_release(d.addr, d.szB);
         fc_leak_region_drop(d.addr);
      }
   }
}

/* ------------------------------------------------------------------ */
/* Mempools: the table                                                 */
/* ------------------------------------------------------------------ */

static FC_ClientPool* fc_mcreq_owner_of(Addr chunk)
{
   FC_ClientOwner* o = VG_(HT_lookup)(fc_mcreq_owners, chunk);
   return o != NULL ? o->pool : NULL;
}

static void fc_mcreq_chunk_add(FC_ClientPool* mp, Addr addr, SizeT szB, FC_ClientKind kind)
{
   FC_ClientChunk* c = VG_(OSetGen_AllocNode)(mp->chunks, sizeof *c);
   c->addr = addr;
   c->szB = szB;
   c->kind = kind;
   VG_(OSetGen_Insert)(mp->chunks, c);
   FC_ClientOwner* o = VG_(malloc)("fc.mcreq.owner", sizeof *o);
   o->key = addr;
   o->pool = mp;
   VG_(HT_add_node)(fc_mcreq_owners, o);
}

/* Drops the chunk at addr from pool mp's table (nothing else). */
static void fc_mcreq_chunk_forget(FC_ClientPool* mp, Addr addr)
{
   FC_ClientChunk* c = VG_(OSetGen_Remove)(mp->chunks, &addr);
   tl_assert(c != NULL);
   VG_(OSetGen_FreeNode)(mp->chunks, c);
   FC_ClientOwner* o = VG_(HT_remove)(fc_mcreq_owners, addr);
   tl_assert(o != NULL && o->pool == mp);
   VG_(free)(o);
}

/* The chunk's memory goes away: its block is released (`strict`: even
   if it was already released by other means, which is then a
   DoubleFree); its region becomes inaccessible, and the MALLOCLIKE
   blocks in it are released if its pool frees them automatically. */
static void fc_mcreq_chunk_release(ThreadId tid, const FC_ClientPool* mp,
                             const FC_ClientChunk* c, Bool strict)
{
   switch (c->kind) {
      case FC_ClientKindBlock:
         if (strict || fc_mcreq_blk_live(c->addr) != NULL)
            fc_mcreq_release(tid, c->addr);
         break;
      case FC_ClientKindRegion:   /* its released blocks read as released */
         fc_mcreq_region_release(c->addr, c->szB);
         fc_leak_region_drop(c->addr);
         if (mp->auto_free)
            fc_mcreq_release_mallocs_in(tid, c->addr, c->addr + c->szB);
         break;
      default:
         break;
   }
}

/* The pool named `pool`, or NULL after a warning. */
static FC_ClientPool* fc_mcreq_pool_for(ThreadId tid, UWord req, Addr pool)
{
   FC_ClientPool* mp = VG_(HT_lookup)(fc_mcreq_pools, pool);
   if (mp == NULL) {
      HChar what[200];
      VG_(snprintf)(what, sizeof what, "0x%lx is not a mempool (never "
                    "created with VALGRIND_CREATE_MEMPOOL, or destroyed); "
                    "request ignored", pool);
      fc_mcreq_warn(tid, req, FC_ClientBadNoPool, what);
   }
   return mp;
}

/* Warns that addr is not a chunk of mp. */
static void fc_mcreq_warn_not_chunk(ThreadId tid, UWord req, const FC_ClientPool* mp,
                              Addr addr)
{
   HChar what[240];
   FC_ClientPool* other = fc_mcreq_owner_of(addr);
   if (other != NULL)
      VG_(snprintf)(what, sizeof what, "0x%lx is a chunk of mempool 0x%lx, "
                    "not of mempool 0x%lx; request ignored", addr,
                    other->key, mp->key);
   else
      VG_(snprintf)(what, sizeof what, "0x%lx is not a chunk of mempool "
                    "0x%lx; request ignored", addr, mp->key);
   fc_mcreq_warn(tid, req, FC_ClientBadNotChunk, what);
}

/* A declaration of its own (MALLOCLIKE) or release of its own (FREELIKE)
   of a chunk of an ordinary mempool: the chunk leaves its pool, and *c
   is what it was.  Returns the pool, or NULL if p is no such chunk
   (blocks inside a metapool's chunks are what metapools are for). */
static FC_ClientPool* fc_mcreq_leave_pool(ThreadId tid, UWord req, Addr p, FC_ClientChunk* c)
{
   FC_ClientPool* mp = fc_mcreq_owner_of(p);
   if (mp == NULL || mp->metapool)
      return NULL;
   HChar what[200];
   VG_(snprintf)(what, sizeof what, "0x%lx is a chunk of mempool 0x%lx "
                 "(VALGRIND_MEMPOOL_ALLOC); it leaves the pool", p, mp->key);
   fc_mcreq_warn(tid, req, FC_ClientBadOtherPool, what);
   const FC_ClientChunk* in = VG_(OSetGen_Lookup)(mp->chunks, &p);
   tl_assert(in != NULL);
   *c = *in;
   fc_mcreq_chunk_forget(mp, p);
   return mp;
}

/* ------------------------------------------------------------------ */
/* Declarations on a thread's stack                                    */
/* ------------------------------------------------------------------ */

/* A block or chunk declared in the declaring thread's own stack (a
   MALLOCLIKE block in a local array, a mempool carved from one) is
   declared as anywhere else, with uninit tracking on: the uninit pass
   follows the stack pointer, and once a stack holds marks
   (fc_shadow_stack_marked) every call's and return's red zone and all
   memory the stack grows into become accessible again, so no mark
   outlives its frame.  Its frame dies when the stack pointer moves above
   its start: at the next call or return (fc_access_stack_unmark calls
   fc_mcreq_stack_died) or client request of that thread.  A
   declaration still live then leaves every table, with no error and no
   change to the shadow, and is kept for the leak search as lost
   (fc_leak_region_lost; Memcheck keeps such a block for ever); a later
   FREELIKE or MEMPOOL_FREE of its address just forgets that record. */

/* Code translated so far does not take stack marks back: from now on
   it does (see fc_shadow.h). */
static void fc_mcreq_follow_stack(void)
{
   if (fc_shadow_stack_marked)
      return;
   fc_shadow_stack_marked = True;
   VG_(discard_translations_safely)(0, FC_CLIENT_ADDR_END,
                                    "ffican: a stack mark");
}

static void fc_mcreq_stack_note(ThreadId tid, Addr p, SizeT szB)
{
   if (!fc_mcreq_on_stack_of(tid, p, szB > 0 ? szB : 1))
      return;
   fc_mcreq_follow_stack();
   if (VG_(OSetGen_Lookup)(fc_mcreq_stack, &p) != NULL)
      return;
   FC_StackDecl* d = VG_(OSetGen_AllocNode)(fc_mcreq_stack, sizeof *d);
   d->addr = p;
   VG_(OSetGen_Insert)(fc_mcreq_stack, d);
   fc_mcreq_stack_n++;
}

/* The declaration at p, if it is still live, lay in a frame that died. */
static void fc_mcreq_drop_dead(Addr p)
{
   FC_ClientKind kind = FC_ClientKindBlock;   /* a MALLOCLIKE block, if live */
   FC_ClientPool* mp = fc_mcreq_owner_of(p);
   FC_ClientDecl d;
   FC_Tag tag;
   if (mp != NULL) {
      kind = ((const FC_ClientChunk*)VG_(OSetGen_Lookup)(mp->chunks, &p))->kind;
      fc_mcreq_chunk_forget(mp, p);
   } else if (fc_mcreq_decl_take(p, &d)) {
      kind = d.kind;
   }
   if (kind == FC_ClientKindRegion)
      (void)fc_leak_region_to_lost(p);
   else if (kind == FC_ClientKindBlock && fc_mcreq_blk_live(p) != NULL
            && fc_block_forget_custom(p, &tag))
      fc_leak_region_lost(&tag);
   fc_mcreq_blk_drop(p);
}

void fc_mcreq_stack_died(ThreadId tid, Addr sp)
{
   Addr max = VG_(thread_get_stack_max)(tid);
   SizeT size = VG_(thread_get_stack_size)(tid);
   Addr from = size != 0 && size <= max ? max - size + 1 : 0;
   if (sp < from || sp > max + 1)
      return;   /* on another stack (sigaltstack, a coroutine's) */
   for (;;) {   /* from the lowest of this stack up to sp */
      VG_(OSetGen_ResetIterAt)(fc_mcreq_stack, &from);
      FC_StackDecl* d = VG_(OSetGen_Next)(fc_mcreq_stack);
      if (d == NULL || d->addr >= sp || d->addr > max)
         return;
      Addr p = d->addr;
      VG_(OSetGen_FreeNode)(fc_mcreq_stack,
                            VG_(OSetGen_Remove)(fc_mcreq_stack, &p));
      fc_mcreq_stack_n--;
      fc_mcreq_drop_dead(p);
      from = p + 1;
   }
}

/* ------------------------------------------------------------------ */
/* VALGRIND_MALLOCLIKE_BLOCK, _FREELIKE_BLOCK, _RESIZEINPLACE_BLOCK    */
/* ------------------------------------------------------------------ */

static void fc_mcreq_malloclike(ThreadId tid, UWord req, Addr p, SizeT szB,
                          SizeT rzB)
{
   FC_ClientChunk c;
   FC_ClientDecl d;
   const FC_ClientPool* mp = fc_mcreq_leave_pool(tid, req, p, &c);
   if (mp != NULL)
      fc_mcreq_chunk_release(tid, mp, &c, False);   /* the chunk ends here */
   (void)fc_mcreq_decl_take(p, &d);   /* declared again: the new one counts */
   FC_ClientKind kind = fc_mcreq_classify(tid, req, p, szB, rzB, 0);
   fc_mcreq_declare(tid, p, szB, rzB, kind, False);
   if (kind != FC_ClientKindBlock && fc_mcreq_blk_live(p) == NULL)
      fc_mcreq_decl_put(p, szB, rzB, kind);
}

static void fc_mcreq_freelike(ThreadId tid, UWord req, Addr p)
{
   FC_ClientDecl d;
   FC_ClientChunk c;
   if (fc_mcreq_decl_take(p, &d)) {
      if (d.kind == FC_ClientKindRegion) {
         fc_mcreq_region_release(d.addr, d.szB);
         fc_leak_region_drop(d.addr);
      }
      return;   /* a refused declaration: its refusal warned */
   }
   const FC_ClientPool* mp = fc_mcreq_leave_pool(tid, req, p, &c);
   if (mp != NULL)
      fc_mcreq_chunk_release(tid, mp, &c, True);
   else if (fc_mcreq_blk_live(p) != NULL || !fc_leak_region_lost_take(p))
      fc_mcreq_release(tid, p);   /* (else: its frame died before) */
}

/* RESIZEINPLACE of a region: grown bytes become accessible, given-up
   bytes and the new redzone inaccessible. */
static void fc_mcreq_resize_region(ThreadId tid, UWord req, FC_ClientDecl* d,
                             SizeT newB, SizeT rzB)
{
   if (!fc_mcreq_possible(tid, req, d->addr, newB, rzB))
      return;
   if (newB > d->szB) {
      fc_mcreq_mark_accessible(d->addr + d->szB, newB - d->szB);
      fc_uninit_mem_on_mark(d->addr + d->szB, newB - d->szB, False);
   } else
      fc_mcreq_region_release(d->addr + newB, d->szB - newB);
   if (rzB > 0)
      fc_mcreq_mark_noaccess(d->addr + newB, rzB, FC_SH_NOACCESS);
   d->szB = newB;
   d->rzB = rzB;
   fc_leak_region_resize(d->addr, newB);
}

/* RESIZEINPLACE of the block at p (record r): released and declared
   anew (the quarantine keeps the old extent); the bytes it gives up,
   past the new redzone, become redzone. */
static void fc_mcreq_resize_block(ThreadId tid, UWord req, Addr p,
                            const FC_ClientBlkRec* r, SizeT newB, SizeT rzB)
{
   SizeT oldB = r->szB;
   Bool chunk = r->chunk;
   FC_ClientKind kind = fc_mcreq_classify(tid, req, p, newB, rzB, p);
   if (kind != FC_ClientKindBlock)
      return;   /* warned; the block stays as it was */
   fc_mcreq_release(tid, p);
   fc_mcreq_declare(tid, p, newB, rzB, FC_ClientKindBlock, chunk);
   if (newB + rzB < oldB)
      fc_mcreq_mark_noaccess(p + newB + rzB, oldB - newB - rzB, FC_SH_REDZONE);
   if (newB > oldB)   /* the grown bytes are undefined, as in Memcheck */
      fc_uninit_mem_on_mark(p + oldB, newB - oldB, False);
   FC_ClientPool* mp = fc_mcreq_owner_of(p);
   if (mp != NULL) {   /* a mempool chunk resized this way: follow it */
      FC_ClientChunk* c = VG_(OSetGen_Lookup)(mp->chunks, &p);
      tl_assert(c != NULL);
      c->szB = newB;
   }
}

static void fc_mcreq_warn_old_size(ThreadId tid, UWord req, Addr p, SizeT given,
                             SizeT has)
{
   HChar what[200];
   VG_(snprintf)(what, sizeof what, "old size %lu given, but block 0x%lx "
                 "has %lu bytes; request ignored", given, p, has);
   fc_mcreq_warn(tid, req, FC_ClientBadOldSize, what);
}

static void fc_mcreq_resizeinplace(ThreadId tid, UWord req, Addr p, SizeT oldB,
                             SizeT newB, SizeT rzB)
{
   FC_ClientDecl* d = VG_(OSetGen_Lookup)(fc_mcreq_decls, &p);
   if (d != NULL) {
      if (d->kind != FC_ClientKindRegion)
         return;   /* a refused declaration: its refusal warned */
      if (d->szB != oldB)
         fc_mcreq_warn_old_size(tid, req, p, oldB, d->szB);
      else
         fc_mcreq_resize_region(tid, req, d, newB, rzB);
      return;
   }
   const FC_ClientBlkRec* r = fc_mcreq_blk_live(p);
   if (r == NULL) {
      HChar what[200];
      VG_(snprintf)(what, sizeof what, "0x%lx is not the start of a live "
                    "block of the program's allocator; request ignored", p);
      fc_mcreq_warn(tid, req, FC_ClientBadNotBlock, what);
      const FC_Block* b = fc_block_containing(p);
      fc_record_invalid_free(tid, p, FC_RelClientResize,
                             b != NULL ? &b->tag : NULL);   /* as Memcheck */
   } else if (r->szB != oldB) {
      fc_mcreq_warn_old_size(tid, req, p, oldB, r->szB);
   } else if (oldB != newB) {
      fc_mcreq_resize_block(tid, req, p, r, newB, rzB);
   }
}

/* ------------------------------------------------------------------ */
/* Mempools: the requests                                              */
/* ------------------------------------------------------------------ */

static void fc_mcreq_create_mempool(ThreadId tid, UWord req, Addr pool,
                              SizeT rzB, UWord flags)
{
   HChar what[200];
   if (VG_(HT_lookup)(fc_mcreq_pools, pool) != NULL) {
      VG_(snprintf)(what, sizeof what, "mempool 0x%lx already exists; "
                    "request ignored", pool);
      fc_mcreq_warn(tid, req, FC_ClientBadPoolExists, what);
      return;
   }
   if (rzB > FC_CLIENT_MAX_RZB) {
      VG_(snprintf)(what, sizeof what, "redzone of %lu bytes is not "
                    "possible; request ignored", rzB);
      fc_mcreq_warn(tid, req, FC_ClientBadRange, what);
      return;
   }
   Bool meta = (flags & VALGRIND_MEMPOOL_METAPOOL) != 0;
   Bool auto_free = (flags & VALGRIND_MEMPOOL_AUTO_FREE) != 0;
   if (auto_free && !meta) {
      fc_mcreq_warn(tid, req, FC_ClientBadFlags, "VALGRIND_MEMPOOL_AUTO_FREE needs "
              "VALGRIND_MEMPOOL_METAPOOL; the pool frees no blocks "
              "automatically");
      auto_free = False;
   }
   FC_ClientPool* mp = VG_(malloc)("fc.mcreq.pool", sizeof *mp);
   mp->key = pool;
   mp->rzB = rzB;
   mp->metapool = meta;
   mp->auto_free = auto_free;
   mp->chunks = VG_(OSetGen_Create)(offsetof(FC_ClientChunk, addr), NULL,
                                    VG_(malloc), "fc.mcreq.chunks",
                                    VG_(free));
   VG_(HT_add_node)(fc_mcreq_pools, mp);
}

/* Every chunk of mp, in address order: a copy, so that the caller may
   change the table while going through it.  VG_(free) it. */
static FC_ClientChunk* fc_mcreq_chunks_copy(FC_ClientPool* mp, UInt* n)
{
   *n = VG_(OSetGen_Size)(mp->chunks);
   FC_ClientChunk* all = VG_(malloc)("fc.mcreq.copy",
                               (*n > 0 ? *n : 1) * sizeof *all);
   UInt i = 0;
   const FC_ClientChunk* c;
   VG_(OSetGen_ResetIter)(mp->chunks);
   while ((c = VG_(OSetGen_Next)(mp->chunks)) != NULL)
      all[i++] = *c;
   tl_assert(i == *n);
   return all;
}

static void fc_mcreq_destroy_mempool(ThreadId tid, UWord req, Addr pool)
{
   FC_ClientPool* mp = fc_mcreq_pool_for(tid, req, pool);
   if (mp == NULL)
      return;
   UInt n;
   FC_ClientChunk* all = fc_mcreq_chunks_copy(mp, &n);
   for (UInt i = 0; i < n; i++) {
      fc_mcreq_chunk_forget(mp, all[i].addr);
      fc_mcreq_chunk_release(tid, mp, &all[i], False);
   }
   VG_(free)(all);
   VG_(HT_remove)(fc_mcreq_pools, pool);
   VG_(OSetGen_Destroy)(mp->chunks);
   VG_(free)(mp);
}

/* addr is about to become a chunk of mp: it leaves the pool it is a
   chunk of now, if another (in the same pool it is declared anew, and
   fc_mcreq_classify warns if its block is still live). */
static void fc_mcreq_take_chunk(ThreadId tid, UWord req, FC_ClientPool* mp, Addr addr)
{
   FC_ClientPool* old = fc_mcreq_owner_of(addr);
   if (old == NULL)
      return;
   FC_ClientChunk c = *(const FC_ClientChunk*)VG_(OSetGen_Lookup)(old->chunks, &addr);
   fc_mcreq_chunk_forget(old, addr);
   if (old != mp) {
      HChar what[200];
      VG_(snprintf)(what, sizeof what, "0x%lx is a chunk of mempool 0x%lx; "
                    "it moves to mempool 0x%lx", addr, old->key, mp->key);
      fc_mcreq_warn(tid, req, FC_ClientBadOtherPool, what);
      fc_mcreq_chunk_release(tid, old, &c, False);
   }
}

/* A chunk of mp with rzB-byte redzones; a metapool's chunk is a region
   whatever it lies in. */
static FC_ClientKind fc_mcreq_classify_chunk(ThreadId tid, UWord req, const FC_ClientPool* mp,
                                 Addr addr, SizeT szB, SizeT rzB, Addr self)
{
   if (!mp->metapool)
      return fc_mcreq_classify(tid, req, addr, szB, rzB, self);
   return fc_mcreq_possible(tid, req, addr, szB, rzB) ? FC_ClientKindRegion
                                                : FC_ClientKindNone;
}

static void fc_mcreq_mempool_alloc(ThreadId tid, UWord req, Addr pool, Addr addr,
                             SizeT szB)
{
   FC_ClientPool* mp = fc_mcreq_pool_for(tid, req, pool);
   if (mp == NULL)
      return;
   FC_ClientDecl d;
   fc_mcreq_take_chunk(tid, req, mp, addr);
   (void)fc_mcreq_decl_take(addr, &d);   /* a MALLOCLIKE region there ends */
   FC_ClientKind kind = fc_mcreq_classify_chunk(tid, req, mp, addr, szB, mp->rzB, 0);
   fc_mcreq_declare(tid, addr, szB, mp->rzB, kind, True);
   fc_mcreq_chunk_add(mp, addr, szB, kind);
}

/* A MEMPOOL_FREE that frees nothing: an error, as Memcheck's
   InvalidMemPool (Memcheck makes one of a free naming no pool and of a
   free of anything that is no chunk of the pool).  The block holding
   addr, live or released, if any, is described. */
static void fc_mcreq_bad_pool_free(ThreadId tid, Addr addr)
{
   const FC_Block* b = fc_block_containing(addr);
   fc_record_invalid_free(tid, addr, FC_RelMempoolFree,
                          b != NULL ? &b->tag : NULL);
}

/* A free of an address that is no chunk of the pool: a second free of a
   chunk is a DoubleFree, anything else (but in a metapool, whose chunks
   hold other blocks) a warning and an InvalidFree. */
static void fc_mcreq_free_not_chunk(ThreadId tid, UWord req, FC_ClientPool* mp, Addr addr)
{
   if (!mp->metapool && fc_mcreq_owner_of(addr) == NULL) {
      const FC_Block* b = fc_block_containing(addr);
      if (b != NULL && b->tag.payload == addr && b->tag.free_ecu != 0
          && b->tag.family == FC_FamPool) {
         /* A chunk freed again: reports the DoubleFree. */
         fc_block_release_custom(tid, addr,
                                 b->tag.alloc_fn == FC_AllocMempool);
         fc_mcreq_blk_drop(addr);
         return;
      }
   }
   fc_mcreq_warn_not_chunk(tid, req, mp, addr);
   if (!mp->metapool)
      fc_mcreq_bad_pool_free(tid, addr);
}

static void fc_mcreq_mempool_free(ThreadId tid, UWord req, Addr pool, Addr addr)
{
   FC_ClientPool* mp = fc_mcreq_pool_for(tid, req, pool);
   if (mp == NULL) {
      fc_mcreq_bad_pool_free(tid, addr);
      return;
   }
   FC_ClientChunk* c = VG_(OSetGen_Lookup)(mp->chunks, &addr);
   if (c == NULL) {
      if (!fc_leak_region_lost_take(addr))   /* its frame died before */
         fc_mcreq_free_not_chunk(tid, req, mp, addr);
      return;
   }
   FC_ClientChunk copy = *c;
   fc_mcreq_chunk_forget(mp, addr);
   fc_mcreq_chunk_release(tid, mp, &copy, True);
}

/* Trims chunk c of mp to [lo, hi), a non-empty part of it.  Its block
   becomes a region if lo is not on a 16-byte boundary (see
   fc_mcreq_classify).  If another chunk already starts at lo (chunks the
   program made overlap), c goes altogether. */
static void fc_mcreq_chunk_trim(ThreadId tid, FC_ClientPool* mp, const FC_ClientChunk* c,
                          Addr lo, Addr hi)
{
   FC_ClientChunk head = { c->addr, lo - c->addr, c->kind };
   FC_ClientChunk tail = { hi, c->addr + c->szB - hi, c->kind };
   FC_ClientKind kind = c->kind;
   fc_mcreq_chunk_forget(mp, c->addr);
   if (lo != c->addr && fc_mcreq_owner_of(lo) != NULL) {
      fc_mcreq_chunk_release(tid, mp, c, False);
      return;
   }
   if (kind == FC_ClientKindRegion) {
      fc_mcreq_chunk_release(tid, mp, &head, False);
      fc_mcreq_chunk_release(tid, mp, &tail, False);
      fc_leak_region_add(tid, lo, hi - lo, True);
   } else if (kind == FC_ClientKindBlock && fc_mcreq_blk_live(head.addr) != NULL) {
      fc_mcreq_release(tid, head.addr);
      kind = (lo & 15) == 0 ? FC_ClientKindBlock : FC_ClientKindRegion;
      fc_mcreq_declare(tid, lo, hi - lo, mp->rzB, kind, True);
   } else {
      kind = FC_ClientKindNone;   /* refused, or released by other means */
   }
   fc_mcreq_chunk_add(mp, lo, hi - lo, kind);
}

static void fc_mcreq_mempool_trim(ThreadId tid, UWord req, Addr pool, Addr addr,
                            SizeT szB)
{
   FC_ClientPool* mp = fc_mcreq_pool_for(tid, req, pool);
   if (mp == NULL)
      return;
   Addr t_end = addr + szB < addr ? ~(Addr)0 : addr + szB;
   UInt n;
   FC_ClientChunk* all = fc_mcreq_chunks_copy(mp, &n);
   for (UInt i = 0; i < n; i++) {
      const FC_ClientChunk* c = &all[i];
      Addr lo = c->addr, hi = c->addr + (c->szB > 0 ? c->szB : 1);
      if (lo >= addr && hi <= t_end)
         continue;                          /* inside: kept */
      if (hi <= addr || lo >= t_end) {      /* outside: released */
         fc_mcreq_chunk_forget(mp, c->addr);
         fc_mcreq_chunk_release(tid, mp, c, False);
         continue;
      }
      fc_mcreq_chunk_trim(tid, mp, c, lo > addr ? lo : addr,
                    hi < t_end ? hi : t_end);
   }
   VG_(free)(all);
}

static void fc_mcreq_move_mempool(ThreadId tid, UWord req, Addr from, Addr to)
{
   FC_ClientPool* mp = fc_mcreq_pool_for(tid, req, from);
   if (mp == NULL || from == to)
      return;
   if (VG_(HT_lookup)(fc_mcreq_pools, to) != NULL) {
      HChar what[200];
      VG_(snprintf)(what, sizeof what, "mempool 0x%lx already exists; "
                    "request ignored", to);
      fc_mcreq_warn(tid, req, FC_ClientBadPoolExists, what);
      return;
   }
   VG_(HT_remove)(fc_mcreq_pools, from);
   mp->key = to;
   VG_(HT_add_node)(fc_mcreq_pools, mp);
}

/* MEMPOOL_CHANGE moves or resizes a chunk.  Memcheck changes no
   addressability for it, and allocators call it before or after copying
   the data: so the memory the chunk leaves stays accessible, and the
   chunk gets no redzones (the old data may lie where they would be);
   only the bytes of the new extent are made accessible. */
static void fc_mcreq_mempool_change(ThreadId tid, UWord req, Addr pool, Addr from,
                              Addr to, SizeT szB)
{
   FC_ClientPool* mp = fc_mcreq_pool_for(tid, req, pool);
   if (mp == NULL)
      return;
   FC_ClientChunk* c = VG_(OSetGen_Lookup)(mp->chunks, &from);
   if (c == NULL) {
      fc_mcreq_warn_not_chunk(tid, req, mp, from);
      return;
   }
   if (from == to && c->szB == szB)
      return;
   if (to != from && fc_mcreq_owner_of(to) != NULL) {
      HChar what[200];
      VG_(snprintf)(what, sizeof what, "0x%lx is already a chunk of mempool "
                    "0x%lx; request ignored", to, fc_mcreq_owner_of(to)->key);
      fc_mcreq_warn(tid, req, FC_ClientBadOtherPool, what);
      return;
   }
   FC_ClientChunk old = *c;
   Bool live_block = old.kind == FC_ClientKindBlock
                     && fc_mcreq_blk_live(from) != NULL;
   FC_ClientKind kind = fc_mcreq_classify_chunk(tid, req, mp, to, szB, 0,
                                    live_block ? from : 0);
   if (kind == FC_ClientKindNone)
      return;   /* warned; the chunk stays as it was */
   fc_mcreq_chunk_forget(mp, from);
   if (old.kind == FC_ClientKindRegion)
      fc_leak_region_drop(from);
   if (live_block) {
      fc_mcreq_release(tid, from);
      fc_mcreq_mark_accessible(from, old.szB);
   }
   fc_mcreq_declare(tid, to, szB, 0, kind, True);
   fc_mcreq_chunk_add(mp, to, szB, kind);
}

/* ------------------------------------------------------------------ */
/* Memcheck's memory requests                                          */
/* ------------------------------------------------------------------ */

/* MAKE_MEM_NOACCESS of [a, a+len) on the requesting thread's own stack:
   marked when the uninit pass follows that thread's stack pointer
   (--track-uninit=yes), which makes memory accessible again as the stack
   grows back over it after the frame is gone (fc_uninit_instrument.c,
   fc_shadow_stack_marked), as Memcheck does.  Another thread's stack is
   refused: its pointer is followed only while it runs.  True when done. */
static Bool fc_mcreq_stack_noaccess(ThreadId tid, Addr a, SizeT len)
{
   if (!fc_clo_track_uninit || !fc_mcreq_on_a_stack(tid, a, len, False))
      return False;
   ThreadId t;
   Addr lo, hi;
   VG_(thread_stack_reset_iter)(&t);
   while (VG_(thread_stack_next)(&t, &lo, &hi))
      if (t != tid && fc_mcreq_on_stack_of(t, a, len))
         return False;
   fc_mcreq_follow_stack();
   fc_mcreq_apply(a, len, True, False, False);
   return True;
}

/* MAKE_MEM_NOACCESS / _UNDEFINED / _DEFINED. */
static void fc_mcreq_make_mem(ThreadId tid, UWord req, Addr a, SizeT len,
                        Bool noaccess)
{
   HChar what[200];
   if (len == 0)
      return;
   if (fc_mcreq_range_impossible(a, len)) {
      VG_(snprintf)(what, sizeof what, "range 0x%lx, %lu bytes, %s; "
                    "request ignored", a, len, a + len < a ? "wraps around"
                    : "goes past the end of the client's address space");
      fc_mcreq_warn(tid, req, FC_ClientBadRange, what);
      return;
   }
   if (!noaccess) {
      fc_mcreq_apply(a, len, False, False,
                     req == VG_USERREQ__MAKE_MEM_DEFINED);
      return;
   }
   if (fc_mcreq_on_a_stack(tid, a, len, True)) {
      if (fc_mcreq_stack_noaccess(tid, a, len))
         return;
      VG_(snprintf)(what, sizeof what, "range 0x%lx, %lu bytes, is on %s "
                    "stack, %s; request ignored", a, len,
                    fc_mcreq_on_a_stack(tid, a, len, False)
                    ? "the thread's" : "another thread's",
                    fc_clo_track_uninit ? "whose stack pointer ffican does "
                    "not follow" : "and ffican follows the stack pointer "
                    "only with --track-uninit=yes");
      fc_mcreq_warn(tid, req, FC_ClientBadStack, what);
      return;
   }
   if (fc_mcreq_apply(a, len, True, True, False) > FC_CLIENT_MAX_NOACCESS) {
      VG_(snprintf)(what, sizeof what, "range 0x%lx, %lu bytes, is more "
                    "mapped memory than ffican marks at once; request "
                    "ignored", a, len);
      fc_mcreq_warn(tid, req, FC_ClientBadTooLarge, what);
      return;
   }
   fc_mcreq_apply(a, len, True, False, False);
}

/* MAKE_MEM_DEFINED_IF_ADDRESSABLE: each accessible run of [a, a+len)
   becomes defined, found through the shadow a run at a time.  (The V
   bits of bytes that are not mapped do not matter: a mapping defines
   its memory anew.) */
static void fc_mcreq_define_accessible(Addr a, Addr end)
{
   UChar why;
   for (Addr p = a; p < end; ) {
      Addr bad = fc_shadow_first_bad(p, end - p, &why);
      fc_uninit_mem_on_mark(p, (bad != 0 ? bad : end) - p, True);
      if (bad == 0)
         break;
      p = bad + 1;
   }
}

/* Only the client's mappings are walked: the shadow of the rest does not
   matter, and a huge range would take forever byte by byte. */
static void fc_mcreq_make_defined_if_addressable(ThreadId tid, UWord req,
                                                 Addr a, SizeT len)
{
   if (len == 0)
      return;
   if (fc_mcreq_range_impossible(a, len)) {
      HChar what[200];
      VG_(snprintf)(what, sizeof what, "range 0x%lx, %lu bytes, %s; "
                    "request ignored", a, len, a + len < a ? "wraps around"
                    : "goes past the end of the client's address space");
      fc_mcreq_warn(tid, req, FC_ClientBadRange, what);
      return;
   }
   Addr end = a + len;
   while (a < end) {
      const NSegment* s = VG_(am_find_nsegment)(a);
      if (s == NULL)
         break;
      Addr stop = s->end + 1 == 0 || s->end + 1 > end ? end : s->end + 1;
      if (fc_mcreq_is_client_segment(s))
         fc_mcreq_define_accessible(a, stop);
      a = stop;
   }
}

/* The block a bad byte belongs to, as fc_access.c finds it for an
   access, so that the report reads the same. */
static const FC_Block* fc_mcreq_block_of_bad(Addr bad, UChar why)
{
   SizeT rz = VG_(malloc_effective_client_redzone_size)();
   switch (why) {
      case FC_SH_FREED:   return fc_block_containing(bad);
      case FC_SH_REDZONE: return fc_block_live_near(bad, rz + 16);
      case FC_SH_EXTENT:  return fc_block_live_containing(bad);
      default:            return NULL;
   }
}

/* CHECK_MEM_IS_ADDRESSABLE (and _DEFINED): the first byte of [a, a+len)
   the program may not touch, reported as a read of the range by the
   code that asked; 0 if there is none. */
static UWord fc_mcreq_check_mem(ThreadId tid, Addr a, SizeT len)
{
   if (len == 0)
      return 0;
   Addr unmapped = 0;
   Bool hole = fc_mcreq_first_unmapped(a, len, &unmapped);
   SizeT mapped_len = hole ? unmapped - a : len;
   UChar why = FC_SH_OK;
   /* a > 0 when mapped_len > 0 (page 0 is never mapped): 0 means none */
   Addr bad = mapped_len > 0 ? fc_shadow_first_bad(a, mapped_len, &why) : 0;
   const FC_Block* b = NULL;
   if (bad != 0) {
      b = fc_mcreq_block_of_bad(bad, why);
   } else if (hole) {
      bad = unmapped;
      why = FC_SH_UNMAPPED;   /* an UnmappedAccess */
   } else {
      return 0;
   }
   fc_record_bad_access(tid, a, len, False, bad, why, b ? &b->tag : NULL,
                        NULL);
   return bad;
}

/* CREATE_BLOCK: ffican keeps no descriptions, only the handle, so that
   DISCARD answers as Memcheck would. */
static UWord fc_mcreq_create_block(Addr a, SizeT len)
{
   if (a == 0 || len == 0)
      return (UWord)-1;
   UWord h = fc_mcreq_next_handle++;
   VG_(OSetWord_Insert)(fc_mcreq_handles, h);
   return h;
}

static UWord fc_mcreq_discard(UWord handle)
{
   return VG_(OSetWord_Remove)(fc_mcreq_handles, handle) ? 0 : 1;
}

static Bool fc_mcreq_memcheck_request(ThreadId tid, UWord* arg, UWord* ret)
{
   *ret = 0;
   if (fc_vg_is_alignment_check(arg[0]))
      return True;   /* the stock malloc replacement's (3.22+) */
   switch (arg[0]) {
      case VG_USERREQ__MAKE_MEM_NOACCESS:
      case VG_USERREQ__MAKE_MEM_UNDEFINED:
      case VG_USERREQ__MAKE_MEM_DEFINED:
         fc_mcreq_make_mem(tid, arg[0], arg[1], arg[2],
                     arg[0] == VG_USERREQ__MAKE_MEM_NOACCESS);
         *ret = (UWord)-1;   /* what Memcheck answers */
         return True;
      case VG_USERREQ__MAKE_MEM_DEFINED_IF_ADDRESSABLE:
         fc_mcreq_make_defined_if_addressable(tid, arg[0], arg[1], arg[2]);
         *ret = (UWord)-1;
         return True;
      case VG_USERREQ__CHECK_MEM_IS_ADDRESSABLE:
         *ret = fc_mcreq_check_mem(tid, arg[1], arg[2]);
         return True;
      case VG_USERREQ__CHECK_MEM_IS_DEFINED:
         *ret = fc_mcreq_check_mem(tid, arg[1], arg[2]);
         if (*ret == 0 && arg[2] > 0)
            *ret = fc_uninit_client_check(tid, arg[1], arg[2]);
         return True;
      case VG_USERREQ__CREATE_BLOCK:
         *ret = fc_mcreq_create_block(arg[1], arg[2]);
         return True;
      case VG_USERREQ__DISCARD:
         *ret = fc_mcreq_discard(arg[2]);
         return True;
      case VG_USERREQ__GET_VBITS:   /* (a, vbits, n): fc_vbits.c */
      case VG_USERREQ__SET_VBITS:
         *ret = fc_vbits_request(arg[1], arg[2], arg[3],
                                 arg[0] == VG_USERREQ__SET_VBITS);
         return True;
      case VG_USERREQ__DISABLE_ADDR_ERROR_REPORTING_IN_RANGE:
      case VG_USERREQ__ENABLE_ADDR_ERROR_REPORTING_IN_RANGE:
         fc_mcreq_warn(tid, arg[0], FC_ClientBadUnsupported, "not supported by ffican "
                 "(errors in the range are still reported); request "
                 "ignored");
         return True;   /* 0: Memcheck's "failed" */
      case _VG_USERREQ__MEMCHECK_RECORD_OVERLAP_ERROR:
         return True;   /* Memcheck's own preload only */
      default: {
         HChar what[120];
         VG_(snprintf)(what, sizeof what, "unknown request code 0x%lx "
                       "(memcheck.h newer than ffican?); request ignored",
                       arg[0]);
         fc_mcreq_warn(tid, arg[0], FC_ClientBadUnknown, what);
         return False;
      }
   }
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

Bool fc_mcreq_is_core_request(UWord req)
{
   switch (req) {
      case VG_USERREQ__MALLOCLIKE_BLOCK:
      case VG_USERREQ__FREELIKE_BLOCK:
      case VG_USERREQ__RESIZEINPLACE_BLOCK:
      case VG_USERREQ__CREATE_MEMPOOL:
      case VG_USERREQ__DESTROY_MEMPOOL:
      case VG_USERREQ__MEMPOOL_ALLOC:
      case VG_USERREQ__MEMPOOL_FREE:
      case VG_USERREQ__MEMPOOL_TRIM:
      case VG_USERREQ__MOVE_MEMPOOL:
      case VG_USERREQ__MEMPOOL_CHANGE:
      case VG_USERREQ__MEMPOOL_EXISTS:
         return True;
      default:
         return False;
   }
}

Bool fc_mcreq_handle_client_request(ThreadId tid, UWord* arg, UWord* ret)
{
   fc_mcreq_init();
   if (fc_mcreq_stack_n > 0)   /* frames gone since (not a leaf's red zone) */
      fc_mcreq_stack_died(tid, VG_(get_SP)(tid) - VG_STACK_REDZONE_SZB);
   if (VG_IS_TOOL_USERREQ('M', 'C', arg[0]))
      return fc_mcreq_memcheck_request(tid, arg, ret);
   UWord req = arg[0];
   *ret = 0;
   switch (req) {
      case VG_USERREQ__MALLOCLIKE_BLOCK:   /* (p, size, rz, is_zeroed) */
         fc_mcreq_malloclike(tid, req, arg[1], arg[2], arg[3]);
         break;
      case VG_USERREQ__FREELIKE_BLOCK:     /* (p, rz) */
         fc_mcreq_freelike(tid, req, arg[1]);
         break;
      case VG_USERREQ__RESIZEINPLACE_BLOCK:   /* (p, old, new, rz) */
         fc_mcreq_resizeinplace(tid, req, arg[1], arg[2], arg[3], arg[4]);
         break;
      case VG_USERREQ__CREATE_MEMPOOL:     /* (pool, rz, is_zeroed, flags) */
         fc_mcreq_create_mempool(tid, req, arg[1], arg[2], arg[4]);
         break;
      case VG_USERREQ__DESTROY_MEMPOOL:    /* (pool) */
         fc_mcreq_destroy_mempool(tid, req, arg[1]);
         break;
      case VG_USERREQ__MEMPOOL_ALLOC:      /* (pool, addr, size) */
         fc_mcreq_mempool_alloc(tid, req, arg[1], arg[2], arg[3]);
         break;
      case VG_USERREQ__MEMPOOL_FREE:       /* (pool, addr) */
         fc_mcreq_mempool_free(tid, req, arg[1], arg[2]);
         break;
      case VG_USERREQ__MEMPOOL_TRIM:       /* (pool, addr, size) */
         fc_mcreq_mempool_trim(tid, req, arg[1], arg[2], arg[3]);
         break;
      case VG_USERREQ__MOVE_MEMPOOL:       /* (from, to) */
         fc_mcreq_move_mempool(tid, req, arg[1], arg[2]);
         break;
      case VG_USERREQ__MEMPOOL_CHANGE:     /* (pool, from, to, size) */
         fc_mcreq_mempool_change(tid, req, arg[1], arg[2], arg[3], arg[4]);
         break;
      case VG_USERREQ__MEMPOOL_EXISTS:     /* (pool) -> 1 / 0 */
         *ret = VG_(HT_lookup)(fc_mcreq_pools, arg[1]) != NULL;
         break;
      default:
         return False;
   }
   return True;
}
