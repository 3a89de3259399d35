/* fc_memcheck_requests.h: the heap and memory client requests of Valgrind's own
   headers that real programs already make (see fc_memcheck_requests.c and
   docs/memcheck-requests.md): the core's VALGRIND_MALLOCLIKE_BLOCK,
   FREELIKE, RESIZEINPLACE and mempool requests (valgrind.h), and
   Memcheck's memory requests (memcheck.h) other than the leak ones,
   which fc_leaks.c answers.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_MEMCHECK_REQUESTS_H
#define FC_MEMCHECK_REQUESTS_H

#include "pub_tool_basics.h"

/* Is req one of the core's requests that this module answers
   (VG_USERREQ__MALLOCLIKE_BLOCK ... VG_USERREQ__MEMPOOL_EXISTS)? */
Bool fc_mcreq_is_core_request(UWord req);

/* Answers a core request of the list above or a Memcheck ('M','C')
   request that is not a leak request.  False (the client gets the
   macro's default) only for 'M','C' codes memcheck.h does not define. */
Bool fc_mcreq_handle_client_request(ThreadId tid, UWord* arg, UWord* ret);

/* How many declarations lie in their thread's stack (0: none, and
   fc_mcreq_stack_died need not be called). */
extern UWord fc_mcreq_stack_n;

/* Thread tid's stack pointer is now sp, after a return, a call or a
   longjmp: the frames below it died, and so did the blocks and chunks
   the program declared in them (fc_memcheck_requests.c, "Declarations
   on a thread's stack"). */
void fc_mcreq_stack_died(ThreadId tid, Addr sp);

#endif
