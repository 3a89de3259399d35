/* fc_uninit_origins.c: origins that follow values through registers,
   temporaries, the stack and returns, paid for only where undefined bits
   move (the slow paths).

   When translating, every temporary gets a dependency set (FC_Deps): the
   load sites of the block and the guest registers, as they were at the
   block's entry, it was computed from (fc_uninit_instrument.c follows
   them statement by statement; a register written earlier in the block
   stands for the set of what was written).  Sets that generated code
   needs are interned here and passed to helpers as immediates.

   At run time each thread keeps
      - per load site: the origin of the undefined bits it last brought in
        (the load helpers' slow path calls fc_origins_note_site);
      - per guest register (8-byte slot): the origin of the undefined bits
        last written to it, recorded by a call guarded by "the written
        value has undefined bits" (fc_origins_note_put), so writes of
        defined values cost one test;
   each record stamped with the thread's clock.  A value's origin is the
   most recently stamped record among its set's members.  Memory keeps
   origins per granule in fc_uninit.c (stores of undefined bits pass the
   stored value's set).

   Staleness: nothing is recorded when defined bits are loaded or written,
   so a member whose last record is older than its current (defined)
   value still has its record; when a value mixes such a member with an
   undefined one, the most recent record wins, which is the undefined
   member's unless the defined one was recorded after it.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_hashtable.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_machine.h"
#include "libvex_guest_amd64.h"
#include "fc_util.h"
#include "fc_uninit_origins.h"

/* ------------------------------------------------------------------ */
/* Dependency sets (translation time)                                  */
/* ------------------------------------------------------------------ */

/* Access sites: FC_SITE(site), sites numbered from 1.  This table, the
   sets' and the register writes' grow with the code translated (a test
   suite's: hundreds of thousands of entries), in chunks (FC_SegArr). */
typedef struct {
   UInt addr_set;
   UInt data_set;
} FC_SiteInfo;

#define FC_MAX_SITES (16u << 20)   /* 128 MiB of site information */

static FC_SegArr fc_site_info = { .elt_szB = sizeof(FC_SiteInfo),
                                   .cc = "fc.origins.siteinfo" };
static UInt      fc_n_sites;
#define FC_SITE(s) ((FC_SiteInfo*)fc_segarr_at(&fc_site_info, (s)))

UInt fc_origins_new_site(void)
{
   if (fc_n_sites + 1 >= FC_MAX_SITES)
      return 0;
   fc_segarr_reserve(&fc_site_info, fc_n_sites + 2);
   UInt site = ++fc_n_sites;
   FC_SITE(site)->addr_set = 0;
   FC_SITE(site)->data_set = 0;
   return site;
}

void fc_origins_site_sets(UInt site, UInt addr_set, UInt data_set)
{
   if (site == 0)
      return;
   FC_SITE(site)->addr_set = addr_set;
   FC_SITE(site)->data_set = data_set;
}

UInt fc_origins_site_addr_set(UInt site)
{
   return site != 0 && site <= fc_n_sites ? FC_SITE(site)->addr_set : 0;
}

UInt fc_origins_site_data_set(UInt site)
{
   return site != 0 && site <= fc_n_sites ? FC_SITE(site)->data_set : 0;
}

static void fc_deps_add(FC_Deps* d, UInt m)
{
   UInt i = 0;
   while (i < d->n && d->m[i] < m)
      i++;
   if (i < d->n && d->m[i] == m)
      return;
   if (d->n == FC_DEPS_MAX) {
      /* Full: a load site, which names where the bits came from this
         time, takes the place of a register, else the members kept
         stand for the value. */
      UInt r = d->n;
      for (UInt j = 0; j < d->n && !(m & 1); j++)
         if (d->m[j] & 1)
            r = j;
      if (r == d->n)
         return;
      for (UInt j = r; j + 1 < d->n; j++)
         d->m[j] = d->m[j + 1];
      d->n--;
      fc_deps_add(d, m);
      return;
   }
   for (UInt j = d->n; j > i; j--)
      d->m[j] = d->m[j - 1];
   d->m[i] = m;
   d->n++;
}

void fc_deps_site(FC_Deps* d, UInt site)
{
   fc_deps_add(d, site << 1);
}

void fc_deps_reg(FC_Deps* d, Int offset)
{
   fc_deps_add(d, ((UInt)(offset >> 3) << 1) | 1);
}

void fc_deps_union(FC_Deps* into, const FC_Deps* other)
{
   for (UInt i = 0; i < other->n; i++)
      fc_deps_add(into, other->m[i]);
}

/* The interned sets, packed: set `id` is the words at offset id of
   fc_set_pool, its member count then its members (never across a
   chunk's end); id 0 is the empty set.  An FC_Deps each would be 28
   bytes where most sets have one to three members.  An open-addressed
   hash of ids finds an existing one. */
static FC_SegArr fc_set_pool = { .elt_szB = sizeof(UInt),
                                 .cc = "fc.origins.sets" };
static UInt      fc_pool_end;   /* words used: ids are below it */
static UInt      fc_n_sets;     /* sets interned, the empty one included */
static UInt*     fc_set_hash;
static UInt      fc_hash_cap;

static const UInt* fc_set_words(UInt id)
{
   return fc_segarr_at(&fc_set_pool, id);
}

static UInt fc_members_hash(UInt n, const UInt* m)
{
   UInt h = 2166136261u ^ n;
   for (UInt i = 0; i < n; i++)
      h = (h ^ m[i]) * 16777619u;
   return h;
}

static Bool fc_set_is(UInt id, const FC_Deps* d)
{
   const UInt* w = fc_set_words(id);
   if (w[0] != d->n)
      return False;
   for (UInt i = 0; i < d->n; i++)
      if (w[1 + i] != d->m[i])
         return False;
   return True;
}

static void fc_set_hash_insert(UInt* hash, UInt cap, UInt id)
{
   const UInt* w = fc_set_words(id);
   UInt i = fc_members_hash(w[0], w + 1) & (cap - 1);
   while (hash[i] != 0)
      i = (i + 1) & (cap - 1);
   hash[i] = id;
}

static void fc_set_hash_grow(void)
{
   if (2 * (fc_n_sets + 1) <= fc_hash_cap)
      return;
   UInt cap = fc_hash_cap ? 2 * fc_hash_cap : 8192;
   UInt* hash = VG_(calloc)("fc.origins.sethash", cap, sizeof *hash);
   for (UInt i = 0; i < fc_hash_cap; i++)
      if (fc_set_hash[i] != 0)
         fc_set_hash_insert(hash, cap, fc_set_hash[i]);
   VG_(free)(fc_set_hash);
   fc_set_hash = hash;
   fc_hash_cap = cap;
}

UInt fc_deps_intern(const FC_Deps* d)
{
   if (d->n == 0)
      return 0;
   if (fc_pool_end == 0) {
      fc_segarr_reserve(&fc_set_pool, 1);   /* id 0: the empty set */
      fc_pool_end = fc_n_sets = 1;
   }
   if (fc_hash_cap != 0) {
      UInt i = fc_members_hash(d->n, d->m) & (fc_hash_cap - 1);
      for (; fc_set_hash[i] != 0; i = (i + 1) & (fc_hash_cap - 1))
         if (fc_set_is(fc_set_hash[i], d))
            return fc_set_hash[i];
   }
   UInt id = fc_pool_end;
   const UInt chunk = 1u << FC_SEG_BITS;
   if ((id & (chunk - 1)) + 1 + d->n > chunk)
      id = (id + chunk - 1) & ~(chunk - 1);   /* the next chunk's start */
   if (id >= 0x7FFFFFF0)
      return 0;
   fc_segarr_reserve(&fc_set_pool, id + 1 + d->n);
   UInt* w = fc_segarr_at(&fc_set_pool, id);
   w[0] = d->n;
   for (UInt i = 0; i < d->n; i++)
      w[1 + i] = d->m[i];
   fc_pool_end = id + 1 + d->n;
   fc_n_sets++;
   fc_set_hash_grow();
   fc_set_hash_insert(fc_set_hash, fc_hash_cap, id);
   return id;
}

/* ------------------------------------------------------------------ */
/* Records (run time)                                                  */
/* ------------------------------------------------------------------ */

typedef struct {
   FC_Origin o;
   ULong     stamp;   /* 0: nothing recorded */
} FC_ORec;

typedef struct _FC_SiteRec {
   struct _FC_SiteRec* next;
   UWord               key;   /* site id */
   FC_ORec             r;
} FC_SiteRec;

#define FC_REG_SLOTS (sizeof(VexGuestAMD64State) / 8)

typedef struct {
   ULong        clock;
   FC_ORec*     regs;    /* FC_REG_SLOTS, made on first record */
   FC_Origin    latest;  /* the latest load's origin (the fallback) */
   VgHashTable* sites;
} FC_ThreadRecs;

static void* fc_thread_recs;

static FC_ThreadRecs* fc_recs_of(ThreadId tid)
{
   FC_ThreadRecs* t = fc_per_thread(&fc_thread_recs, sizeof(FC_ThreadRecs),
                                    "fc.origins.thread", tid);
   if (t->regs == NULL) {
      t->regs = VG_(calloc)("fc.origins.regs", FC_REG_SLOTS, sizeof(FC_ORec));
      t->sites = VG_(HT_construct)("fc.origins.sites");
   }
   return t;
}

void fc_origins_note_site(ThreadId tid, UInt site, const FC_Origin* o)
{
   FC_ThreadRecs* t = fc_recs_of(tid);
   t->latest = *o;
   if (site == 0)
      return;
   FC_SiteRec* s = VG_(HT_lookup)(t->sites, site);
   if (s == NULL) {
      s = VG_(malloc)("fc.origins.site", sizeof *s);
      s->key = site;
      VG_(HT_add_node)(t->sites, s);
   }
   s->r.o = *o;
   s->r.stamp = ++t->clock;

}

static const FC_ORec* fc_member_rec(FC_ThreadRecs* t, UInt m)
{
   if (m & 1) {
      UInt slot = m >> 1;
      return slot < FC_REG_SLOTS ? &t->regs[slot] : NULL;
   }
   const FC_SiteRec* s = VG_(HT_lookup)(t->sites, m >> 1);
   return s ? &s->r : NULL;
}

Bool fc_origins_resolve(ThreadId tid, UInt set, FC_Origin* o)
{
   if (set == 0 || set >= fc_pool_end)
      return False;
   FC_ThreadRecs* t = fc_recs_of(tid);
   const UInt* w = fc_set_words(set);
   const FC_ORec* best = NULL;
   for (UInt i = 0; i < w[0]; i++) {
      const FC_ORec* r = fc_member_rec(t, w[1 + i]);
      if (r != NULL && r->stamp != 0 && (best == NULL || r->stamp > best->stamp))
         best = r;
   }
   if (best == NULL)
      return False;
   *o = best->o;
   return True;
}

Bool fc_origins_of_reg(ThreadId tid, Int offset, FC_Origin* o)
{
   FC_ThreadRecs* t = fc_recs_of(tid);
   UInt slot = (UInt)offset >> 3;
   if (slot >= FC_REG_SLOTS || t->regs[slot].stamp == 0)
      return False;
   *o = t->regs[slot].o;
   return True;
}

/* The register writes of every translation (fc_origins_new_puts). */
#define FC_MAX_PUTS (16u << 20)

static FC_SegArr fc_puts = { .elt_szB = sizeof(FC_PutRec),
                             .cc = "fc.origins.puts" };
static UInt      fc_n_puts;

ULong fc_origins_new_puts(const FC_PutRec* recs, UInt n)
{
   if (n == 0 || fc_n_puts + n >= FC_MAX_PUTS)
      return 0;
   fc_segarr_reserve(&fc_puts, fc_n_puts + n);
   UInt first = fc_n_puts;
   for (UInt i = 0; i < n; i++)
      *(FC_PutRec*)fc_segarr_at(&fc_puts, first + i) = recs[i];
   fc_n_puts += n;
   return (ULong)first | ((ULong)n << 32);
}

VG_REGPARM(1) void fc_origins_note_puts(ULong arg)
{
   ThreadId tid = VG_(get_running_tid)();
   UInt first = (UInt)arg;
   UInt n = (UInt)(arg >> 32);
   FC_ThreadRecs* t = fc_recs_of(tid);
   for (UInt i = first; i < first + n && i < fc_n_puts; i++) {
      const FC_PutRec* p = fc_segarr_at(&fc_puts, i);
      if (!fc_shadow_regs_undefined(tid, p->offset, p->size))
         continue;
      FC_Origin o;
      if (!fc_origins_resolve(tid, p->set, &o))
         o = t->latest;
      ULong stamp = ++t->clock;
      for (UInt k = 0; k < ((UInt)p->size + 7) / 8; k++) {
         UInt slot = (p->offset >> 3) + k;
         if (slot < FC_REG_SLOTS) {
            t->regs[slot].o = o;
            t->regs[slot].stamp = stamp;
         }
      }
   }
}
