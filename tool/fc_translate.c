/* fc_translate.c: following blocks across the boundary.

   A block crosses when a pointer into it is an argument (rdi, rsi, rdx,
   rcx, r8, r9) of a call from code of one side into code of another, or
   the return value (rax) of such a call.  This file finds those calls
   while translating, and inserts helpers that mark the blocks
   (fc_block_hand_over) when they run.

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

/* Crossing calls still running, per thread: a return value hands over
   only a block allocated during the call it returns from.  A function's
   return type is not known, so without this a void function's leftover
   rax (say, what memset returned) would hand over whatever block it
   points to; and a block allocated before the call is lent by a getter
   rather than handed over.  A return with no call recorded (the stack
   overflowed, a call ffican did not see) is judged as before. */
#define FC_MAX_PENDING 64

typedef struct {
   Addr  rsp;   /* the caller's stack pointer once the call returns */
   ULong seq;   /* fc_blocks_alloc_seq() when the call was made */
} FC_PendingCall;

typedef struct {
   FC_PendingCall calls[FC_MAX_PENDING];
   Int            n;
} FC_PendingCalls;

static void* fc_pending;   /* FC_PendingCalls per thread (fc_per_thread) */

static FC_PendingCalls* fc_pending_of(ThreadId tid)
{
   return fc_per_thread(&fc_pending, sizeof(FC_PendingCalls),
                        "fc.translate.pending", tid);
}

static void fc_push_call(ThreadId tid, Addr rsp)
{
   FC_PendingCalls* pc = fc_pending_of(tid);
   if (pc->n == FC_MAX_PENDING) {   /* drop the oldest */
      VG_(memmove)(&pc->calls[0], &pc->calls[1],
                   (FC_MAX_PENDING - 1) * sizeof(FC_PendingCall));
      pc->n--;
   }
   pc->calls[pc->n++] = (FC_PendingCall){ rsp, fc_blocks_alloc_seq() };
}

/* The allocation count when the call now returning (to stack pointer
   rsp) was made, or 0 if it is not known.  Calls the return has passed
   (longjmp, unwinding) are dropped on the way. */
static ULong fc_pop_call(ThreadId tid, Addr rsp)
{
   FC_PendingCalls* pc = fc_pending_of(tid);
   while (pc->n > 0 && pc->calls[pc->n - 1].rsp < rsp)
      pc->n--;
   if (pc->n > 0 && pc->calls[pc->n - 1].rsp == rsp)
      return pc->calls[--pc->n].seq;
   return 0;
}

void fc_translate_forget_thread(ThreadId tid)
{
   fc_pending_of(tid)->n = 0;
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
   if that was allocated at or after allocation number min_seq. */
static void fc_hand_value(ThreadId tid, UWord v, FC_SideId to,
                          const HChar* how, ULong min_seq)
{
   FC_Block* b = fc_block_live_containing(v);
   if (b == NULL || b->tag.alloc_seq < min_seq)
      return;
   if (fc_clo_trace_crossings)
      fc_trace_block(b, how);
   fc_block_hand_over(tid, b, to);
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
   UWord args[6];
   for (Int i = 0; i < 6; i++) {
      args[i] = *(const UWord*)((const UChar*)gst + fc_arg_reg_offsets[i]);
      if (i < s->n_args)
         fc_hand_value(tid, args[i], to, arg_names[i], 0);
   }
   Addr rsp_after = gst->guest_RSP + (s->pushed ? sizeof(Addr) : 0);
   fc_push_call(tid, rsp_after);
   fc_extents_on_call(tid, target, args, rsp_after);
   fc_uninit_check_crossing_args(tid, gst, s->n_args, s->from, to);
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
   fc_hand_value(tid, gst->guest_RAX, to, "rax (return value)",
                 fc_pop_call(tid, gst->guest_RSP));
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

static Int fc_read_i32(const UChar* p)
{
   return (Int)((UInt)p[0] | (UInt)p[1] << 8 | (UInt)p[2] << 16
                | (UInt)p[3] << 24);
}

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

/* If code at a is a PLT-style stub `[endbr64] [bnd] jmp *disp32(%rip)`,
   the address of the slot it jumps through. */
static Bool fc_stub_slot(Addr a, Addr* slot)
{
   const UChar* p = (const UChar*)a;
   if (!VG_(am_is_valid_for_client)(a, 16, VKI_PROT_READ))
      return False;
   if (p[0] == 0xF3 && p[1] == 0x0F && p[2] == 0x1E && p[3] == 0xFA)
      p += 4;
   if (p[0] == 0xF2)
      p++;
   if (p[0] != 0xFF || p[1] != 0x25)
      return False;
   *slot = (Addr)(p + 6) + (Long)fc_read_i32(p + 2);
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
   if (fc_stub_slot(target, &slot)) {
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
   Addr last_insn = 0;
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
      last_insn = (Addr)st->Ist.IMark.addr;
      side = fc_side_of_code(last_insn);
      fc_note_side(side);
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
