/* fc_vbits.c: Memcheck's VALGRIND_GET_VBITS and VALGRIND_SET_VBITS: a
   program (or a library that moves data where ffican cannot follow it,
   such as a compressor or a copy through a pipe) reads and writes the
   uninit bits of its memory directly.

   Owns: only the two requests.  The bits are fc_uninit_mem.c's (one bit
   per byte, exact bits of partially defined bytes aside), read and set a
   byte at a time; what may be touched is fc_shadow.c's (redzones,
   released blocks, marked or unmapped memory) and, for memory the shadow
   never marked, Valgrind's address-space manager's.

   Answers, as memcheck.h documents them: 1 when copied; 3, with nothing
   copied, when a byte of either range may not be touched (a range that
   wraps around, unmapped memory, a redzone or a released block), or
   when ffican itself could not touch vbits (GET writes it, SET reads
   it: mapped without that permission).  0 ("not under Valgrind") is
   never answered.  Under --track-uninit=no there are no uninit bits: GET
   gives all bytes defined and SET does nothing, both answering 1.

   Cost: a shadow look and a segment look per range, then a call per
   byte; programs make these requests for small buffers.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_vki.h"
#include "fc_options.h"
#include "fc_shadow.h"
#include "fc_uninit_mem.h"
#include "fc_vbits.h"

/* May the program, and here ffican, touch all n bytes at a (n > 0)? */
static Bool fc_vbits_range_ok(Addr a, SizeT n, UInt prot)
{
   UChar why;
   if (a + n < a || a == 0)
      return False;
   if (!VG_(am_is_valid_for_client)(a, n, prot))
      return False;
   return fc_shadow_first_bad(a, n, &why) == 0;
}

UWord fc_vbits_request(Addr a, Addr vbits, SizeT n, Bool set)
{
   if (n == 0)
      return 1;
   if (!fc_vbits_range_ok(a, n, VKI_PROT_NONE)
       || !fc_vbits_range_ok(vbits, n, set ? VKI_PROT_READ : VKI_PROT_WRITE))
      return 3;
   UChar* v = (UChar*)vbits;
   if (set) {
      if (fc_clo_track_uninit)
         for (SizeT i = 0; i < n; i++)
            fc_uninit_mem_set_byte(a + i, v[i]);
      return 1;
   }
   for (SizeT i = 0; i < n; i++)
      v[i] = fc_clo_track_uninit ? fc_uninit_mem_get_byte(a + i) : 0;
   fc_uninit_mem_on_mark(vbits, n, True);   /* the copy is defined */
   return 1;
}
