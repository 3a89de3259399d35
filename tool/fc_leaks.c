/* fc_leaks.c: the leak search, at exit and on request.

   Owns: the leak options, the search, the loss records (kept from one
   search to the next for the delta requests), the text and XML of a
   Leak record and its suppression lines (match-leak-kinds:).

   The search, in four steps:
     1. snapshot the live blocks (fc_blocks_live_array) and the program's
        regions (fc_leak_regions.c) sorted by address, so that "which
        block holds this word" is a binary search; a block holding others
        is left out (fc_leak_drop_overlaps);
     2. mark: scan the roots -- every readable client segment that is not
        the client-heap arena, less the part of each thread stack below
        its stack pointer, and every thread's registers -- and, through a
        mark stack, every block reached.  A word equal to a block's start
        makes it Reachable (if the word was found in a root or a
        Reachable block); any other word into a block makes it Possible.
        A heuristic may accept a known interior pointer as a start (Rust's
        Rc/Arc and hashbrown tables, glibc's thread DTVs: fc_leak_heuristic);
     3. cliques: each block still unreached, in address order, leads a
        clique: the unreached blocks it reaches become Indirect and their
        bytes count as the leader's indirect bytes (an earlier leader
        reached this way joins the new clique with its own);
     4. loss records: blocks of the same kind, allocation stack, owner
        tag (allocating function, owner side) and crossing (side handed
        to, crossing stack) make one record, reported through
        VG_(unique_error) with the allocation stack as its stack.
   Quarantined blocks are not in the snapshot: never reachable, never
   scanned.  Heap memory is scanned only inside a reached block.

   Handed-over blocks (crossed_to set and not merely lent, fc_tag_handed_over:
   passed across the boundary and not
   taken back) are the point of ffican: under the default
   --leak-check=crossing their records are shown in full and counted as
   errors; every other lost block appears in the LEAK SUMMARY only.

   Safety: only segments the address-space manager says are readable are
   scanned, page by page; a fault catcher skips a page that faults anyway
   (a file mapping past its end, the manager out of step with the
   kernel).  Device mappings other than /dev/zero are never read.

   Cost: O(live blocks * log(live blocks) + scanned bytes).  A block is
   scanned at most twice (as Possible, then as Reachable) or once (in a
   clique).  The mark stack is threaded through the per-block extras, so
   the search allocates nothing per reached block.  See docs/leaks.md for
   the million-block figure.

   As in Memcheck, only words whose bytes are accessible and defined
   count (fc_leak_word_live).  Limits: read-only file mappings (code,
   constants, relro) are not roots, as in Memcheck; read-only anonymous
   mappings are.  No --xtree-leak.  --leak-resolution=low|med groups
   records by the first 2 or 4 frames of the allocation and crossing
   stacks (the first block's stacks are shown), as Memcheck does.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_vki.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_errormgr.h"
#include "pub_tool_execontext.h"
#include "pub_tool_hashtable.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_libcproc.h"
#include "pub_tool_libcsetjmp.h"
#include "pub_tool_libcsignal.h"
#include "pub_tool_machine.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_options.h"
#include "pub_tool_signals.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_tooliface.h"
#include "pub_tool_clreq.h"
#include "fc_blocks.h"
#include "fc_errors.h"
#include "fc_leaks.h"
#include "fc_leak_regions.h"
#include "fc_options.h"
#include "fc_shadow.h"
#include "fc_sidetab.h"
#include "fc_util.h"

/* ------------------------------------------------------------------ */
/* Leak kinds                                                          */
/* ------------------------------------------------------------------ */


/* Heuristics: interior pointers that a Rust type keeps on purpose. */
typedef enum {
   FC_LeakHeurNone = 0,
   FC_LeakHeurRc,          /* Rc/Arc (and into_raw): the value after the counts */
   FC_LeakHeurHashbrown,   /* HashMap/HashSet: the table's control bytes */
   FC_LeakHeurDtv,         /* glibc's per-thread DTV: one entry in */
   FC_LeakNHeurs
} FC_LeakHeur;
/* --leak-check-heuristics words: FC_LEAK_HEUR_TOKENS (fc_option_tokens.h). */
#define FC_LEAK_HEUR_BIT(h) (1u << ((h) - 1))
static const HChar* const fc_leak_heur_names[FC_LeakNHeurs] = {
   "none", "rc", "hashbrown", "dtv"
};

/* ------------------------------------------------------------------ */
/* The search state (lives for one search)                             */
/* ------------------------------------------------------------------ */

/* Per block, parallel to fc_leak_ent and fc_leak_end. */
typedef struct {
   ULong indirect_szB;  /* for a clique leader: bytes only it reaches */
   Int   next;          /* next block on the mark stack; valid if pending */
   UChar kind;          /* FC_LeakKind known so far */
   UChar pending;       /* on the mark stack */
   UChar heur;          /* FC_LeakHeur that made it Reachable, or FC_LeakHeurNone */
} FC_LeakExtra;

typedef struct {
   Addr      start;
   FC_Block* b;
} FC_LeakPair;

/* Memory: 40 bytes a block at most (the sorted pairs, the ends, the
   extras; the sort's scratch half is freed before the ends and extras
   are made).  The pairs are the sort's own output, not copied into
   separate arrays of starts and blocks: that cost 72 bytes a block at
   the peak, 48 MB more than Memcheck on a million-block heap. */
static UInt       fc_leak_n;        /* live blocks in the snapshot */
static FC_LeakPair* fc_leak_ent;    /* payload and block, by payload ascending */
static Addr*      fc_leak_end;      /* payload + max(req_szB, 1) */
static FC_LeakExtra*  fc_leak_x;
static Addr       fc_leak_lo, fc_leak_hi;   /* first payload, max of fc_leak_end */
static Int        fc_leak_top = -1;    /* top of the mark stack, -1 if empty */
static ULong      fc_leak_scanned_szB; /* statistics for -v */
static UInt       fc_leak_faults;

#define fc_leak_start_of(i) (fc_leak_ent[i].start)
#define fc_leak_blk_of(i)   (fc_leak_ent[i].b)

/* Sorts the n pairs of a by start, using tmp (as big) as scratch; returns
   whichever of the two holds the result.  An LSD radix sort, 11 bits a
   pass from bit 0 (blocks the program declares need not be 16-aligned),
   up to the highest bit set: four passes for a heap below 128 GiB.  A comparison sort of a million
   blocks took longer than the whole marking. */
#define FC_LEAK_RADIX_BITS 11
static FC_LeakPair* fc_leak_sort_pairs(FC_LeakPair* a, FC_LeakPair* tmp, UInt n)
{
   Addr max = 0;
   for (UInt i = 0; i < n; i++)
      if (a[i].start > max)
         max = a[i].start;
   UInt* pos = VG_(malloc)("fc.leaks.radix",
                           (1u << FC_LEAK_RADIX_BITS) * sizeof(UInt));
   for (UInt shift = 0; shift < 64 && (max >> shift) != 0;
        shift += FC_LEAK_RADIX_BITS) {
      const Addr mask = (1u << FC_LEAK_RADIX_BITS) - 1;
      VG_(memset)(pos, 0, (1u << FC_LEAK_RADIX_BITS) * sizeof(UInt));
      for (UInt i = 0; i < n; i++)
         pos[(a[i].start >> shift) & mask]++;
      UInt sum = 0;
      for (UInt d = 0; d < (1u << FC_LEAK_RADIX_BITS); d++) {
         UInt c = pos[d];
         pos[d] = sum;
         sum += c;
      }
      for (UInt i = 0; i < n; i++)
         tmp[pos[(a[i].start >> shift) & mask]++] = a[i];
      FC_LeakPair* t = a;
      a = tmp;
      tmp = t;
   }
   VG_(free)(pos);
   return a;
}

static inline Addr fc_leak_pair_end(const FC_LeakPair* q)
{
   return q->start + (q->b->tag.req_szB ? q->b->tag.req_szB : 1);
}

/* Drops, from the n sorted pairs, each that holds another (a malloc()'d
   superblock holding the program's own blocks: Memcheck searches the
   inner ones and ignores the outer), and each that overlaps the one
   before it without holding it or being held; returns how many are
   left. */
static UInt fc_leak_drop_overlaps(FC_LeakPair* q, UInt n)
{
   UInt k = 0;   /* q[0..k) kept, disjoint */
   for (UInt i = 0; i < n; i++) {
      Bool keep = True;
      while (k > 0 && fc_leak_pair_end(&q[k - 1]) > q[i].start) {
         if (fc_leak_pair_end(&q[i]) <= fc_leak_pair_end(&q[k - 1])) {
            k--;   /* q[i] is inside the last kept one: that one goes */
         } else {
            keep = False;   /* q[i] holds it, or only overlaps it */
            break;
         }
      }
      if (keep)
         q[k++] = q[i];
   }
   return k;
}

/* Step 1: the live blocks and the program's regions (fc_leak_regions.c),
   sorted by payload, with no overlap. */
static void fc_leak_snapshot(void)
{
   UInt n_blocks, n_regions;
   FC_Block** all = fc_blocks_live_array(&n_blocks);
   FC_Block** regions = fc_leak_regions_array(&n_regions);
   fc_leak_n = n_blocks + n_regions;
   fc_leak_ent = NULL;
   fc_leak_end = NULL;
   fc_leak_x = NULL;
   fc_leak_lo = fc_leak_hi = 0;
   fc_leak_top = -1;
   if (fc_leak_n == 0) {
      if (all != NULL)
         VG_(free)(all);
      return;
   }
   FC_LeakPair* buf1 = VG_(malloc)("fc.leaks.pairs", fc_leak_n * sizeof *buf1);
   for (UInt i = 0; i < fc_leak_n; i++) {
      buf1[i].b = i < n_blocks ? all[i] : regions[i - n_blocks];
      buf1[i].start = buf1[i].b->tag.payload;
   }
   VG_(free)(all);
   if (regions != NULL)
      VG_(free)(regions);
   FC_LeakPair* buf2 = VG_(malloc)("fc.leaks.pairs2", fc_leak_n * sizeof *buf2);
   fc_leak_ent = fc_leak_sort_pairs(buf1, buf2, fc_leak_n);
   VG_(free)(fc_leak_ent == buf1 ? buf2 : buf1);   /* the scratch half */
   if (n_regions > 0)
      fc_leak_n = fc_leak_drop_overlaps(fc_leak_ent, fc_leak_n);
   fc_leak_end   = VG_(malloc)("fc.leaks.end", fc_leak_n * sizeof(Addr));
   fc_leak_x     = VG_(calloc)("fc.leaks.extra", fc_leak_n, sizeof(FC_LeakExtra));
   for (UInt i = 0; i < fc_leak_n; i++) {
      SizeT szB = fc_leak_ent[i].b->tag.req_szB;
      fc_leak_end[i]   = fc_leak_ent[i].start + (szB ? szB : 1);
      fc_leak_x[i].kind = FC_LeakDefinite;
      tl_assert(i == 0 || fc_leak_start_of(i) >= fc_leak_end[i - 1]);   /* no overlap */
      if (fc_leak_end[i] > fc_leak_hi)
         fc_leak_hi = fc_leak_end[i];
   }
   fc_leak_lo = fc_leak_start_of(0);
}

static void fc_leak_free_snapshot(void)
{
   if (fc_leak_n == 0)
      return;
   VG_(free)(fc_leak_ent);
   VG_(free)(fc_leak_end);
   VG_(free)(fc_leak_x);
   fc_leak_n = 0;
}

/* The block holding address w, or -1.  Callers test fc_leak_lo <= w < fc_leak_hi
   first, which rejects most words for one comparison. */
static inline Int fc_leak_find(Addr w)
{
   UInt lo = 0, hi = fc_leak_n;   /* invariant: fc_leak_start_of(lo) <= w */
   while (hi - lo > 1) {
      UInt mid = lo + (hi - lo) / 2;
      if (fc_leak_start_of(mid) <= w)
         lo = mid;
      else
         hi = mid;
   }
   return w < fc_leak_end[lo] ? (Int)lo : -1;
}

static inline void fc_leak_push(Int i)
{
   if (fc_leak_x[i].pending)
      return;
   fc_leak_x[i].pending = 1;
   fc_leak_x[i].next = fc_leak_top;
   fc_leak_top = i;
}

static inline Int fc_leak_pop(void)
{
   Int i = fc_leak_top;
   if (i >= 0) {
      fc_leak_top = fc_leak_x[i].next;
      fc_leak_x[i].pending = 0;
   }
   return i;
}

/* ------------------------------------------------------------------ */
/* Heuristics                                                          */
/* ------------------------------------------------------------------ */

/* Rc<T>/Arc<T> (and Rc::into_raw/Arc::into_raw, Rust's own thread handle)
   point at the value, after the strong and weak counts: offset 16, or
   the value's alignment if larger.  Both counts of a live Rc are >= 1. */
static Bool fc_leak_looks_like_rc(const FC_Tag* t, SizeT off)
{
   SizeT want = fc_tag_align(t) > 16 ? fc_tag_align(t) : 16;   /* 0: malloc's */
   if (off != want || t->req_szB < want)
      return False;
   const UWord* counts = (const UWord*)t->payload;
   return counts[0] >= 1 && counts[0] < (1UL << 48)
          && counts[1] >= 1 && counts[1] < (1UL << 48);
}

/* A hashbrown table (std's HashMap/HashSet) is one allocation: buckets
   of T, then (at a multiple of the table's alignment, at least 16)
   `buckets` control bytes and 16 more that mirror the first ones; the
   map keeps only a pointer to the control bytes.  buckets is a power of
   two; the mirror is checked byte by byte. */
static Bool fc_leak_looks_like_hashbrown(const FC_Tag* t, SizeT off)
{
   SizeT align = fc_tag_align(t) != 0 ? fc_tag_align(t) : 16;   /* 0: malloc's */
   if (align < 16 || off % align != 0 || t->req_szB < off + 16 + 1)
      return False;
   SizeT buckets = t->req_szB - off - 16;
   if ((buckets & (buckets - 1)) != 0)
      return False;
   const UChar* ctrl = (const UChar*)(t->payload + off);
   for (SizeT k = buckets; k < buckets + 16; k++) {
      UChar want = buckets >= 16 ? ctrl[k - buckets]
                 : k < 16        ? 0xFF             /* EMPTY */
                 :                 ctrl[k - 16];
      if (ctrl[k] != want)
         return False;
   }
   return True;
}

/* glibc gives each thread a DTV: calloc(n + 2, 16), entry 0 holding n,
   and keeps only a pointer to entry 1 (in the thread's control block).
   Memcheck calls it possibly lost for every thread alive at exit. */
static Bool fc_leak_looks_like_dtv(const FC_Tag* t, SizeT off)
{
   if (off != 16 || t->alloc_fn != FC_AllocCalloc || t->req_szB < 32)
      return False;
   UWord n = *(const UWord*)t->payload;
   return n < (1UL << 20) && (n + 2) * 16 == t->req_szB;
}

/* Which heuristic, if any, accepts interior pointer w into block i. */
static UChar fc_leak_heuristic(Addr w, Int i)
{
   const FC_Tag* t = &fc_leak_blk_of(i)->tag;
   if (fc_clo_leak_check_heuristics == 0)
      return FC_LeakHeurNone;
   SizeT off = w - t->payload;
   if ((fc_clo_leak_check_heuristics & FC_LEAK_HEUR_BIT(FC_LeakHeurDtv))
       && fc_leak_looks_like_dtv(t, off))
      return FC_LeakHeurDtv;
   /* Rust's types, from Rust's allocator or from Rust code calling the
      System allocator (std's own thread handles do). */
   if (t->family != FC_FamRust && t->owner_side != FC_SideRust)
      return FC_LeakHeurNone;
   if ((fc_clo_leak_check_heuristics & FC_LEAK_HEUR_BIT(FC_LeakHeurRc))
       && fc_leak_looks_like_rc(t, off))
      return FC_LeakHeurRc;
   if ((fc_clo_leak_check_heuristics & FC_LEAK_HEUR_BIT(FC_LeakHeurHashbrown))
       && fc_leak_looks_like_hashbrown(t, off))
      return FC_LeakHeurHashbrown;
   return FC_LeakHeurNone;
}

/* ------------------------------------------------------------------ */
/* Marking                                                             */
/* ------------------------------------------------------------------ */

/* Step 2, one word w found in a root or in a block: `definite` when it
   was found in a root or a Reachable block. */
static inline void fc_leak_mark_word(Addr w, Bool definite)
{
   if (LIKELY(w < fc_leak_lo || w >= fc_leak_hi))
      return;
   Int i = fc_leak_find(w);
   if (i < 0)
      return;
   FC_LeakExtra* x = &fc_leak_x[i];
   Bool at_start = w == fc_leak_start_of(i);
   if (x->kind == FC_LeakReachable) {
      if (at_start && definite)
         x->heur = FC_LeakHeurNone;   /* reachable without help after all */
      return;
   }
   if (definite) {
      UChar h = at_start ? FC_LeakHeurNone : fc_leak_heuristic(w, i);
      if (at_start || h != FC_LeakHeurNone) {
         x->kind = FC_LeakReachable;
         x->heur = h;
         fc_leak_push(i);
         return;
      }
   }
   if (x->kind == FC_LeakDefinite) {
      x->kind = FC_LeakPossible;
      fc_leak_push(i);
   }
}

/* Step 3, one word w found in a block of the clique led by `leader`. */
static inline void fc_leak_clique_word(Addr w, Int leader)
{
   if (LIKELY(w < fc_leak_lo || w >= fc_leak_hi))
      return;
   Int i = fc_leak_find(w);
   if (i < 0 || i == leader || fc_leak_x[i].kind != FC_LeakDefinite)
      return;
   /* Unreached: it joins the clique, with what it led itself if it was
      an earlier leader. */
   fc_leak_x[i].kind = FC_LeakIndirect;
   fc_leak_x[leader].indirect_szB += fc_leak_blk_of(i)->tag.req_szB
                                + fc_leak_x[i].indirect_szB;
   fc_leak_x[i].indirect_szB = 0;
   fc_leak_push(i);
}

/* May the aligned word at p hold a pointer?  As in Memcheck, only if all
   its bytes are accessible and defined: a word the program never wrote
   (a new frame's slot it has not used yet, the tail of a grown block),
   one below the stack pointer that a returned frame left, a freed
   mempool chunk or a range marked NOACCESS holds nothing the program
   can use.  Bytes beyond a declared extent still count (ffican's own
   narrowing, not the program's).  Asked only of words that do point
   into a block. */
static inline Bool fc_leak_word_live(Addr p)
{
   FC_SecSlot* slot = fc_shadow_slot(p);
   if (slot == NULL)
      return True;   /* no shadow up there: all accessible and defined */
   const FC_Sec* s = fc_shadow_slot_sec(slot);
   UWord gi = (p & (FC_SH_SEC_SPAN - 1)) >> 3;
   UChar a = s->g[2 * gi];
   if (a != FC_SH_OK && a != FC_SH_EXTENT)
      return False;
   return s->g[2 * gi + 1] == 0;
}

/* The aligned words of [p, end), already known to be mapped. */
static void fc_leak_scan_words(Addr p, Addr end, Int leader, Bool definite)
{
   fc_leak_scanned_szB += end - p;
   for (; p < end; p += sizeof(Addr)) {
      Addr w = *(const Addr*)p;
      if (LIKELY(w < fc_leak_lo || w >= fc_leak_hi) || !fc_leak_word_live(p))
         continue;
      if (leader >= 0)
         fc_leak_clique_word(w, leader);
      else
         fc_leak_mark_word(w, definite);
   }
}

/* A read that faults anyway (see the top) lands here and jumps back into
   fc_leak_scan, which skips the rest of that page. */
static VG_MINIMAL_JMP_BUF(fc_leak_jmpbuf);

static void fc_leak_fault_catcher(Int sig, Addr addr)
{
   vki_sigset_t mask;
   /* The handler runs with sig blocked; unblock it before jumping out. */
   VG_(sigprocmask)(VKI_SIG_SETMASK, NULL, &mask);
   VG_(sigdelset)(&mask, sig);
   VG_(sigprocmask)(VKI_SIG_SETMASK, &mask, NULL);
   if (sig == VKI_SIGSEGV || sig == VKI_SIGBUS)
      VG_MINIMAL_LONGJMP(fc_leak_jmpbuf);
   VG_(umsg)("ffican: unexpected signal %d during the leak search\n", sig);
}

/* Where fc_leak_scan resumes after a fault: the end of the page it was in. */
static volatile Addr fc_leak_resume;

/* Scans [a, a+len) a page at a time; `check` asks the address-space
   manager about each page first (roots; heap blocks are always mapped).
   leader >= 0: clique step, else mark step with `definite`. */
static void fc_leak_scan(Addr a, SizeT len, Bool check, Int leader, Bool definite)
{
   Addr p = VG_ROUNDUP(a, sizeof(Addr));
   Addr end = VG_ROUNDDN(a + len, sizeof(Addr));
   fault_catcher_t prev = VG_(set_fault_catcher)(fc_leak_fault_catcher);
   while (p < end) {
      Addr page_end = VG_PGROUNDDN(p) + VKI_PAGE_SIZE;
      Addr stop = page_end < end ? page_end : end;
      fc_leak_resume = stop;
      if (VG_MINIMAL_SETJMP(fc_leak_jmpbuf) == 0) {
         if (!check || VG_(am_is_valid_for_client)(p, sizeof(Addr),
                                                   VKI_PROT_READ))
            fc_leak_scan_words(p, stop, leader, definite);
      } else {
         fc_leak_faults++;
      }
      p = fc_leak_resume;
   }
   VG_(set_fault_catcher)(prev);
}

/* Scans block i's contents: as reached (`definite` if Reachable) or as
   part of the clique of `leader`. */
static void fc_leak_scan_block(Int i, Int leader)
{
   const FC_Tag* t = &fc_leak_blk_of(i)->tag;
   fc_leak_scan(t->payload, t->req_szB, False, leader,
           fc_leak_x[i].kind == FC_LeakReachable);
}

static void fc_leak_drain(Int leader)
{
   Int i;
   while ((i = fc_leak_pop()) >= 0)
      fc_leak_scan_block(i, leader);
}

/* ------------------------------------------------------------------ */
/* Roots                                                               */
/* ------------------------------------------------------------------ */

static void fc_leak_register_root(ThreadId tid, const HChar* name, UWord val)
{
   fc_leak_mark_word(val, True);
}

/* Dead stack: from the bottom of each thread's stack up to its stack
   pointer less the red zone (VG_STACK_REDZONE_SZB bytes the ABI lets a
   function use below it).  Frames there have returned; what they held is
   no root.  The threads are those whose registers the core hands out
   (live ones, and at exit the ones killed by the exiting thread, no
   longer listed as live), plus the running one (at exit it is no longer
   listed either).  The core gives stack bounds only for live threads;
   for the others the segment holding the stack pointer stands for the
   stack.

   The red zone itself is scanned, word by word as everything else:
   what the frames that returned left there is undefined (every return
   marks the 128 bytes below the new stack pointer so, as in Memcheck:
   fc_instr_abi_hint), and fc_leak_word_live skips it, while a leaf
   function's locals there count.  Under --track-uninit=no nothing is
   undefined; then the red zone of the thread that searches is taken as
   dead: it made the request (or the exit system call) from the function
   it is in, and a function that calls others keeps nothing there.  The
   other threads stopped anywhere, maybe in a leaf function, so theirs
   are scanned. */
typedef struct { Addr lo, hi; } FC_LeakRange;   /* [lo, hi) */
static FC_LeakRange* fc_leak_dead;
static UInt      fc_leak_n_dead;
static Bool*     fc_leak_has_regs;   /* [VG_N_THREADS] */

static void fc_leak_note_thread(ThreadId tid, const HChar* name, UWord val)
{
   if (tid < VG_N_THREADS)
      fc_leak_has_regs[tid] = True;
}

/* Thread with stack pointer sp, whose stack starts at bottom (or 0 if
   the core does not know).  `searching`: the thread that asked for the
   search (or is exiting), whose red zone is dead too (see above). */
static void fc_leak_add_dead(Addr bottom, Addr sp, Bool searching)
{
   const NSegment* s = VG_(am_find_nsegment)(sp);
   Addr lo = bottom != 0 && bottom <= sp ? bottom : sp;
   Addr hi = searching && !fc_clo_track_uninit ? sp : sp - VG_STACK_REDZONE_SZB;
   if (s != NULL && s->start < lo)
      lo = s->start;   /* the segment is the stack at least */
   if (lo < hi)
      fc_leak_dead[fc_leak_n_dead++] = (FC_LeakRange){ lo, hi };
}

static void fc_leak_collect_dead_stacks(void)
{
   ThreadId tid, running = VG_(get_running_tid)();
   Addr sp, max;
   fc_leak_has_regs = VG_(calloc)("fc.leaks.tids", VG_N_THREADS, sizeof(Bool));
   fc_leak_dead = VG_(malloc)("fc.leaks.dead", VG_N_THREADS * sizeof *fc_leak_dead);
   fc_leak_n_dead = 0;
   VG_(apply_to_GP_regs)(fc_leak_note_thread);
   if (running != VG_INVALID_THREADID && running < VG_N_THREADS)
      fc_leak_has_regs[running] = True;
   VG_(thread_stack_reset_iter)(&tid);
   while (VG_(thread_stack_next)(&tid, &sp, &max)) {   /* live threads */
      SizeT size = VG_(thread_get_stack_size)(tid);
      fc_leak_add_dead(size <= max ? max + 1 - size : 0, sp, tid == running);
      fc_leak_has_regs[tid] = False;   /* done */
   }
   for (tid = 1; tid < VG_N_THREADS; tid++)
      if (fc_leak_has_regs[tid])
         fc_leak_add_dead(0, VG_(get_SP)(tid), tid == running);
   VG_(free)(fc_leak_has_regs);
}

/* Is segment s a root? */
static Bool fc_leak_root_segment(const NSegment* s)
{
   if (!s->hasR || s->isCH)
      return False;   /* unreadable, or the heap arena itself */
   if (s->kind == SkFileC && !s->hasW)
      return False;   /* code, constants, relro: as in the file or set
                         before main, never a pointer to a heap block (and
                         constants that look like one would hide leaks) */
   if (s->kind == SkFileC
       && (VKI_S_ISCHR(s->mode) || VKI_S_ISBLK(s->mode))) {
      const HChar* name = VG_(am_get_filename)(s);
      if (name == NULL || !VG_STREQ(name, "/dev/zero"))
         return False;   /* reading a device may have effects */
   }
   return True;
}

/* Scans the root range [lo, hi) less the dead stack ranges from the k-th
   on (they are disjoint). */
static void fc_leak_scan_root_range(Addr lo, Addr hi, UInt k)
{
   for (; k < fc_leak_n_dead; k++) {
      Addr dlo = fc_leak_dead[k].lo, dhi = fc_leak_dead[k].hi;
      if (dhi <= lo || dlo >= hi)
         continue;
      if (dlo > lo)
         fc_leak_scan_root_range(lo, dlo, k + 1);
      if (dhi < hi)
         fc_leak_scan_root_range(dhi, hi, k + 1);
      return;
   }
   if (lo >= hi)
      return;
   if (VG_(clo_verbosity) > 2)
      VG_(umsg)("ffican: leak roots %#lx-%#lx\n", lo, hi - 1);
   fc_leak_scan(lo, hi - lo, True, -1, True);
   fc_leak_drain(-1);
}

static Addr* fc_leak_segment_starts(Int* n)
{
   UInt kinds = SkFileC | SkAnonC | SkShmC;
   Int size = 64;
   for (;;) {
      Addr* starts = VG_(malloc)("fc.leaks.segs", size * sizeof(Addr));
      Int got = VG_(am_get_segment_starts)(kinds, starts, size);
      if (got >= 0) {
         *n = got;
         return starts;
      }
      VG_(free)(starts);
      size = -got + 16;   /* mappings may appear meanwhile */
   }
}

static void fc_leak_scan_roots(void)
{
   Int n;
   Addr* starts = fc_leak_segment_starts(&n);
   fc_leak_collect_dead_stacks();
   for (Int k = 0; k < n; k++) {
      const NSegment* s = VG_(am_find_nsegment)(starts[k]);
      if (s != NULL && fc_leak_root_segment(s))
         fc_leak_scan_root_range(s->start, s->end + 1, 0);
   }
   VG_(free)(starts);
   VG_(free)(fc_leak_dead);
   VG_(apply_to_GP_regs)(fc_leak_register_root);
   fc_leak_drain(-1);
}

/* Step 3: every block still unreached, in address order, leads a clique
   of the unreached blocks it reaches. */
static void fc_leak_find_cliques(void)
{
   for (UInt i = 0; i < fc_leak_n; i++) {
      if (fc_leak_x[i].kind != FC_LeakDefinite)
         continue;
      fc_leak_push(i);
      fc_leak_drain(i);
   }
}

/* ------------------------------------------------------------------ */
/* Loss records (kept across searches for the delta requests)          */
/* ------------------------------------------------------------------ */


static VgHashTable* fc_leak_records;

/* A hash of a stack under --leak-resolution: the whole stack's unique
   number (high), or its first 2 or 4 frames (low, med). */
static UWord fc_leak_stack_key(ExeContext* ec)
{
   if (fc_clo_leak_resolution == FC_LeakResHigh)
      return VG_(get_ECU_from_ExeContext)(ec);
   UInt n = VG_(get_ExeContext_n_ips)(ec);
   UInt keep = fc_clo_leak_resolution == FC_LeakResLow ? 2 : 4;
   const Addr* ips = VG_(get_ExeContext_StackTrace)(ec);
   UWord k = 0;
   for (UInt i = 0; i < n && i < keep; i++)
      k = k * 1000003 + ips[i];
   return k;
}

static Bool fc_leak_stack_eq(ExeContext* x, ExeContext* y)
{
   if (x == y)
      return True;
   if (x == NULL || y == NULL)
      return False;
   switch (fc_clo_leak_resolution) {
      case FC_LeakResLow: return VG_(eq_ExeContext)(Vg_LowRes, x, y);
      case FC_LeakResMed: return VG_(eq_ExeContext)(Vg_MedRes, x, y);
      default:            return False;   /* high: one record per stack */
   }
}

static UWord fc_leak_record_key(const FC_LeakRecord* r)
{
   UWord k = fc_leak_stack_key(r->alloc_ec);
   if (r->cross_ec != NULL)
      k = k * 31 + fc_leak_stack_key(r->cross_ec);
   return (k << 2) ^ r->kind ^ ((UWord)r->crossed_to << 8)
          ^ ((UWord)r->alloc_fn << 16);
}

static Word fc_leak_record_cmp(const void* a, const void* b)
{
   const FC_LeakRecord* x = a;
   const FC_LeakRecord* y = b;
   return !(fc_leak_stack_eq(x->alloc_ec, y->alloc_ec)
            && fc_leak_stack_eq(x->cross_ec, y->cross_ec)
            && x->kind == y->kind && x->alloc_fn == y->alloc_fn
            && x->owner_side == y->owner_side
            && x->crossed_to == y->crossed_to);
}

/* The record for block i (created if new). */
static FC_LeakRecord* fc_leak_record_of(Int i, FC_LeakRecord* last)
{
   const FC_Tag* t = &fc_leak_blk_of(i)->tag;
   FC_LeakRecord probe;
   probe.alloc_ec   = fc_tag_alloc_ec(t);
   Bool handed = fc_tag_handed_over(t);   /* not lent by a getter */
   probe.crossed_to = handed ? t->crossed_to : FC_SideNone;
   probe.cross_ec   = handed ? fc_tag_cross_ec(t) : NULL;
   probe.kind       = fc_leak_x[i].kind;
   probe.alloc_fn   = t->alloc_fn;
   probe.owner_side = t->owner_side;
   if (last != NULL && fc_leak_record_cmp(&probe, last) == 0)
      return last;   /* neighbours often share a record: skip the hash */
   probe.key = fc_leak_record_key(&probe);
   FC_LeakRecord* r = VG_(HT_gen_lookup)(fc_leak_records, &probe, fc_leak_record_cmp);
   if (r == NULL) {
      r = VG_(calloc)("fc.leaks.record", 1, sizeof *r);
      *r = probe;
      r->next = NULL;
      r->szB = r->indirect_szB = r->n_blocks = 0;
      r->old_szB = r->old_indirect_szB = r->old_n_blocks = 0;
      VG_(HT_add_node)(fc_leak_records, r);
   }
   return r;
}

static void fc_leak_build_records(void)
{
   FC_LeakRecord* r;
   if (fc_leak_records == NULL)
      fc_leak_records = VG_(HT_construct)("fc.leaks.records");
   VG_(HT_ResetIter)(fc_leak_records);
   while ((r = VG_(HT_Next)(fc_leak_records)) != NULL) {
      r->old_szB = r->szB;
      r->old_indirect_szB = r->indirect_szB;
      r->old_n_blocks = r->n_blocks;
      r->szB = r->indirect_szB = r->n_blocks = 0;
   }
   r = NULL;
   for (UInt i = 0; i < fc_leak_n; i++) {
      r = fc_leak_record_of(i, r);
      r->szB += fc_leak_blk_of(i)->tag.req_szB;
      r->indirect_szB += fc_leak_x[i].indirect_szB;
      r->n_blocks++;
   }
}

/* Smallest first, as Memcheck: the biggest leaks end up nearest the
   summary.  Ties: kind, then allocation order of the stacks. */
static Int fc_leak_cmp_records(const void* a, const void* b)
{
   const FC_LeakRecord* x = *(const FC_LeakRecord* const*)a;
   const FC_LeakRecord* y = *(const FC_LeakRecord* const*)b;
   ULong tx = x->szB + x->indirect_szB, ty = y->szB + y->indirect_szB;
   if (tx != ty)
      return tx < ty ? -1 : 1;
   if (x->n_blocks != y->n_blocks)
      return x->n_blocks < y->n_blocks ? -1 : 1;
   if (x->kind != y->kind)
      return x->kind < y->kind ? -1 : 1;
   UInt ex = VG_(get_ECU_from_ExeContext)(x->alloc_ec);
   UInt ey = VG_(get_ECU_from_ExeContext)(y->alloc_ec);
   if (ex != ey)
      return ex < ey ? -1 : 1;
   UInt cx = x->cross_ec ? VG_(get_ECU_from_ExeContext)(x->cross_ec) : 0;
   UInt cy = y->cross_ec ? VG_(get_ECU_from_ExeContext)(y->cross_ec) : 0;
   return cx < cy ? -1 : cx > cy ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* Reporting                                                           */
/* ------------------------------------------------------------------ */

typedef enum { FC_LeakDeltaAny, FC_LeakDeltaIncreased, FC_LeakDeltaChanged } FC_LeakDelta;

typedef struct {
   FC_LeakCheck mode;       /* FC_LeakCheckSummary, _Crossing or _Full */
   FC_LeakDelta delta;
} FC_LeakParams;


/* Totals of one search, by kind; the previous search's for deltas. */
typedef struct {
   ULong bytes[FC_LeakNKinds], blocks[FC_LeakNKinds];
   ULong handed_bytes[FC_LeakNKinds], handed_blocks[FC_LeakNKinds];
   ULong supp_bytes, supp_blocks;
   ULong heur_bytes[FC_LeakNHeurs], heur_blocks[FC_LeakNHeurs];
} FC_LeakTotals;

static FC_LeakTotals fc_leak_now, fc_leak_prev;

static Bool fc_leak_delta_shows(const FC_LeakRecord* r, FC_LeakDelta d)
{
   switch (d) {
      case FC_LeakDeltaAny:
         return r->n_blocks > 0;
      case FC_LeakDeltaIncreased:
         return r->szB > r->old_szB || r->indirect_szB > r->old_indirect_szB
                || r->n_blocks > r->old_n_blocks;
      case FC_LeakDeltaChanged:
         return r->szB != r->old_szB
                || r->indirect_szB != r->old_indirect_szB
                || r->n_blocks != r->old_n_blocks;
   }
   tl_assert(0);
}

/* In scope: under crossing only handed-over records take part, under
   full all, under summary none.  In scope, --show-leak-kinds and
   --errors-for-leak-kinds pick what is shown and what is counted. */
static Bool fc_leak_in_scope(const FC_LeakParams* p, const FC_LeakRecord* r)
{
   Bool in_scope = p->mode == FC_LeakCheckFull
                   || (p->mode == FC_LeakCheckCrossing
                       && r->crossed_to != FC_SideNone);
   return in_scope && fc_leak_delta_shows(r, p->delta);
}

static void fc_leak_add_totals(const FC_LeakRecord* r, Bool suppressed)
{
   if (suppressed) {
      fc_leak_now.supp_bytes += r->szB;
      fc_leak_now.supp_blocks += r->n_blocks;
      return;
   }
   fc_leak_now.bytes[r->kind] += r->szB;
   fc_leak_now.blocks[r->kind] += r->n_blocks;
   if (r->crossed_to != FC_SideNone) {
      fc_leak_now.handed_bytes[r->kind] += r->szB;
      fc_leak_now.handed_blocks[r->kind] += r->n_blocks;
   }
}

static void fc_leak_add_heuristic_totals(void)
{
   for (UInt i = 0; i < fc_leak_n; i++) {
      UChar h = fc_leak_x[i].heur;
      if (fc_leak_x[i].kind == FC_LeakReachable && h != FC_LeakHeurNone) {
         fc_leak_now.heur_bytes[h] += fc_leak_blk_of(i)->tag.req_szB;
         fc_leak_now.heur_blocks[h]++;
      }
   }
}

/* A record is numbered if it has blocks, or, for a "changed" search,
   had some last time. */
static Bool fc_leak_record_listed(const FC_LeakRecord* r, FC_LeakDelta d)
{
   return r->n_blocks > 0 || (d == FC_LeakDeltaChanged && r->old_n_blocks > 0);
}

/* Reports every record (suppressed ones are only counted); returns how
   many lost bytes are in records out of scope under this mode. */
static ULong fc_leak_report_records(ThreadId tid, const FC_LeakParams* p)
{
   UInt n = 0, total = 0;
   FC_LeakRecord* r;
   ULong unshown = 0;
   VG_(HT_ResetIter)(fc_leak_records);
   while ((r = VG_(HT_Next)(fc_leak_records)) != NULL)
      if (fc_leak_record_listed(r, p->delta))
         total++;
   FC_LeakRecord** all = VG_(malloc)("fc.leaks.sorted",
                                 (total + 1) * sizeof *all);
   VG_(HT_ResetIter)(fc_leak_records);
   while ((r = VG_(HT_Next)(fc_leak_records)) != NULL)
      if (fc_leak_record_listed(r, p->delta))
         all[n++] = r;
   tl_assert(n == total);
   VG_(ssort)(all, n, sizeof *all, fc_leak_cmp_records);
   for (UInt k = 0; k < n; k++) {
      r = all[k];
      Bool in_scope = fc_leak_in_scope(p, r);
      Bool print = in_scope && (fc_clo_show_leak_kinds & FC_LEAK_BIT(r->kind));
      Bool count = in_scope && (fc_clo_errors_for_leak_kinds & FC_LEAK_BIT(r->kind));
      Bool suppressed = fc_record_leak(tid, r, k + 1, n,
                                       p->delta != FC_LeakDeltaAny,
                                       print, count);
      fc_leak_add_totals(r, suppressed);
      if (!suppressed && !in_scope && r->kind != FC_LeakReachable
          && fc_leak_delta_shows(r, p->delta))
         unshown += r->szB;   /* --leak-check=full would show it */
   }
   VG_(free)(all);
   return unshown;
}


static void fc_leak_summary_line(const HChar* label, FC_LeakKind k, Bool delta)
{
   HChar bytes[64], blocks[64];
   fc_fmt_delta(bytes, sizeof bytes, fc_leak_now.bytes[k], fc_leak_prev.bytes[k], delta);
   fc_fmt_delta(blocks, sizeof blocks, fc_leak_now.blocks[k], fc_leak_prev.blocks[k], delta);
   if (fc_leak_now.handed_blocks[k] == 0) {
      VG_(umsg)("   %s: %s bytes in %s blocks\n", label, bytes, blocks);
      return;
   }
   VG_(umsg)("   %s: %s bytes in %s blocks (handed across: %'llu bytes in "
             "%'llu blocks)\n", label, bytes, blocks,
             fc_leak_now.handed_bytes[k], fc_leak_now.handed_blocks[k]);
}

static void fc_leak_print_summary(const FC_LeakParams* p, ULong unshown)
{
   Bool delta = p->delta != FC_LeakDeltaAny;
   HChar bytes[64], blocks[64];
   VG_(umsg)("LEAK SUMMARY:\n");
   fc_leak_summary_line("definitely lost", FC_LeakDefinite, delta);
   fc_leak_summary_line("indirectly lost", FC_LeakIndirect, delta);
   fc_leak_summary_line("  possibly lost", FC_LeakPossible, delta);
   fc_leak_summary_line("still reachable", FC_LeakReachable, delta);
   Bool any_heur = False;
   for (UInt h = 1; h < FC_LeakNHeurs; h++)
      any_heur = any_heur || fc_leak_now.heur_blocks[h] > 0;
   if (any_heur) {
      VG_(umsg)("                      of which reachable via heuristic:\n");
      for (UInt h = 1; h < FC_LeakNHeurs; h++)
         if (fc_leak_now.heur_blocks[h] > 0)
            VG_(umsg)("                        %-9s: %'llu bytes in %'llu "
                      "blocks\n", fc_leak_heur_names[h], fc_leak_now.heur_bytes[h],
                      fc_leak_now.heur_blocks[h]);
   }
   fc_fmt_delta(bytes, sizeof bytes, fc_leak_now.supp_bytes, fc_leak_prev.supp_bytes, delta);
   fc_fmt_delta(blocks, sizeof blocks, fc_leak_now.supp_blocks, fc_leak_prev.supp_blocks,
          delta);
   VG_(umsg)("        suppressed: %s bytes in %s blocks\n", bytes, blocks);
   if (unshown > 0)
      VG_(umsg)("Rerun with --leak-check=full to see details of leaked "
                "memory\n");
   else if (p->mode == FC_LeakCheckFull && fc_leak_now.blocks[FC_LeakReachable] > 0
            && !(fc_clo_show_leak_kinds & FC_LEAK_BIT(FC_LeakReachable)))
      VG_(umsg)("Reachable blocks (those to which a pointer was found) "
                "are not shown.\nTo see them, rerun with: "
                "--leak-check=full --show-leak-kinds=all\n");
   VG_(umsg)("\n");
}

/* The summary is printed as Memcheck would, except that the default
   mode says nothing when nothing is lost (a clean program stays quiet). */
static Bool fc_leak_wants_summary(const FC_LeakParams* p)
{
   if (VG_(clo_verbosity) == 0 || VG_(clo_xml))
      return False;
   if (p->mode != FC_LeakCheckCrossing || fc_option_given("--leak-check")
       || VG_(clo_verbosity) > 1)
      return True;
   return fc_leak_now.blocks[FC_LeakDefinite] + fc_leak_now.blocks[FC_LeakIndirect]
          + fc_leak_now.blocks[FC_LeakPossible] > 0;
}

static void fc_leak_search(ThreadId tid, const FC_LeakParams* p)
{
   UInt t0 = VG_(read_millisecond_timer)();
   fc_leak_snapshot();
   UInt n_blocks = fc_leak_n;
   if (VG_(clo_verbosity) > 1 && !VG_(clo_xml))
      VG_(umsg)("Searching for pointers to %'u not-freed blocks\n", fc_leak_n);
   fc_leak_scanned_szB = 0;
   fc_leak_faults = 0;
   if (fc_leak_n > 0) {
      fc_leak_scan_roots();
      fc_leak_find_cliques();
   }
   fc_leak_prev = fc_leak_now;
   VG_(memset)(&fc_leak_now, 0, sizeof fc_leak_now);
   fc_leak_build_records();
   fc_leak_add_heuristic_totals();
   fc_leak_free_snapshot();
   UInt t1 = VG_(read_millisecond_timer)();
   if (VG_(clo_verbosity) > 1 && !VG_(clo_xml))
      VG_(umsg)("Checked %'llu bytes in %u ms (%u unreadable pages "
                "skipped)\n\n", fc_leak_scanned_szB, t1 - t0, fc_leak_faults);
   ULong unshown = fc_leak_report_records(tid, p);
   if (fc_leak_wants_summary(p)) {
      if (n_blocks == 0)
         VG_(umsg)("All heap blocks were freed -- no leaks are possible"
                   "\n\n");
      else
         fc_leak_print_summary(p, unshown);
   }
}

/* ------------------------------------------------------------------ */
/* The Leak error kind (called from fc_errors.c)                       */
/* ------------------------------------------------------------------ */


/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

void fc_leaks_at_exit(ThreadId tid)
{
   if (fc_clo_leak_check == FC_LeakCheckNo)
      return;
   FC_LeakParams p = { fc_clo_leak_check, FC_LeakDeltaAny };
   fc_leak_search(tid, &p);
}

/* Memcheck's request numbers (memcheck.h): an ABI, fixed forever. */
#define FC_LEAK_MC_REQ(n)             (VG_USERREQ_TOOL_BASE('M', 'C') + (n))
#define FC_LEAK_REQ_DO_LEAK_CHECK     FC_LEAK_MC_REQ(6)
#define FC_LEAK_REQ_COUNT_LEAKS       FC_LEAK_MC_REQ(7)
#define FC_LEAK_REQ_COUNT_LEAK_BLOCKS FC_LEAK_MC_REQ(12)

/* Stores v at client address a, if the client may write there. */
static void fc_leak_put(UWord a, ULong v)
{
   if (a != 0 && VG_(am_is_valid_for_client)(a, sizeof(UWord),
                                             VKI_PROT_WRITE))
      *(UWord*)a = v;
}

static void fc_leak_requested_search(ThreadId tid, UWord mode, UWord delta)
{
   FC_LeakParams p = { FC_LeakCheckFull, FC_LeakDeltaAny };
   if (mode == 1)
      p.mode = FC_LeakCheckSummary;
   else if (mode != 0)
      VG_(umsg)("Warning: unknown leak search mode %lu: doing a full "
                "search\n", mode);
   if (delta == 1)
      p.delta = FC_LeakDeltaIncreased;
   else if (delta == 2)
      p.delta = FC_LeakDeltaChanged;
   else if (delta != 0)
      VG_(umsg)("Warning: unknown leak search delta mode %lu: showing "
                "every record\n", delta);
   fc_leak_search(tid, &p);
}

Bool fc_leaks_handle_client_request(ThreadId tid, UWord* arg, UWord* ret)
{
   switch (arg[0]) {
      case FC_LEAK_REQ_DO_LEAK_CHECK:
         fc_leak_requested_search(tid, arg[1], arg[2]);
         break;
      case FC_LEAK_REQ_COUNT_LEAKS:   /* leaked, dubious, reachable, suppressed */
         fc_leak_put(arg[1], fc_leak_now.bytes[FC_LeakDefinite] + fc_leak_now.bytes[FC_LeakIndirect]);
         fc_leak_put(arg[2], fc_leak_now.bytes[FC_LeakPossible]);
         fc_leak_put(arg[3], fc_leak_now.bytes[FC_LeakReachable]);
         fc_leak_put(arg[4], fc_leak_now.supp_bytes);
         break;
      case FC_LEAK_REQ_COUNT_LEAK_BLOCKS:
         fc_leak_put(arg[1], fc_leak_now.blocks[FC_LeakDefinite]
                        + fc_leak_now.blocks[FC_LeakIndirect]);
         fc_leak_put(arg[2], fc_leak_now.blocks[FC_LeakPossible]);
         fc_leak_put(arg[3], fc_leak_now.blocks[FC_LeakReachable]);
         fc_leak_put(arg[4], fc_leak_now.supp_blocks);
         break;
      default:
         return False;
   }
   *ret = 0;
   return True;
}
