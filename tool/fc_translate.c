/* fc_translate.c: following blocks across the boundary.

   A block crosses when a pointer into it is an argument (rdi, rsi, rdx,
   rcx, r8, r9) of a call from code of one side into code of another, the
   return value (rax) of such a call, or stored by the call into memory
   an argument points to (an out-parameter, see FC_PendingCall).  This
   file finds those calls while translating, and inserts helpers that
   mark the blocks (fc_block_hand_over) when they run.

   Where calls are found:
   - direct calls (`call rel32`) are recognised from the guest bytes at
     each instruction, so a call VEX chased into the same superblock is
     seen too.  Caller and callee sides are known at translation time:
     a call that stays on one side gets no instrumentation at all;
   - a direct call into a PLT-style stub (`jmp *slot(%rip)`) has the
     stub's slot as its real target; indirect calls (`call *...`, the
     superblock's exit of kind Ijk_Call) and returns (exit of kind
     Ijk_Ret) have a target known only at run time.  For these a guarded
     helper runs: the guard compares the target with the last target this
     site found on the same side (an inline load and compare), so a site
     that keeps calling or returning within one side costs two
     instructions, not a helper call.
   Returns are checked at the `ret` itself (side of the returning code
   against the side of the return address), so no return site needs to
   be known in advance.

   Code classified "system" (fc_sides.c) is never a party to a crossing.

   A first call through a lazily bound PLT slot goes to the dynamic
   linker, which binds the slot and jumps to the callee: that indirect
   jump is checked too, with the caller found from the return address.

   Limits: the number of arguments a function takes and whether it
   returns a value are not known, so a register left over from earlier
   code can count as an argument or a return value.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_machine.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_vki.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_tooliface.h"
#include "libvex_guest_amd64.h"
#include "fc_translate.h"
#include "fc_blocks.h"
#include "fc_ffican_requests.h"
#include "fc_extents.h"
#include "fc_objects.h"
#include "fc_options.h"
#include "fc_sides.h"
#include "fc_uninit.h"
#include "fc_util.h"

/* One call or return instruction that may cross.  Allocated when its
   code is translated; never freed (a few dozen bytes per site). */
typedef struct {
   Addr      insn;          /* address of the call or ret */
   Addr      same_target;   /* last run-time target found not to cross;
                               read by the inline guard */
   FC_SideId from;          /* side of the code at insn */
   FC_SideId to;            /* for static calls: the callee's side */
   Addr      target;        /* for static calls: the callee */
   Int       n_args;        /* argument registers that count (see below);
                               a return's: 1 if its block wrote rax */
   Bool      pushed;        /* the helper runs after the call pushed its
                               return address */
   Bool      is_ret;
} FC_Site;

/* Which non-system sides translated code has belonged to (bit per side),
   and whether that is more than one.  A return can only cross when it
   is: the returning code and the code it returns to were both translated
   before the return runs.  So in a program that is all one language (or
   until a second one runs) the returns' guards stay false and cost one
   load and compare.  Read by generated code: keep it a full word. */
static UWord fc_sides_seen;
static UWord fc_several_sides;

static void fc_note_side(FC_SideId side)
{
   if (side == FC_SideSystem || side >= 8 * sizeof(UWord))
      return;
   fc_sides_seen |= (UWord)1 << side;
   fc_several_sides = (fc_sides_seen & (fc_sides_seen - 1)) != 0;
}

/* Crossing calls still running, per thread.  A return value hands over
   a block allocated during the call it returns from; a pointer returned
   to an older block lends it (a getter: FC_CrossLent).  A function's
   return type is not known, so a void function's leftover rax (say, what
   memset returned) can lend whatever block it points to (docs/boundary.md,
   limits).  A return with no call recorded (the stack overflowed, a call
   ffican did not see) hands over whatever rax points to.

   Out-parameters: at the call, each argument that points to an aligned
   word of the caller's stack or inside a live heap block of the caller's
   side is remembered
   with the word it held; at the return, a word that changed and now
   points into a live block has crossed (FC_CrossOutParam; FC_CrossLent
   for a block older than the call).  Only the first word behind each
   argument is looked at: `T **out`, not pointers inside a struct. */
#define FC_MAX_PENDING 64
#define FC_MAX_OUT     6

typedef struct {
   Addr  rsp;     /* the caller's stack pointer once the call returns */
   ULong seq;     /* fc_blocks_alloc_seq() when the call was made */
   Int   n_out;
   Bool  out_heap[FC_MAX_OUT];   /* the slot is in a heap block */
   Addr  out[FC_MAX_OUT];        /* possible out-parameter slots */
   UWord old[FC_MAX_OUT];        /* what each held at the call */
} FC_PendingCall;

typedef struct {
   FC_PendingCall calls[FC_MAX_PENDING];
   Int            n;
} FC_PendingCalls;

/* A pointer per thread (fc_per_thread), to its FC_PendingCalls (8 KiB),
   made when the thread first crosses. */
static void* fc_pending;

static FC_PendingCalls* fc_pending_of(ThreadId tid)
{
   FC_PendingCalls** pc = fc_per_thread(&fc_pending, sizeof *pc,
                                        "fc.translate.pending", tid);
   if (*pc == NULL)
      *pc = VG_(calloc)("fc.translate.pending.calls", 1, sizeof **pc);
   return *pc;
}

static FC_PendingCall* fc_push_call(ThreadId tid, Addr rsp)
{
   FC_PendingCalls* pc = fc_pending_of(tid);
   if (pc->n == FC_MAX_PENDING) {   /* drop the oldest */
      VG_(memmove)(&pc->calls[0], &pc->calls[1],
                   (FC_MAX_PENDING - 1) * sizeof(FC_PendingCall));
      pc->n--;
   }
   FC_PendingCall* c = &pc->calls[pc->n++];
   c->rsp = rsp;
   c->seq = fc_blocks_alloc_seq();
   c->n_out = 0;
   return c;
}

/* The call now returning (to stack pointer rsp), or NULL if it is not
   known.  Calls the return has passed (longjmp, unwinding) are dropped
   on the way.  The record stays valid until the next push. */
static FC_PendingCall* fc_pop_call(ThreadId tid, Addr rsp)
{
   FC_PendingCalls* pc = fc_pending_of(tid);
   while (pc->n > 0 && pc->calls[pc->n - 1].rsp < rsp)
      pc->n--;
   if (pc->n > 0 && pc->calls[pc->n - 1].rsp == rsp)
      return &pc->calls[--pc->n];
   return NULL;
}

void fc_translate_forget_thread(ThreadId tid)
{
   if (fc_pending == NULL)
      return;
   FC_PendingCalls** pc = fc_per_thread(&fc_pending, sizeof *pc,
                                        "fc.translate.pending", tid);
   if (*pc != NULL)
      (*pc)->n = 0;
}

/* ------------------------------------------------------------------ */
/* Run time                                                            */
/* ------------------------------------------------------------------ */


static void fc_trace_crossing(const FC_Site* s, FC_SideId to, Addr target)
{
   const HChar* fn;
   Bool named = VG_(get_fnname)(VG_(current_DiEpoch)(), s->is_ret
                                ? s->insn : target, &fn);
   VG_(umsg)("crossing: %s -> %s, %s %s\n", fc_side_name(s->from),
             fc_side_name(to), s->is_ret ? "return from" : "call to",
             named ? fn : "???");
}

static void fc_trace_block(const FC_Block* b, const HChar* how)
{
   VG_(umsg)("crossing:   %s points into a %s-allocated block of %lu "
             "bytes\n", how, fc_side_name(b->tag.owner_side),
             (SizeT)b->tag.req_szB);
}

/* A value handed from one side to `to`: mark the block it points into,
   if any; `how` says in what way.  Returns the block. */
static FC_Block* fc_hand_value(ThreadId tid, UWord v, FC_SideId to,
                               const HChar* how_text, FC_CrossHow how)
{
   FC_Block* b = fc_block_live_containing(v);
   if (b == NULL)
      return NULL;
   if (fc_clo_trace_crossings)
      fc_trace_block(b, how_text);
   fc_block_hand_over(tid, b, to, how);
   return b;
}

static Bool fc_readable_word(Addr a)
{
   return VG_(am_is_valid_for_client)(a, sizeof(UWord), VKI_PROT_READ);
}

/* Argument v (whose block, if any, is b) of a call from side `from` may
   be an out-parameter: an aligned word of the caller's stack (above rsp)
   or inside a live heap block the caller's side owns (not a handle of
   the callee's own, whose fields it may change at will).  Remember it
   and what it holds now. */
static void fc_note_out_slot(ThreadId tid, FC_PendingCall* c, UWord v,
                             const FC_Block* b, Addr rsp, FC_SideId from)
{
   if ((v & 7) != 0 || c->n_out == FC_MAX_OUT)
      return;
   Bool heap = b != NULL;
   if (heap) {
      if (b->tag.owner_side != from
          || v + sizeof(UWord) > b->tag.payload + b->tag.req_szB)
         return;
   } else if (v < rsp || v + sizeof(UWord) > VG_(thread_get_stack_max)(tid)
              || !fc_readable_word(v)) {
      return;   /* (an alternate or hand-made stack may be elsewhere) */
   }
   for (Int i = 0; i < c->n_out; i++)
      if (c->out[i] == v)
         return;
   c->out_heap[c->n_out] = heap;
   c->out[c->n_out] = v;
   c->old[c->n_out++] = *(const UWord*)v;
}

/* The call c returns to side `to` (stack pointer now rsp): the blocks
   whose addresses it stored into its out-parameters have crossed. */
static void fc_check_out_slots(ThreadId tid, const FC_PendingCall* c,
                               FC_SideId to, Addr rsp)
{
   for (Int i = 0; i < c->n_out; i++) {
      Addr a = c->out[i];
      if (c->out_heap[i] ? fc_block_live_containing(a) == NULL
                         : a < rsp || !fc_readable_word(a))
         continue;   /* released during the call / no longer the stack */
      UWord v = *(const UWord*)a;
      if (v == c->old[i])
         continue;
      FC_Block* b = fc_block_live_containing(v);
      if (b == NULL)
         continue;
      if (fc_clo_trace_crossings)
         fc_trace_block(b, "an out-parameter");
      fc_block_hand_over(tid, b, to, b->tag.alloc_seq >= c->seq
                                     ? FC_CrossOutParam : FC_CrossLent);
   }
}

static void fc_cross_args(FC_Site* s, FC_SideId to, Addr target,
                          const VexGuestAMD64State* gst)
{
   static const HChar* const arg_names[6] =
      { "rdi (arg 0)", "rsi (arg 1)", "rdx (arg 2)", "rcx (arg 3)",
        "r8 (arg 4)", "r9 (arg 5)" };
   ThreadId tid = VG_(get_running_tid)();
   if (fc_clo_trace_crossings)
      fc_trace_crossing(s, to, target);
   Addr rsp_after = gst->guest_RSP + (s->pushed ? sizeof(Addr) : 0);
   FC_PendingCall* c = fc_push_call(tid, rsp_after);
   UWord args[6];
   for (Int i = 0; i < 6; i++) {
      args[i] = *(const UWord*)((const UChar*)gst + fc_arg_reg_offsets[i]);
      if (i < s->n_args) {
         FC_Block* b = fc_hand_value(tid, args[i], to, arg_names[i],
                                     FC_CrossArg);
         fc_note_out_slot(tid, c, args[i], b, rsp_after, s->from);
      }
   }
   fc_extents_on_call(tid, target, args, rsp_after);
   fc_uninit_check_crossing_args(tid, gst, s->n_args, s->from, to);
}

/* A crossing return to side `to`: rax, and the out-parameters of the
   call it returns from. */
static void fc_cross_return(ThreadId tid, FC_SideId to,
                            const VexGuestAMD64State* gst)
{
   Addr rsp = gst->guest_RSP;
   FC_PendingCall* c = fc_pop_call(tid, rsp);
   FC_Block* b = fc_block_live_containing(gst->guest_RAX);
   if (b != NULL) {
      if (fc_clo_trace_crossings)
         fc_trace_block(b, "rax (return value)");
      fc_block_hand_over(tid, b, to, c == NULL || b->tag.alloc_seq >= c->seq
                                     ? FC_CrossReturn : FC_CrossLent);
   }
   if (c != NULL)
      fc_check_out_slots(tid, c, to, rsp);
}

/* A call whose sides differ, known at translation time. */
static void fc_on_static_call(FC_Site* s, const VexGuestAMD64State* gst)
{
   fc_cross_args(s, s->to, s->target, gst);
}

/* A call or return whose target is known only now. */
static void fc_on_dynamic(FC_Site* s, Addr target,
                          const VexGuestAMD64State* gst)
{
   /* A return address is just after a call: look one byte back, inside
      the calling function. */
   FC_SideId to = fc_side_of_code(s->is_ret ? target - 1 : target);
   if (to == FC_SideSystem || to == s->from) {
      s->same_target = target;
      return;
   }
   if (!s->is_ret) {
      fc_cross_args(s, to, target, gst);
      return;
   }
   if (fc_clo_trace_crossings)
      fc_trace_crossing(s, to, target);
   ThreadId tid = VG_(get_running_tid)();
   fc_cross_return(tid, to, gst);
   fc_extents_on_return(tid, gst->guest_RSP);
   /* rax is a return value only if the returning block wrote it (n_args,
      fc_instrument_crossings): a function returning nothing (Rust's `()`,
      C's void) leaves it as it was, and its signature is not known. */
   if (s->n_args > 0)
      fc_uninit_check_crossing_ret(tid, gst, s->from, to);
}

/* The dynamic linker's jump to a function it has just bound lazily: the
   return address at [rsp] belongs to the original caller, so this is
   where a first call through a lazy PLT slot reaches its callee. */
static void fc_on_resolver_jump(FC_Site* s, Addr target,
                                const VexGuestAMD64State* gst)
{
   Addr rsp = gst->guest_RSP;
   if (!VG_(am_is_valid_for_client)(rsp, sizeof(Addr), VKI_PROT_READ))
      return;
   FC_SideId from = fc_side_of_code(*(const Addr*)rsp - 1);
   FC_SideId to = fc_side_of_code(target);
   if (from == FC_SideSystem || to == FC_SideSystem || to == from)
      return;
   s->from = from;
   fc_cross_args(s, to, target, gst);
}

/* ------------------------------------------------------------------ */
/* Reading the guest's instructions                                    */
/* ------------------------------------------------------------------ */

/* If the instruction at a (len bytes) is `call rel32`, its target. */
static Bool fc_direct_call_target(Addr a, UInt len, Addr* target)
{
   const UChar* p = (const UChar*)a;
   if (len == 6 && p[0] == 0xF2)   /* bnd prefix */
      p++;
   if (p + 5 != (const UChar*)a + len || p[0] != 0xE8)
      return False;
   *target = a + len + (Long)fc_read_i32(p + 1);
   return True;
}

/* ------------------------------------------------------------------ */
/* Building IR                                                         */
/* ------------------------------------------------------------------ */

static FC_Site* fc_new_site(Addr insn, FC_SideId from, FC_SideId to,
                            Bool is_ret)
{
   FC_Site* s = VG_(malloc)("fc.translate.site", sizeof *s);
   s->insn = insn;
   s->same_target = 0;
   s->from = from;
   s->to = to;
   s->target = 0;
   s->n_args = 6;
   s->pushed = False;
   s->is_ret = is_ret;
   return s;
}

/* The helper reads rax..r9 (and rsp, rbp for stack traces) and rip. */
static void fc_declare_reads(IRDirty* di)
{
   di->nFxState = 2;
   VG_(memset)(&di->fxState, 0, sizeof(di->fxState));
   di->fxState[0].fx     = Ifx_Read;
   di->fxState[0].offset = offsetof(VexGuestAMD64State, guest_RAX);
   di->fxState[0].size   = offsetof(VexGuestAMD64State, guest_R10)
                           - offsetof(VexGuestAMD64State, guest_RAX);
   di->fxState[1].fx     = Ifx_Read;
   di->fxState[1].offset = offsetof(VexGuestAMD64State, guest_RIP);
   di->fxState[1].size   = sizeof(ULong);
   if (fc_clo_track_uninit && fc_clo_check_crossing_args) {
      /* and the uninit bits of rax..r9 (fc_uninit_check_crossing_*) */
      di->nFxState = 3;
      di->fxState[2] = di->fxState[0];
      di->fxState[2].offset += sizeof(VexGuestAMD64State);
   }
}

static void fc_put_rip(IRSB* sb, IRExpr* rip)
{
   addStmtToIRSB(sb, IRStmt_Put(offsetof(VexGuestAMD64State, guest_RIP),
                                rip));
}

static void fc_add_static_call(IRSB* sb, Addr insn, FC_SideId from,
                               FC_SideId to, Addr target, Int n_args)
{
   FC_Site* s = fc_new_site(insn, from, to, False);
   s->target = target;
   s->n_args = n_args;
   fc_put_rip(sb, IRExpr_Const(IRConst_U64(insn)));
   IRDirty* di = unsafeIRDirty_0_N(
      0, "fc_on_static_call", VG_(fnptr_to_fnentry)(fc_on_static_call),
      mkIRExprVec_2(mkIRExpr_HWord((HWord)s), IRExpr_GSPTR()));
   fc_declare_reads(di);
   addStmtToIRSB(sb, IRStmt_Dirty(di));
}

/* target: an atom of type I64; rip: where stack traces start (an atom).
   Before a call has pushed its return address that must be the call
   itself; after, the target (the callee's entry, or a return address). */
static FC_Site* fc_add_dynamic(IRSB* sb, Addr insn, FC_SideId from,
                               Bool is_ret, IRExpr* target, IRExpr* rip,
                               Int n_args)
{
   FC_Site* s = fc_new_site(insn, from, FC_SideNone, is_ret);
   s->n_args = n_args;
   IRTemp last  = newIRTemp(sb->tyenv, Ity_I64);
   IRTemp guard = newIRTemp(sb->tyenv, Ity_I1);
   addStmtToIRSB(sb, IRStmt_WrTmp(last, IRExpr_Load(Iend_LE, Ity_I64,
                    mkIRExpr_HWord((HWord)&s->same_target))));
   addStmtToIRSB(sb, IRStmt_WrTmp(guard, IRExpr_Binop(Iop_CmpNE64, target,
                    IRExpr_RdTmp(last))));
   if (is_ret) {   /* ... and more than one side has run (see the top) */
      IRTemp several = newIRTemp(sb->tyenv, Ity_I64);
      IRTemp multi   = newIRTemp(sb->tyenv, Ity_I1);
      IRTemp both    = newIRTemp(sb->tyenv, Ity_I1);
      addStmtToIRSB(sb, IRStmt_WrTmp(several, IRExpr_Load(Iend_LE, Ity_I64,
                       mkIRExpr_HWord((HWord)&fc_several_sides))));
      addStmtToIRSB(sb, IRStmt_WrTmp(multi, IRExpr_Binop(Iop_CmpNE64,
                       IRExpr_RdTmp(several), IRExpr_Const(IRConst_U64(0)))));
      addStmtToIRSB(sb, IRStmt_WrTmp(both, IRExpr_Binop(Iop_And1,
                       IRExpr_RdTmp(guard), IRExpr_RdTmp(multi))));
      guard = both;
   }
   fc_put_rip(sb, rip);
   IRDirty* di = unsafeIRDirty_0_N(
      0, "fc_on_dynamic", VG_(fnptr_to_fnentry)(fc_on_dynamic),
      mkIRExprVec_3(mkIRExpr_HWord((HWord)s), target, IRExpr_GSPTR()));
   fc_declare_reads(di);
   di->guard = IRExpr_RdTmp(guard);
   addStmtToIRSB(sb, IRStmt_Dirty(di));
   return s;
}

/* An atom holding the superblock's exit target. */
static IRExpr* fc_next_atom(IRSB* sb)
{
   if (sb->next->tag == Iex_Const || sb->next->tag == Iex_RdTmp)
      return sb->next;
   IRTemp t = newIRTemp(sb->tyenv, Ity_I64);
   addStmtToIRSB(sb, IRStmt_WrTmp(t, sb->next));
   return IRExpr_RdTmp(t);
}

static Bool fc_in_dynamic_linker(Addr a)
{
   const HChar* obj;
   if (!VG_(get_objname)(VG_(current_DiEpoch)(), a, &obj))
      return False;
   return VG_(strncmp)(fc_basename(obj), "ld-linux", 8) == 0;
}

/* An indirect jump in the dynamic linker may end a lazy binding. */
static void fc_add_resolver_jump(IRSB* sb, Addr insn)
{
   FC_Site* s = fc_new_site(insn, FC_SideSystem, FC_SideNone, False);
   s->pushed = True;   /* rsp points at the original call's return address */
   IRExpr* t = fc_next_atom(sb);
   fc_put_rip(sb, t);
   IRDirty* di = unsafeIRDirty_0_N(
      0, "fc_on_resolver_jump", VG_(fnptr_to_fnentry)(fc_on_resolver_jump),
      mkIRExprVec_3(mkIRExpr_HWord((HWord)s), t, IRExpr_GSPTR()));
   fc_declare_reads(di);
   addStmtToIRSB(sb, IRStmt_Dirty(di));
}

/* A direct call at insn to target, from code of side `from`. */
static void fc_instrument_direct_call(IRSB* sb, Addr insn, FC_SideId from,
                                      Addr target, Int n_args)
{
   Addr slot;
   if (fc_plt_stub_slot(target, &slot)) {
      IRTemp t = newIRTemp(sb->tyenv, Ity_I64);
      addStmtToIRSB(sb, IRStmt_WrTmp(t, IRExpr_Load(Iend_LE, Ity_I64,
                                        mkIRExpr_HWord((HWord)slot))));
      fc_add_dynamic(sb, insn, from, False, IRExpr_RdTmp(t),
                     IRExpr_Const(IRConst_U64(insn)), n_args);
      return;
   }
   FC_SideId to = fc_side_of_code(target);
   if (to != FC_SideSystem && to != from)
      fc_add_static_call(sb, insn, from, to, target, n_args);
}

/* ------------------------------------------------------------------ */
/* The pass                                                            */
/* ------------------------------------------------------------------ */

/* Which argument register a PUT at `offset` writes, or -1. */
static Int fc_arg_reg_index(Int offset)
{
   for (Int i = 0; i < 6; i++)
      if (fc_arg_reg_offsets[i] == offset)
         return i;
   return -1;
}

/* Argument registers that count for a call: the compiler sets up a call's
   arguments just before it, so rdi..rK count where rK is the highest one
   written in this superblock since its start or the previous call.
   Registers left over from earlier code (a function's arity is not
   known) would otherwise make unrelated blocks cross. */
static Int fc_args_written(UInt put_mask)
{
   Int n = 0;
   for (Int i = 0; i < 6; i++)
      if (put_mask & (1u << i))
         n = i + 1;
   return n;
}

IRSB* fc_instrument_crossings(IRSB* sb_in)
{
   IRSB* sb = deepCopyIRSBExceptStmts(sb_in);
   Addr last_insn = 0, next_insn = 0;
   FC_SideId side = FC_SideSystem;
   UInt put_mask = 0;
   Bool rax_put = False;   /* the block wrote rax (a return's n_args) */
   for (Int i = 0; i < sb_in->stmts_used; i++) {
      IRStmt* st = sb_in->stmts[i];
      addStmtToIRSB(sb, st);
      if (st->tag == Ist_Put) {
         if (st->Ist.Put.offset == offsetof(VexGuestAMD64State, guest_RAX))
            rax_put = True;
         Int r = fc_arg_reg_index(st->Ist.Put.offset);
         if (r >= 0)
            put_mask |= 1u << r;
         continue;
      }
      if (st->tag != Ist_IMark)
         continue;
      /* Instructions that follow each other belong to one function, so
         the side is looked up only where the superblock starts or jumps
         (a chased branch or call), not for each instruction (it was a
         few percent of translation time). */
      Addr insn = (Addr)st->Ist.IMark.addr;
      if (insn != next_insn) {
         side = fc_side_of_code(insn);
         fc_note_side(side);
      }
      last_insn = insn;
      next_insn = insn + st->Ist.IMark.len;
      Addr target;
      if (side != FC_SideSystem
          && fc_direct_call_target(last_insn, st->Ist.IMark.len, &target)) {
         fc_instrument_direct_call(sb, last_insn, side, target,
                                   fc_args_written(put_mask));
         put_mask = 0;
      }
   }
   if (last_insn == 0)
      return sb;
   if (side == FC_SideSystem) {
      if (sb->jumpkind == Ijk_Boring && sb->next->tag != Iex_Const
          && fc_in_dynamic_linker(last_insn))
         fc_add_resolver_jump(sb, last_insn);
      return sb;
   }
   if (sb->jumpkind == Ijk_Ret) {
      IRExpr* t = fc_next_atom(sb);
      fc_add_dynamic(sb, last_insn, side, True, t, t, rax_put ? 1 : 0);
   } else if (sb->jumpkind == Ijk_Call && sb->next->tag != Iex_Const) {
      IRExpr* t = fc_next_atom(sb);
      fc_add_dynamic(sb, last_insn, side, False, t, t,
                     fc_args_written(put_mask))->pushed = True;
   }
   return sb;
}
