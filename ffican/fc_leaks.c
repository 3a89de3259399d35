/* fc_leaks.c: the leak search, at exit and on request.

   Owns: the leak options, the search, the loss records (kept from one
   search to the next for the delta requests), the text and XML of a
   Leak record and its suppression lines (match-leak-kinds:).

   The search, in four steps:
     1. snapshot the live blocks (fc_blocks_live_array) sorted by address,
        so that "which block holds this word" is a binary search;
     2. mark: scan the roots -- every readable client segment that is not
        the client-heap arena, less the part of each thread stack below
        its stack pointer, and every thread's registers -- and, through a
        mark stack, every block reached.  A word equal to a block's start
        makes it Reachable (if the word was found in a root or a
        Reachable block); any other word into a block makes it Possible.
        A heuristic may accept a known interior pointer as a start (Rust's
        Rc/Arc and hashbrown tables, glibc's thread DTVs: lk_heuristic);
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

   Handed-over blocks (crossed_to set: passed across the boundary and not
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

   Limits: no shadow memory yet, so every readable byte of a root counts
   (Memcheck skips undefined bytes).  Read-only file mappings (code,
   constants, relro) are not roots, as in Memcheck; read-only anonymous
   mappings are.  No --leak-resolution (records group by the whole
   allocation stack) and no --xtree-leak.

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
#include "fc_sides.h"

/* ------------------------------------------------------------------ */
/* Leak kinds                                                          */
/* ------------------------------------------------------------------ */

/* A block's kind, as Memcheck names them.  During the search a block
   not yet reached is LK_Definite ("unreached"); what is still unreached
   after the cliques is definitely lost. */
typedef enum {
   LK_Definite = 0,
   LK_Indirect,
   LK_Possible,
   LK_Reachable,
   LK_NKinds
} LK_Kind;

#define LK_BIT(k)     (1u << (k))
#define LK_ALL_KINDS  (LK_BIT(LK_NKinds) - 1)
/* The words of --show-leak-kinds, --errors-for-leak-kinds and
   match-leak-kinds:, in LK_Kind order (VG_(parse_enum_set) numbers them). */
#define LK_KIND_TOKENS "definite,indirect,possible,reachable"

static const HChar* const lk_kind_words[LK_NKinds] = {
   "definite", "indirect", "possible", "reachable"
};
static const HChar* const lk_kind_text[LK_NKinds] = {
   "definitely lost", "indirectly lost", "possibly lost", "still reachable"
};
static const HChar* const lk_kind_xml[LK_NKinds] = {
   "Leak_DefinitelyLost", "Leak_IndirectlyLost", "Leak_PossiblyLost",
   "Leak_StillReachable"
};

/* Heuristics: interior pointers that a Rust type keeps on purpose. */
typedef enum {
   LK_HeurNone = 0,
   LK_HeurRc,          /* Rc/Arc (and into_raw): the value after the counts */
   LK_HeurHashbrown,   /* HashMap/HashSet: the table's control bytes */
   LK_HeurDtv,         /* glibc's per-thread DTV: one entry in */
   LK_NHeurs
} LK_Heur;
#define LK_HEUR_TOKENS "rc,hashbrown,dtv"   /* bit h-1 for heuristic h */
#define LK_HEUR_BIT(h) (1u << ((h) - 1))
static const HChar* const lk_heur_names[LK_NHeurs] = {
   "none", "rc", "hashbrown", "dtv"
};

/* ------------------------------------------------------------------ */
/* Options: default, parser and help side by side                      */
/* ------------------------------------------------------------------ */

typedef enum {
   LK_CheckNo,         /* no search at exit */
   LK_CheckSummary,    /* the LEAK SUMMARY only */
   LK_CheckCrossing,   /* records of handed-over blocks, summary for all */
   LK_CheckFull        /* records of every kind shown */
} LK_Check;

static LK_Check lk_clo_check       = LK_CheckCrossing;
static Bool     lk_clo_check_given = False;   /* --leak-check on the line */
static UInt     lk_clo_show  = LK_BIT(LK_Definite) | LK_BIT(LK_Possible);
static UInt     lk_clo_errors = LK_BIT(LK_Definite) | LK_BIT(LK_Possible);
static UInt     lk_clo_heuristics = LK_HEUR_BIT(LK_HeurRc)
                                    | LK_HEUR_BIT(LK_HeurHashbrown)
                                    | LK_HEUR_BIT(LK_HeurDtv);

Bool fc_leaks_process_option(const HChar* arg)
{
   Bool b;
   if      VG_XACT_CLO(arg, "--leak-check=no", lk_clo_check, LK_CheckNo) {}
   else if VG_XACT_CLO(arg, "--leak-check=summary", lk_clo_check,
                       LK_CheckSummary) {}
   else if VG_XACT_CLO(arg, "--leak-check=crossing", lk_clo_check,
                       LK_CheckCrossing) {}
   else if VG_XACT_CLO(arg, "--leak-check=full", lk_clo_check,
                       LK_CheckFull) {}
   else if VG_XACT_CLO(arg, "--leak-check=yes", lk_clo_check,
                       LK_CheckFull) {}
   else if VG_USET_CLO(arg, "--show-leak-kinds", LK_KIND_TOKENS,
                       lk_clo_show) {}
   else if VG_USET_CLO(arg, "--errors-for-leak-kinds", LK_KIND_TOKENS,
                       lk_clo_errors) {}
   else if VG_BOOL_CLO(arg, "--show-reachable", b) {
      lk_clo_show = b ? LK_ALL_KINDS
                      : LK_BIT(LK_Definite) | LK_BIT(LK_Possible);
   }
   else if VG_BOOL_CLO(arg, "--show-possibly-lost", b) {
      lk_clo_show = b ? lk_clo_show | LK_BIT(LK_Possible)
                      : lk_clo_show & ~LK_BIT(LK_Possible);
   }
   else if VG_USET_CLO(arg, "--leak-check-heuristics", LK_HEUR_TOKENS,
                       lk_clo_heuristics) {}
   else
      return False;
   if (VG_STREQN(13, arg, "--leak-check="))
      lk_clo_check_given = True;
   return True;
}

void fc_leaks_print_usage(void)
{
   VG_(printf)(
"    --leak-check=no|summary|crossing|full\n"
"                              search for leaked blocks at exit: crossing:\n"
"                              show blocks handed across the boundary and\n"
"                              never released, count the rest in the\n"
"                              summary; full: show every leaked block\n"
"                              [crossing]\n"
"    --show-leak-kinds=kind1,kind2,.. which leak kinds to show\n"
"                              [definite,possible]\n"
"    --errors-for-leak-kinds=kind1,kind2,.. which leak kinds are errors\n"
"                              [definite,possible]\n"
"        where kind is one of:\n"
"          definite indirect possible reachable all none\n"
"    --show-reachable=yes      same as --show-leak-kinds=all\n"
"    --show-reachable=no --show-possibly-lost=yes\n"
"                              same as --show-leak-kinds=definite,possible\n"
"    --show-reachable=no --show-possibly-lost=no\n"
"                              same as --show-leak-kinds=definite\n"
"    --leak-check-heuristics=heur1,heur2,... interior pointers that make\n"
"                              a block reachable [all]\n"
"        where heur is one of:\n"
"          rc hashbrown dtv all none\n");
}

/* ------------------------------------------------------------------ */
/* The search state (lives for one search)                             */
/* ------------------------------------------------------------------ */

/* Per block, parallel to lk_start/lk_end/lk_blk. */
typedef struct {
   ULong indirect_szB;  /* for a clique leader: bytes only it reaches */
   Int   next;          /* next block on the mark stack; valid if pending */
   UChar kind;          /* LK_Kind known so far */
   UChar pending;       /* on the mark stack */
   UChar heur;          /* LK_Heur that made it Reachable, or LK_HeurNone */
} LK_Extra;

static UInt       lk_n;        /* live blocks in the snapshot */
static Addr*      lk_start;    /* payloads, ascending */
static Addr*      lk_end;      /* payload + max(req_szB, 1) */
static FC_Block** lk_blk;      /* the blocks themselves */
static LK_Extra*  lk_x;
static Addr       lk_lo, lk_hi;   /* lk_start[0], max of lk_end */
static Int        lk_top = -1;    /* top of the mark stack, -1 if empty */
static ULong      lk_scanned_szB; /* statistics for -v */
static UInt       lk_faults;

typedef struct {
   Addr      start;
   FC_Block* b;
} LK_Pair;

/* Sorts the n pairs of a by start, using tmp (as big) as scratch; returns
   whichever of the two holds the result.  An LSD radix sort, 11 bits a
   pass from bit 0 (blocks the program declares need not be 16-aligned),
   up to the highest bit set: four passes for a heap below 128 GiB.  A comparison sort of a million
   blocks took longer than the whole marking. */
#define LK_RADIX_BITS 11
static LK_Pair* lk_sort_pairs(LK_Pair* a, LK_Pair* tmp, UInt n)
{
   Addr max = 0;
   for (UInt i = 0; i < n; i++)
      if (a[i].start > max)
         max = a[i].start;
   UInt* pos = VG_(malloc)("fc.leaks.radix",
                           (1u << LK_RADIX_BITS) * sizeof(UInt));
   for (UInt shift = 0; shift < 64 && (max >> shift) != 0;
        shift += LK_RADIX_BITS) {
      const Addr mask = (1u << LK_RADIX_BITS) - 1;
      VG_(memset)(pos, 0, (1u << LK_RADIX_BITS) * sizeof(UInt));
      for (UInt i = 0; i < n; i++)
         pos[(a[i].start >> shift) & mask]++;
      UInt sum = 0;
      for (UInt d = 0; d < (1u << LK_RADIX_BITS); d++) {
         UInt c = pos[d];
         pos[d] = sum;
         sum += c;
      }
      for (UInt i = 0; i < n; i++)
         tmp[pos[(a[i].start >> shift) & mask]++] = a[i];
      LK_Pair* t = a;
      a = tmp;
      tmp = t;
   }
   VG_(free)(pos);
   return a;
}

/* Step 1: the live blocks, sorted by payload. */
static void lk_snapshot(void)
{
   FC_Block** all = fc_blocks_live_array(&lk_n);
   lk_start = lk_end = NULL;
   lk_blk = NULL;
   lk_x = NULL;
   lk_lo = lk_hi = 0;
   lk_top = -1;
   if (lk_n == 0)
      return;
   LK_Pair* buf1 = VG_(malloc)("fc.leaks.pairs", lk_n * sizeof *buf1);
   for (UInt i = 0; i < lk_n; i++) {
      buf1[i].start = all[i]->tag.payload;
      buf1[i].b = all[i];
   }
   VG_(free)(all);
   LK_Pair* buf2 = VG_(malloc)("fc.leaks.pairs2", lk_n * sizeof *buf2);
   const LK_Pair* pairs = lk_sort_pairs(buf1, buf2, lk_n);
   lk_start = VG_(malloc)("fc.leaks.start", lk_n * sizeof(Addr));
   lk_end   = VG_(malloc)("fc.leaks.end", lk_n * sizeof(Addr));
   lk_blk   = VG_(malloc)("fc.leaks.blk", lk_n * sizeof(FC_Block*));
   lk_x     = VG_(calloc)("fc.leaks.extra", lk_n, sizeof(LK_Extra));
   for (UInt i = 0; i < lk_n; i++) {
      SizeT szB = pairs[i].b->tag.req_szB;
      lk_start[i] = pairs[i].start;
      lk_end[i]   = pairs[i].start + (szB ? szB : 1);
      lk_blk[i]   = pairs[i].b;
      lk_x[i].kind = LK_Definite;
      tl_assert(i == 0 || lk_start[i] >= lk_end[i - 1]);   /* no overlap */
      if (lk_end[i] > lk_hi)
         lk_hi = lk_end[i];
   }
   lk_lo = lk_start[0];
   VG_(free)(buf1);
   VG_(free)(buf2);
}

static void lk_free_snapshot(void)
{
   if (lk_n == 0)
      return;
   VG_(free)(lk_start);
   VG_(free)(lk_end);
   VG_(free)(lk_blk);
   VG_(free)(lk_x);
   lk_n = 0;
}

/* The block holding address w, or -1.  Callers test lk_lo <= w < lk_hi
   first, which rejects most words for one comparison. */
static inline Int lk_find(Addr w)
{
   UInt lo = 0, hi = lk_n;   /* invariant: lk_start[lo] <= w */
   while (hi - lo > 1) {
      UInt mid = lo + (hi - lo) / 2;
      if (lk_start[mid] <= w)
         lo = mid;
      else
         hi = mid;
   }
   return w < lk_end[lo] ? (Int)lo : -1;
}

static inline void lk_push(Int i)
{
   if (lk_x[i].pending)
      return;
   lk_x[i].pending = 1;
   lk_x[i].next = lk_top;
   lk_top = i;
}

static inline Int lk_pop(void)
{
   Int i = lk_top;
   if (i >= 0) {
      lk_top = lk_x[i].next;
      lk_x[i].pending = 0;
   }
   return i;
}

/* ------------------------------------------------------------------ */
/* Heuristics                                                          */
/* ------------------------------------------------------------------ */

/* Rc<T>/Arc<T> (and Rc::into_raw/Arc::into_raw, Rust's own thread handle)
   point at the value, after the strong and weak counts: offset 16, or
   the value's alignment if larger.  Both counts of a live Rc are >= 1. */
static Bool lk_looks_like_rc(const FC_Tag* t, SizeT off)
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
static Bool lk_looks_like_hashbrown(const FC_Tag* t, SizeT off)
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
static Bool lk_looks_like_dtv(const FC_Tag* t, SizeT off)
{
   if (off != 16 || t->alloc_fn != FC_AllocCalloc || t->req_szB < 32)
      return False;
   UWord n = *(const UWord*)t->payload;
   return n < (1UL << 20) && (n + 2) * 16 == t->req_szB;
}

/* Which heuristic, if any, accepts interior pointer w into block i. */
static UChar lk_heuristic(Addr w, Int i)
{
   const FC_Tag* t = &lk_blk[i]->tag;
   if (lk_clo_heuristics == 0)
      return LK_HeurNone;
   SizeT off = w - t->payload;
   if ((lk_clo_heuristics & LK_HEUR_BIT(LK_HeurDtv))
       && lk_looks_like_dtv(t, off))
      return LK_HeurDtv;
   /* Rust's types, from Rust's allocator or from Rust code calling the
      System allocator (std's own thread handles do). */
   if (t->family != FC_FamRust && t->owner_side != FC_SideRust)
      return LK_HeurNone;
   if ((lk_clo_heuristics & LK_HEUR_BIT(LK_HeurRc))
       && lk_looks_like_rc(t, off))
      return LK_HeurRc;
   if ((lk_clo_heuristics & LK_HEUR_BIT(LK_HeurHashbrown))
       && lk_looks_like_hashbrown(t, off))
      return LK_HeurHashbrown;
   return LK_HeurNone;
}

/* ------------------------------------------------------------------ */
/* Marking                                                             */
/* ------------------------------------------------------------------ */

/* Step 2, one word w found in a root or in a block: `definite` when it
   was found in a root or a Reachable block. */
static inline void lk_mark_word(Addr w, Bool definite)
{
   if (LIKELY(w < lk_lo || w >= lk_hi))
      return;
   Int i = lk_find(w);
   if (i < 0)
      return;
   LK_Extra* x = &lk_x[i];
   Bool at_start = w == lk_start[i];
   if (x->kind == LK_Reachable) {
      if (at_start && definite)
         x->heur = LK_HeurNone;   /* reachable without help after all */
      return;
   }
   if (definite) {
      UChar h = at_start ? LK_HeurNone : lk_heuristic(w, i);
      if (at_start || h != LK_HeurNone) {
         x->kind = LK_Reachable;
         x->heur = h;
         lk_push(i);
         return;
      }
   }
   if (x->kind == LK_Definite) {
      x->kind = LK_Possible;
      lk_push(i);
   }
}

/* Step 3, one word w found in a block of the clique led by `leader`. */
static inline void lk_clique_word(Addr w, Int leader)
{
   if (LIKELY(w < lk_lo || w >= lk_hi))
      return;
   Int i = lk_find(w);
   if (i < 0 || i == leader || lk_x[i].kind != LK_Definite)
      return;
   /* Unreached: it joins the clique, with what it led itself if it was
      an earlier leader. */
   lk_x[i].kind = LK_Indirect;
   lk_x[leader].indirect_szB += lk_blk[i]->tag.req_szB
                                + lk_x[i].indirect_szB;
   lk_x[i].indirect_szB = 0;
   lk_push(i);
}

/* The aligned words of [p, end), already known to be mapped. */
static void lk_scan_words(Addr p, Addr end, Int leader, Bool definite)
{
   lk_scanned_szB += end - p;
   for (; p < end; p += sizeof(Addr)) {
      Addr w = *(const Addr*)p;
      if (leader >= 0)
         lk_clique_word(w, leader);
      else
         lk_mark_word(w, definite);
   }
}

/* A read that faults anyway (see the top) lands here and jumps back into
   lk_scan, which skips the rest of that page. */
static VG_MINIMAL_JMP_BUF(lk_jmpbuf);

static void lk_fault_catcher(Int sig, Addr addr)
{
   vki_sigset_t mask;
   /* The handler runs with sig blocked; unblock it before jumping out. */
   VG_(sigprocmask)(VKI_SIG_SETMASK, NULL, &mask);
   VG_(sigdelset)(&mask, sig);
   VG_(sigprocmask)(VKI_SIG_SETMASK, &mask, NULL);
   if (sig == VKI_SIGSEGV || sig == VKI_SIGBUS)
      VG_MINIMAL_LONGJMP(lk_jmpbuf);
   VG_(umsg)("ffican: unexpected signal %d during the leak search\n", sig);
}

/* Where lk_scan resumes after a fault: the end of the page it was in. */
static volatile Addr lk_resume;

/* Scans [a, a+len) a page at a time; `check` asks the address-space
   manager about each page first (roots; heap blocks are always mapped).
   leader >= 0: clique step, else mark step with `definite`. */
static void lk_scan(Addr a, SizeT len, Bool check, Int leader, Bool definite)
{
   Addr p = VG_ROUNDUP(a, sizeof(Addr));
   Addr end = VG_ROUNDDN(a + len, sizeof(Addr));
   fault_catcher_t prev = VG_(set_fault_catcher)(lk_fault_catcher);
   while (p < end) {
      Addr page_end = VG_PGROUNDDN(p) + VKI_PAGE_SIZE;
      Addr stop = page_end < end ? page_end : end;
      lk_resume = stop;
      if (VG_MINIMAL_SETJMP(lk_jmpbuf) == 0) {
         if (!check || VG_(am_is_valid_for_client)(p, sizeof(Addr),
                                                   VKI_PROT_READ))
            lk_scan_words(p, stop, leader, definite);
      } else {
         lk_faults++;
      }
      p = lk_resume;
   }
   VG_(set_fault_catcher)(prev);
}

/* Scans block i's contents: as reached (`definite` if Reachable) or as
   part of the clique of `leader`. */
static void lk_scan_block(Int i, Int leader)
{
   const FC_Tag* t = &lk_blk[i]->tag;
   lk_scan(t->payload, t->req_szB, False, leader,
           lk_x[i].kind == LK_Reachable);
}

static void lk_drain(Int leader)
{
   Int i;
   while ((i = lk_pop()) >= 0)
      lk_scan_block(i, leader);
}

/* ------------------------------------------------------------------ */
/* Roots                                                               */
/* ------------------------------------------------------------------ */

static void lk_register_root(ThreadId tid, const HChar* name, UWord val)
{
   lk_mark_word(val, True);
}

/* Dead stack: from the bottom of each thread's stack up to its stack
   pointer less the red zone (VG_STACK_REDZONE_SZB bytes the ABI lets a
   function use below it).  Frames there have returned; what they held is
   no root.  The threads are those whose registers the core hands out
   (live ones, and at exit the ones killed by the exiting thread, no
   longer listed as live), plus the running one (at exit it is no longer
   listed either).  The core gives stack bounds only for live threads;
   for the others the segment holding the stack pointer stands for the
   stack. */
typedef struct { Addr lo, hi; } LK_Range;   /* [lo, hi) */
static LK_Range* lk_dead;
static UInt      lk_n_dead;
static Bool*     lk_has_regs;   /* [VG_N_THREADS] */

static void lk_note_thread(ThreadId tid, const HChar* name, UWord val)
{
   if (tid < VG_N_THREADS)
      lk_has_regs[tid] = True;
}

/* Thread with stack pointer sp, whose stack starts at bottom (or 0 if
   the core does not know). */
static void lk_add_dead(Addr bottom, Addr sp)
{
   const NSegment* s = VG_(am_find_nsegment)(sp);
   Addr lo = bottom != 0 && bottom <= sp ? bottom : sp;
   Addr hi = sp - VG_STACK_REDZONE_SZB;
   if (s != NULL && s->start < lo)
      lo = s->start;   /* the segment is the stack at least */
   if (lo < hi)
      lk_dead[lk_n_dead++] = (LK_Range){ lo, hi };
}

static void lk_collect_dead_stacks(void)
{
   ThreadId tid, running = VG_(get_running_tid)();
   Addr sp, max;
   lk_has_regs = VG_(calloc)("fc.leaks.tids", VG_N_THREADS, sizeof(Bool));
   lk_dead = VG_(malloc)("fc.leaks.dead", VG_N_THREADS * sizeof *lk_dead);
   lk_n_dead = 0;
   VG_(apply_to_GP_regs)(lk_note_thread);
   if (running != VG_INVALID_THREADID && running < VG_N_THREADS)
      lk_has_regs[running] = True;
   VG_(thread_stack_reset_iter)(&tid);
   while (VG_(thread_stack_next)(&tid, &sp, &max)) {   /* live threads */
      SizeT size = VG_(thread_get_stack_size)(tid);
      lk_add_dead(size <= max ? max + 1 - size : 0, sp);
      lk_has_regs[tid] = False;   /* done */
   }
   for (tid = 1; tid < VG_N_THREADS; tid++)
      if (lk_has_regs[tid])
         lk_add_dead(0, VG_(get_SP)(tid));
   VG_(free)(lk_has_regs);
}

/* Is segment s a root? */
static Bool lk_root_segment(const NSegment* s)
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
static void lk_scan_root_range(Addr lo, Addr hi, UInt k)
{
   for (; k < lk_n_dead; k++) {
      Addr dlo = lk_dead[k].lo, dhi = lk_dead[k].hi;
      if (dhi <= lo || dlo >= hi)
         continue;
      if (dlo > lo)
         lk_scan_root_range(lo, dlo, k + 1);
      if (dhi < hi)
         lk_scan_root_range(dhi, hi, k + 1);
      return;
   }
   if (lo >= hi)
      return;
   if (VG_(clo_verbosity) > 2)
      VG_(umsg)("ffican: leak roots %#lx-%#lx\n", lo, hi - 1);
   lk_scan(lo, hi - lo, True, -1, True);
   lk_drain(-1);
}

static Addr* lk_segment_starts(Int* n)
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

static void lk_scan_roots(void)
{
   Int n;
   Addr* starts = lk_segment_starts(&n);
   lk_collect_dead_stacks();
   for (Int k = 0; k < n; k++) {
      const NSegment* s = VG_(am_find_nsegment)(starts[k]);
      if (s != NULL && lk_root_segment(s))
         lk_scan_root_range(s->start, s->end + 1, 0);
   }
   VG_(free)(starts);
   VG_(free)(lk_dead);
   VG_(apply_to_GP_regs)(lk_register_root);
   lk_drain(-1);
}

/* Step 3: every block still unreached, in address order, leads a clique
   of the unreached blocks it reaches. */
static void lk_find_cliques(void)
{
   for (UInt i = 0; i < lk_n; i++) {
      if (lk_x[i].kind != LK_Definite)
         continue;
      lk_push(i);
      lk_drain(i);
   }
}

/* ------------------------------------------------------------------ */
/* Loss records (kept across searches for the delta requests)          */
/* ------------------------------------------------------------------ */

typedef struct _LK_Record {
   struct _LK_Record* next;   /* VgHashTable chain */
   UWord              key;    /* lk_record_key of the fields below */
   /* What the blocks have in common. */
   ExeContext* alloc_ec;
   ExeContext* cross_ec;      /* NULL when not handed across */
   UChar       kind;          /* LK_Kind */
   UChar       alloc_fn;      /* FC_AllocFn */
   FC_SideId   owner_side;
   FC_SideId   crossed_to;    /* FC_SideNone when not handed across */
   /* This search. */
   ULong szB;                 /* direct bytes */
   ULong indirect_szB;        /* bytes only these blocks reach (Definite) */
   UInt  n_blocks;
   /* The previous search. */
   ULong old_szB, old_indirect_szB;
   UInt  old_n_blocks;
} LK_Record;

static VgHashTable* lk_records;

static UWord lk_record_key(const LK_Record* r)
{
   UWord k = VG_(get_ECU_from_ExeContext)(r->alloc_ec);
   if (r->cross_ec != NULL)
      k = k * 31 + VG_(get_ECU_from_ExeContext)(r->cross_ec);
   return (k << 2) ^ r->kind ^ ((UWord)r->crossed_to << 8)
          ^ ((UWord)r->alloc_fn << 16);
}

static Word lk_record_cmp(const void* a, const void* b)
{
   const LK_Record* x = a;
   const LK_Record* y = b;
   return !(x->alloc_ec == y->alloc_ec && x->cross_ec == y->cross_ec
            && x->kind == y->kind && x->alloc_fn == y->alloc_fn
            && x->owner_side == y->owner_side
            && x->crossed_to == y->crossed_to);
}

/* The record for block i (created if new). */
static LK_Record* lk_record_of(Int i, LK_Record* last)
{
   const FC_Tag* t = &lk_blk[i]->tag;
   LK_Record probe;
   probe.alloc_ec   = t->alloc_ec;
   probe.crossed_to = t->crossed_to;
   probe.cross_ec   = t->crossed_to != FC_SideNone ? t->cross_ec : NULL;
   probe.kind       = lk_x[i].kind;
   probe.alloc_fn   = t->alloc_fn;
   probe.owner_side = t->owner_side;
   if (last != NULL && lk_record_cmp(&probe, last) == 0)
      return last;   /* neighbours often share a record: skip the hash */
   probe.key = lk_record_key(&probe);
   LK_Record* r = VG_(HT_gen_lookup)(lk_records, &probe, lk_record_cmp);
   if (r == NULL) {
      r = VG_(calloc)("fc.leaks.record", 1, sizeof *r);
      *r = probe;
      r->next = NULL;
      r->szB = r->indirect_szB = r->n_blocks = 0;
      r->old_szB = r->old_indirect_szB = r->old_n_blocks = 0;
      VG_(HT_add_node)(lk_records, r);
   }
   return r;
}

static void lk_build_records(void)
{
   LK_Record* r;
   if (lk_records == NULL)
      lk_records = VG_(HT_construct)("fc.leaks.records");
   VG_(HT_ResetIter)(lk_records);
   while ((r = VG_(HT_Next)(lk_records)) != NULL) {
      r->old_szB = r->szB;
      r->old_indirect_szB = r->indirect_szB;
      r->old_n_blocks = r->n_blocks;
      r->szB = r->indirect_szB = r->n_blocks = 0;
   }
   r = NULL;
   for (UInt i = 0; i < lk_n; i++) {
      r = lk_record_of(i, r);
      r->szB += lk_blk[i]->tag.req_szB;
      r->indirect_szB += lk_x[i].indirect_szB;
      r->n_blocks++;
   }
}

/* Smallest first, as Memcheck: the biggest leaks end up nearest the
   summary.  Ties: kind, then allocation order of the stacks. */
static Int lk_cmp_records(const void* a, const void* b)
{
   const LK_Record* x = *(const LK_Record* const*)a;
   const LK_Record* y = *(const LK_Record* const*)b;
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

typedef enum { LK_DeltaAny, LK_DeltaIncreased, LK_DeltaChanged } LK_Delta;

typedef struct {
   LK_Check mode;       /* LK_CheckSummary, _Crossing or _Full */
   LK_Delta delta;
} LK_Params;

/* What VG_(unique_error) carries for a loss record. */
typedef struct {
   const LK_Record* rec;
   UInt             num, total;   /* loss record num of total */
   Bool             delta;        /* show the change since the last search */
} LK_ErrExtra;

/* Totals of one search, by kind; the previous search's for deltas. */
typedef struct {
   ULong bytes[LK_NKinds], blocks[LK_NKinds];
   ULong handed_bytes[LK_NKinds], handed_blocks[LK_NKinds];
   ULong supp_bytes, supp_blocks;
   ULong heur_bytes[LK_NHeurs], heur_blocks[LK_NHeurs];
} LK_Totals;

static LK_Totals lk_now, lk_prev;

static Bool lk_delta_shows(const LK_Record* r, LK_Delta d)
{
   switch (d) {
      case LK_DeltaAny:
         return r->n_blocks > 0;
      case LK_DeltaIncreased:
         return r->szB > r->old_szB || r->indirect_szB > r->old_indirect_szB
                || r->n_blocks > r->old_n_blocks;
      case LK_DeltaChanged:
         return r->szB != r->old_szB
                || r->indirect_szB != r->old_indirect_szB
                || r->n_blocks != r->old_n_blocks;
   }
   tl_assert(0);
}

/* In scope: under crossing only handed-over records take part, under
   full all, under summary none.  In scope, --show-leak-kinds and
   --errors-for-leak-kinds pick what is shown and what is counted. */
static Bool lk_in_scope(const LK_Params* p, const LK_Record* r)
{
   Bool in_scope = p->mode == LK_CheckFull
                   || (p->mode == LK_CheckCrossing
                       && r->crossed_to != FC_SideNone);
   return in_scope && lk_delta_shows(r, p->delta);
}

static void lk_add_totals(const LK_Record* r, Bool suppressed)
{
   if (suppressed) {
      lk_now.supp_bytes += r->szB;
      lk_now.supp_blocks += r->n_blocks;
      return;
   }
   lk_now.bytes[r->kind] += r->szB;
   lk_now.blocks[r->kind] += r->n_blocks;
   if (r->crossed_to != FC_SideNone) {
      lk_now.handed_bytes[r->kind] += r->szB;
      lk_now.handed_blocks[r->kind] += r->n_blocks;
   }
}

static void lk_add_heuristic_totals(void)
{
   for (UInt i = 0; i < lk_n; i++) {
      UChar h = lk_x[i].heur;
      if (lk_x[i].kind == LK_Reachable && h != LK_HeurNone) {
         lk_now.heur_bytes[h] += lk_blk[i]->tag.req_szB;
         lk_now.heur_blocks[h]++;
      }
   }
}

/* A record is numbered if it has blocks, or, for a "changed" search,
   had some last time. */
static Bool lk_record_listed(const LK_Record* r, LK_Delta d)
{
   return r->n_blocks > 0 || (d == LK_DeltaChanged && r->old_n_blocks > 0);
}

/* Reports every record (suppressed ones are only counted); returns how
   many lost bytes are in records out of scope under this mode. */
static ULong lk_report_records(ThreadId tid, const LK_Params* p)
{
   UInt n = 0, total = 0;
   LK_Record* r;
   ULong unshown = 0;
   VG_(HT_ResetIter)(lk_records);
   while ((r = VG_(HT_Next)(lk_records)) != NULL)
      if (lk_record_listed(r, p->delta))
         total++;
   LK_Record** all = VG_(malloc)("fc.leaks.sorted",
                                 (total + 1) * sizeof *all);
   VG_(HT_ResetIter)(lk_records);
   while ((r = VG_(HT_Next)(lk_records)) != NULL)
      if (lk_record_listed(r, p->delta))
         all[n++] = r;
   tl_assert(n == total);
   VG_(ssort)(all, n, sizeof *all, lk_cmp_records);
   for (UInt k = 0; k < n; k++) {
      r = all[k];
      Bool in_scope = lk_in_scope(p, r);
      Bool print = in_scope && (lk_clo_show & LK_BIT(r->kind));
      Bool count = in_scope && (lk_clo_errors & LK_BIT(r->kind));
      LK_ErrExtra x = { r, k + 1, n, p->delta != LK_DeltaAny };
      Bool suppressed = VG_(unique_error)(tid, FC_ErrLeak, 0, NULL, &x,
                                          r->alloc_ec, print,
                                          False /* no debugger */, count);
      lk_add_totals(r, suppressed);
      if (!suppressed && !in_scope && r->kind != LK_Reachable
          && lk_delta_shows(r, p->delta))
         unshown += r->szB;   /* --leak-check=full would show it */
   }
   VG_(free)(all);
   return unshown;
}

/* "16" or, for a delta search, "16 (+16)". */
static void lk_num(HChar* buf, SizeT n, ULong now, ULong old, Bool delta)
{
   if (!delta)
      VG_(snprintf)(buf, n, "%'llu", now);
   else if (now >= old)
      VG_(snprintf)(buf, n, "%'llu (+%'llu)", now, now - old);
   else
      VG_(snprintf)(buf, n, "%'llu (-%'llu)", now, old - now);
}

static void lk_summary_line(const HChar* label, LK_Kind k, Bool delta)
{
   HChar bytes[64], blocks[64];
   lk_num(bytes, sizeof bytes, lk_now.bytes[k], lk_prev.bytes[k], delta);
   lk_num(blocks, sizeof blocks, lk_now.blocks[k], lk_prev.blocks[k], delta);
   if (lk_now.handed_blocks[k] == 0) {
      VG_(umsg)("   %s: %s bytes in %s blocks\n", label, bytes, blocks);
      return;
   }
   VG_(umsg)("   %s: %s bytes in %s blocks (handed across: %'llu bytes in "
             "%'llu blocks)\n", label, bytes, blocks,
             lk_now.handed_bytes[k], lk_now.handed_blocks[k]);
}

static void lk_print_summary(const LK_Params* p, ULong unshown)
{
   Bool delta = p->delta != LK_DeltaAny;
   HChar bytes[64], blocks[64];
   VG_(umsg)("LEAK SUMMARY:\n");
   lk_summary_line("definitely lost", LK_Definite, delta);
   lk_summary_line("indirectly lost", LK_Indirect, delta);
   lk_summary_line("  possibly lost", LK_Possible, delta);
   lk_summary_line("still reachable", LK_Reachable, delta);
   Bool any_heur = False;
   for (UInt h = 1; h < LK_NHeurs; h++)
      any_heur = any_heur || lk_now.heur_blocks[h] > 0;
   if (any_heur) {
      VG_(umsg)("                      of which reachable via heuristic:\n");
      for (UInt h = 1; h < LK_NHeurs; h++)
         if (lk_now.heur_blocks[h] > 0)
            VG_(umsg)("                        %-9s: %'llu bytes in %'llu "
                      "blocks\n", lk_heur_names[h], lk_now.heur_bytes[h],
                      lk_now.heur_blocks[h]);
   }
   lk_num(bytes, sizeof bytes, lk_now.supp_bytes, lk_prev.supp_bytes, delta);
   lk_num(blocks, sizeof blocks, lk_now.supp_blocks, lk_prev.supp_blocks,
          delta);
   VG_(umsg)("        suppressed: %s bytes in %s blocks\n", bytes, blocks);
   if (unshown > 0)
      VG_(umsg)("Rerun with --leak-check=full to see details of leaked "
                "memory\n");
   else if (p->mode == LK_CheckFull && lk_now.blocks[LK_Reachable] > 0
            && !(lk_clo_show & LK_BIT(LK_Reachable)))
      VG_(umsg)("Reachable blocks (those to which a pointer was found) "
                "are not shown.\nTo see them, rerun with: "
                "--leak-check=full --show-leak-kinds=all\n");
   VG_(umsg)("\n");
}

/* The summary is printed as Memcheck would, except that the default
   mode says nothing when nothing is lost (a clean program stays quiet). */
static Bool lk_wants_summary(const LK_Params* p)
{
   if (VG_(clo_verbosity) == 0 || VG_(clo_xml))
      return False;
   if (p->mode != LK_CheckCrossing || lk_clo_check_given
       || VG_(clo_verbosity) > 1)
      return True;
   return lk_now.blocks[LK_Definite] + lk_now.blocks[LK_Indirect]
          + lk_now.blocks[LK_Possible] > 0;
}

static void lk_search(ThreadId tid, const LK_Params* p)
{
   UInt t0 = VG_(read_millisecond_timer)();
   lk_snapshot();
   UInt n_blocks = lk_n;
   if (VG_(clo_verbosity) > 1 && !VG_(clo_xml))
      VG_(umsg)("Searching for pointers to %'u not-freed blocks\n", lk_n);
   lk_scanned_szB = 0;
   lk_faults = 0;
   if (lk_n > 0) {
      lk_scan_roots();
      lk_find_cliques();
   }
   lk_prev = lk_now;
   VG_(memset)(&lk_now, 0, sizeof lk_now);
   lk_build_records();
   lk_add_heuristic_totals();
   lk_free_snapshot();
   UInt t1 = VG_(read_millisecond_timer)();
   if (VG_(clo_verbosity) > 1 && !VG_(clo_xml))
      VG_(umsg)("Checked %'llu bytes in %u ms (%u unreadable pages "
                "skipped)\n\n", lk_scanned_szB, t1 - t0, lk_faults);
   ULong unshown = lk_report_records(tid, p);
   if (lk_wants_summary(p)) {
      if (n_blocks == 0)
         VG_(umsg)("All heap blocks were freed -- no leaks are possible"
                   "\n\n");
      else
         lk_print_summary(p, unshown);
   }
}

/* ------------------------------------------------------------------ */
/* The Leak error kind (called from fc_errors.c)                       */
/* ------------------------------------------------------------------ */

/* "48 (16 direct, 32 indirect) bytes in 1 Rust-allocated block
   (__rust_alloc), handed to C and never released, are definitely lost in
   loss record 2 of 5" */
static void lk_describe(HChar* buf, SizeT n, const LK_ErrExtra* x)
{
   const LK_Record* r = x->rec;
   HChar total[64], direct[64], indirect[64], blocks[64], bytes[200];
   HChar handed[80] = "";
   Bool d = x->delta;
   lk_num(total, sizeof total, r->szB + r->indirect_szB,
          r->old_szB + r->old_indirect_szB, d);
   if (r->indirect_szB > 0 || (d && r->old_indirect_szB > 0)) {
      lk_num(direct, sizeof direct, r->szB, r->old_szB, d);
      lk_num(indirect, sizeof indirect, r->indirect_szB,
             r->old_indirect_szB, d);
      VG_(snprintf)(bytes, sizeof bytes, "%s (%s direct, %s indirect)",
                    total, direct, indirect);
   } else {
      VG_(snprintf)(bytes, sizeof bytes, "%s", total);
   }
   lk_num(blocks, sizeof blocks, r->n_blocks, r->old_n_blocks, d);
   if (r->crossed_to != FC_SideNone)
      VG_(snprintf)(handed, sizeof handed, ", handed to %s and never "
                    "released,", fc_side_name(r->crossed_to));
   VG_(snprintf)(buf, n, "%s bytes in %s %s-allocated block%s (%s)%s are "
                 "%s in loss record %u of %u", bytes, blocks,
                 fc_side_name(r->owner_side), r->n_blocks == 1 ? "" : "s",
                 fc_alloc_fn_name(r->alloc_fn), handed,
                 lk_kind_text[r->kind], x->num, x->total);
}

void fc_leak_pp_error(const Error* err)
{
   const LK_ErrExtra* x = VG_(get_error_extra)(err);
   const LK_Record* r = x->rec;
   HChar what[512], aux[96];
   lk_describe(what, sizeof what, x);
   if (VG_(clo_xml)) {
      VG_(printf_xml)("  <kind>%s</kind>\n", lk_kind_xml[r->kind]);
      VG_(printf_xml)("  <xwhat>\n");
      VG_(printf_xml)("    <text>%pS</text>\n", what);
      VG_(printf_xml)("    <leakedbytes>%llu</leakedbytes>\n",
                      r->szB + r->indirect_szB);
      VG_(printf_xml)("    <leakedblocks>%u</leakedblocks>\n", r->n_blocks);
      VG_(printf_xml)("  </xwhat>\n");
   } else {
      VG_(umsg)("Leak: %s\n", what);
   }
   VG_(pp_ExeContext)(r->alloc_ec);
   if (r->crossed_to == FC_SideNone || r->cross_ec == NULL)
      return;
   VG_(snprintf)(aux, sizeof aux, "Handed to %s at:",
                 fc_side_name(r->crossed_to));
   if (VG_(clo_xml))
      VG_(printf_xml)("  <auxwhat>%pS</auxwhat>\n", aux);
   else
      VG_(umsg)(" %s\n", aux);
   VG_(pp_ExeContext)(r->cross_ec);
}

/* Loss records go through VG_(unique_error), which never compares. */
Bool fc_leak_eq_error(const Error* e1, const Error* e2)
{
   return False;
}

/* The line after "ffican:Leak" may be "match-leak-kinds: k1,k2" (all
   kinds when absent). */
Bool fc_leak_read_extra_suppression_info(Int fd, HChar** bufpp,
                                         SizeT* nBufp, Int* lineno,
                                         Supp* su)
{
   UInt* kinds = VG_(malloc)("fc.leaks.supp", sizeof(UInt));
   *kinds = LK_ALL_KINDS;
   VG_(set_supp_extra)(su, kinds);
   if (VG_(get_line)(fd, bufpp, nBufp, lineno))
      return True;   /* end of file: the core reports the missing stack */
   const HChar* line = *bufpp;
   if (VG_STREQN(17, line, "match-leak-kinds:")) {
      const HChar* p = line + 17;
      while (VG_(isspace)(*p))
         p++;
      if (!VG_(parse_enum_set)(LK_KIND_TOKENS, True, p, kinds))
         return False;
      (*bufpp)[0] = '\0';
      return True;
   }
   /* No match-leak-kinds line: this is the first frame, which the core
      takes from the buffer. */
   return VG_STREQN(4, line, "fun:") || VG_STREQN(4, line, "obj:")
          || VG_STREQN(4, line, "src:") || VG_STREQ(line, "...");
}

Bool fc_leak_error_matches_suppression(const Error* err, const Supp* su)
{
   const LK_ErrExtra* x = VG_(get_error_extra)(err);
   const UInt* kinds = VG_(get_supp_extra)(su);
   return kinds == NULL || (*kinds & LK_BIT(x->rec->kind)) != 0;
}

SizeT fc_leak_print_extra_suppression_info(const Error* err, HChar* buf,
                                           Int nBuf)
{
   const LK_ErrExtra* x = VG_(get_error_extra)(err);
   return VG_(snprintf)(buf, nBuf, "match-leak-kinds: %s",
                        lk_kind_words[x->rec->kind]);
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

void fc_leaks_at_exit(ThreadId tid)
{
   if (lk_clo_check == LK_CheckNo)
      return;
   LK_Params p = { lk_clo_check, LK_DeltaAny };
   lk_search(tid, &p);
}

/* Memcheck's request numbers (memcheck.h): an ABI, fixed forever. */
#define LK_MC_REQ(n)             (VG_USERREQ_TOOL_BASE('M', 'C') + (n))
#define LK_REQ_DO_LEAK_CHECK     LK_MC_REQ(6)
#define LK_REQ_COUNT_LEAKS       LK_MC_REQ(7)
#define LK_REQ_COUNT_LEAK_BLOCKS LK_MC_REQ(12)

/* Stores v at client address a, if the client may write there. */
static void lk_put(UWord a, ULong v)
{
   if (a != 0 && VG_(am_is_valid_for_client)(a, sizeof(UWord),
                                             VKI_PROT_WRITE))
      *(UWord*)a = v;
}

static void lk_requested_search(ThreadId tid, UWord mode, UWord delta)
{
   LK_Params p = { LK_CheckFull, LK_DeltaAny };
   if (mode == 1)
      p.mode = LK_CheckSummary;
   else if (mode != 0)
      VG_(umsg)("Warning: unknown leak search mode %lu: doing a full "
                "search\n", mode);
   if (delta == 1)
      p.delta = LK_DeltaIncreased;
   else if (delta == 2)
      p.delta = LK_DeltaChanged;
   else if (delta != 0)
      VG_(umsg)("Warning: unknown leak search delta mode %lu: showing "
                "every record\n", delta);
   lk_search(tid, &p);
}

Bool fc_leaks_handle_client_request(ThreadId tid, UWord* arg, UWord* ret)
{
   switch (arg[0]) {
      case LK_REQ_DO_LEAK_CHECK:
         lk_requested_search(tid, arg[1], arg[2]);
         break;
      case LK_REQ_COUNT_LEAKS:   /* leaked, dubious, reachable, suppressed */
         lk_put(arg[1], lk_now.bytes[LK_Definite] + lk_now.bytes[LK_Indirect]);
         lk_put(arg[2], lk_now.bytes[LK_Possible]);
         lk_put(arg[3], lk_now.bytes[LK_Reachable]);
         lk_put(arg[4], lk_now.supp_bytes);
         break;
      case LK_REQ_COUNT_LEAK_BLOCKS:
         lk_put(arg[1], lk_now.blocks[LK_Definite]
                        + lk_now.blocks[LK_Indirect]);
         lk_put(arg[2], lk_now.blocks[LK_Possible]);
         lk_put(arg[3], lk_now.blocks[LK_Reachable]);
         lk_put(arg[4], lk_now.supp_blocks);
         break;
      default:
         return False;
   }
   *ret = 0;
   return True;
}
