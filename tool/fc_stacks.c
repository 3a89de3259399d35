/* fc_stacks.c: the stack of the running thread as an ExeContext, for
   allocations and releases, with a cache of recent unwinds.

   Every allocation and release records where it happened, and unwinding
   (the CFI of each frame) was the largest single cost of allocation-heavy
   programs: a seventh of their time.  But a program allocates in loops,
   from the same place with the same stack again and again.  So each
   unwind is kept, keyed by where it started (thread, instruction and stack
   pointer), with the stack address each frame's return address
   was read from.  The unwinder's answer depends only on those registers
   and the words it reads, so a new unwind that starts from the same
   registers and finds the same return address in every one of those
   slots is answered from the cache.  The check reads one word per frame
   instead of interpreting one CFI entry per frame.

   Only a stack pointer inside the thread's own stack is cached (not one
   on a stack the program made itself, which it may unmap), and each slot
   is checked only if it lies between the stack pointer and the thread's
   stack top (mapped memory); a stack whose frames did not come
   from return-address slots just above each frame (a signal frame, say)
   never passes the check and is always unwound.  The exception is the
   last frames of a stack, within its top page: what lies beyond a
   thread's first function (below main, which reports do not show) is
   unwound by guesswork from whatever words are there; those frames are
   kept with the two words each guess can have read (the one below the
   frame and the one at its caller's stack pointer), and checked by them.
   Limits: a frame whose CFA is computed from a frame pointer restored
   from the stack is trusted when its return address is unchanged.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_machine.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_options.h"
#include "pub_tool_stacktrace.h"
#include "pub_tool_threadstate.h"
#include "fc_stacks.h"
#include "fc_util.h"

#define FC_STK_CACHE_BITS  9    /* sets of two entries */
#define FC_STK_CACHE_SIZE  (1u << FC_STK_CACHE_BITS)
#define FC_STK_MAX_FRAMES  24   /* deeper stacks are not cached */
#define FC_STK_MAX_TAIL    4    /* nor are longer guessed tails */

typedef struct {
   Addr        ip, sp;
   ThreadId    tid;
   UInt        n;                        /* 0: empty */
   UInt        last_way;   /* in a set's first entry: the way used last */
   ExeContext* ec;
   Addr        ra_slot[FC_STK_MAX_FRAMES];   /* [i] for frame i >= 1 */
   UInt        n_exact;   /* frames 1 .. n_exact-1 by ra_slot; the rest
                             (the guessed tail) by tail_word */
   struct {
      Addr word[2];     /* below the frame; at its caller's stack pointer */
      Addr caller_sp;   /* where word[1] is */
   } tail[FC_STK_MAX_TAIL];   /* [i - n_exact] for frame i */
} FC_StackEnt;

#define FC_STK_TAIL_SZB 4096   /* the guessed tail lies this near the top */

static FC_StackEnt* fc_stk_cache;
static ULong fc_stk_hits, fc_stk_misses;

static UWord fc_stk_hash(Addr ip, Addr sp, ThreadId tid)
{
   UWord h = ip * 0x9E3779B97F4A7C15ULL ^ (sp >> 3) ^ ((UWord)tid << 7);
   return (h ^ (h >> 29)) & (FC_STK_CACHE_SIZE - 1);
}

/* Every frame's return address still where the unwind found it. */
static Bool fc_stk_still_valid(const FC_StackEnt* e, Addr sp, Addr top)
{
   const Addr* ips = VG_(get_ExeContext_StackTrace)(e->ec);
   for (UInt i = 1; i < e->n; i++) {
      Addr slot = e->ra_slot[i];
      if (slot < sp || slot + sizeof(Addr) > top)
         return False;
      if (i < e->n_exact) {
         if (*(const Addr*)slot != ips[i] + 1)
            return False;
      } else {
         const Addr* t = e->tail[i - e->n_exact].word;
         Addr csp = e->tail[i - e->n_exact].caller_sp;
         if (*(const Addr*)slot != t[0] || csp < sp
             || *(const Addr*)csp != t[1])
            return False;
      }
   }
   return True;
}

/* Keeps a fresh unwind when every frame's return address came from the
   word just below the frame's stack pointer, inside the stack. */
static void fc_stk_keep(FC_StackEnt* e, ThreadId tid, Addr ip, Addr sp,
                        Addr top, const Addr* ips,
                        const Addr* sps, UInt n, ExeContext* ec)
{
   e->n = 0;
   if (n > FC_STK_MAX_FRAMES)
      return;
   UInt exact = n;
   for (UInt i = 1; i < n; i++) {
      Addr slot = sps[i] - sizeof(Addr);
      if (slot < sp || slot + sizeof(Addr) > top)
         return;
      e->ra_slot[i] = slot;
      if (i < exact && *(const Addr*)slot == ips[i] + 1)
         continue;
      /* The guessed tail: near the top, and from here on. */
      if (sps[i] + FC_STK_TAIL_SZB < top || sps[i - 1] < sp)
         return;
      if (exact == n)
         exact = i;
      if (i - exact >= FC_STK_MAX_TAIL)
         return;
      e->tail[i - exact].word[0] = *(const Addr*)slot;
      e->tail[i - exact].word[1] = *(const Addr*)sps[i - 1];
      e->tail[i - exact].caller_sp = sps[i - 1];
   }
   e->n_exact = exact;
   e->ip = ip;
   e->sp = sp;
   e->tid = tid;
   e->ec = ec;
   e->n = n;
}

ExeContext* fc_stack_here(ThreadId tid)
{
   if (fc_stk_cache == NULL) {
      fc_stk_cache = VG_(calloc)("fc.stacks.cache", 2 * FC_STK_CACHE_SIZE,
                                 sizeof(FC_StackEnt));
   }
   Addr ip = VG_(get_IP)(tid), sp = VG_(get_SP)(tid);
   Addr top = VG_(thread_get_stack_max)(tid);
   SizeT size = VG_(thread_get_stack_size)(tid);
   if (sp > top || top - sp >= size)
      top = 0;   /* not on the thread's stack: unwind, keep nothing */
   /* Two ways per set: two call paths that reach the allocator from the
      same instruction and stack pointer (a helper called from two
      functions with frames of one size) take turns without evicting
      each other; a miss replaces the way not used last. */
   FC_StackEnt* set = &fc_stk_cache[2 * fc_stk_hash(ip, sp, tid)];
   for (UInt w = 0; w < 2 && top != 0; w++) {
      FC_StackEnt* e = &set[w];
      if (e->n != 0 && e->ip == ip && e->sp == sp && e->tid == tid
          && fc_stk_still_valid(e, sp, top)) {
         set[0].last_way = w;
         fc_stk_hits++;
         return e->ec;
      }
   }
   fc_stk_misses++;
   UInt depth = VG_(clo_backtrace_size);
   Addr ips[depth], sps[depth];
   UInt n = VG_(get_StackTrace)(tid, ips, depth, sps, NULL, 0);
   ExeContext* ec = VG_(make_ExeContext_from_StackTrace)(ips, n);
   if (top != 0) {
      UInt victim = set[0].last_way ^ 1;
      fc_stk_keep(&set[victim], tid, ip, sp, top, ips, sps, n, ec);
      set[0].last_way = victim;
   }
   return ec;
}

void fc_stacks_print_stats(void)
{
   VG_(message)(Vg_DebugMsg, "ffican: stack cache: %llu hits, %llu unwinds\n",
                fc_stk_hits, fc_stk_misses);
}
