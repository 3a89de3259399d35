/* fc_ffican_requests.c: the public client requests of ffican.h and ffican.rs.

   Owns: the decoding of each public request (numbers from
   FFICAN_PUBLIC_BASE), the buffer extent each thread declared for its
   next boundary call, and the warnings about bad requests.  The blocks
   and sides themselves belong to fc_blocks.c and fc_sides.c; this file
   only looks them up and calls their hand-over API.

   Assumes: requests come from client code, so every pointer in them is
   a client value that may be wrong.  A side name is read from client
   memory only after checking, byte by byte, that the client may read it,
   and never more than FC_SIDE_NAME_MAX bytes; an owner name is written
   only into client memory the client may write.  Nothing here crashes on
   bad input: it warns (once per stack and kind of problem) and the
   request does nothing.

   Limits: a declared buffer is not checked against anything here; the
   boundary code takes it (fc_ffican_req_take_buffer) at the thread's next
   boundary call.  Writing an owner name into the client's buffer does
   not touch any shadow state (there is none yet).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_execontext.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_oset.h"
#include "pub_tool_options.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_vki.h"
#include "ffican.h"
#include "fc_blocks.h"
#include "fc_ffican_requests.h"
#include "fc_util.h"
#include "fc_options.h"
#include "fc_sidetab.h"
#include "fc_preload_requests.h"

/* ffican.h's owner numbers are side ids plus one. */
STATIC_ASSERT(FFICAN_OWNER_C == FC_SideC + 1);
STATIC_ASSERT(FFICAN_OWNER_CXX == FC_SideCxx + 1);
STATIC_ASSERT(FFICAN_OWNER_RUST == FC_SideRust + 1);
STATIC_ASSERT(FFICAN_OWNER_FIRST_DECLARED == FC_SideFirstDeclared + 1);

/* Longest side name a request may pass, in bytes. */
#define FC_SIDE_NAME_MAX 127

/* ------------------------------------------------------------------ */
/* Warnings                                                            */
/* ------------------------------------------------------------------ */

/* What was wrong with a request; part of the "already warned" key. */
typedef enum {
   FC_BadNotInBlock = 1,   /* pointer not inside a live heap block */
   FC_BadSideName,         /* side name unreadable, too long, unknown */
   FC_BadBuffer,           /* declared extent impossible */
   FC_BadNameBuf,          /* owner-name buffer not writable */
   FC_BadShim              /* internal request: shim code unreadable */
} FC_BadReq;

/* (ExeContext address | FC_BadReq) of every warning given: one warning
   per request stack and problem.  ExeContexts are unique per stack and
   8-byte aligned, so the low bits are free for the problem. */
static OSet* fc_warned;

static const HChar* fc_request_name(UWord req)
{
   switch (req) {
      case FFICAN_REQ_RUNNING:        return "FFICAN_RUNNING";
      case FFICAN_REQ_HAND_OVER:      return "FFICAN_HAND_OVER";
      case FFICAN_REQ_TAKE_BACK:      return "FFICAN_TAKE_BACK";
      case FFICAN_REQ_DECLARE_BUFFER: return "FFICAN_DECLARE_BUFFER";
      case FFICAN_REQ_OWNER:          return "FFICAN_OWNER";
      case FFICAN_REQ_OWNER_NAME:     return "FFICAN_OWNER_NAME";
      case FFICAN_REQ_HANDED_TO:      return "FFICAN_HANDED_TO";
      case FC_REQ_RUST_ALLOC:   return "ffican's internal __rust_alloc request";
      case FC_REQ_RUST_DEALLOC: return "ffican's internal __rust_dealloc request";
      case FC_REQ_RUST_REALLOC: return "ffican's internal __rust_realloc request";
      default:                        return "ffican request";
   }
}

/* Warns "Warning: <request>: <what>; request ignored" and the stack of
   the request, unless this stack already had this problem. */
static void fc_warn(ThreadId tid, UWord req, FC_BadReq bad,
                    const HChar* what)
{
   ExeContext* ec = VG_(record_ExeContext)(tid, 0);
   UWord key = (UWord)ec | (UWord)bad;
   tl_assert(((UWord)ec & 7) == 0 && bad < 8);
   if (fc_warned == NULL)
      fc_warned = VG_(OSetWord_Create)(VG_(malloc), "fc.clientreq.warned",
                                       VG_(free));
   if (VG_(OSetWord_Contains)(fc_warned, key))
      return;
   VG_(OSetWord_Insert)(fc_warned, key);
   VG_(message)(Vg_UserMsg, "Warning: %s: %s; request ignored\n",
                fc_request_name(req), what);
   if (!VG_(clo_xml))   /* in XML a stack would land in the XML stream */
      VG_(pp_ExeContext)(ec);
}

/* The live block containing p, or NULL after a warning. */
static FC_Block* fc_block_for_request(ThreadId tid, UWord req, Addr p)
{
   FC_Block* b = fc_block_live_containing(p);
   if (b == NULL) {
      HChar what[100];
      VG_(snprintf)(what, sizeof what, "0x%lx is not inside a live heap "
                    "block", p);
      fc_warn(tid, req, FC_BadNotInBlock, what);
   }
   return b;
}

/* ------------------------------------------------------------------ */
/* Reading and writing client memory                                   */
/* ------------------------------------------------------------------ */

static Bool fc_client_can(Addr a, SizeT len, UInt prot)
{
   return len == 0 || (a + len > a && VG_(am_is_valid_for_client)(a, len,
                                                                   prot));
}

/* Copies the side name at s (len bytes, or up to its NUL when len is
   FFICAN_NUL_TERMINATED) into out[FC_SIDE_NAME_MAX + 1].  False when it
   is not readable or longer than FC_SIDE_NAME_MAX. */
static Bool fc_read_side_name(Addr s, UWord len, HChar* out)
{
   if (len != FFICAN_NUL_TERMINATED) {
      if (len > FC_SIDE_NAME_MAX || !fc_client_can(s, len, VKI_PROT_READ))
         return False;
      VG_(memcpy)(out, (const void*)s, len);
      out[len] = 0;
      return True;
   }
   for (SizeT i = 0; i <= FC_SIDE_NAME_MAX; i++) {
      if (!fc_client_can(s + i, 1, VKI_PROT_READ))
         return False;
      out[i] = *(const HChar*)(s + i);
      if (out[i] == 0)
         return True;
   }
   return False;   /* no NUL within the limit */
}

/* The side a request names: the other side when name is 0, FC_SideNone
   after a warning when the name is bad. */
static FC_SideId fc_requested_side(ThreadId tid, UWord req, Addr name,
                                   UWord len, const FC_Block* b)
{
   HChar buf[FC_SIDE_NAME_MAX + 1], what[FC_SIDE_NAME_MAX + 100];
   if (name == 0)
      return b->tag.owner_side == FC_SideRust ? FC_SideC : FC_SideRust;
   if (!fc_read_side_name(name, len, buf)) {
      VG_(snprintf)(what, sizeof what, "the side name at 0x%lx is not a "
                    "readable string of at most %d bytes", name,
                    FC_SIDE_NAME_MAX);
      fc_warn(tid, req, FC_BadSideName, what);
      return FC_SideNone;
   }
   FC_SideId s = fc_side_lookup(buf);
   if (s == FC_SideNone || s == FC_SideSystem) {
      VG_(snprintf)(what, sizeof what, "unknown side \"%s\" (sides: C, "
                    "C++, Rust and those a boundary file declares)", buf);
      fc_warn(tid, req, FC_BadSideName, what);
      return FC_SideNone;
   }
   return s;
}

/* ------------------------------------------------------------------ */
/* Declared buffers                                                    */
/* ------------------------------------------------------------------ */

/* One per thread, indexed by ThreadId; allocated at the first
   declaration (VG_N_THREADS is only known after option parsing). */
typedef struct {
   Addr        start;
   SizeT       len;   /* 0: nothing pending */
   ExeContext* ec;    /* where the request was made */
} FC_DeclaredBuf;

static void* fc_declared;   /* FC_DeclaredBuf per thread (fc_per_thread) */

static FC_DeclaredBuf* fc_declared_of(ThreadId tid)
{
   return fc_per_thread(&fc_declared, sizeof(FC_DeclaredBuf),
                        "fc.clientreq.declared", tid);
}

static void fc_declare_buffer(ThreadId tid, Addr start, SizeT len)
{
   FC_DeclaredBuf* d = fc_declared_of(tid);
   if (fc_clo_trace_crossings) {
      if (len == 0)
         VG_(umsg)("crossing: request withdraws the declared buffer%s\n",
                   d->len ? "" : " (none was pending)");
      else
         VG_(umsg)("crossing: request declares buffer 0x%lx, %lu bytes, for "
                   "the next boundary call%s\n", start, len,
                   d->len ? " (replacing an unused one)" : "");
   }
   d->start = start;
   d->len   = len;
   d->ec    = len != 0 ? VG_(record_ExeContext)(tid, 0) : NULL;
}

Bool fc_ffican_req_take_buffer(ThreadId tid, Addr* start, SizeT* len,
                               ExeContext** ec)
{
   FC_DeclaredBuf* d = fc_declared_of(tid);
   if (d->len == 0)
      return False;
   *start = d->start;
   *len   = d->len;
   *ec    = d->ec;
   d->len = 0;
   return True;
}

void fc_ffican_req_forget_thread(ThreadId tid)
{
   fc_declared_of(tid)->len = 0;
}

/* ------------------------------------------------------------------ */
/* The requests                                                        */
/* ------------------------------------------------------------------ */

static UWord fc_req_hand_over(ThreadId tid, const UWord* arg)
{
   FC_Block* b = fc_block_for_request(tid, arg[0], arg[1]);
   if (b == NULL)
      return 0;
   FC_SideId to = fc_requested_side(tid, arg[0], arg[2], arg[3], b);
   if (to == FC_SideNone)
      return 0;
   FC_SideId before = b->tag.crossed_to;
   fc_block_hand_over(tid, b, to, FC_CrossArg);
   if (fc_clo_trace_crossings)
      VG_(umsg)("crossing: request hands %s-allocated block 0x%lx to %s: "
                "%s%s\n", fc_side_name(b->tag.owner_side), b->tag.payload,
                fc_side_name(to),
                before == to ? "it was already handed there"
                : before != FC_SideNone ? "no change, it is handed to "
                : to == b->tag.owner_side ? "no change, that is its owner"
                : "handed",
                before != FC_SideNone && before != to
                   ? fc_side_name(before) : "");
   return b->tag.crossed_to == to;
}

static UWord fc_req_take_back(ThreadId tid, const UWord* arg)
{
   FC_Block* b = fc_block_for_request(tid, arg[0], arg[1]);
   if (b == NULL)
      return 0;
   Bool was_crossed = b->tag.crossed_to != FC_SideNone;
   fc_block_take_back(b);
   if (fc_clo_trace_crossings)
      VG_(umsg)("crossing: request takes %s-allocated block 0x%lx back%s\n",
                fc_side_name(b->tag.owner_side), b->tag.payload,
                was_crossed ? "" : " (it was not handed across)");
   return was_crossed;
}

static UWord fc_req_declare_buffer(ThreadId tid, const UWord* arg)
{
   Addr start = arg[1];
   SizeT len  = arg[2];
   if (len != 0 && (start == 0 || start + len < start)) {
      HChar what[100];
      VG_(snprintf)(what, sizeof what, "impossible buffer 0x%lx, %lu bytes",
                    start, len);
      fc_warn(tid, arg[0], FC_BadBuffer, what);
      return 0;
   }
   fc_declare_buffer(tid, start, len);
   return 1;
}

/* Side id + 1 of the live block's owner, 0 if p is in none. */
static UWord fc_req_owner(const UWord* arg)
{
   FC_Block* b = fc_block_live_containing(arg[1]);
   return b == NULL ? FFICAN_OWNER_NONE : (UWord)b->tag.owner_side + 1;
}

static UWord fc_req_handed_to(const UWord* arg)
{
   FC_Block* b = fc_block_live_containing(arg[1]);
   if (b == NULL || b->tag.crossed_to == FC_SideNone)
      return FFICAN_OWNER_NONE;
   return (UWord)b->tag.crossed_to + 1;
}

/* Copies the owner's name into the client's buffer, snprintf-like. */
static UWord fc_req_owner_name(ThreadId tid, const UWord* arg)
{
   FC_Block* b = fc_block_live_containing(arg[1]);
   Addr buf = arg[2];
   SizeT buflen = arg[3];
   if (b == NULL)
      return 0;
   const HChar* name = fc_side_name(b->tag.owner_side);
   SizeT n = VG_(strlen)(name);
   if (buflen == 0)
      return n;
   SizeT copy = n < buflen - 1 ? n : buflen - 1;
   if (!fc_client_can(buf, copy + 1, VKI_PROT_WRITE)) {
      HChar what[100];
      VG_(snprintf)(what, sizeof what, "the name buffer 0x%lx, %lu bytes, "
                    "is not writable", buf, buflen);
      fc_warn(tid, arg[0], FC_BadNameBuf, what);
      return 0;
   }
   VG_(memcpy)((void*)buf, name, copy);
   ((HChar*)buf)[copy] = 0;
   return n;
}

/* How many bytes of a shim the tool may look at (its instructions up to
   the jump to the allocator, whatever the prologue). */
#define FC_SHIM_PEEK_SZB 16

Bool fc_ffican_req_shim_readable(ThreadId tid, UWord req, Addr shim)
{
   if (fc_client_can(shim, FC_SHIM_PEEK_SZB, VKI_PROT_READ)
       && fc_client_can(shim, 1, VKI_PROT_EXEC))
      return True;
   HChar what[120];
   VG_(snprintf)(what, sizeof what, "the allocator shim address 0x%lx is "
                 "not readable code (a forged request?)", shim);
   fc_warn(tid, req, FC_BadShim, what);
   return False;
}

Bool fc_ffican_req_handle(ThreadId tid, UWord* arg, UWord* ret)
{
   switch (arg[0]) {
      case FFICAN_REQ_RUNNING:        *ret = 1;                       break;
      case FFICAN_REQ_HAND_OVER:      *ret = fc_req_hand_over(tid, arg); break;
      case FFICAN_REQ_TAKE_BACK:      *ret = fc_req_take_back(tid, arg); break;
      case FFICAN_REQ_DECLARE_BUFFER: *ret = fc_req_declare_buffer(tid, arg);
                                      break;
      case FFICAN_REQ_OWNER:          *ret = fc_req_owner(arg);       break;
      case FFICAN_REQ_OWNER_NAME:     *ret = fc_req_owner_name(tid, arg);
                                      break;
      case FFICAN_REQ_HANDED_TO:      *ret = fc_req_handed_to(arg);   break;
      default:                        return False;
   }
   return True;
}
