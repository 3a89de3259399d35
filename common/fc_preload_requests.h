/* fc_preload_requests.h: the internal client requests between ffican's preload
   (fc_preload_alloc.c, running in the client) and the tool (fc_main.c).

   The stock malloc replacement hands the malloc family and plain C++
   new/delete to the tool through VALGRIND_NON_SIMD_CALL; these requests
   carry what it cannot: Rust's allocator shims (up to four arguments),
   the size of sized operator delete, and reallocarray.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_PRELOAD_REQUESTS_H
#define FC_PRELOAD_REQUESTS_H

#include "ffican.h"

/* The Rust requests pass the address of the original shim (from the
   wrapper's OrigFn) last; the tool answers FC_RUN_NATIVE when that shim
   must run instead (see fc_objects.h). */
#define FC_RUN_NATIVE ((UWord)-1)

typedef enum {
   FC_REQ_RUST_ALLOC = FFICAN_USERREQ_BASE,  /* (size, align, zeroed, shim) */
   FC_REQ_RUST_DEALLOC,                      /* (p, size, align, shim) */
   FC_REQ_RUST_REALLOC,    /* (p, old_size, align, new_size, shim) -> q */
   FC_REQ_SIZED_DELETE,          /* (p, size, align or 0, is_array) */
   FC_REQ_REALLOCARRAY,          /* (p, nmemb, size) -> q */
   FC_REQ_INTERNAL_END
} FC_InternalReq;

#endif
