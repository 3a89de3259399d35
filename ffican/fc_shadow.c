/* fc_shadow.c: addressability of client memory.

   Layout: one shadow byte per 8-byte granule (see fc_shadow.h for its
   values).  Client addresses below 128 GiB (which covers the heap, the
   libraries and the stacks near 0x1FFF000000) go through a flat primary
   table of 2^21 entries, one per 64 KiB; each entry points to a
   secondary of 8 KiB of shadow.  Every entry starts out pointing to one
   shared, all-zero ("all accessible") secondary that is never written: a
   secondary is allocated the first time something in its 64 KiB is made
   inaccessible (copy on write).  Higher addresses use an auxiliary hash
   table of secondaries with the same meaning; they are rare.

   Performance: the generated code (fc_access.c) reads fc_shadow_primary
   directly: index, load the secondary pointer, load the granule byte, and
   only when that byte is not zero (or the address is above the primary)
   calls a helper.  So the good case is two loads and a compare.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_hashtable.h"
#include "fc_shadow.h"

UChar* fc_shadow_primary[FC_SH_PRIMARY_SIZE];

/* The shared secondary: all granules accessible.  Never written. */
static UChar fc_sec_all_ok[FC_SH_SEC_BYTES + FC_SH_SEC_SLACK];

/* Secondaries above the primary's reach, keyed by address >> 16. */
typedef struct _FC_AuxSec {
   struct _FC_AuxSec* next;
   UWord              key;
   UChar*             sec;
} FC_AuxSec;

static VgHashTable* fc_aux;

void fc_shadow_init(void)
{
   for (UWord i = 0; i < FC_SH_PRIMARY_SIZE; i++)
      fc_shadow_primary[i] = fc_sec_all_ok;
   fc_aux = VG_(HT_construct)("fc.shadow.aux");
}

static UChar* fc_new_secondary(void)
{
   SizeT n = FC_SH_SEC_BYTES + FC_SH_SEC_SLACK;
   UChar* sec = VG_(am_shadow_alloc)(n);
   if (sec == NULL)
      VG_(out_of_memory_NORETURN)("ffican:shadow", n);
   VG_(memset)(sec, 0, n);
   return sec;
}

/* The secondary covering a, for reading (may be the shared one). */
static const UChar* fc_sec_for_read(Addr a)
{
   UWord pri = a >> FC_SH_SEC_SHIFT;
   if (pri < FC_SH_PRIMARY_SIZE)
      return fc_shadow_primary[pri];
   FC_AuxSec* aux = VG_(HT_lookup)(fc_aux, pri);
   return aux ? aux->sec : fc_sec_all_ok;
}

/* The secondary covering a, for writing (never the shared one). */
static UChar* fc_sec_for_write(Addr a)
{
   UWord pri = a >> FC_SH_SEC_SHIFT;
   if (pri < FC_SH_PRIMARY_SIZE) {
      if (fc_shadow_primary[pri] == fc_sec_all_ok)
         fc_shadow_primary[pri] = fc_new_secondary();
      return fc_shadow_primary[pri];
   }
   FC_AuxSec* aux = VG_(HT_lookup)(fc_aux, pri);
   if (aux == NULL) {
      aux = VG_(malloc)("fc.shadow.auxnode", sizeof *aux);
      aux->key = pri;
      aux->sec = fc_new_secondary();
      VG_(HT_add_node)(fc_aux, aux);
   }
   return aux->sec;
}

static UWord fc_granule_index(Addr a)
{
   return (a & (FC_SH_SEC_SPAN - 1)) >> 3;
}

/* Sets the granules [g_lo, g_hi) (granule addresses, i.e. a >> 3) to v,
   a secondary at a time. */
static void fc_set_granules(Addr g_lo, Addr g_hi, UChar v)
{
   while (g_lo < g_hi) {
      Addr a = g_lo << 3;
      UWord first = fc_granule_index(a);
      UWord n = FC_SH_SEC_BYTES - first;
      if (n > g_hi - g_lo)
         n = g_hi - g_lo;
      if (v == FC_SH_OK && fc_sec_for_read(a) == fc_sec_all_ok) {
         g_lo += n;   /* already all accessible: nothing to write */
         continue;
      }
      VG_(memset)(fc_sec_for_write(a) + first, v, n);
      g_lo += n;
   }
}

static void fc_set_granule(Addr a, UChar v)
{
   if (v == FC_SH_OK && fc_sec_for_read(a) == fc_sec_all_ok)
      return;
   fc_sec_for_write(a)[fc_granule_index(a)] = v;
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

Addr fc_shadow_first_bad(Addr a, SizeT len, UChar* why)
{
   Addr end = a + len;
   while (a < end) {
      UChar v = fc_sec_for_read(a)[fc_granule_index(a)];
      Addr g_end = (a | 7) + 1;
      if (v != FC_SH_OK) {
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
