/* fc_blocktab.c: the table of live heap blocks, by payload address.

   Every malloc, free and realloc looks a block up, adds one or removes
   one.  Valgrind's VgHashTable finds the bucket by dividing by a prime,
   and that division was the largest single cost in the bookkeeping of
   allocation-heavy programs.  This table has a power-of-two number of
   buckets and a multiplicative hash (a multiply and a shift: the high
   bits of payload * 2^64/phi spread 16-byte-aligned addresses evenly).
   Chains go through FC_Block.next; the table doubles when it holds as
   many blocks as buckets (as Memcheck's does), so a chain is short: a
   lookup visits half a block other than the one it looks for on
   average at the fullest.  (Doubling at half full cost a million-block
   heap 16 MB of buckets where Memcheck's table is 12.6 MB.)  The bucket itself
   is a miss nearly every time in a large heap; callers that have other
   work to do first (unwinding the stack) ask for it early with
   fc_btab_prefetch.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_mallocfree.h"
#include "fc_blocktab.h"

#define FC_BTAB_MIN_BITS 12

static FC_Block** fc_buckets;
static UInt       fc_bits;       /* log2 of the number of buckets */
static UWord      fc_n_blocks;

static inline UWord fc_bucket_of(Addr payload)
{
   return (UWord)((payload * 0x9E3779B97F4A7C15ULL) >> (64 - fc_bits));
}

static FC_Block** fc_new_buckets(UInt bits)
{
   SizeT bytes = sizeof(FC_Block*) << bits;
   FC_Block** b = VG_(malloc)("fc.btab.buckets", bytes);
   VG_(memset)(b, 0, bytes);
   return b;
}

void fc_btab_init(void)
{
   fc_bits = FC_BTAB_MIN_BITS;
   fc_buckets = fc_new_buckets(fc_bits);
   fc_n_blocks = 0;
}

static void fc_grow(void)
{
   FC_Block** old = fc_buckets;
   UWord n_old = (UWord)1 << fc_bits;
   fc_bits++;
   fc_buckets = fc_new_buckets(fc_bits);
   for (UWord i = 0; i < n_old; i++) {
      FC_Block* b = old[i];
      while (b != NULL) {
         FC_Block* next = b->next;
         UWord h = fc_bucket_of(b->tag.payload);
         b->next = fc_buckets[h];
         fc_buckets[h] = b;
         b = next;
      }
   }
   VG_(free)(old);
}

void fc_btab_add(FC_Block* b)
{
   if (fc_n_blocks >= ((UWord)1 << fc_bits))
      fc_grow();
   UWord h = fc_bucket_of(b->tag.payload);
   b->next = fc_buckets[h];
   fc_buckets[h] = b;
   fc_n_blocks++;
}

void fc_btab_prefetch(Addr payload)
{
   __builtin_prefetch(&fc_buckets[fc_bucket_of(payload)]);
}

FC_Block* fc_btab_lookup(Addr payload)
{
   FC_Block* b = fc_buckets[fc_bucket_of(payload)];
   while (b != NULL && b->tag.payload != payload)
      b = b->next;
   return b;
}

FC_Block* fc_btab_remove(Addr payload)
{
   FC_Block** link = &fc_buckets[fc_bucket_of(payload)];
   while (*link != NULL && (*link)->tag.payload != payload)
      link = &(*link)->next;
   FC_Block* b = *link;
   if (b != NULL) {
      *link = b->next;
      b->next = NULL;
      fc_n_blocks--;
   }
   return b;
}

UWord fc_btab_count(void)
{
   return fc_n_blocks;
}

/* The first block in bucket i or after it. */
static FC_Block* fc_from_bucket(FC_BtabIter* it, UWord i)
{
   UWord n = (UWord)1 << fc_bits;
   for (; i < n; i++)
      if (fc_buckets[i] != NULL) {
         it->bucket = i;
         it->next = fc_buckets[i]->next;
         return fc_buckets[i];
      }
   it->bucket = n;
   it->next = NULL;
   return NULL;
}

FC_Block* fc_btab_first(FC_BtabIter* it)
{
   return fc_from_bucket(it, 0);
}

FC_Block* fc_btab_next(FC_BtabIter* it)
{
   FC_Block* b = it->next;
   if (b != NULL) {
      it->next = b->next;
      return b;
   }
   return fc_from_bucket(it, it->bucket + 1);
}

FC_Block** fc_btab_to_array(UInt* n)
{
   *n = (UInt)fc_n_blocks;
   if (fc_n_blocks == 0)
      return NULL;
   FC_Block** arr = VG_(malloc)("fc.btab.array",
                                (fc_n_blocks + 1) * sizeof(FC_Block*));
   UInt k = 0;
   FC_BtabIter it;
   for (FC_Block* b = fc_btab_first(&it); b != NULL; b = fc_btab_next(&it))
      arr[k++] = b;
   tl_assert(k == *n);
   return arr;
}
