/* fc_uninit_instrument.c: the instrumentation that carries uninit bits.

   Every temporary t of the input block gets a shadow temporary t# of the
   same size whose set bits say which bits of t are undefined; every
   guest register has its shadow in the guest state's first shadow area
   (offset + the guest state's size); memory has fc_uninit_mem.c's shadow.
   Each statement is preceded by the code computing the shadows of what
   it defines, and by checks where an undefined value is *used*:
      - the guard of a conditional exit (a branch),
      - the condition of an ITE (a conditional move) when its two values
        differ at run time (fc_uninit_cmov decides),
      - the address of a load or store, the target of a computed jump,
      - the guard of a guarded load, store or helper call.
   Copying is never a use: loads, stores, moves, packing and unpacking
   carry uninit bits along unchanged, so struct padding, memcpy and a Vec's
   spare capacity stay silent until something branches on them.

   Precision (the rules, per operation, are in fc_uninit_rules.c):
      - and/or with a defined 0 (resp. 1) bit give a defined bit;
      - add and sub are exact on which bits the carries can reach (the
        results for the smallest and largest values the undefined bits
        allow are compared) wherever their result's bits may be looked at
        one by one; a result only tested as a whole (an address, say)
        gets the union of its operands' uninit bits, which is zero exactly
        when the exact answer is (fc_carries.c decides); with no bit
        where both operands may be nonzero (a masked word plus a byte),
        the union of uninit bits, exactly;
      - ==, != are defined when a defined bit differs; <, <= when the
        ranges the undefined bits allow do not overlap;
      - shifts and rotates by a defined amount move the uninit bits;
      - count-trailing/leading-zeros look only at the bits that matter;
      - vector operations work lane by lane (an undefined lane never
        spoils its neighbours), data movement moves uninit bits exactly;
      - anything else is "lazy": all of the result is undefined if any
        input bit is.
   After a check reports a value, its shadow is taken as defined for the
   rest of the block, so one bug gives one report, not a cascade.

   Memory uninit bits: plain loads and stores (up to 8 bytes, and 16/32-byte
   vectors) call fc_loadstore.c, which checks addressability too (fc_access.c's
   inline check is skipped for them).  Guarded and atomic accesses keep
   the inline addressability check and move their uninit bits through
   fc_uninit_mem_scratch with a helper (fc_loadstore_gather/scatter).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_machine.h"
#include "pub_tool_tooliface.h"
#include "libvex_guest_amd64.h"
#include "fc_access.h"
#include "fc_carries.h"
#include "fc_uninit_instrument.h"
#include "fc_errors.h"
#include "fc_uninit.h"
#include "fc_uninit_mem.h"
#include "fc_loadstore.h"
#include "fc_uninit_ir.h"
#include "fc_uninit_rules.h"
#include "fc_shadow.h"
#include "fc_uninit_origins.h"


static void fc_assign_shadow(FC_UninitEnv* env, IRTemp t, IRExpr* v)
{
   if (fc_zero(v) && t < env->n_in)
      env->deps[t].n = 0;   /* defined: its sources do not matter */
   addStmtToIRSB(env->sb, IRStmt_WrTmp(fc_shadow_temp(env, t), v));
}

/* ------------------------------------------------------------------ */
/* Checks                                                              */
/* ------------------------------------------------------------------ */

/* Reports `use` if any bit of the shadow v is set (and guard, if not
   NULL, holds); then the input atom a counts as defined. */
static void fc_complain(FC_UninitEnv* env, IRExpr* a, IRExpr* v, FC_UninitUse use,
                        IRExpr* guard)
{
   if (fc_zero(v))
      return;
   IRExpr* bad = fc_any(env, v);
   if (guard != NULL)
      bad = fc_new(env, Ity_I1, IRExpr_Binop(Iop_And1, bad, guard));
   IRDirty* di = unsafeIRDirty_0_N(1, "fc_uninit_used",
                                   VG_(fnptr_to_fnentry)(fc_uninit_used),
                                   mkIRExprVec_1(fc_c64((ULong)use
                                       | ((ULong)fc_atom_set(env, a) << 8))));
   di->guard = bad;
   fc_access_needs_stack(di);
   addStmtToIRSB(env->sb, IRStmt_Dirty(di));
   if (guard == NULL && a != NULL && a->tag == Iex_RdTmp)
      env->clean[a->Iex.RdTmp.tmp] = True;
}

static void fc_complain_atom(FC_UninitEnv* env, IRExpr* a, FC_UninitUse use,
                             IRExpr* guard)
{
   fc_complain(env, a, fc_uninit_atom(env, a), use, guard);
}

/* ------------------------------------------------------------------ */
/* Memory                                                              */
/* ------------------------------------------------------------------ */

/* A call fn(addr, arg) that moves the uninit bits of the n bytes at addr
   through the scratch buffer: it fills the buffer (a load's) or reads it
   (a store's).  The caller adds it to the block. */
static IRDirty* fc_scratch_dirty(const HChar* name, void* fn, IRExpr* addr,
                                 IRExpr* arg, ULong ids, Int n, Bool fills)
{
   IRDirty* di = unsafeIRDirty_0_N(3, name, VG_(fnptr_to_fnentry)(fn),
                                   mkIRExprVec_3(addr, arg, fc_c64(ids)));
   di->mFx = fills ? Ifx_Write : Ifx_Read;
   di->mAddr = fc_c64((HWord)fc_uninit_mem_scratch);
   di->mSize = n;
   return di;
}

/* The access site id a load or store helper is given (fc_uninit_origins.h):
   a load's is the statement's load site, a store's a new one; either
   knows its address's dependency set, a store's its value's (set). */
static UInt fc_access_site(FC_UninitEnv* env, IRExpr* addr, Bool load, UInt set)
{
   UInt site = load ? env->cur_site : fc_origins_new_site();
   fc_origins_site_sets(site, fc_atom_set(env, addr), set);
   return site;
}

/* ids: a gather's load site, a scatter's store site (fc_access_site). */
static void fc_scratch_call(FC_UninitEnv* env, Bool gather, IRExpr* addr, Int n,
                            IRExpr* guard, UInt ids)
{
   IRDirty* di = gather
      ? fc_scratch_dirty("fc_loadstore_gather", (void*)fc_loadstore_gather, addr,
                         fc_c64(n), ids, n, True)
      : fc_scratch_dirty("fc_loadstore_scatter", (void*)fc_loadstore_scatter, addr,
                         fc_c64(n), ids, n, False);
   di->guard = guard;
   addStmtToIRSB(env->sb, IRStmt_Dirty(di));
}

/* The uninit bits of a load of type ty at addr (through the scratch buffer:
   wide, guarded and atomic loads are rare enough); guard (or NULL) says
   whether the load happens. */
static IRExpr* fc_instr_load(FC_UninitEnv* env, IRType ty, IRExpr* addr, IRExpr* guard)
{
   IRType vty = fc_uninit_ty(ty);
   fc_scratch_call(env, True, addr, sizeofIRType(ty),
                   guard ? guard : IRExpr_Const(IRConst_U1(True)),
                   fc_access_site(env, addr, True, 0));
   return fc_new(env, vty, IRExpr_Load(Iend_LE, vty,
                 fc_c64((HWord)fc_uninit_mem_scratch)));
}

/* Plain loads and stores of 1, 2, 4 or 8 bytes go through fc_loadstore.c,
   which checks their addressability too. */
static Bool fc_loadstore_size(IRType ty)
{
   switch (ty) {
      case Ity_I8: case Ity_I16: case Ity_I32: case Ity_I64:
      case Ity_F32: case Ity_F64: case Ity_V128: case Ity_V256:
         return True;
      default:
         return False;
   }
}

static Bool fc_uses_loadstore(FC_UninitEnv* env, const IRStmt* s)
{
   if (s->tag == Ist_WrTmp && s->Ist.WrTmp.data->tag == Iex_Load)
      return fc_loadstore_size(s->Ist.WrTmp.data->Iex.Load.ty);
   if (s->tag == Ist_Store)
      return fc_loadstore_size(fc_type(env, s->Ist.Store.data));
   return False;
}

/* The shadow of the address of an access made by a call: the helper
   reports it; later uses of the atom count as defined. */
static IRExpr* fc_instr_addr_for_call(FC_UninitEnv* env, IRExpr* addr)
{
   IRExpr* va = fc_uninit_atom(env, addr);
   if (addr->tag == Iex_RdTmp)
      env->clean[addr->Iex.RdTmp.tmp] = True;
   return va;
}

/* A vector's call to fc_loadstore.c (fn: its load or store helper), which
   checks the access too and is given the address's uninit bits. */
static void fc_loadstore_wide_call(FC_UninitEnv* env, const HChar* name, void* fn,
                              IRExpr* addr, UInt set, Int n, Bool load)
{
   UInt ids = fc_access_site(env, addr, load, set);
   IRDirty* di = fc_scratch_dirty(name, fn, addr,
                                  fc_instr_addr_for_call(env, addr), ids, n,
                                  load);
   fc_access_needs_stack(di);
   addStmtToIRSB(env->sb, IRStmt_Dirty(di));
}

static IRExpr* fc_instr_load_call(FC_UninitEnv* env, IRType ty, IRExpr* addr)
{
   Int n = sizeofIRType(ty);
   if (n >= 16) {   /* vectors: through the scratch buffer */
      fc_loadstore_wide_call(env, "fc_loadvw",
                        n == 16 ? (void*)fc_loadv16 : (void*)fc_loadv32,
                        addr, 0, n, True);
      return fc_new(env, ty, IRExpr_Load(Iend_LE, ty,
                    fc_c64((HWord)fc_uninit_mem_scratch)));
   }
   void* fn = n == 1 ? (void*)fc_loadv1 : n == 2 ? (void*)fc_loadv2
            : n == 4 ? (void*)fc_loadv4 : (void*)fc_loadv8;
   IRTemp w = newIRTemp(env->sb->tyenv, Ity_I64);
   UInt ids = fc_access_site(env, addr, True, 0);
   IRDirty* di = unsafeIRDirty_1_N(w, 3, "fc_loadv",
                                   VG_(fnptr_to_fnentry)(fn),
                                   mkIRExprVec_3(addr,
                                   fc_instr_addr_for_call(env, addr),
                                   fc_c64(ids)));
   fc_access_needs_stack(di);
   addStmtToIRSB(env->sb, IRStmt_Dirty(di));
   IRExpr* v = IRExpr_RdTmp(w);
   switch (n) {
      case 1: return fc_new(env, Ity_I8, IRExpr_Unop(Iop_64to8, v));
      case 2: return fc_new(env, Ity_I16, IRExpr_Unop(Iop_64to16, v));
      case 4: return fc_new(env, Ity_I32, IRExpr_Unop(Iop_64to32, v));
      default: return v;
   }
}

static void fc_instr_store_call(FC_UninitEnv* env, IRExpr* addr, IRExpr* v,
                                UInt set)
{
   IRType ty = fc_type(env, v);
   Int n = sizeofIRType(ty);
   if (n >= 16) {   /* vectors: through the scratch buffer */
      addStmtToIRSB(env->sb, IRStmt_Store(Iend_LE,
                    fc_c64((HWord)fc_uninit_mem_scratch), v));
      fc_loadstore_wide_call(env, "fc_storevw",
                        n == 16 ? (void*)fc_storev16 : (void*)fc_storev32,
                        addr, set, n, False);
      return;
   }
   void* fn = n == 1 ? (void*)fc_storev1 : n == 2 ? (void*)fc_storev2
            : n == 4 ? (void*)fc_storev4 : (void*)fc_storev8;
   IRExpr* w = n == 8 ? v
             : fc_zero(v) ? fc_c64(0)
             : fc_new(env, Ity_I64, IRExpr_Unop(n == 1 ? Iop_8Uto64
                      : n == 2 ? Iop_16Uto64 : Iop_32Uto64, v));
   UInt ids = fc_access_site(env, addr, False, set);
   IRDirty* di = unsafeIRDirty_0_N(3, "fc_storev", VG_(fnptr_to_fnentry)(fn),
                                   mkIRExprVec_4(addr, w,
                                   fc_instr_addr_for_call(env, addr),
                                   fc_c64(ids)));
   fc_access_needs_stack(di);
   addStmtToIRSB(env->sb, IRStmt_Dirty(di));
}

static void fc_instr_store(FC_UninitEnv* env, IRExpr* addr, IRExpr* v, IRExpr* guard,
                           UInt set)
{
   addStmtToIRSB(env->sb, IRStmt_Store(Iend_LE,
                 fc_c64((HWord)fc_uninit_mem_scratch), v));
   fc_scratch_call(env, False, addr, sizeofIRType(fc_type(env, v)),
                   guard ? guard : IRExpr_Const(IRConst_U1(True)),
                   fc_access_site(env, addr, False, set));
}

/* ------------------------------------------------------------------ */
/* Operations                                                          */
/* ------------------------------------------------------------------ */

/* Guest registers VEX declares always defined (the instruction pointer,
   the flags thunk's operation, ...) have no shadow to read or write. */
static Bool fc_always_defined(FC_UninitEnv* env, Int offset, Int size)
{
   /* rsp too: only the core and the program's own arithmetic on rsp
      write it, and an undefined stack pointer would have crashed the
      program long before; with it defined, every rsp-relative address
      is known defined when translating, and costs no shadow work. */
   if (offset == offsetof(VexGuestAMD64State, guest_RSP) && size == 8)
      return True;
   for (Int i = 0; i < env->layout->n_alwaysDefd; i++) {
      Int o = env->layout->alwaysDefd[i].offset;
      Int n = env->layout->alwaysDefd[i].size;
      if (offset >= o && offset + size <= o + n)
         return True;
   }
   return False;
}

/* The shadow of a (flat) expression. */
static IRExpr* fc_instr_expr(FC_UninitEnv* env, IRExpr* e)
{
   switch (e->tag) {
      case Iex_Const:
      case Iex_RdTmp:
         return fc_uninit_atom(env, e);
      case Iex_Get:
         if (fc_always_defined(env, e->Iex.Get.offset,
                               sizeofIRType(e->Iex.Get.ty)))
            return fc_defined(env, fc_uninit_ty(e->Iex.Get.ty));
         return fc_new(env, fc_uninit_ty(e->Iex.Get.ty),
                       IRExpr_Get(e->Iex.Get.offset + env->gs_size,
                                  fc_uninit_ty(e->Iex.Get.ty)));
      case Iex_GetI: {
         IRRegArray* d = e->Iex.GetI.descr;
         IRRegArray* sd = mkIRRegArray(d->base + env->gs_size,
                                       fc_uninit_ty(d->elemTy), d->nElems);
         return fc_new(env, fc_uninit_ty(d->elemTy),
                       IRExpr_GetI(sd, e->Iex.GetI.ix, e->Iex.GetI.bias));
      }
      case Iex_Unop:
         return fc_uninit_rule_unop(env, e->Iex.Unop.op, e->Iex.Unop.arg);
      case Iex_Binop:
         return fc_uninit_rule_binop(env, e->Iex.Binop.op, e->Iex.Binop.arg1,
                           e->Iex.Binop.arg2);
      case Iex_Triop:
         return fc_uninit_rule_triop(env, e->Iex.Triop.details);
      case Iex_Qop: {
         IRQop* q = e->Iex.Qop.details;
         if (q->op == Iop_64x4toV256)
            return fc_new(env, Ity_V256, IRExpr_Qop(q->op,
                          fc_uninit_atom(env, q->arg1), fc_uninit_atom(env, q->arg2),
                          fc_uninit_atom(env, q->arg3), fc_uninit_atom(env, q->arg4)));
         IRExpr* args[4] = { q->arg1, q->arg2, q->arg3, q->arg4 };
         return fc_lazy(env, fc_type(env, e), 4, args);
      }
      case Iex_Load:
         if (fc_loadstore_size(e->Iex.Load.ty))
            return fc_instr_load_call(env, e->Iex.Load.ty, e->Iex.Load.addr);
         fc_complain_atom(env, e->Iex.Load.addr, FC_UseAddress, NULL);
         return fc_instr_load(env, e->Iex.Load.ty, e->Iex.Load.addr, NULL);
      case Iex_ITE:
         return fc_uninit_rule_ite(env, e->Iex.ITE.cond, e->Iex.ITE.iftrue,
                         e->Iex.ITE.iffalse);
      case Iex_CCall: {
         IRExpr* any = IRExpr_Const(IRConst_U1(False));
         UInt mask = e->Iex.CCall.cee->mcx_mask;
         for (Int i = 0; e->Iex.CCall.args[i] != NULL; i++)
            if (i >= 32 || !(mask & (1u << i)))
               any = fc_or(env, Ity_I1, any,
                           fc_any(env, fc_uninit_atom(env, e->Iex.CCall.args[i])));
         return fc_widen1(env, any, fc_uninit_ty(e->Iex.CCall.retty));
      }
      default:
         VG_(tool_panic)("fc_instr_expr: expression kind");
   }
}

/* ------------------------------------------------------------------ */
/* Statements                                                          */
/* ------------------------------------------------------------------ */

static void fc_instr_put_defined(FC_UninitEnv* env, Int offset, Int size)
{
   while (size >= 8) {
      addStmtToIRSB(env->sb, IRStmt_Put(offset + env->gs_size, fc_c64(0)));
      offset += 8;
      size -= 8;
   }
   while (size > 0) {
      addStmtToIRSB(env->sb, IRStmt_Put(offset + env->gs_size, fc_c8(0)));
      offset++;
      size--;
   }
}

/* A helper call: its results count as defined (it is the core's or
   VEX's own: cpuid, rdtsc, x87 and state save/restore helpers). */
static void fc_instr_dirty_after(FC_UninitEnv* env, IRDirty* d)
{
   if (d->tmp != IRTemp_INVALID)
      fc_assign_shadow(env, d->tmp,
                       fc_defined(env, fc_uninit_ty(typeOfIRTemp(env->sb->tyenv,
                                                           d->tmp))));
   for (Int i = 0; i < d->nFxState; i++) {
      if (d->fxState[i].fx == Ifx_Read || d->fxState[i].fx == Ifx_None)
         continue;
      for (Int r = 0; r <= d->fxState[i].nRepeats; r++)
         fc_instr_put_defined(env, d->fxState[i].offset
                               + r * d->fxState[i].repeatLen,
                          d->fxState[i].size);
   }
   if ((d->mFx == Ifx_Write || d->mFx == Ifx_Modify) && d->mAddr != NULL) {
      IRDirty* di = unsafeIRDirty_0_N(
         2, "fc_uninit_make_defined",
         VG_(fnptr_to_fnentry)(fc_uninit_make_defined),
         mkIRExprVec_2(d->mAddr, fc_c64(d->mSize)));
      di->guard = d->guard;
      addStmtToIRSB(env->sb, IRStmt_Dirty(di));
   }
}

/* The call of fc_uninit_stack_run(new_sp, d) when guard holds.  A call,
   not inline marks: a mark inline was some twenty IR statements, a
   quarter of all the statements of start-up code, and test suites' time
   is mostly translation; the helper's own fast path costs about the
   same to run (bench/, docs/benchmarks.md). */
static void fc_stack_grew_call(FC_UninitEnv* env, IRExpr* new_sp, IRExpr* d,
                               IRExpr* guard)
{
   IRDirty* di = unsafeIRDirty_0_N(2, "fc_uninit_stack_run",
                    VG_(fnptr_to_fnentry)(fc_uninit_stack_run),
                    mkIRExprVec_2(new_sp, d));
   di->guard = guard;
   addStmtToIRSB(env->sb, IRStmt_Dirty(di));
}

/* Emits the stack marks kept back (see fc_instr_stack_move). */
static void fc_stack_flush(FC_UninitEnv* env)
{
   if (env->run_len == 0)
      return;
   fc_stack_grew_call(env, env->run_sp, fc_c64(env->run_len),
                      IRExpr_Const(IRConst_U1(True)));
   env->run_len = 0;
   env->run_sp = NULL;
}

/* Temps that hold the current rsp plus a constant: sp_gen[t] is the
   number of rsp writes before t's rsp was read (+1; 0 = not such a
   temp), sp_off[t] the constant. */
static void fc_sp_note(FC_UninitEnv* env, const IRStmt* s)
{
   if (s->tag == Ist_Put
       && s->Ist.Put.offset == offsetof(VexGuestAMD64State, guest_RSP)) {
      env->sp_writes++;
      const IRExpr* e = s->Ist.Put.data;
      if (e->tag == Iex_RdTmp) {   /* the new rsp is that temp + 0 */
         env->sp_gen[e->Iex.RdTmp.tmp] = env->sp_writes + 1;
         env->sp_off[e->Iex.RdTmp.tmp] = 0;
      }
      return;
   }
   if (s->tag != Ist_WrTmp)
      return;
   IRTemp t = s->Ist.WrTmp.tmp;
   const IRExpr* e = s->Ist.WrTmp.data;
   if (e->tag == Iex_Get && e->Iex.Get.ty == Ity_I64
       && e->Iex.Get.offset == offsetof(VexGuestAMD64State, guest_RSP)) {
      env->sp_gen[t] = env->sp_writes + 1;
      env->sp_off[t] = 0;
   } else if (e->tag == Iex_Binop
              && (e->Iex.Binop.op == Iop_Add64 || e->Iex.Binop.op == Iop_Sub64)
              && e->Iex.Binop.arg1->tag == Iex_RdTmp
              && e->Iex.Binop.arg2->tag == Iex_Const
              && env->sp_gen[e->Iex.Binop.arg1->Iex.RdTmp.tmp] != 0) {
      IRTemp u = e->Iex.Binop.arg1->Iex.RdTmp.tmp;
      Long c = (Long)e->Iex.Binop.arg2->Iex.Const.con->Ico.U64;
      env->sp_gen[t] = env->sp_gen[u];
      env->sp_off[t] = env->sp_off[u]
                       + (e->Iex.Binop.op == Iop_Add64 ? c : -c);
   }
}

/* Is new_sp the current rsp plus a known constant (*delta)? */
static Bool fc_sp_delta(FC_UninitEnv* env, const IRExpr* new_sp, Long* delta)
{
   if (new_sp->tag != Iex_RdTmp)
      return False;
   IRTemp t = new_sp->Iex.RdTmp.tmp;
   if (env->sp_gen[t] != env->sp_writes + 1)
      return False;
   *delta = env->sp_off[t];
   return True;
}

/* rsp is about to become new_sp: when it goes down, the area entering
   the red zone below it is undefined (a new frame's locals) and
   accessible (no stack mark of a frame gone survives it).  ffican
   follows rsp itself rather than through the core's new_mem_stack
   events.  Most moves are known when translating (fc_sp_note: rsp read,
   plus or minus a constant).  A move up costs nothing.  A known move
   down of at most FC_RUN_MAX bytes is kept back and joined with the
   next ones (a prologue's pushes and its frame allocation), then marked
   in one helper call (fc_stack_flush, called before anything that could
   look at that memory).  Larger known moves call it at once; an unknown
   move's size is checked at run time. */
static void fc_instr_stack_move(FC_UninitEnv* env, IRExpr* new_sp)
{
   Long delta;   /* new_sp - the current rsp, when known */
   Bool known = fc_sp_delta(env, new_sp, &delta);
   if (known && delta >= 0) {
      fc_stack_flush(env);   /* kept-back marks are relative to the old */
      return;
   }
   if (known && -delta > FC_MAX_STACK_FRAME)
      return;   /* a switch to another stack */
   if (known && new_sp->tag == Iex_RdTmp && (delta & 7) == 0
       && env->run_len - delta <= FC_RUN_MAX) {
      env->run_sp = new_sp;   /* the run now starts below new_sp */
      env->run_len -= delta;
      return;
   }
   fc_stack_flush(env);
   IRExpr* d = known ? fc_c64((ULong)-delta)
             : fc_new(env, Ity_I64, IRExpr_Binop(Iop_Sub64,
                      fc_new(env, Ity_I64, IRExpr_Get(
                             offsetof(VexGuestAMD64State, guest_RSP),
                             Ity_I64)), new_sp));
   /* an unknown move: 1 <= d <= FC_MAX_STACK_FRAME decides */
   IRExpr* guard = known ? IRExpr_Const(IRConst_U1(True))
                 : fc_new(env, Ity_I1, IRExpr_Binop(Iop_CmpLT64U,
                          fc_new(env, Ity_I64, IRExpr_Binop(Iop_Sub64, d,
                                 fc_c64(1))), fc_c64(FC_MAX_STACK_FRAME)));
   fc_stack_grew_call(env, new_sp, d, guard);
}

/* A return's ABI hint: the red zone below the new rsp holds what the
   frames that returned left there, now undefined (as in Memcheck; the
   leak search then takes no pointer from it).  A call's hint is left
   alone: the caller keeps nothing there across a call, and what the
   returns before it left is undefined already. */
static void fc_instr_abi_hint(FC_UninitEnv* env, const IRStmt* s)
{
   if (env->sb->jumpkind != Ijk_Ret
       || s->Ist.AbiHint.len != FC_STACK_REDZONE)
      return;
   fc_stack_flush(env);
   IRExpr* sp = fc_new(env, Ity_I64, IRExpr_Binop(Iop_Add64,
                       s->Ist.AbiHint.base, fc_c64(FC_STACK_REDZONE)));
   fc_stack_grew_call(env, sp, fc_c64(FC_STACK_REDZONE),
                      IRExpr_Const(IRConst_U1(True)));
}

/* Can statement s run before the kept-back stack marks are made?  Only
   if it cannot look at the memory they cover (below rsp - 128 + the
   run): computations, register writes, and loads and stores at known
   offsets at or above rsp. */
static Bool fc_stack_marks_can_wait(FC_UninitEnv* env, const IRStmt* s)
{
   Long delta;
   switch (s->tag) {
   case Ist_NoOp: case Ist_IMark: case Ist_AbiHint:
   case Ist_Put:   /* a move of rsp is handled by fc_instr_stack_move */
      return True;
   case Ist_WrTmp: {
      const IRExpr* e = s->Ist.WrTmp.data;
      if (e->tag != Iex_Load)
         return True;
      return fc_sp_delta(env, e->Iex.Load.addr, &delta) && delta >= 0;
   }
   case Ist_Store:
      return fc_sp_delta(env, s->Ist.Store.addr, &delta) && delta >= 0;
   default:
      return False;
   }
}

static void fc_instr_cas(FC_UninitEnv* env, IRCAS* c)
{
   IRType ty = fc_type(env, c->expdLo);
   Int n = sizeofIRType(ty);
   fc_complain_atom(env, c->addr, FC_UseAddress, NULL);
   fc_assign_shadow(env, c->oldLo, fc_instr_load(env, ty, c->addr, NULL));
   IRExpr* hi_addr = NULL;
   if (c->oldHi != IRTemp_INVALID) {
      hi_addr = fc_new(env, Ity_I64, IRExpr_Binop(Iop_Add64, c->addr,
                                                  fc_c64(n)));
      fc_assign_shadow(env, c->oldHi, fc_instr_load(env, ty, hi_addr, NULL));
   }
   addStmtToIRSB(env->sb, IRStmt_CAS(c));
   /* Success: the old value was the expected one. */
   IROp eq = fc_op_for(ty, Iop_CasCmpEQ8);
   IRExpr* ok = fc_new(env, Ity_I1, IRExpr_Binop(eq,
                       IRExpr_RdTmp(c->oldLo), c->expdLo));
   if (c->oldHi != IRTemp_INVALID)
      ok = fc_new(env, Ity_I1, IRExpr_Binop(Iop_And1, ok,
                  fc_new(env, Ity_I1, IRExpr_Binop(eq,
                         IRExpr_RdTmp(c->oldHi), c->expdHi))));
   fc_instr_store(env, c->addr, fc_uninit_atom(env, c->dataLo), ok,
                  fc_atom_set(env, c->dataLo));
   if (hi_addr != NULL)
      fc_instr_store(env, hi_addr, fc_uninit_atom(env, c->dataHi), ok,
                     fc_atom_set(env, c->dataHi));
}

static void fc_instr_llsc(FC_UninitEnv* env, IRStmt* s)
{
   IRTemp res = s->Ist.LLSC.result;
   fc_complain_atom(env, s->Ist.LLSC.addr, FC_UseAddress, NULL);
   if (s->Ist.LLSC.storedata == NULL) {
      fc_assign_shadow(env, res, fc_instr_load(env, typeOfIRTemp(env->sb->tyenv,
                                          res), s->Ist.LLSC.addr, NULL));
      addStmtToIRSB(env->sb, s);
      return;
   }
   addStmtToIRSB(env->sb, s);
   fc_assign_shadow(env, res, fc_defined(env, Ity_I1));
   fc_instr_store(env, s->Ist.LLSC.addr, fc_uninit_atom(env, s->Ist.LLSC.storedata),
             IRExpr_RdTmp(res), fc_atom_set(env, s->Ist.LLSC.storedata));
}

static void fc_instr_loadg(FC_UninitEnv* env, IRLoadG* g)
{
   IRType res_ty, arg_ty;
   typeOfIRLoadGOp(g->cvt, &res_ty, &arg_ty);
   fc_complain_atom(env, g->guard, FC_UseBranch, NULL);
   fc_complain_atom(env, g->addr, FC_UseAddress, g->guard);
   IRExpr* v = fc_instr_load(env, arg_ty, g->addr, g->guard);
   IROp cvt = Iop_INVALID;
   switch (g->cvt) {
      case ILGop_16Uto32: cvt = Iop_16Uto32; break;
      case ILGop_16Sto32: cvt = Iop_16Sto32; break;
      case ILGop_8Uto32:  cvt = Iop_8Uto32;  break;
      case ILGop_8Sto32:  cvt = Iop_8Sto32;  break;
      default: break;
   }
   if (cvt != Iop_INVALID)
      v = fc_new(env, res_ty, IRExpr_Unop(cvt, v));
   fc_assign_shadow(env, g->dst, fc_new(env, fc_uninit_ty(res_ty),
                    IRExpr_ITE(g->guard, v, fc_uninit_atom(env, g->alt))));
}

/* ------------------------------------------------------------------ */
/* Dependency sets (origins, fc_uninit_origins.c)                      */
/* ------------------------------------------------------------------ */

static void fc_deps_atom(FC_UninitEnv* env, const IRExpr* a, FC_Deps* d)
{
   if (a != NULL && a->tag == Iex_RdTmp && a->Iex.RdTmp.tmp < env->n_in)
      fc_deps_union(d, &env->deps[a->Iex.RdTmp.tmp]);
}

/* A read of the guest state at [off, off+size): the registers as they
   were at the block's entry, or what the block wrote into them. */
static void fc_deps_get(FC_UninitEnv* env, Int off, Int size, FC_Deps* d)
{
   for (Int slot = off >> 3; slot <= (off + size - 1) >> 3; slot++) {
      if (slot >= env->n_slots)
         break;
      if (env->reg_put[slot])
         fc_deps_union(d, &env->reg_deps[slot]);
      else
         fc_deps_reg(d, slot << 3);
   }
}

/* What the flat expression e is computed from (a load: env->cur_site). */
static void fc_deps_expr(FC_UninitEnv* env, const IRExpr* e, FC_Deps* d)
{
   switch (e->tag) {
   case Iex_RdTmp:
      fc_deps_atom(env, e, d);
      break;
   case Iex_Get:
      fc_deps_get(env, e->Iex.Get.offset, sizeofIRType(e->Iex.Get.ty), d);
      break;
   case Iex_Unop:
      fc_deps_atom(env, e->Iex.Unop.arg, d);
      break;
   case Iex_Binop:
      fc_deps_atom(env, e->Iex.Binop.arg1, d);
      fc_deps_atom(env, e->Iex.Binop.arg2, d);
      break;
   case Iex_Triop:
      fc_deps_atom(env, e->Iex.Triop.details->arg1, d);
      fc_deps_atom(env, e->Iex.Triop.details->arg2, d);
      fc_deps_atom(env, e->Iex.Triop.details->arg3, d);
      break;
   case Iex_Qop:
      fc_deps_atom(env, e->Iex.Qop.details->arg1, d);
      fc_deps_atom(env, e->Iex.Qop.details->arg2, d);
      fc_deps_atom(env, e->Iex.Qop.details->arg3, d);
      fc_deps_atom(env, e->Iex.Qop.details->arg4, d);
      break;
   case Iex_ITE:
      fc_deps_atom(env, e->Iex.ITE.cond, d);
      fc_deps_atom(env, e->Iex.ITE.iftrue, d);
      fc_deps_atom(env, e->Iex.ITE.iffalse, d);
      break;
   case Iex_CCall:
      for (Int i = 0; e->Iex.CCall.args[i] != NULL; i++)
         fc_deps_atom(env, e->Iex.CCall.args[i], d);
      break;
   case Iex_Load:
      fc_deps_site(d, env->cur_site);
      break;
   default:   /* constants, GetI (x87 registers) */
      break;
   }
}

/* Before statement s is instrumented: the sets of the temps it defines,
   and a new load site for a load. */
static void fc_deps_stmt(FC_UninitEnv* env, const IRStmt* s)
{
   env->cur_site = 0;
   switch (s->tag) {
   case Ist_WrTmp:
      if (s->Ist.WrTmp.data->tag == Iex_Load)
         env->cur_site = fc_origins_new_site();
      fc_deps_expr(env, s->Ist.WrTmp.data, &env->deps[s->Ist.WrTmp.tmp]);
      break;
   case Ist_LoadG:
      env->cur_site = fc_origins_new_site();
      fc_deps_site(&env->deps[s->Ist.LoadG.details->dst], env->cur_site);
      fc_deps_atom(env, s->Ist.LoadG.details->alt,
                   &env->deps[s->Ist.LoadG.details->dst]);
      break;
   case Ist_CAS:   /* oldHi, if any, shares the site */
      env->cur_site = fc_origins_new_site();
      fc_deps_site(&env->deps[s->Ist.CAS.details->oldLo], env->cur_site);
      if (s->Ist.CAS.details->oldHi != IRTemp_INVALID)
         fc_deps_site(&env->deps[s->Ist.CAS.details->oldHi], env->cur_site);
      break;
   case Ist_LLSC:
      if (s->Ist.LLSC.storedata == NULL) {
         env->cur_site = fc_origins_new_site();
         fc_deps_site(&env->deps[s->Ist.LLSC.result], env->cur_site);
      }
      break;
   default:
      break;
   }
}

/* After s: a register write makes the register stand for its data. */
static void fc_deps_after(FC_UninitEnv* env, const IRStmt* s)
{
   if (s->tag != Ist_Put)
      return;
   Int off = s->Ist.Put.offset;
   Int size = sizeofIRType(fc_type(env, s->Ist.Put.data));
   for (Int slot = off >> 3; slot <= (off + size - 1) >> 3; slot++) {
      if (slot >= env->n_slots)
         break;
      env->reg_put[slot] = 1;
      env->reg_deps[slot].n = 0;
      fc_deps_atom(env, s->Ist.Put.data, &env->reg_deps[slot]);
   }
}

/* The flags thunk's operands are read back in the block that set them
   (a compare and its branch); recording their origins would cost a test
   on every flag-setting instruction. */
static Bool fc_thunk_reg(Int offset)
{
   return offset == offsetof(VexGuestAMD64State, guest_CC_DEP1)
          || offset == offsetof(VexGuestAMD64State, guest_CC_DEP2)
          || offset == offsetof(VexGuestAMD64State, guest_CC_NDEP);
}

/* v (a shadow) folded to 64 bits, nonzero when any bit of it is; NULL
   for types no register write of interest has. */
static IRExpr* fc_fold64(FC_UninitEnv* env, IRExpr* v)
{
   switch (fc_type(env, v)) {
   case Ity_I8:  return fc_new(env, Ity_I64, IRExpr_Unop(Iop_8Uto64, v));
   case Ity_I16: return fc_new(env, Ity_I64, IRExpr_Unop(Iop_16Uto64, v));
   case Ity_I32: return fc_new(env, Ity_I64, IRExpr_Unop(Iop_32Uto64, v));
   case Ity_I64: return v;
   case Ity_V128:
      return fc_new(env, Ity_I64, IRExpr_Binop(Iop_Or64,
             fc_new(env, Ity_I64, IRExpr_Unop(Iop_V128to64, v)),
             fc_new(env, Ity_I64, IRExpr_Unop(Iop_V128HIto64, v))));
   case Ity_V256:
      return fc_fold64(env, fc_new(env, Ity_V128, IRExpr_Binop(Iop_OrV128,
             fc_new(env, Ity_V128, IRExpr_Unop(Iop_V256toV128_0, v)),
             fc_new(env, Ity_V128, IRExpr_Unop(Iop_V256toV128_1, v)))));
   default:
      return NULL;
   }
}

/* A register write of data with shadow v: kept (env->pend) until the next
   flush point, where one call guarded by "some write kept had undefined
   bits" records the registers' origins (fc_puts_flush). */
static void fc_instr_put_origin(FC_UninitEnv* env, Int offset, IRExpr* data,
                                IRExpr* v)
{
   IRType ty = fc_type(env, v);
   if (fc_zero(v) || fc_thunk_reg(offset) || offset > 0xFFFF
       || !(ty == Ity_I8 || ty == Ity_I16 || ty == Ity_I32 || ty == Ity_I64
            || ty == Ity_V128 || ty == Ity_V256))
      return;
   UInt i = 0;
   while (i < env->n_pend && env->pend[i].offset != offset)
      i++;
   if (i == env->n_pend) {
      if (env->n_pend == (UInt)env->n_slots)
         return;
      env->n_pend++;
   }
   env->pend[i].offset = offset;
   env->pend[i].size = sizeofIRType(fc_type(env, data));
   env->pend[i].set = fc_atom_set(env, data);
   env->pend_v[i] = v;
}

/* A flush point: the kept register writes' origins are recorded if any
   wrote undefined bits.  The test is made here, not at each write, so
   that an exit that skips the flush (a loop's back edge, see
   fc_uninit_instrument) costs nothing. */
static void fc_puts_flush(FC_UninitEnv* env)
{
   if (env->n_pend == 0)
      return;
   ULong arg = fc_origins_new_puts(env->pend, env->n_pend);
   env->pend_any = NULL;
   for (UInt i = 0; i < env->n_pend && arg != 0; i++) {
      IRExpr* w = fc_fold64(env, env->pend_v[i]);
      env->pend_any = env->pend_any == NULL ? w
                    : fc_new(env, Ity_I64, IRExpr_Binop(Iop_Or64,
                                                        env->pend_any, w));
   }
   if (arg != 0) {
      IRDirty* di = unsafeIRDirty_0_N(1, "fc_origins_note_puts",
                       VG_(fnptr_to_fnentry)(fc_origins_note_puts),
                       mkIRExprVec_1(fc_c64(arg)));
      di->guard = fc_new(env, Ity_I1, IRExpr_Binop(Iop_CmpNE64, env->pend_any,
                                                   fc_c64(0)));
      addStmtToIRSB(env->sb, IRStmt_Dirty(di));
   }
   env->n_pend = 0;
   env->pend_any = NULL;
}

static void fc_instr_stmt(FC_UninitEnv* env, IRStmt* s)
{
   if (env->run_len != 0 && !fc_stack_marks_can_wait(env, s))
      fc_stack_flush(env);
   switch (s->tag) {
   case Ist_WrTmp:
      env->exact_now = env->exact[s->Ist.WrTmp.tmp];
      fc_assign_shadow(env, s->Ist.WrTmp.tmp,
                       fc_instr_expr(env, s->Ist.WrTmp.data));
      fc_note_zero_bits(env, s->Ist.WrTmp.tmp, s->Ist.WrTmp.data);
      break;
   case Ist_Put:
      if (s->Ist.Put.offset == offsetof(VexGuestAMD64State, guest_RSP)
          && fc_type(env, s->Ist.Put.data) == Ity_I64)
         fc_instr_stack_move(env, s->Ist.Put.data);
      if (!fc_always_defined(env, s->Ist.Put.offset,
                             sizeofIRType(fc_type(env, s->Ist.Put.data)))) {
         IRExpr* v = fc_uninit_atom(env, s->Ist.Put.data);
         addStmtToIRSB(env->sb, IRStmt_Put(s->Ist.Put.offset
                                           + env->gs_size, v));
         fc_instr_put_origin(env, s->Ist.Put.offset, s->Ist.Put.data, v);
      }
      break;
   case Ist_PutI: {
      IRPutI* p = s->Ist.PutI.details;
      IRRegArray* sd = mkIRRegArray(p->descr->base + env->gs_size,
                                    fc_uninit_ty(p->descr->elemTy),
                                    p->descr->nElems);
      addStmtToIRSB(env->sb, IRStmt_PutI(mkIRPutI(sd, p->ix, p->bias,
                                         fc_uninit_atom(env, p->data))));
      break;
   }
   case Ist_Store:
      if (fc_loadstore_size(fc_type(env, s->Ist.Store.data))) {
         fc_instr_store_call(env, s->Ist.Store.addr,
                        fc_uninit_atom(env, s->Ist.Store.data),
                        fc_atom_set(env, s->Ist.Store.data));
      } else {
         fc_complain_atom(env, s->Ist.Store.addr, FC_UseAddress, NULL);
         fc_instr_store(env, s->Ist.Store.addr,
                   fc_uninit_atom(env, s->Ist.Store.data), NULL,
                   fc_atom_set(env, s->Ist.Store.data));
      }
      break;
   case Ist_StoreG: {
      IRStoreG* g = s->Ist.StoreG.details;
      fc_complain_atom(env, g->guard, FC_UseBranch, NULL);
      fc_complain_atom(env, g->addr, FC_UseAddress, g->guard);
      fc_instr_store(env, g->addr, fc_uninit_atom(env, g->data), g->guard,
                     fc_atom_set(env, g->data));
      break;
   }
   case Ist_LoadG:
      fc_instr_loadg(env, s->Ist.LoadG.details);
      break;
   case Ist_CAS:
      fc_instr_cas(env, s->Ist.CAS.details);
      return;                               /* added the statement */
   case Ist_LLSC:
      fc_instr_llsc(env, s);
      return;                               /* added the statement */
   case Ist_Dirty: {
      IRDirty* d = s->Ist.Dirty.details;
      if (d->guard->tag != Iex_Const)
         fc_complain_atom(env, d->guard, FC_UseBranch, NULL);
      addStmtToIRSB(env->sb, s);
      fc_instr_dirty_after(env, d);
      return;
   }
   case Ist_Exit:
      fc_complain_atom(env, s->Ist.Exit.guard, FC_UseBranch, NULL);
      if (s->Ist.Exit.dst->tag != Ico_U64
          || s->Ist.Exit.dst->Ico.U64 != env->sb_start)
         fc_puts_flush(env);
      break;
   case Ist_AbiHint:
      fc_instr_abi_hint(env, s);   /* a return's red zone: undefined */
      /* Only once the program marked stack memory NOACCESS (translations
         made before were discarded then): the red zone of a call or
         return is accessible (fc_access_stack_unmark). */
      if (fc_shadow_stack_marked)
         addStmtToIRSB(env->sb, IRStmt_Dirty(unsafeIRDirty_0_N(2,
            "fc_access_stack_unmark",
            VG_(fnptr_to_fnentry)(fc_access_stack_unmark),
            mkIRExprVec_2(s->Ist.AbiHint.base,
                          fc_c64(s->Ist.AbiHint.len)))));
      break;
   default:
      break;   /* IMark, MBE, NoOp */
   }
   addStmtToIRSB(env->sb, s);
}

/* Does the block end by going back to its own start? */
static Bool fc_self_loop(const IRSB* sb, Addr start)
{
   return sb->jumpkind == Ijk_Boring && sb->next->tag == Iex_Const
          && sb->next->Iex.Const.con->tag == Ico_U64
          && sb->next->Iex.Const.con->Ico.U64 == start;
}

/* The per-translation arrays, carved from one buffer kept from one
   translation to the next (grown when a block needs more): a dozen
   VG_(malloc)s and VG_(free)s per translation, and the arena's fill of
   every freed block, were 2-3 % of the time of test suites, which are
   mostly translation.  Zeroed where they must start at zero. */
static UChar* fc_env_buf;
static SizeT  fc_env_cap;

static void* fc_env_carve(SizeT* used, SizeT n, Bool zero)
{
   void* p = fc_env_buf + *used;
   *used += (n + 15) & ~(SizeT)15;
   if (zero)
      VG_(memset)(p, 0, n);
   return p;
}

static void fc_env_arrays(FC_UninitEnv* env)
{
   SizeT t = env->n_in + 1, r = env->n_slots;
   SizeT need = 16 * 14 + t * (1 + sizeof(IRTemp) + 1 + sizeof(UInt)
                               + sizeof(Long) + sizeof(ULong)
                               + sizeof(IRExpr*) + sizeof(FC_Deps))
                + r * (sizeof(FC_Deps) + 1 + sizeof(FC_PutRec)
                       + sizeof(IRExpr*));
   if (need > fc_env_cap) {
      if (fc_env_buf != NULL)
         VG_(free)(fc_env_buf);
      fc_env_cap = need < 65536 ? 65536 : 2 * need;
      fc_env_buf = VG_(malloc)("fc.def.env", fc_env_cap);
   }
   SizeT used = 0;
   env->exact = fc_env_carve(&used, t, False);
   env->vt = fc_env_carve(&used, t * sizeof(IRTemp), False);
   env->clean = fc_env_carve(&used, t, True);
   env->sp_gen = fc_env_carve(&used, t * sizeof(UInt), True);
   env->sp_off = fc_env_carve(&used, t * sizeof(Long), True);
   env->zero_bits = fc_env_carve(&used, t * sizeof(ULong), True);
   env->dpart = fc_env_carve(&used, t * sizeof(IRExpr*), True);
   env->deps = fc_env_carve(&used, t * sizeof(FC_Deps), True);
   env->reg_deps = fc_env_carve(&used, r * sizeof(FC_Deps), False);   /* read only where reg_put */
   env->reg_put = fc_env_carve(&used, r, True);
   env->pend = fc_env_carve(&used, r * sizeof(FC_PutRec), False);
   env->pend_v = fc_env_carve(&used, r * sizeof(IRExpr*), False);
   tl_assert(used <= fc_env_cap);
}

IRSB* fc_uninit_instrument(IRSB* sb_in, const VexGuestLayout* layout)
{
   FC_UninitEnv env;
   env.sb = deepCopyIRSBExceptStmts(sb_in);
   env.n_in = sb_in->tyenv->types_used;
   env.gs_size = layout->total_sizeB;
   env.layout = layout;
   env.n_slots = layout->total_sizeB / 8 + 1;
   fc_env_arrays(&env);
   fc_carries_decide(sb_in, env.exact);
   env.exact_now = False;
   env.run_sp = NULL;
   env.run_len = 0;
   env.sp_writes = 0;
   env.cur_site = 0;
   for (Int i = 0; i < env.n_in; i++)
      env.vt[i] = IRTemp_INVALID;
   /* Register writes' origins are recorded (fc_puts_flush) at the
      block's end, before its last instruction when that is a call (whose
      crossing checks, fc_translate.c, follow its mark), and at each exit
      but one back to the block's own start: every write before the exit
      is made again on the next pass, and recorded at the flush point
      that pass reaches.  Likewise the end of a block that goes back to
      its own start (a loop whose branch back ends the block: its exit
      leaves the loop) records nothing; the writes after a loop's last
      exit are then not recorded (in practice only rip's). */
   env.n_pend = 0;
   env.pend_any = NULL;
   env.sb_start = 0;
   Int last_imark = -1;
   for (Int i = 0; i < sb_in->stmts_used; i++)
      if (sb_in->stmts[i]->tag == Ist_IMark) {
         if (last_imark < 0)
            env.sb_start = sb_in->stmts[i]->Ist.IMark.addr;
         last_imark = i;
      }
   if (sb_in->jumpkind != Ijk_Call)
      last_imark = -1;
   FC_AccessPass* acc = fc_access_begin(sb_in);
   for (Int i = 0; i < sb_in->stmts_used; i++) {
      IRStmt* s = sb_in->stmts[i];
      if (i == last_imark)
         fc_puts_flush(&env);
      if (fc_uses_loadstore(&env, s))
         fc_access_skip(acc, s);
      else
         fc_access_stmt(acc, env.sb, s);
      fc_deps_stmt(&env, s);
      fc_instr_stmt(&env, s);
      fc_deps_after(&env, s);
      fc_sp_note(&env, s);
   }
   fc_stack_flush(&env);
   if (!fc_self_loop(sb_in, env.sb_start))
      fc_puts_flush(&env);
   fc_access_end(acc);
   /* The block's end: a computed jump or return needs a defined target. */
   if (sb_in->next->tag != Iex_Const)
      fc_complain_atom(&env, sb_in->next, FC_UseJump, NULL);
   return env.sb;
}
