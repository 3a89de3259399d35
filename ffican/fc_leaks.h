/* fc_leaks.h: the leak search (at exit and on request).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_LEAKS_H
#define FC_LEAKS_H

#include "pub_tool_basics.h"

/* Parses the leak options (--leak-check, --show-leak-kinds, ...). */
Bool fc_leaks_process_option(const HChar* arg);
void fc_leaks_print_usage(void);

/* Runs the search at exit (from fini). */
void fc_leaks_at_exit(ThreadId tid);

#endif
