/* fc_rulematch.h: glob matching and an index of many globs, for the
   boundary rules (fc_boundary.c).

   A pattern is a glob: `*` matches any run of characters, `?` any one,
   everything else itself; it must match the whole string.  An index
   holds patterns numbered in increasing order and answers "the highest
   number whose pattern matches this string" without trying them all.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_RULEMATCH_H
#define FC_RULEMATCH_H

#include "pub_tool_basics.h"

/* Does glob `pat` match all of `s`?  Iterative: no length limit, no
   recursion, at worst strlen(pat) * strlen(s) steps. */
Bool fc_glob_match(const HChar* pat, const HChar* s);

/* A map from strings to Ints (the strings are not copied: they must live
   as long as the map). */
typedef struct FC_StrMap FC_StrMap;
FC_StrMap* fc_strmap_new(const HChar* cc);
/* The value of key, or -1 if absent. */
Int  fc_strmap_get(const FC_StrMap* m, const HChar* key);
void fc_strmap_put(FC_StrMap* m, const HChar* key, Int val);

typedef struct FC_GlobIndex FC_GlobIndex;
FC_GlobIndex* fc_glob_index_new(const HChar* cc);
/* Adds pattern number id (greater than every id added before); the
   pattern is not copied. */
void fc_glob_index_add(FC_GlobIndex* ix, const HChar* pat, Int id);
/* The highest id whose pattern matches s, or -1. */
Int  fc_glob_index_best(FC_GlobIndex* ix, const HChar* s);

#endif
