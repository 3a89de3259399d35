/* fc_leaks.h: the leak search, at exit and on request (see fc_leaks.c
   and docs/leaks.md).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_LEAKS_H
#define FC_LEAKS_H

#include "pub_tool_basics.h"
#include "pub_tool_errormgr.h"

/* Parses the leak options (--leak-check, --show-leak-kinds, ...). */

/* Runs the search at exit (from fini), unless --leak-check=no.  Loss
   records are attributed to thread tid (1, as Memcheck does). */
void fc_leaks_at_exit(ThreadId tid);

/* Memcheck's leak requests of memcheck.h (VALGRIND_DO_LEAK_CHECK,
   VALGRIND_DO_QUICK/ADDED/CHANGED_LEAK_CHECK, VALGRIND_COUNT_LEAKS,
   VALGRIND_COUNT_LEAK_BLOCKS).  False if arg[0] is none of them. */
Bool fc_leaks_handle_client_request(ThreadId tid, UWord* arg, UWord* ret);

#endif
