/* fc_leaks.c: placeholder until the leak search lands.
   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "fc_leaks.h"

Bool fc_leaks_process_option(const HChar* arg) { return False; }
void fc_leaks_print_usage(void) { }
void fc_leaks_at_exit(ThreadId tid) { }
