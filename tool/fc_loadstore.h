/* fc_loadstore.h: loads and stores of uninit bits together with their
   addressability check, called by generated code (see fc_loadstore.c).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_LOADSTORE_H
#define FC_LOADSTORE_H

#include "pub_tool_basics.h"

/* The uninit bits of the 1, 2, 4 or 8 bytes at a (zero-extended); the access
   is checked and reported as fc_access.c would.  va: the uninit bits of the
   address itself (an UninitRead if any is set).  ids: the access's
   site id (fc_uninit_origins.h), for origins. */
VG_REGPARM(3) UWord fc_loadv1(Addr a, UWord va, UWord ids);
VG_REGPARM(3) UWord fc_loadv2(Addr a, UWord va, UWord ids);
VG_REGPARM(3) UWord fc_loadv4(Addr a, UWord va, UWord ids);
VG_REGPARM(3) UWord fc_loadv8(Addr a, UWord va, UWord ids);

/* Stores the uninit bits v (the low 1, 2, 4 or 8 bytes) at a, after the
   same checks. */
VG_REGPARM(3) void fc_storev1(Addr a, UWord v, UWord va, UWord ids);
VG_REGPARM(3) void fc_storev2(Addr a, UWord v, UWord va, UWord ids);
VG_REGPARM(3) void fc_storev4(Addr a, UWord v, UWord va, UWord ids);
VG_REGPARM(3) void fc_storev8(Addr a, UWord v, UWord va, UWord ids);

/* Vectors: a load's uninit bits go to fc_uninit_mem_scratch, a store's come from
   there; the same checks. */
VG_REGPARM(3) void fc_loadv16(Addr a, UWord va, UWord ids);
VG_REGPARM(3) void fc_loadv32(Addr a, UWord va, UWord ids);
VG_REGPARM(3) void fc_storev16(Addr a, UWord va, UWord ids);
VG_REGPARM(3) void fc_storev32(Addr a, UWord va, UWord ids);

/* Slow paths of the generated code, through fc_uninit_mem_scratch
   (n <= FC_UNINIT_MEM_SCRATCH): the gather fills it with the uninit bits
   of [a, a+n) and notes the origin of undefined ones; the scatter stores
   it and notes where copied undefined bits came from. */
VG_REGPARM(3) void fc_loadstore_gather(Addr a, UWord n, UWord site);
VG_REGPARM(3) void fc_loadstore_scatter(Addr a, UWord n, UWord set);

#endif
