/* fc_option_tokens.h: the words of ffican's set-valued options, in bit
   order (VG_(parse_enum_set) gives token i the bit 1 << i).  Shared by
   the option table (fc_options.def), the modules that read those bits,
   and the man-page generator, so it holds only string macros.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_OPTION_TOKENS_H
#define FC_OPTION_TOKENS_H

/* --show-leak-kinds, --errors-for-leak-kinds, match-leak-kinds: in
   FC_LeakKind order (fc_errors.h). */
#define FC_LEAK_KIND_TOKENS "definite,indirect,possible,reachable"

/* --leak-check-heuristics: bit h-1 for FC_LeakHeur h (fc_leaks.c); then
   Memcheck's four C++ heuristics, accepted so that Memcheck command lines
   keep working, with a warning: ffican has none of them. */
#define FC_LEAK_HEUR_TOKENS \
   "rc,hashbrown,dtv,stdstring,length64,newarray,multipleinheritance"
#define FC_LEAK_HEUR_N_OWN 3   /* rc, hashbrown, dtv: the first three */

#endif
