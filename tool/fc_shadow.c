/* fc_shadow.c: the shadow of client memory: addressability, and the
   storage of the uninit bits beside it.

   Layout: for each 8-byte granule of client memory, two shadow bytes side
   by side: its addressability (see fc_shadow.h for the values) and its
   uninit bits (one per byte, fc_uninit_mem.c).  A load's check and its uninit bits are
   then one cache line, which is what memory-bound programs pay for.
   Client addresses below 128 GiB (which covers the heap, the libraries
   and the stacks near 0x1FFF000000) go through a flat primary table of
   2^21 entries, one per 64 KiB; each entry points to a secondary of
   16 KiB of shadow.  Every entry starts out naming a shared, all-zero
   ("all accessible, all defined") secondary that is never written (an
   entry is a distance from that one, fc_shadow.h, so the table starts
   as the zero pages the program loads with: nothing to fill at start-up
   and no memory for the parts of the address space never used); a second shared one says "all accessible, all undefined"
   (fc_uninit_mem.c uses it for big blocks); two more stand for whole
   64 KiB chunks that are inaccessible: "all unmapped" (FC_SH_UNMAPPED,
   chunks the program unmapped) and "all released" (FC_SH_FREED, made on
   first use: a released 8 GiB block would otherwise cost 2 GiB of
   shadow); the private secondaries they replace are reused.  A secondary is copied the
   first time something in its 64 KiB changes (copy on write).  Higher
   addresses keep their addressability in an auxiliary hash table of
   secondaries with the same layout; they are rare, and their uninit bits are
   not kept (defined).

   A granule can also be FC_SH_MIXED: some of its bytes inaccessible in a
   pattern that is no prefix (a client request's redzone ending inside a
   granule whose other bytes stay accessible).  Which bytes, and why, is
   in a small hash table by granule, read only by fc_shadow_first_bad,
   so every check of such a granule goes to the precise slow path.

   Performance: the generated code (fc_access.c) reads fc_shadow_primary
   directly: index, load the secondary's distance and add the shared
   one's address, load the granule byte, and
   only when that byte is not zero (or the address is above the primary)
   calls a helper.  So the good case is two loads and a compare.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "fc_compat.h"        /* first: Valgrind API differences */
#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_hashtable.h"
#include "fc_shadow.h"

FC_SecSlot fc_shadow_primary[FC_SH_PRIMARY_SIZE];
FC_Sec     fc_shadow_sec_ok;        /* zero but for `shared` */
Bool    fc_shadow_stack_marked;

/* The bytes of an FC_SH_MIXED granule.  An entry stays when its granule
   is marked otherwise later: it is read only while the granule says
   FC_SH_MIXED, and set again whenever the granule becomes so. */
typedef struct _FC_Mixed {
   struct _FC_Mixed* next;
   UWord             key;    /* the granule's address >> 3 */
   UChar             bad;    /* bit k: byte k is inaccessible */
   UChar             why;    /* the reason given for all of them */
} FC_Mixed;
static VgHashTable* fc_mixed;

static FC_Sec* fc_sec_all_ok;          /* accessible, defined: shared */
static FC_Sec* fc_sec_all_undefined;   /* accessible, undefined: shared */
static FC_Sec* fc_sec_all_unmapped;    /* FC_SH_UNMAPPED, defined: shared */
static FC_Sec* fc_sec_all_freed;       /* FC_SH_FREED, defined: shared, made
                                          at the first whole chunk released */
static ULong   fc_n_sec_made;          /* for --stats=yes */

/* Private secondaries given back when a whole 64 KiB chunk was unmapped,
   for reuse (chained through their first bytes), so that a program that
   maps and unmaps memory over and over does not grow the shadow. */
static FC_Sec* fc_sec_free_list;

/* Secondaries above the primary's reach, keyed by address >> 16. */
typedef struct _FC_AuxSec {
   struct _FC_AuxSec* next;
   UWord              key;
   FC_Sec*            sec;
} FC_AuxSec;

static VgHashTable* fc_aux;

/* New secondaries are carved from batches mapped FC_SEC_BATCH at a
   time.  A secondary is 24 bytes over 16 KiB (the spare bytes and its
   counts), so one mapped on its own takes five pages, and the fifth is
   written whenever the secondary is copied: 4 KiB more per secondary
   than Memcheck's (2.7 MB on c_churn's 670).  In a batch they sit end to
   end.  Pages of a batch not yet carved are never touched, so they cost
   no memory. */
#define FC_SEC_BATCH 64
static UChar* fc_sec_batch;        /* the next secondary of the batch */
static UInt   fc_sec_batch_left;   /* how many are left in it */

static FC_Sec* fc_new_secondary(void)
{
   if (fc_sec_free_list != NULL) {
      FC_Sec* sec = fc_sec_free_list;
      fc_sec_free_list = *(FC_Sec**)sec;
      return sec;
   }
   if (fc_sec_batch_left == 0) {
      fc_sec_batch = fc_vg_shadow_alloc(FC_SEC_BATCH * sizeof(FC_Sec));
      if (fc_sec_batch == NULL)
         fc_vg_out_of_memory("ffican:shadow", FC_SEC_BATCH * sizeof(FC_Sec));
      fc_sec_batch_left = FC_SEC_BATCH;
   }
   FC_Sec* sec = (FC_Sec*)fc_sec_batch;
   fc_sec_batch += sizeof(FC_Sec);
   fc_sec_batch_left--;
   fc_n_sec_made++;
   return sec;
}

void fc_shadow_init(void)
{
   fc_sec_all_ok = &fc_shadow_sec_ok;
   fc_sec_all_ok->shared = 1;
   fc_sec_all_undefined = fc_new_secondary();
   VG_(memset)(fc_sec_all_undefined, 0, sizeof(FC_Sec));
   for (UWord i = 0; i < FC_SH_GRANULES; i++)
      fc_sec_all_undefined->g[2 * i + 1] = 0xFF;
   fc_sec_all_undefined->shared = 1;
   fc_sec_all_unmapped = fc_new_secondary();
   VG_(memset)(fc_sec_all_unmapped, 0, sizeof(FC_Sec));
   for (UWord i = 0; i < FC_SH_GRANULES; i++)
      fc_sec_all_unmapped->g[2 * i] = FC_SH_UNMAPPED;
   fc_sec_all_unmapped->shared = 1;
   fc_aux = VG_(HT_construct)("fc.shadow.aux");
}

FC_Sec* fc_shadow_shared(Bool undefined)
{
   return undefined ? fc_sec_all_undefined : fc_sec_all_ok;
}

FC_Sec* fc_shadow_writable(FC_SecSlot* slot)
{
   FC_Sec* s = fc_shadow_slot_sec(slot);
   if (!s->shared)
      return s;
   FC_Sec* priv = fc_new_secondary();
   VG_(memcpy)(priv, s, sizeof(FC_Sec));
   priv->shared = 0;
   fc_shadow_slot_set(slot, priv);
   return priv;
}

/* The secondary covering a, for reading (may be a shared one). */
static const FC_Sec* fc_sec_for_read(Addr a)
{
   UWord pri = a >> FC_SH_SEC_SHIFT;
   if (pri < FC_SH_PRIMARY_SIZE)
      return fc_shadow_sec_at(pri);
   FC_AuxSec* aux = VG_(HT_lookup)(fc_aux, pri);
   return aux ? aux->sec : fc_sec_all_ok;
}

/* The secondary covering a, for writing (never a shared one). */
static FC_Sec* fc_sec_for_write(Addr a)
{
   UWord pri = a >> FC_SH_SEC_SHIFT;
   if (pri < FC_SH_PRIMARY_SIZE)
      return fc_shadow_writable(&fc_shadow_primary[pri]);
   FC_AuxSec* aux = VG_(HT_lookup)(fc_aux, pri);
   if (aux == NULL) {
      aux = VG_(malloc)("fc.shadow.auxnode", sizeof *aux);
      aux->key = pri;
      aux->sec = fc_new_secondary();
      VG_(memset)(aux->sec, 0, sizeof(FC_Sec));
      VG_(HT_add_node)(fc_aux, aux);
   }
   return aux->sec;
}

static UWord fc_granule_index(Addr a)
{
   return (a & (FC_SH_SEC_SPAN - 1)) >> 3;
}

Bool fc_shadow_shared_accessible(const FC_Sec* s)
{
   return s == fc_sec_all_ok || s == fc_sec_all_undefined;
}

/* The shared secondary whose granules all say `why` (unmapped or
   released), or NULL for other reasons. */
static FC_Sec* fc_shared_noaccess(UChar why)
{
   if (why == FC_SH_UNMAPPED)
      return fc_sec_all_unmapped;
   if (why != FC_SH_FREED)
      return NULL;
   if (fc_sec_all_freed == NULL) {
      FC_Sec* s = fc_new_secondary();
      VG_(memset)(s, 0, sizeof(FC_Sec));
      for (UWord i = 0; i < FC_SH_GRANULES; i++)
         s->g[2 * i] = FC_SH_FREED;
      s->shared = 1;
      fc_sec_all_freed = s;
   }
   return fc_sec_all_freed;
}

/* A whole 64 KiB chunk (below the primary's reach) gets a new state:
   the shared unmapped or released secondary (its private one is kept for
   reuse, unless fc_uninit_mem.c holds partially defined bytes of it; a
   released block's uninit bits are never read again, its memory is marked
   afresh when reused), or, from one of those, the shared accessible and
   defined one.  False, with nothing done, in any other case. */
static Bool fc_set_whole_chunk(Addr a, UChar v)
{
   UWord pri = a >> FC_SH_SEC_SHIFT;
   if (pri >= FC_SH_PRIMARY_SIZE)
      return False;
   FC_Sec* s = fc_shadow_sec_at(pri);
   if (v == FC_SH_OK) {
      if (s != fc_sec_all_unmapped
          && (fc_sec_all_freed == NULL || s != fc_sec_all_freed))
         return False;
      fc_shadow_slot_set(&fc_shadow_primary[pri], fc_sec_all_ok);
      return True;
   }
   FC_Sec* shared = fc_shared_noaccess(v);
   if (shared == NULL || (!s->shared && s->n_partial != 0))
      return False;
   if (!s->shared) {
      *(FC_Sec**)s = fc_sec_free_list;
      fc_sec_free_list = s;
   }
   fc_shadow_slot_set(&fc_shadow_primary[pri], shared);
   return True;
}

/* Sets the addressability of granules [g_lo, g_hi) (granule addresses,
   i.e. a >> 3) to v, a secondary at a time. */
static void fc_set_granules(Addr g_lo, Addr g_hi, UChar v)
{
   while (g_lo < g_hi) {
      Addr a = g_lo << 3;
      UWord first = fc_granule_index(a);
      UWord n = FC_SH_GRANULES - first;
      if (n > g_hi - g_lo)
         n = g_hi - g_lo;
      if (v == FC_SH_OK && fc_shadow_shared_accessible(fc_sec_for_read(a))) {
         g_lo += n;   /* already all accessible: nothing to write */
         continue;
      }
      if (n == FC_SH_GRANULES && fc_set_whole_chunk(a, v)) {
         g_lo += n;
         continue;
      }
      UChar* p = fc_sec_for_write(a)->g + 2 * first;
      for (UWord i = 0; i < n; i++)
         p[2 * i] = v;
      g_lo += n;
   }
}

static void fc_set_granule(Addr a, UChar v)
{
   if (v == FC_SH_OK && fc_shadow_shared_accessible(fc_sec_for_read(a)))
      return;
   fc_sec_for_write(a)->g[2 * fc_granule_index(a)] = v;
}

/* The private secondary holding all of [lo, last], or NULL when the
   range is above the primary's reach, spans two, or lies in a shared
   one (the general paths' cases). */
static FC_Sec* fc_one_private_sec(Addr lo, Addr last)
{
   UWord pri = lo >> FC_SH_SEC_SHIFT;
   if (pri >= FC_SH_PRIMARY_SIZE || (last >> FC_SH_SEC_SHIFT) != pri
       || fc_shadow_sec_at(pri)->shared)
      return NULL;
   return fc_shadow_sec_at(pri);
}

void fc_shadow_make_accessible(Addr a, SizeT len)
{
   if (len == 0)
      return;
   Addr end = a + len;
   Addr g_lo = (a + 7) >> 3;     /* first whole granule */
   Addr g_hi = end >> 3;         /* past the last whole granule */
   if ((a & 7) != 0) {
      /* A partial first granule: accessible from its start to the end of
         the range (prefixes are all the encoding can say). */
      Addr g = a >> 3;
      fc_set_granule(a, end >= (g + 1) << 3 ? FC_SH_OK
                                            : (UChar)(end - (g << 3)));
      if (end <= (g + 1) << 3)
         return;
   }
   if (g_lo < g_hi)
      fc_set_granules(g_lo, g_hi, FC_SH_OK);
   if ((end & 7) != 0 && end >> 3 >= g_lo)
      fc_set_granule(end, (UChar)(end & 7));   /* partial last granule */
}

void fc_shadow_make_noaccess(Addr a, SizeT len, UChar why)
{
   tl_assert(why & 0x80);
   if (len == 0)
      return;
   /* The usual case (a released heap block): aligned, inside one private
      secondary below the primary's reach. */
   FC_Sec* s = (a & 7) == 0 ? fc_one_private_sec(a, a + len - 1) : NULL;
   if (s != NULL) {
      UChar* g = s->g;
      UWord gi = fc_granule_index(a);
      UWord ge = fc_granule_index(a + len - 1) + 1;
      for (UWord i = gi; i < ge; i++)
         g[2 * i] = why;
      return;
   }
   Addr end = a + len;
   Addr g_lo = a >> 3;
   if ((a & 7) != 0) {
      /* Keep the accessible prefix before a. */
      fc_set_granule(a, (UChar)(a & 7));
      g_lo++;
   }
   Addr g_hi = (end + 7) >> 3;   /* a partial last granule goes too */
   if (g_lo < g_hi)
      fc_set_granules(g_lo, g_hi, why);
}

/* Granules [gi, ge) of s get addressability a and V byte v. */
static inline void fc_fill_granules(FC_Sec* s, UWord gi, UWord ge, UChar a,
                                    UChar v)
{
   UShort both = (UShort)(a | (v << 8));   /* g[2i], g[2i + 1] */
   UShort* g = (UShort*)s->g;
   for (UWord i = gi; i < ge; i++)
      g[i] = both;
}

Bool fc_shadow_new_block_fast(Addr p, SizeT szB, SizeT rz, Addr end,
                              Bool undefined)
{
   Addr lo = p - rz;
   FC_Sec* s = ((p | rz) & 7) == 0 ? fc_one_private_sec(lo, end - 1) : NULL;
   if (s == NULL || s->n_partial != 0)
      return False;
   UWord g_lo = fc_granule_index(lo);
   UWord g_p = fc_granule_index(p);
   UWord g_full = g_p + (szB >> 3);           /* past the whole granules */
   UWord g_end = fc_granule_index(end - 1) + 1;
   fc_fill_granules(s, g_lo, g_p, FC_SH_REDZONE, 0);
   fc_fill_granules(s, g_p, g_full, FC_SH_OK, undefined ? 0xFF : 0);
   UWord tail = szB & 7;   /* bytes in a partial last granule */
   if (tail != 0) {
      fc_fill_granules(s, g_full, g_full + 1, (UChar)tail,
                       undefined ? (UChar)((1u << tail) - 1) : 0);
      g_full++;
   }
   fc_fill_granules(s, g_full, g_end, FC_SH_REDZONE, 0);
   return True;
}

/* The inaccessible bytes of the granule holding a (bit k: byte k), and
   why (when any). */
static UChar fc_granule_bad(Addr a, UChar* why)
{
   UChar v = fc_shadow_abyte(a);
   *why = v;
   if (v == FC_SH_OK)
      return 0;
   if (v < 8) {
      *why = FC_SH_REDZONE;
      return (UChar)(0xFF << v);
   }
   if (v != FC_SH_MIXED)
      return 0xFF;
   const FC_Mixed* m = fc_mixed ? VG_(HT_lookup)(fc_mixed, a >> 3) : NULL;
   if (m == NULL)
      return 0xFF;   /* cannot happen: said inaccessible, to be safe */
   *why = m->why;
   return m->bad;
}

/* Sets the granule holding a to inaccessible bytes `bad`, for why. */
static void fc_granule_set_bad(Addr a, UChar bad, UChar why)
{
   if (bad == 0 || bad == 0xFF) {
      fc_set_granule(a, bad == 0 ? FC_SH_OK : why);
      return;
   }
   for (UInt k = 1; k < 8; k++)
      if (bad == (UChar)(0xFF << k) && why == FC_SH_REDZONE) {
         fc_set_granule(a, (UChar)k);   /* a prefix says it */
         return;
      }
   if (fc_mixed == NULL)
      fc_mixed = VG_(HT_construct)("fc.shadow.mixed");
   FC_Mixed* m = VG_(HT_lookup)(fc_mixed, a >> 3);
   if (m == NULL) {
      m = VG_(malloc)("fc.shadow.mixed", sizeof *m);
      m->key = a >> 3;
      VG_(HT_add_node)(fc_mixed, m);
   }
   m->bad = bad;
   m->why = why;
   fc_set_granule(a, FC_SH_MIXED);
}

void fc_shadow_mark_exact(Addr a, SizeT len, UChar why)
{
   tl_assert(why == FC_SH_OK || (why & 0x80));
   Addr end = a + len < a ? ~(Addr)0 : a + len;
   while (a < end) {
      Addr g_end = (a | 7) + 1;
      if ((a & 7) == 0 && end >= g_end) {   /* whole granules */
         Addr g_hi = end >> 3;
         fc_set_granules(a >> 3, g_hi, why);
         a = g_hi << 3;
         continue;
      }
      Addr stop = end < g_end ? end : g_end;
      UChar bits = (UChar)(((1u << (stop - a)) - 1) << (a & 7));
      UChar old_why;
      UChar bad = fc_granule_bad(a, &old_why);
      if (why == FC_SH_OK)
         bad &= (UChar)~bits;
      else
         bad |= bits;
      fc_granule_set_bad(a, bad, why == FC_SH_OK ? old_why : why);
      a = stop;
   }
}

UChar fc_shadow_abyte(Addr a)
{
   return fc_sec_for_read(a)->g[2 * fc_granule_index(a)];
}

Addr fc_shadow_first_bad(Addr a, SizeT len, UChar* why)
{
   Addr end = a + len;
   while (a < end) {
      UChar v = fc_shadow_abyte(a);
      Addr g_end = (a | 7) + 1;
      if (v == FC_SH_MIXED) {
         UChar w;
         UChar bad = fc_granule_bad(a, &w);
         for (Addr b = a; b < g_end && b < end; b++)
            if (bad & (1u << (b & 7))) {
               *why = w;
               return b;
            }
      } else if (v != FC_SH_OK) {
         if (v & 0x80) {
            *why = v;
            return a;
         }
         if ((a & 7) >= v) {   /* past the accessible prefix */
            *why = FC_SH_REDZONE;
            return a;
         }
         Addr bad = (a & ~(Addr)7) + v;
         if (bad < end) {
            *why = FC_SH_REDZONE;
            return bad;
         }
      }
      a = g_end;
   }
   return 0;
}

void fc_shadow_print_stats(void)
{
   VG_(message)(Vg_DebugMsg, "ffican: shadow: %llu secondaries of %lu bytes "
                "(%llu KiB)\n", fc_n_sec_made, (UWord)sizeof(FC_Sec),
                fc_n_sec_made * sizeof(FC_Sec) / 1024);
}
