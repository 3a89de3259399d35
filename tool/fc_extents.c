/* fc_extents.c: buffer extents declared for boundary calls.

   A boundary file (`buffer fill(buf, n)`) or a client request
   (FFICAN_DECLARE_BUFFER) can say that a call from one side to another may
   touch only [buf, buf+len) of the block buf points into.  When such a
   call crosses, the rest of that block (from buf+len to the block's end)
   is made inaccessible (FC_SH_EXTENT) until the call returns, so that the
   callee writing past `len` but inside the block's capacity is reported
   like an overflow.

   The return is seen by the crossing code (a return from one side to
   another always runs its helper); every extent opened by a call whose
   stack pointer the return has passed is closed then, so a longjmp past
   the call closes it at the next crossing return further up.

   Each open extent keeps what an error needs to name it (fc_errors.c
   asks through fc_extents_lookup, which it is handed at the first
   extent): the declaration (the boundary file's rule, or the request and
   its stack) and the stack of the call it was declared for, which need
   not be where the block was first handed across.

   Limits: at most FC_MAX_OPEN extents per thread at a time (further ones
   are not enforced); a callback to the owner's side during the call is
   held to the extent too.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_execontext.h"
#include "fc_extents.h"
#include "fc_blocks.h"
#include "fc_boundary.h"
#include "fc_errors.h"
#include "fc_ffican_requests.h"
#include "fc_options.h"
#include "fc_shadow.h"
#include "fc_util.h"

#define FC_MAX_OPEN 16

typedef struct {
   Addr  rsp;       /* the caller's stack pointer once the call returns */
   Addr  start;     /* first byte made inaccessible */
   Addr  end;       /* the block's end */
   Addr  payload;   /* the block, to check it is still live at the end */
   FC_ExtentInfo info;   /* for error messages */
} FC_OpenExtent;

typedef struct {
   FC_OpenExtent open[FC_MAX_OPEN];
   Int           n_open;
} FC_ThreadExtents;

static void* fc_extents;   /* FC_ThreadExtents per thread (fc_per_thread) */

static FC_ThreadExtents* fc_thread_extents(ThreadId tid)
{
   return fc_per_thread(&fc_extents, sizeof(FC_ThreadExtents),
                        "fc.extents", tid);
}

/* The open extent whose inaccessible rest holds bad, in thread tid's
   extents (newest first), else in any thread's. */
static Bool fc_extents_lookup(ThreadId tid, Addr bad, FC_ExtentInfo* out)
{
   for (Int pass = 0; pass < 2; pass++)
      for (ThreadId t = pass == 0 ? tid : 1; t < VG_N_THREADS; t++) {
         if (pass == 1 && t == tid)
            continue;
         const FC_ThreadExtents* te = fc_thread_extents(t);
         for (Int i = te->n_open - 1; i >= 0; i--)
            if (bad >= te->open[i].start && bad < te->open[i].end) {
               *out = te->open[i].info;
               return True;
            }
         if (pass == 0)
            break;
      }
   return False;
}

/* Limits the callee to [buf, buf+len) of buf's block; `info` says where
   the extent was declared (its buf, len and call stack are set here). */
static void fc_open_extent(ThreadId tid, Addr buf, SizeT len, Addr rsp,
                           FC_ExtentInfo* info)
{
   FC_Block* b = fc_block_live_containing(buf);
   if (b == NULL)
      return;
   Addr end = b->tag.payload + b->tag.req_szB;
   Addr start = buf + len;
   if (start >= end || start < buf)
      return;   /* the extent covers the rest of the block */
   FC_ThreadExtents* te = fc_thread_extents(tid);
   if (te->n_open == FC_MAX_OPEN)
      return;
   info->buf = buf;
   info->len = len;
   info->call_ec = VG_(record_ExeContext)(tid, 0);
   te->open[te->n_open++] = (FC_OpenExtent){ rsp, start, end,
                                             b->tag.payload, *info };
   fc_errors_set_extent_lookup(fc_extents_lookup);
   fc_shadow_make_noaccess(start, end - start, FC_SH_EXTENT);
   if (fc_clo_trace_crossings)
      VG_(umsg)("crossing:   extent: %lu bytes of the %lu-byte block "
                "0x%lx may be touched until the call returns\n",
                start - b->tag.payload, (SizeT)b->tag.req_szB,
                b->tag.payload);
}

void fc_extents_on_call(ThreadId tid, Addr callee, const UWord* args,
                        Addr rsp)
{
   Addr buf;
   SizeT len;
   FC_ExtentInfo info;
   VG_(memset)(&info, 0, sizeof info);
   if (fc_ffican_req_take_buffer(tid, &buf, &len, &info.decl_ec)) {
      if (fc_clo_trace_crossings)
         VG_(umsg)("crossing:   declared buffer 0x%lx, %lu bytes\n", buf,
                   len);
      info.elem_szB = 1;
      fc_open_extent(tid, buf, len, rsp, &info);
   }
   const HChar* fn;
   if (callee == 0
       || !VG_(get_fnname)(VG_(current_DiEpoch)(), callee, &fn))
      return;
   Int n;
   const FC_BufferDecl* d = fc_boundary_buffers_of(fn, &n);
   for (Int i = 0; i < n; i++) {
      VG_(memset)(&info, 0, sizeof info);
      info.fn = d[i].fn;   /* the boundary's copy (fn is the core's) */
      info.ptr_name = d[i].ptr_name;
      info.len_name = d[i].len_name;
      info.elem_szB = d[i].elem_szB;
      info.file = d[i].file;
      info.line = d[i].line;
      fc_open_extent(tid, args[d[i].ptr_arg],
                     args[d[i].len_arg] * d[i].elem_szB, rsp, &info);
   }
}

void fc_extents_on_return(ThreadId tid, Addr rsp)
{
   FC_ThreadExtents* te = fc_thread_extents(tid);
   while (te->n_open > 0 && te->open[te->n_open - 1].rsp <= rsp) {
      FC_OpenExtent* e = &te->open[--te->n_open];
      /* Give the bytes back, unless the block was released meanwhile. */
      FC_Block* b = fc_block_live_containing(e->payload);
      if (b != NULL && b->tag.payload == e->payload)
         fc_shadow_make_accessible(e->start, e->end - e->start);
   }
}

void fc_extents_forget_thread(ThreadId tid)
{
   fc_thread_extents(tid)->n_open = 0;
}
