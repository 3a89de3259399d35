/* fc_owner.c: the names of allocator families and functions in reports
   (see fc_owner.h).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_mallocfree.h"
#include "fc_owner.h"

/* ------------------------------------------------------------------ */
/* Stacks by ECU                                                       */
/* ------------------------------------------------------------------ */

/* VG_(get_ExeContext_from_ECU) walks every ExeContext: too slow for a
   report, let alone the leak search.  So the ExeContexts block records
   hold are kept here, at index ECU / 4: 8 bytes per ExeContext issued
   so far (the core issues ECUs in order, 4 apart; a chunk is made when
   an ECU in its range is first kept), where each block record saves 12
   bytes by holding ECUs instead of pointers.  The chunk pointers are
   2 MiB of zeroed static memory, of which only the pages in use are
   ever touched. */
ExeContext** fc_ecu_chunks[1u << (30 - FC_ECU_CHUNK_BITS)];

UInt fc_ecu_keep(ExeContext* ec)
{
   if (ec == NULL)
      return 0;
   UInt ecu = VG_(get_ECU_from_ExeContext)(ec);
   UInt idx = ecu >> 2;
   ExeContext*** chunk = &fc_ecu_chunks[idx >> FC_ECU_CHUNK_BITS];
   if (UNLIKELY(*chunk == NULL))
      *chunk = VG_(calloc)("fc.owner.ecus", 1u << FC_ECU_CHUNK_BITS,
                           sizeof(ExeContext*));
   (*chunk)[idx & ((1u << FC_ECU_CHUNK_BITS) - 1)] = ec;
   return ecu;
}

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

/* FC_Tag keeps the allocating function in 4 bits. */
STATIC_ASSERT(FC_AllocCount <= 16);

static const HChar* const fc_alloc_fn_names[FC_AllocCount] = {
   "malloc", "calloc", "realloc", "reallocarray", "memalign",
   "operator new", "aligned operator new", "operator new[]",
   "aligned operator new[]", "__rust_alloc", "__rust_alloc_zeroed",
   "__rust_realloc", "VALGRIND_MALLOCLIKE_BLOCK", "VALGRIND_MEMPOOL_ALLOC",
   "__rust_alloc inlined by LTO"
};

static const HChar* const fc_release_fn_names[FC_RelCount] = {
   "free()", "realloc()", "reallocarray()", "operator delete",
   "sized operator delete", "operator delete[]", "sized operator delete[]",
   "__rust_dealloc", "__rust_realloc", "VALGRIND_FREELIKE_BLOCK",
   "a mempool free", "VALGRIND_RESIZEINPLACE_BLOCK",
   "__rust_dealloc inlined by LTO", "__rust_realloc inlined by LTO"
};

static const UChar fc_release_families[FC_RelCount] = {
   FC_FamMalloc, FC_FamMalloc, FC_FamMalloc, FC_FamNew, FC_FamNew,
   FC_FamNewArr, FC_FamNewArr, FC_FamRust, FC_FamRust, FC_FamPool,
   FC_FamPool, FC_FamPool, FC_FamRust, FC_FamRust
};

const HChar* fc_alloc_fn_name(FC_AllocFn fn)
{
   tl_assert(fn < FC_AllocCount);
   return fc_alloc_fn_names[fn];
}

const HChar* fc_release_fn_name(FC_ReleaseFn fn)
{
   tl_assert(fn < FC_RelCount);
   return fc_release_fn_names[fn];
}

FC_Family fc_release_family(FC_ReleaseFn fn)
{
   tl_assert(fn < FC_RelCount);
   return fc_release_families[fn];
}

const HChar* fc_cross_how_verb(FC_CrossHow how)
{
   return how == FC_CrossLent ? "lent to" : "handed to";
}

const HChar* fc_cross_how_detail(FC_CrossHow how)
{
   switch (how) {
      case FC_CrossLent:     return " (a pointer to it was returned across"
                                    " the boundary)";
      case FC_CrossOutParam: return " through an out-parameter";
      default:               return "";
   }
}
