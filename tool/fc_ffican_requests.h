/* fc_ffican_requests.h: the public client requests of ffican.h and ffican.rs
   (hand over, take back, declare a buffer extent, ask an owner).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_FFICAN_REQUESTS_H
#define FC_FFICAN_REQUESTS_H

#include "pub_tool_basics.h"
#include "pub_tool_execontext.h"

/* Handles a request in the public range of ffican.h; False if arg[0] is
   not one of them. */
Bool fc_ffican_req_handle(ThreadId tid, UWord* arg, UWord* ret);

/* The buffer extent the client declared for its next boundary call, if
   any, and where it was declared; taking it clears it. */
Bool fc_ffican_req_take_buffer(ThreadId tid, Addr* start, SizeT* len,
                               ExeContext** ec);

/* May the tool read the code at `shim`, the original Rust allocator
   shim an internal request of the preload names (fc_preload_requests.h)?
   The preload always passes a real one; a forged request may pass any
   value.  Warns (once per stack) when not: the caller must then not look
   at the shim, and fails the request (NULL, nothing freed). */
Bool fc_ffican_req_shim_readable(ThreadId tid, UWord req, Addr shim);

/* Thread tid is gone: drop its pending declaration, so that a new thread
   reusing the ThreadId does not inherit it. */
void fc_ffican_req_forget_thread(ThreadId tid);

#endif
