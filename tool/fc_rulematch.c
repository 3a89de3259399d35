/* fc_rulematch.c: glob matching and an index of many globs.

   Why: a boundary file may hold 100,000 rules (one per function of a
   large library); trying each glob for each classified code address took
   minutes.  The index sorts the patterns so that a lookup tries only
   those that can match:
   - a pattern without wildcards goes into a hash table of exact names;
   - otherwise it is filed under its literal prefix (the characters
     before the first wildcard) or its literal suffix (after the last
     one), whichever is longer, in a hash table of groups.  A lookup
     probes the string's own prefixes and suffixes, one probe per length
     that some group has, hashing incrementally;
   - a pattern with neither (`*foo*`, `*`) goes into one list tried in
     full.
   Within a group, patterns are tried from the highest id down, and a
   group stops at its first match or at an id below the best found.
   Results are cached per string, so a string costs its lookup once.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_mallocfree.h"
#include "fc_rulematch.h"

/* ------------------------------------------------------------------ */
/* Globs                                                               */
/* ------------------------------------------------------------------ */

Bool fc_glob_match(const HChar* p, const HChar* s)
{
   const HChar* star = NULL;   /* the last '*' seen in the pattern */
   const HChar* resume = NULL; /* where its run of s ends so far */
   while (*s) {
      if (*p == '*') {
         star = p++;
         resume = s;
      } else if (*p != 0 && (*p == '?' || *p == *s)) {
         p++;
         s++;
      } else if (star != NULL) {   /* let the last '*' take one more */
         p = star + 1;
         s = ++resume;
      } else {
         return False;
      }
   }
   while (*p == '*')
      p++;
   return *p == 0;
}

/* ------------------------------------------------------------------ */
/* String maps (open addressing, FNV-1a)                               */
/* ------------------------------------------------------------------ */

typedef struct {
   const HChar* key;   /* NULL: empty slot */
   UInt         hash;
   Int          val;
} FC_StrSlot;

/* rev: keys are hashed last byte first (for suffix lookups). */
struct FC_StrMap {
   const HChar* cc;
   FC_StrSlot*  slot;
   UInt         cap;    /* a power of two */
   UInt         n;
   Bool         rev;
};

#define FC_FNV_START 2166136261u
#define FC_FNV_STEP(h, c) (((h) ^ (UChar)(c)) * 16777619u)

static UInt fc_hash(const HChar* s, SizeT len, Bool rev)
{
   UInt h = FC_FNV_START;
   for (SizeT i = 0; i < len; i++)
      h = FC_FNV_STEP(h, rev ? s[len - 1 - i] : s[i]);
   return h;
}

static FC_StrMap* fc_strmap_make(const HChar* cc, Bool rev)
{
   FC_StrMap* m = VG_(calloc)(cc, 1, sizeof *m);
   m->cc = cc;
   m->cap = 64;
   m->slot = VG_(calloc)(cc, m->cap, sizeof(FC_StrSlot));
   m->rev = rev;
   return m;
}

FC_StrMap* fc_strmap_new(const HChar* cc)
{
   return fc_strmap_make(cc, False);
}

/* The slot of the key s[0..len) with hash h: its own, or the empty one
   where it would go. */
static FC_StrSlot* fc_strmap_slot(const FC_StrMap* m, const HChar* s,
                                  SizeT len, UInt h)
{
   UInt i = h & (m->cap - 1);
   for (;;) {
      FC_StrSlot* e = &m->slot[i];
      if (e->key == NULL)
         return e;
      if (e->hash == h && VG_(strncmp)(e->key, s, len) == 0
          && e->key[len] == 0)
         return e;
      i = (i + 1) & (m->cap - 1);
   }
}

static void fc_strmap_grow(FC_StrMap* m)
{
   FC_StrSlot* old = m->slot;
   UInt old_cap = m->cap;
   m->cap *= 2;
   m->slot = VG_(calloc)(m->cc, m->cap, sizeof(FC_StrSlot));
   for (UInt i = 0; i < old_cap; i++)
      if (old[i].key != NULL) {
         UInt j = old[i].hash & (m->cap - 1);
         while (m->slot[j].key != NULL)
            j = (j + 1) & (m->cap - 1);
         m->slot[j] = old[i];
      }
   VG_(free)(old);
}

Int fc_strmap_get(const FC_StrMap* m, const HChar* key)
{
   SizeT len = VG_(strlen)(key);
   const FC_StrSlot* e = fc_strmap_slot(m, key, len,
                                        fc_hash(key, len, m->rev));
   return e->key != NULL ? e->val : -1;
}

void fc_strmap_put(FC_StrMap* m, const HChar* key, Int val)
{
   if (2 * (m->n + 1) > m->cap)
      fc_strmap_grow(m);
   SizeT len = VG_(strlen)(key);
   UInt h = fc_hash(key, len, m->rev);
   FC_StrSlot* e = fc_strmap_slot(m, key, len, h);
   if (e->key == NULL) {
      e->key = key;
      e->hash = h;
      m->n++;
   }
   e->val = val;
}

/* ------------------------------------------------------------------ */
/* The index                                                           */
/* ------------------------------------------------------------------ */

/* Patterns sharing a literal prefix (or suffix), ids increasing. */
typedef struct {
   const HChar** pat;
   Int*          id;
   Int           n, cap;
} FC_Group;

/* Which lengths of key some group has: has[len] for len < cap. */
typedef struct {
   Bool* has;
   SizeT cap;
   SizeT max;   /* the longest key */
} FC_Lengths;

struct FC_GlobIndex {
   const HChar* cc;
   FC_StrMap*   exact;    /* pattern -> id */
   FC_StrMap*   prefix;   /* literal prefix -> group */
   FC_StrMap*   suffix;   /* literal suffix -> group (hashed backwards) */
   FC_Lengths   pre_len, suf_len;
   FC_Group*    group;
   Int          n_groups, cap_groups;
   FC_Group     rest;     /* no literal prefix or suffix */
   FC_StrMap*   cache;    /* string looked up (own copy) -> result */
};

FC_GlobIndex* fc_glob_index_new(const HChar* cc)
{
   FC_GlobIndex* ix = VG_(calloc)(cc, 1, sizeof *ix);
   ix->cc = cc;
   ix->exact = fc_strmap_make(cc, False);
   ix->prefix = fc_strmap_make(cc, False);
   ix->suffix = fc_strmap_make(cc, True);
   ix->cache = fc_strmap_make(cc, False);
   return ix;
}

static void fc_group_add(const HChar* cc, FC_Group* g, const HChar* pat,
                         Int id)
{
   if (g->n == g->cap) {
      g->cap = g->cap ? 2 * g->cap : 4;
      g->pat = VG_(realloc)(cc, g->pat, g->cap * sizeof *g->pat);
      g->id = VG_(realloc)(cc, g->id, g->cap * sizeof *g->id);
   }
   g->pat[g->n] = pat;
   g->id[g->n] = id;
   g->n++;
}

static void fc_lengths_add(const HChar* cc, FC_Lengths* l, SizeT len)
{
   if (len >= l->cap) {
      SizeT cap = l->cap ? l->cap : 16;
      while (cap <= len)
         cap *= 2;
      l->has = VG_(realloc)(cc, l->has, cap);
      VG_(memset)(l->has + l->cap, 0, cap - l->cap);
      l->cap = cap;
   }
   l->has[len] = True;
   if (len > l->max)
      l->max = len;
}

/* The group of key in map m (a new one if none). */
static FC_Group* fc_group_for(FC_GlobIndex* ix, FC_StrMap* m,
                              const HChar* key)
{
   Int g = fc_strmap_get(m, key);
   if (g < 0) {
      if (ix->n_groups == ix->cap_groups) {
         ix->cap_groups = ix->cap_groups ? 2 * ix->cap_groups : 16;
         ix->group = VG_(realloc)(ix->cc, ix->group,
                                  ix->cap_groups * sizeof(FC_Group));
      }
      g = ix->n_groups++;
      VG_(memset)(&ix->group[g], 0, sizeof(FC_Group));
      fc_strmap_put(m, key, g);
   }
   return &ix->group[g];
}

void fc_glob_index_add(FC_GlobIndex* ix, const HChar* pat, Int id)
{
   SizeT len = VG_(strlen)(pat), pre = 0, suf = 0;
   while (pre < len && pat[pre] != '*' && pat[pre] != '?')
      pre++;
   while (suf < len && pat[len - 1 - suf] != '*'
          && pat[len - 1 - suf] != '?')
      suf++;
   if (ix->cache->n != 0) {   /* rules added after lookups: start over */
      FC_StrMap* c = ix->cache;
      for (UInt i = 0; i < c->cap; i++)
         if (c->slot[i].key != NULL)
            VG_(free)((void*)(Addr)c->slot[i].key);
      VG_(free)(c->slot);
      VG_(free)(c);
      ix->cache = fc_strmap_make(ix->cc, False);
   }
   if (pre == len) {
      fc_strmap_put(ix->exact, pat, id);
   } else if (pre > 0 && pre >= suf) {
      HChar* key = VG_(strdup)(ix->cc, pat);
      key[pre] = 0;
      FC_Group* g = fc_group_for(ix, ix->prefix, key);
      if (g->n > 0)
         VG_(free)(key);   /* the group already has its own */
      fc_group_add(ix->cc, g, pat, id);
      fc_lengths_add(ix->cc, &ix->pre_len, pre);
   } else if (suf > 0) {
      fc_group_add(ix->cc, fc_group_for(ix, ix->suffix, pat + len - suf),
                   pat, id);
      fc_lengths_add(ix->cc, &ix->suf_len, suf);
   } else {
      fc_group_add(ix->cc, &ix->rest, pat, id);
   }
}

/* Raises *best to the highest id of g above it whose pattern matches. */
static void fc_group_best(const FC_Group* g, const HChar* s, Int* best)
{
   for (Int i = g->n - 1; i >= 0 && g->id[i] > *best; i--)
      if (fc_glob_match(g->pat[i], s)) {
         *best = g->id[i];
         return;
      }
}

static const FC_Group* fc_group_at(const FC_GlobIndex* ix,
                                   const FC_StrMap* m, const HChar* key,
                                   SizeT len, UInt h)
{
   const FC_StrSlot* e = fc_strmap_slot(m, key, len, h);
   return e->key != NULL ? &ix->group[e->val] : NULL;
}

static Int fc_glob_index_lookup(const FC_GlobIndex* ix, const HChar* s)
{
   Int best = fc_strmap_get(ix->exact, s);
   SizeT len = VG_(strlen)(s);
   UInt h = FC_FNV_START;
   for (SizeT k = 1; k <= len && k <= ix->pre_len.max; k++) {
      h = FC_FNV_STEP(h, s[k - 1]);
      if (ix->pre_len.has[k]) {
         const FC_Group* g = fc_group_at(ix, ix->prefix, s, k, h);
         if (g != NULL)
            fc_group_best(g, s, &best);
      }
   }
   h = FC_FNV_START;
   for (SizeT k = 1; k <= len && k <= ix->suf_len.max; k++) {
      h = FC_FNV_STEP(h, s[len - k]);
      if (ix->suf_len.has[k]) {
         const FC_Group* g = fc_group_at(ix, ix->suffix, s + len - k, k, h);
         if (g != NULL)
            fc_group_best(g, s, &best);
      }
   }
   fc_group_best(&ix->rest, s, &best);
   return best;
}

/* Cached results: -1 is a valid result, so they are stored plus 2. */
Int fc_glob_index_best(FC_GlobIndex* ix, const HChar* s)
{
   Int c = fc_strmap_get(ix->cache, s);
   if (c >= 0)
      return c - 2;
   Int best = fc_glob_index_lookup(ix, s);
   fc_strmap_put(ix->cache, VG_(strdup)(ix->cc, s), best + 2);
   return best;
}
