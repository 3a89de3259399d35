/* fc_mcreq_ranges.h: address ranges named by client requests (for
   fc_memcheck_requests.c): possible, mapped, heap arena, stacks; shadow
   marks exact to the byte.
   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */
#ifndef FC_MCREQ_RANGES_H
#define FC_MCREQ_RANGES_H
#include "pub_tool_basics.h"
#include "pub_tool_aspacemgr.h"

/* The client's address space on amd64 ends below 2^47. */
#define FC_CLIENT_ADDR_END      ((Addr)1 << 47)

/* Does [a, a+len) wrap around or leave the client's address space? */
Bool fc_mcreq_range_impossible(Addr a, SizeT len);
/* Is s one of the client's mappings? */
Bool fc_mcreq_is_client_segment(const NSegment* s);
/* Is all of [a, a+len) in the client's mappings (any permissions)? */
Bool fc_mcreq_mapped(Addr a, SizeT len);
/* The first byte of [a, a+len) the client cannot touch at all (*bad). */
Bool fc_mcreq_first_unmapped(Addr a, SizeT len, Addr* bad);
/* Does [a, a+len) touch the client heap's arena? */
Bool fc_mcreq_in_heap_arena(Addr a, SizeT len);
/* Does [a, a+len) touch thread t's stack (all of it)? */
Bool fc_mcreq_on_stack_of(ThreadId t, Addr a, SizeT len);
/* ... the stack of thread tid or, with `all`, of any thread? */
Bool fc_mcreq_on_a_stack(ThreadId tid, Addr a, SizeT len, Bool all);
/* [a, a+len) accessible / inaccessible (for the reason why), exactly:
   no byte outside it changes. */
void fc_mcreq_mark_accessible(Addr a, SizeT len);
void fc_mcreq_mark_noaccess(Addr a, SizeT len, UChar why);
/* Marks the client-mapped parts of [a, a+len) inaccessible, or
   accessible with every uninit bit clear (`defined`) or set; returns the
   bytes marked (or that would be, with dry_run). */
SizeT fc_mcreq_apply(Addr a, SizeT len, Bool noaccess, Bool dry_run,
                     Bool defined);
#endif
