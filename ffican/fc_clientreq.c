/* fc_clientreq.c: placeholder until the public client requests land.
   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "fc_clientreq.h"

Bool fc_handle_public_request(ThreadId tid, UWord* arg, UWord* ret)
{
   return False;
}

Bool fc_clientreq_take_buffer(ThreadId tid, Addr* start, SizeT* len)
{
   return False;
}
