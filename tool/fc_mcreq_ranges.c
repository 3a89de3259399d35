/* fc_mcreq_ranges.c: address ranges that client requests name, for
   fc_memcheck_requests.c: whether they are possible, mapped, in the
   client heap's arena or on a thread's stack, and their shadow marks.

   A client request names any bytes: fc_mcreq_mark_* change exactly
   those (fc_shadow_mark_exact), and fc_mcreq_apply marks only the
   client's mappings, so that a huge range costs what its mappings do.  Nothing here reads client memory.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_machine.h"
#include "pub_tool_threadstate.h"
#include "fc_mcreq_ranges.h"
#include "fc_shadow.h"
#include "fc_uninit_mem.h"

/* Does [a, a+len) wrap around or leave the client's address space? */
Bool fc_mcreq_range_impossible(Addr a, SizeT len)
{
   return len >= FC_CLIENT_ADDR_END || a + len < a || a + len > FC_CLIENT_ADDR_END;
}

Bool fc_mcreq_is_client_segment(const NSegment* s)
{
   return s != NULL
          && (s->kind & (SkAnonC | SkFileC | SkShmC)) != 0;
}

/* Is all of [a, a+len) in the client's mappings (any permissions)? */
Bool fc_mcreq_mapped(Addr a, SizeT len)
{
   Addr end = a + len;
   while (a < end) {
      const NSegment* s = VG_(am_find_nsegment)(a);
      if (!fc_mcreq_is_client_segment(s))
         return False;
      a = s->end + 1;
      if (a == 0)
         break;   /* the segment ends the address space */
   }
   return True;
}

/* The first byte of [a, a+len) the client cannot touch at all
   (unmapped, not the client's, or mapped without any permission). */
Bool fc_mcreq_first_unmapped(Addr a, SizeT len, Addr* bad)
{
   Addr end = a + len < a ? ~(Addr)0 : a + len;
   while (a < end) {
      const NSegment* s = VG_(am_find_nsegment)(a);
      if (!fc_mcreq_is_client_segment(s) || !(s->hasR || s->hasW || s->hasX)) {
         *bad = a;
         return True;
      }
      a = s->end + 1;
      if (a == 0)
         break;
   }
   return False;
}

/* Does [a, a+len) touch the client heap's arena (where malloc() takes
   its blocks from)? */
Bool fc_mcreq_in_heap_arena(Addr a, SizeT len)
{
   Addr end = a + len;
   while (a < end) {
      const NSegment* s = VG_(am_find_nsegment)(a);
      if (s == NULL)
         return False;
      if (s->kind == SkAnonC && s->isCH)
         return True;
      a = s->end + 1;
      if (a == 0)
         break;
   }
   return False;
}

/* Does [a, a+len) touch thread t's stack (all of it, not only the live
   part)? */
Bool fc_mcreq_on_stack_of(ThreadId t, Addr a, SizeT len)
{
   Addr max = VG_(thread_get_stack_max)(t);
   SizeT size = VG_(thread_get_stack_size)(t);
   Addr min = size != 0 && size <= max ? max - size + 1 : max;
   return max != 0 && a <= max && a + len > min;
}

/* Does [a, a+len) touch the stack of thread tid or, with `all`, of any
   thread?  Going through every thread slot costs a fifth of the time of
   a MALLOCLIKE, so blocks are checked against their own thread's stack
   only (another thread's stack is a far-fetched place for them). */
Bool fc_mcreq_on_a_stack(ThreadId tid, Addr a, SizeT len, Bool all)
{
   if (fc_mcreq_on_stack_of(tid, a, len))
      return True;
   if (!all)
      return False;
   ThreadId t;
   Addr lo, hi;
   VG_(thread_stack_reset_iter)(&t);
   while (VG_(thread_stack_next)(&t, &lo, &hi))
      if (fc_mcreq_on_stack_of(t, a, len))
         return True;
   return False;
}

/* A client request names any bytes: its marks are exact
   (fc_shadow_mark_exact), never taking access from a byte outside the
   range (which would be a false report) nor giving it. */
void fc_mcreq_mark_accessible(Addr a, SizeT len)
{
   if (len > 0)
      fc_shadow_mark_exact(a, len, FC_SH_OK);
}

void fc_mcreq_mark_noaccess(Addr a, SizeT len, UChar why)
{
   if (len > 0)
      fc_shadow_mark_exact(a, len, why);
}

/* Applies a shadow state to the client-mapped parts of [a, a+len):
   what is not mapped cannot be touched, and becomes accessible when it
   is mapped (fc_access.c).  NOACCESS also skips mappings without any
   permission (the kernel refuses those accesses itself).  Accessible parts also get their uninit bits
   (all defined if `defined`, else all undefined): only mapped memory is
   ever marked, so a huge range costs what its mappings do.  Returns the
   bytes marked (or that would be, with dry_run). */
SizeT fc_mcreq_apply(Addr a, SizeT len, Bool noaccess, Bool dry_run,
                            Bool defined)
{
   Addr end = a + len;
   SizeT done = 0;
   while (a < end) {
      const NSegment* s = VG_(am_find_nsegment)(a);
      if (s == NULL)
         break;
      Addr stop = s->end + 1 == 0 || s->end + 1 > end ? end : s->end + 1;
      if (fc_mcreq_is_client_segment(s)
          && (!noaccess || s->hasR || s->hasW || s->hasX)) {
         if (!dry_run && noaccess) {
            fc_mcreq_mark_noaccess(a, stop - a, FC_SH_NOACCESS);
         } else if (!dry_run) {
            fc_mcreq_mark_accessible(a, stop - a);
            fc_uninit_mem_on_mark(a, stop - a, defined);
         }
         done += stop - a;
      }
      a = stop;
   }
   return done;
}
