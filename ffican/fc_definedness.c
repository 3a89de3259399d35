/* fc_definedness.c: the instrumentation that carries V bits.

   Every temporary t of the input block gets a shadow temporary t# of the
   same size whose set bits say which bits of t are undefined; every
   guest register has its shadow in the guest state's first shadow area
   (offset + the guest state's size); memory has fc_vbits.c's shadow.
   Each statement is preceded by the code computing the shadows of what
   it defines, and by checks where an undefined value is *used*:
      - the guard of a conditional exit (a branch),
      - the condition of an ITE (a conditional move) when its two values
        differ at run time (fc_uninit_cmov decides),
      - the address of a load or store, the target of a computed jump,
      - the guard of a guarded load, store or helper call.
   Copying is never a use: loads, stores, moves, packing and unpacking
   carry V bits along unchanged, so struct padding, memcpy and a Vec's
   spare capacity stay silent until something branches on them.

   Precision (the rules, per operation, are in fc_v_unop/fc_v_binop):
      - and/or with a defined 0 (resp. 1) bit give a defined bit;
      - add and sub, in blocks that use word-at-a-time constants
        (0x0101..., 0x8080..., 0xfefe...ff), are exact on which bits the
        carries can reach (the results for the smallest and largest values
        the undefined bits allow are compared); elsewhere every bit from
        the lowest undefined one up is taken as reachable (Memcheck's
        default, a third of the code);
      - ==, != are defined when a defined bit differs; <, <= when the
        ranges the undefined bits allow do not overlap;
      - shifts and rotates by a defined amount move the V bits;
      - count-trailing/leading-zeros look only at the bits that matter;
      - vector operations work lane by lane (an undefined lane never
        spoils its neighbours), data movement moves V bits exactly;
      - anything else is "lazy": all of the result is undefined if any
        input bit is.
   After a check reports a value, its shadow is taken as defined for the
   rest of the block, so one bug gives one report, not a cascade.

   Memory V bits: plain loads and stores of up to 8 bytes call
   fc_vmem.c, which checks addressability too (fc_access.c's inline check
   is skipped for them).  Wider, guarded and atomic accesses keep the
   inline addressability check and move their V bits through
   fc_vbits_scratch with a helper (fc_vbits_gather/scatter).

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
#include "fc_definedness.h"
#include "fc_errors.h"
#include "fc_uninit.h"
#include "fc_vbits.h"
#include "fc_vmem.h"
#include "fc_shadow.h"

typedef struct {
   IRSB*    sb;        /* the output block */
   IRTemp*  vt;        /* shadow of each input temp; IRTemp_INVALID if
                          not made yet */
   UChar*   clean;     /* input temps reported already: taken as defined */
   Int      n_in;      /* temps of the input block */
   Int      gs_size;   /* offset of the guest state's shadow */
   const VexGuestLayout* layout;   /* for its always-defined registers */
   Bool     exact_carries;   /* the block uses word-at-a-time constants:
                                exact add/sub (else carries are taken to
                                reach every bit above the lowest
                                undefined one) */
} FC_VEnv;

/* ------------------------------------------------------------------ */
/* Types and constants                                                 */
/* ------------------------------------------------------------------ */

static IRType fc_vty(IRType ty)
{
   switch (ty) {
      case Ity_F16:                return Ity_I16;
      case Ity_F32: case Ity_D32:  return Ity_I32;
      case Ity_F64: case Ity_D64:  return Ity_I64;
      case Ity_F128: case Ity_D128: return Ity_I128;
      default:                     return ty;
   }
}

static IRExpr* fc_new(FC_VEnv* env, IRType ty, IRExpr* e)
{
   IRTemp t = newIRTemp(env->sb->tyenv, ty);
   addStmtToIRSB(env->sb, IRStmt_WrTmp(t, e));
   return IRExpr_RdTmp(t);
}

static IRType fc_type(FC_VEnv* env, IRExpr* e)
{
   return typeOfIRExpr(env->sb->tyenv, e);
}

static IRExpr* fc_c64(ULong v)  { return IRExpr_Const(IRConst_U64(v)); }
static IRExpr* fc_c8(UChar v)   { return IRExpr_Const(IRConst_U8(v)); }

/* All bits defined (0) or all undefined (1), of a shadow type. */
static IRExpr* fc_const_bits(FC_VEnv* env, IRType ty, Bool ones)
{
   ULong v = ones ? ~0ULL : 0;
   switch (ty) {
      case Ity_I1:   return IRExpr_Const(IRConst_U1(ones));
      case Ity_I8:   return IRExpr_Const(IRConst_U8((UChar)v));
      case Ity_I16:  return IRExpr_Const(IRConst_U16((UShort)v));
      case Ity_I32:  return IRExpr_Const(IRConst_U32((UInt)v));
      case Ity_I64:  return IRExpr_Const(IRConst_U64(v));
      case Ity_V128: return IRExpr_Const(IRConst_V128(ones ? 0xFFFF : 0));
      case Ity_V256:
         return IRExpr_Const(IRConst_V256(ones ? 0xFFFFFFFF : 0));
      case Ity_I128:
         return fc_new(env, Ity_I128,
                       IRExpr_Binop(Iop_64HLto128, fc_c64(v), fc_c64(v)));
      default:
         VG_(tool_panic)("fc_const_bits: type");
   }
}

static IRExpr* fc_defined(FC_VEnv* env, IRType ty)
{
   return fc_const_bits(env, ty, False);
}

/* Is e a constant with no bit set (a statically defined shadow)? */
static Bool fc_zero(const IRExpr* e)
{
   if (e->tag != Iex_Const)
      return False;
   const IRConst* c = e->Iex.Const.con;
   switch (c->tag) {
      case Ico_U1:   return !c->Ico.U1;
      case Ico_U8:   return c->Ico.U8 == 0;
      case Ico_U16:  return c->Ico.U16 == 0;
      case Ico_U32:  return c->Ico.U32 == 0;
      case Ico_U64:  return c->Ico.U64 == 0;
      case Ico_V128: return c->Ico.V128 == 0;
      case Ico_V256: return c->Ico.V256 == 0;
      default:       return False;
   }
}

/* ------------------------------------------------------------------ */
/* Bitwise building blocks (on shadows or values)                      */
/* ------------------------------------------------------------------ */

static IROp fc_op_for(IRType ty, IROp op8)
{
   /* op8 is the 8-bit member of a family laid out 8, 16, 32, 64. */
   switch (ty) {
      case Ity_I8:  return op8;
      case Ity_I16: return op8 + 1;
      case Ity_I32: return op8 + 2;
      case Ity_I64: return op8 + 3;
      default: VG_(tool_panic)("fc_op_for: type");
   }
}

static IRExpr* fc_or(FC_VEnv* env, IRType ty, IRExpr* a, IRExpr* b)
{
   if (fc_zero(a)) return b;
   if (fc_zero(b)) return a;
   switch (ty) {
      case Ity_I1:   return fc_new(env, ty, IRExpr_Binop(Iop_Or1, a, b));
      case Ity_V128: return fc_new(env, ty, IRExpr_Binop(Iop_OrV128, a, b));
      case Ity_V256: return fc_new(env, ty, IRExpr_Binop(Iop_OrV256, a, b));
      case Ity_I128: {
         IRExpr* hi = fc_new(env, Ity_I64, IRExpr_Binop(Iop_Or64,
                      fc_new(env, Ity_I64, IRExpr_Unop(Iop_128HIto64, a)),
                      fc_new(env, Ity_I64, IRExpr_Unop(Iop_128HIto64, b))));
         IRExpr* lo = fc_new(env, Ity_I64, IRExpr_Binop(Iop_Or64,
                      fc_new(env, Ity_I64, IRExpr_Unop(Iop_128to64, a)),
                      fc_new(env, Ity_I64, IRExpr_Unop(Iop_128to64, b))));
         return fc_new(env, ty, IRExpr_Binop(Iop_64HLto128, hi, lo));
      }
      default:
         return fc_new(env, ty, IRExpr_Binop(fc_op_for(ty, Iop_Or8), a, b));
   }
}

static IRExpr* fc_and(FC_VEnv* env, IRType ty, IRExpr* a, IRExpr* b)
{
   if (fc_zero(a)) return a;
   if (fc_zero(b)) return b;
   switch (ty) {
      case Ity_I1:   return fc_new(env, ty, IRExpr_Binop(Iop_And1, a, b));
      case Ity_V128: return fc_new(env, ty, IRExpr_Binop(Iop_AndV128, a, b));
      case Ity_V256: return fc_new(env, ty, IRExpr_Binop(Iop_AndV256, a, b));
      default:
         return fc_new(env, ty, IRExpr_Binop(fc_op_for(ty, Iop_And8), a, b));
   }
}

static IRExpr* fc_not(FC_VEnv* env, IRType ty, IRExpr* a)
{
   switch (ty) {
      case Ity_I1:   return fc_new(env, ty, IRExpr_Unop(Iop_Not1, a));
      case Ity_V128: return fc_new(env, ty, IRExpr_Unop(Iop_NotV128, a));
      case Ity_V256: return fc_new(env, ty, IRExpr_Unop(Iop_NotV256, a));
      default:
         return fc_new(env, ty, IRExpr_Unop(fc_op_for(ty, Iop_Not8), a));
   }
}

static IRExpr* fc_xor(FC_VEnv* env, IRType ty, IRExpr* a, IRExpr* b)
{
   if (fc_zero(b)) return a;
   IROp op = ty == Ity_V128 ? Iop_XorV128 : ty == Ity_V256 ? Iop_XorV256
           : fc_op_for(ty, Iop_Xor8);
   return fc_new(env, ty, IRExpr_Binop(op, a, b));
}

/* Any bit set? (I1) */
static IRExpr* fc_any(FC_VEnv* env, IRExpr* v)
{
   if (fc_zero(v))
      return IRExpr_Const(IRConst_U1(False));
   IRType ty = fc_type(env, v);
   switch (ty) {
      case Ity_I1:
         return v;
      case Ity_I8: case Ity_I16: case Ity_I32: case Ity_I64:
         return fc_new(env, Ity_I1,
                       IRExpr_Unop(fc_op_for(ty, Iop_CmpNEZ8), v));
      case Ity_I128:
         return fc_any(env, fc_new(env, Ity_I64, IRExpr_Binop(Iop_Or64,
                       fc_new(env, Ity_I64, IRExpr_Unop(Iop_128HIto64, v)),
                       fc_new(env, Ity_I64, IRExpr_Unop(Iop_128to64, v)))));
      case Ity_V128:
         return fc_any(env, fc_new(env, Ity_I64, IRExpr_Binop(Iop_Or64,
                       fc_new(env, Ity_I64, IRExpr_Unop(Iop_V128HIto64, v)),
                       fc_new(env, Ity_I64, IRExpr_Unop(Iop_V128to64, v)))));
      case Ity_V256:
         return fc_any(env, fc_new(env, Ity_V128, IRExpr_Binop(Iop_OrV128,
                   fc_new(env, Ity_V128, IRExpr_Unop(Iop_V256toV128_1, v)),
                   fc_new(env, Ity_V128, IRExpr_Unop(Iop_V256toV128_0, v)))));
      default:
         VG_(tool_panic)("fc_any: type");
   }
}

/* All bits of ty set if b, else none. */
static IRExpr* fc_widen1(FC_VEnv* env, IRExpr* b, IRType ty)
{
   if (fc_zero(b))
      return fc_defined(env, ty);
   switch (ty) {
      case Ity_I1:  return b;
      case Ity_I8:  return fc_new(env, ty, IRExpr_Unop(Iop_1Sto8, b));
      case Ity_I16: return fc_new(env, ty, IRExpr_Unop(Iop_1Sto16, b));
      case Ity_I32: return fc_new(env, ty, IRExpr_Unop(Iop_1Sto32, b));
      case Ity_I64: return fc_new(env, ty, IRExpr_Unop(Iop_1Sto64, b));
      default: {
         IRExpr* w = fc_new(env, Ity_I64, IRExpr_Unop(Iop_1Sto64, b));
         if (ty == Ity_I128)
            return fc_new(env, ty, IRExpr_Binop(Iop_64HLto128, w, w));
         IRExpr* v = fc_new(env, Ity_V128, IRExpr_Binop(Iop_64HLtoV128, w, w));
         if (ty == Ity_V128)
            return v;
         tl_assert(ty == Ity_V256);
         return fc_new(env, ty, IRExpr_Binop(Iop_V128HLtoV256, v, v));
      }
   }
}

/* "Pessimistic cast": all of ty undefined if any bit of v is. */
static IRExpr* fc_pcast(FC_VEnv* env, IRExpr* v, IRType ty)
{
   return fc_widen1(env, fc_any(env, v), ty);
}

/* Every bit from the lowest undefined one upwards (what a carry
   chain can reach). */
static IRExpr* fc_left(FC_VEnv* env, IRType ty, IRExpr* v)
{
   if (fc_zero(v))
      return v;
   if (ty == Ity_I8 || ty == Ity_I16 || ty == Ity_I32 || ty == Ity_I64)
      return fc_new(env, ty, IRExpr_Unop(fc_op_for(ty, Iop_Left8), v));
   return fc_pcast(env, v, ty);
}

/* Lane by lane pcast of a vector (or MMX-style I64) shadow. */
static IRExpr* fc_pcast_lanes(FC_VEnv* env, IRExpr* v, Int lane_bits)
{
   if (fc_zero(v))
      return v;
   IRType ty = fc_type(env, v);
   IROp op = Iop_INVALID;
   if (ty == Ity_V128)
      op = lane_bits == 8 ? Iop_CmpNEZ8x16 : lane_bits == 16 ? Iop_CmpNEZ16x8
         : lane_bits == 32 ? Iop_CmpNEZ32x4 : Iop_CmpNEZ64x2;
   else if (ty == Ity_V256)
      op = lane_bits == 8 ? Iop_CmpNEZ8x32 : lane_bits == 16
         ? Iop_CmpNEZ16x16 : lane_bits == 32 ? Iop_CmpNEZ32x8
         : Iop_CmpNEZ64x4;
   else if (ty == Ity_I64 && lane_bits < 64)
      op = lane_bits == 8 ? Iop_CmpNEZ8x8 : lane_bits == 16 ? Iop_CmpNEZ16x4
         : Iop_CmpNEZ32x2;
   if (op == Iop_INVALID)
      return fc_pcast(env, v, ty);
   return fc_new(env, ty, IRExpr_Unop(op, v));
}

/* ------------------------------------------------------------------ */
/* Shadows of atoms                                                    */
/* ------------------------------------------------------------------ */

static IRTemp fc_shadow_temp(FC_VEnv* env, IRTemp t)
{
   tl_assert(t < (IRTemp)env->n_in);
   if (env->vt[t] == IRTemp_INVALID)
      env->vt[t] = newIRTemp(env->sb->tyenv,
                             fc_vty(typeOfIRTemp(env->sb->tyenv, t)));
   return env->vt[t];
}

/* The shadow of an input atom. */
static IRExpr* fc_vatom(FC_VEnv* env, IRExpr* a)
{
   if (a->tag == Iex_Const)
      return fc_defined(env, fc_vty(fc_type(env, a)));
   tl_assert(a->tag == Iex_RdTmp);
   IRTemp t = a->Iex.RdTmp.tmp;
   if (env->clean[t])
      return fc_defined(env, fc_vty(typeOfIRTemp(env->sb->tyenv, t)));
   return IRExpr_RdTmp(fc_shadow_temp(env, t));
}

static void fc_assign_shadow(FC_VEnv* env, IRTemp t, IRExpr* v)
{
   addStmtToIRSB(env->sb, IRStmt_WrTmp(fc_shadow_temp(env, t), v));
}

/* ------------------------------------------------------------------ */
/* Checks                                                              */
/* ------------------------------------------------------------------ */

static void fc_needs_stack(IRDirty* di)
{
   di->nFxState = 2;
   VG_(memset)(&di->fxState, 0, sizeof(di->fxState));
   di->fxState[0].fx     = Ifx_Read;
   di->fxState[0].offset = offsetof(VexGuestAMD64State, guest_RIP);
   di->fxState[0].size   = sizeof(ULong);
   di->fxState[1].fx     = Ifx_Read;
   di->fxState[1].offset = offsetof(VexGuestAMD64State, guest_RSP);
   di->fxState[1].size   = 2 * sizeof(ULong);   /* rsp, rbp */
}

/* Reports `use` if any bit of the shadow v is set (and guard, if not
   NULL, holds); then the input atom a counts as defined. */
static void fc_complain(FC_VEnv* env, IRExpr* a, IRExpr* v, FC_UninitUse use,
                        IRExpr* guard)
{
   if (fc_zero(v))
      return;
   IRExpr* bad = fc_any(env, v);
   if (guard != NULL)
      bad = fc_new(env, Ity_I1, IRExpr_Binop(Iop_And1, bad, guard));
   IRDirty* di = unsafeIRDirty_0_N(1, "fc_uninit_used",
                                   VG_(fnptr_to_fnentry)(fc_uninit_used),
                                   mkIRExprVec_1(fc_c64(use)));
   di->guard = bad;
   fc_needs_stack(di);
   addStmtToIRSB(env->sb, IRStmt_Dirty(di));
   if (guard == NULL && a != NULL && a->tag == Iex_RdTmp)
      env->clean[a->Iex.RdTmp.tmp] = True;
}

static void fc_complain_atom(FC_VEnv* env, IRExpr* a, FC_UninitUse use,
                             IRExpr* guard)
{
   fc_complain(env, a, fc_vatom(env, a), use, guard);
}

/* ------------------------------------------------------------------ */
/* Memory                                                              */
/* ------------------------------------------------------------------ */

static void fc_scratch_call(FC_VEnv* env, Bool gather, IRExpr* addr, Int n,
                            IRExpr* guard)
{
   IRDirty* di = gather
      ? unsafeIRDirty_0_N(2, "fc_vbits_gather",
                          VG_(fnptr_to_fnentry)(fc_vbits_gather),
                          mkIRExprVec_2(addr, fc_c64(n)))
      : unsafeIRDirty_0_N(2, "fc_vbits_scatter",
                          VG_(fnptr_to_fnentry)(fc_vbits_scatter),
                          mkIRExprVec_2(addr, fc_c64(n)));
   di->guard = guard;
   di->mFx = gather ? Ifx_Write : Ifx_Read;
   di->mAddr = fc_c64((HWord)fc_vbits_scratch);
   di->mSize = n;
   addStmtToIRSB(env->sb, IRStmt_Dirty(di));
}

/* The V bits of a load of type ty at addr (through the scratch buffer:
   wide, guarded and atomic loads are rare enough); guard (or NULL) says
   whether the load happens. */
static IRExpr* fc_vload(FC_VEnv* env, IRType ty, IRExpr* addr, IRExpr* guard)
{
   IRType vty = fc_vty(ty);
   fc_scratch_call(env, True, addr, sizeofIRType(ty),
                   guard ? guard : IRExpr_Const(IRConst_U1(True)));
   return fc_new(env, vty, IRExpr_Load(Iend_LE, vty,
                 fc_c64((HWord)fc_vbits_scratch)));
}

/* Plain loads and stores of 1, 2, 4 or 8 bytes go through fc_vmem.c,
   which checks their addressability too. */
static Bool fc_vmem_size(IRType ty)
{
   switch (ty) {
      case Ity_I8: case Ity_I16: case Ity_I32: case Ity_I64:
      case Ity_F32: case Ity_F64:
         return True;
      default:
         return False;
   }
}

static Bool fc_uses_vmem(FC_VEnv* env, const IRStmt* s)
{
   if (s->tag == Ist_WrTmp && s->Ist.WrTmp.data->tag == Iex_Load)
      return fc_vmem_size(s->Ist.WrTmp.data->Iex.Load.ty);
   if (s->tag == Ist_Store)
      return fc_vmem_size(fc_type(env, s->Ist.Store.data));
   return False;
}

/* The shadow of the address of an access made by a call: the helper
   reports it; later uses of the atom count as defined. */
static IRExpr* fc_vaddr_for_call(FC_VEnv* env, IRExpr* addr)
{
   IRExpr* va = fc_vatom(env, addr);
   if (addr->tag == Iex_RdTmp)
      env->clean[addr->Iex.RdTmp.tmp] = True;
   return va;
}

static IRExpr* fc_vload_call(FC_VEnv* env, IRType ty, IRExpr* addr)
{
   Int n = sizeofIRType(ty);
   void* fn = n == 1 ? (void*)fc_loadv1 : n == 2 ? (void*)fc_loadv2
            : n == 4 ? (void*)fc_loadv4 : (void*)fc_loadv8;
   IRTemp w = newIRTemp(env->sb->tyenv, Ity_I64);
   IRDirty* di = unsafeIRDirty_1_N(w, 2, "fc_loadv",
                                   VG_(fnptr_to_fnentry)(fn),
                                   mkIRExprVec_2(addr,
                                   fc_vaddr_for_call(env, addr)));
   fc_needs_stack(di);
   addStmtToIRSB(env->sb, IRStmt_Dirty(di));
   IRExpr* v = IRExpr_RdTmp(w);
   switch (n) {
      case 1: return fc_new(env, Ity_I8, IRExpr_Unop(Iop_64to8, v));
      case 2: return fc_new(env, Ity_I16, IRExpr_Unop(Iop_64to16, v));
      case 4: return fc_new(env, Ity_I32, IRExpr_Unop(Iop_64to32, v));
      default: return v;
   }
}

static void fc_vstore_call(FC_VEnv* env, IRExpr* addr, IRExpr* v)
{
   IRType ty = fc_type(env, v);
   Int n = sizeofIRType(ty);
   void* fn = n == 1 ? (void*)fc_storev1 : n == 2 ? (void*)fc_storev2
            : n == 4 ? (void*)fc_storev4 : (void*)fc_storev8;
   IRExpr* w = n == 8 ? v
             : fc_zero(v) ? fc_c64(0)
             : fc_new(env, Ity_I64, IRExpr_Unop(n == 1 ? Iop_8Uto64
                      : n == 2 ? Iop_16Uto64 : Iop_32Uto64, v));
   IRDirty* di = unsafeIRDirty_0_N(3, "fc_storev", VG_(fnptr_to_fnentry)(fn),
                                   mkIRExprVec_3(addr, w,
                                   fc_vaddr_for_call(env, addr)));
   fc_needs_stack(di);
   addStmtToIRSB(env->sb, IRStmt_Dirty(di));
}

static void fc_vstore(FC_VEnv* env, IRExpr* addr, IRExpr* v, IRExpr* guard)
{
   addStmtToIRSB(env->sb, IRStmt_Store(Iend_LE,
                 fc_c64((HWord)fc_vbits_scratch), v));
   fc_scratch_call(env, False, addr, sizeofIRType(fc_type(env, v)),
                   guard ? guard : IRExpr_Const(IRConst_U1(True)));
}

/* ------------------------------------------------------------------ */
/* Operations                                                          */
/* ------------------------------------------------------------------ */

/* Everything undefined if anything is. */
static IRExpr* fc_lazy(FC_VEnv* env, IRType res_ty, Int n, IRExpr** args)
{
   IRExpr* any = IRExpr_Const(IRConst_U1(False));
   for (Int i = 0; i < n; i++)
      any = fc_or(env, Ity_I1, any, fc_any(env, fc_vatom(env, args[i])));
   return fc_widen1(env, any, fc_vty(res_ty));
}

/* Exact add and sub: the results for the smallest and the largest
   values the undefined bits allow differ exactly where a carry (or
   borrow) from an undefined bit can reach. */
static IRExpr* fc_v_addsub(FC_VEnv* env, IRType ty, Bool sub, IRExpr* a,
                           IRExpr* b, IRExpr* va, IRExpr* vb)
{
   if (fc_zero(va) && fc_zero(vb))
      return va;
   if (!env->exact_carries)
      return fc_left(env, ty, fc_or(env, ty, va, vb));
   IROp op = fc_op_for(ty, sub ? Iop_Sub8 : Iop_Add8);
   IRExpr* amin = fc_zero(va) ? a : fc_and(env, ty, a, fc_not(env, ty, va));
   IRExpr* amax = fc_or(env, ty, a, va);
   IRExpr* bmin = fc_zero(vb) ? b : fc_and(env, ty, b, fc_not(env, ty, vb));
   IRExpr* bmax = fc_or(env, ty, b, vb);
   IRExpr* r1 = fc_new(env, ty, IRExpr_Binop(op, amin, sub ? bmax : bmin));
   IRExpr* r2 = fc_new(env, ty, IRExpr_Binop(op, amax, sub ? bmin : bmax));
   return fc_or(env, ty, fc_or(env, ty, va, vb), fc_xor(env, ty, r1, r2));
}

/* a & b: a bit is defined where both are, or where either is a defined
   0.  a | b: the same with defined 1s. */
static IRExpr* fc_v_andor(FC_VEnv* env, IRType ty, Bool is_or, IRExpr* a,
                          IRExpr* b, IRExpr* va, IRExpr* vb)
{
   if (fc_zero(va) && fc_zero(vb))
      return va;
   /* improve(x, vx): the bits where x is a defined 0 (and) / 1 (or) are 0 */
   IRExpr* ia = is_or ? fc_or(env, ty, fc_not(env, ty, a), va)
                      : fc_or(env, ty, a, va);
   IRExpr* ib = is_or ? fc_or(env, ty, fc_not(env, ty, b), vb)
                      : fc_or(env, ty, b, vb);
   if (fc_zero(vb))
      return fc_and(env, ty, va, ib);
   if (fc_zero(va))
      return fc_and(env, ty, vb, ia);
   return fc_and(env, ty, fc_or(env, ty, va, vb), fc_and(env, ty, ia, ib));
}

/* a == b and a != b: defined when a defined bit differs, or when no bit
   is undefined. */
static IRExpr* fc_v_cmpeq(FC_VEnv* env, IRType ty, IRExpr* a, IRExpr* b,
                          IRExpr* va, IRExpr* vb)
{
   if (fc_zero(va) && fc_zero(vb))
      return IRExpr_Const(IRConst_U1(False));
   IRExpr* vor = fc_or(env, ty, va, vb);
   IRExpr* differ = fc_and(env, ty, fc_xor(env, ty, a, b),
                           fc_not(env, ty, vor));
   return fc_new(env, Ity_I1, IRExpr_Binop(Iop_And1, fc_any(env, vor),
                 fc_not(env, Ity_I1, fc_any(env, differ))));
}

/* a < b, a <= b (32 or 64 bits): defined when the ranges the undefined
   bits allow decide it. */
static IRExpr* fc_v_cmpord(FC_VEnv* env, IRType ty, Bool is_signed,
                           Bool or_eq, IRExpr* a, IRExpr* b, IRExpr* va,
                           IRExpr* vb)
{
   if (fc_zero(va) && fc_zero(vb))
      return IRExpr_Const(IRConst_U1(False));
   Bool w64 = ty == Ity_I64;
   if (is_signed) {   /* flipping the sign bit makes it unsigned */
      IRExpr* sign = w64 ? fc_c64(1ULL << 63)
                         : IRExpr_Const(IRConst_U32(1U << 31));
      a = fc_xor(env, ty, a, sign);
      b = fc_xor(env, ty, b, sign);
   }
   IROp lt = or_eq ? (w64 ? Iop_CmpLE64U : Iop_CmpLE32U)
                   : (w64 ? Iop_CmpLT64U : Iop_CmpLT32U);
   IRExpr* amin = fc_and(env, ty, a, fc_not(env, ty, va));
   IRExpr* amax = fc_or(env, ty, a, va);
   IRExpr* bmin = fc_and(env, ty, b, fc_not(env, ty, vb));
   IRExpr* bmax = fc_or(env, ty, b, vb);
   IRExpr* always = fc_new(env, Ity_I1, IRExpr_Binop(lt, amax, bmin));
   IRExpr* maybe = fc_new(env, Ity_I1, IRExpr_Binop(lt, amin, bmax));
   /* undefined iff some bit is, and it may be true but is not always */
   IRExpr* open = fc_new(env, Ity_I1, IRExpr_Binop(Iop_And1, maybe,
                         fc_not(env, Ity_I1, always)));
   return fc_new(env, Ity_I1, IRExpr_Binop(Iop_And1, open,
                 fc_any(env, fc_or(env, ty, va, vb))));
}

/* a != 0: defined when a defined bit is 1, or when no bit is undefined. */
static IRExpr* fc_v_cmpnez(FC_VEnv* env, IRType ty, IRExpr* a, IRExpr* va)
{
   if (fc_zero(va))
      return IRExpr_Const(IRConst_U1(False));
   IRExpr* d = fc_and(env, ty, a, fc_not(env, ty, va));
   return fc_new(env, Ity_I1, IRExpr_Binop(Iop_And1, fc_any(env, va),
                 fc_not(env, Ity_I1, fc_any(env, d))));
}

/* Count trailing (leading) zeros: only the bits up to the lowest
   (highest) defined 1 matter. */
static IRExpr* fc_v_ctz_clz(FC_VEnv* env, IRType ty, Bool trailing,
                            IRExpr* a, IRExpr* va)
{
   if (fc_zero(va))
      return va;
   IRExpr* d = fc_and(env, ty, a, fc_not(env, ty, va));
   IRExpr* matter;
   if (trailing) {   /* bits below the lowest set bit of d */
      IRExpr* dm1 = fc_new(env, ty, IRExpr_Binop(fc_op_for(ty, Iop_Sub8), d,
                    ty == Ity_I64 ? fc_c64(1)
                                  : IRExpr_Const(IRConst_U32(1))));
      matter = fc_and(env, ty, fc_not(env, ty, d), dm1);
   } else {          /* bits above the highest set bit of d */
      IRExpr* h = d;
      for (Int k = 1; k < (ty == Ity_I64 ? 64 : 32); k <<= 1)
         h = fc_or(env, ty, h, fc_new(env, ty, IRExpr_Binop(
                   fc_op_for(ty, Iop_Shr8), h, fc_c8(k))));
      matter = fc_not(env, ty, h);
   }
   return fc_pcast(env, fc_and(env, ty, va, matter), ty);
}

/* Shifts by a scalar amount move the V bits; an undefined amount
   spoils everything. */
static IRExpr* fc_v_shift(FC_VEnv* env, IROp op, IRType ty, IRExpr* va,
                          IRExpr* amount)
{
   IRExpr* moved = fc_zero(va) ? va
                 : fc_new(env, ty, IRExpr_Binop(op, va, amount));
   return fc_or(env, ty, moved, fc_pcast(env, fc_vatom(env, amount), ty));
}

/* Lane width of the lane-wise arithmetic and compare ops, 0 if op is
   not one (the result lane is undefined if either input lane is). */
static Int fc_lane_arith(IROp op)
{
   switch (op) {
   case Iop_Add8x16: case Iop_Sub8x16: case Iop_QAdd8Ux16: case Iop_QAdd8Sx16:
   case Iop_QSub8Ux16: case Iop_QSub8Sx16: case Iop_Avg8Ux16:
   case Iop_Avg8Sx16: case Iop_Max8Sx16: case Iop_Max8Ux16:
   case Iop_Min8Sx16: case Iop_Min8Ux16: case Iop_CmpEQ8x16:
   case Iop_CmpGT8Sx16: case Iop_CmpGT8Ux16: case Iop_Mul8x16:
   case Iop_MulHi8Ux16: case Iop_MulHi8Sx16: case Iop_PolynomialMul8x16:
   case Iop_Add8x32: case Iop_Sub8x32: case Iop_CmpEQ8x32:
   case Iop_CmpGT8Sx32: case Iop_Max8Sx32: case Iop_Max8Ux32:
   case Iop_Min8Sx32: case Iop_Min8Ux32: case Iop_QAdd8Ux32:
   case Iop_QAdd8Sx32: case Iop_QSub8Ux32: case Iop_QSub8Sx32:
   case Iop_Avg8Ux32:
   case Iop_Add8x8: case Iop_Sub8x8: case Iop_QAdd8Ux8: case Iop_QAdd8Sx8:
   case Iop_QSub8Ux8: case Iop_QSub8Sx8: case Iop_Avg8Ux8: case Iop_Max8Sx8:
   case Iop_Max8Ux8: case Iop_Min8Sx8: case Iop_Min8Ux8: case Iop_CmpEQ8x8:
   case Iop_CmpGT8Sx8: case Iop_CmpGT8Ux8: case Iop_Mul8x8:
      return 8;
   case Iop_Add16x8: case Iop_Sub16x8: case Iop_QAdd16Ux8:
   case Iop_QAdd16Sx8: case Iop_QSub16Ux8: case Iop_QSub16Sx8:
   case Iop_Avg16Ux8: case Iop_Avg16Sx8: case Iop_Max16Sx8:
   case Iop_Max16Ux8: case Iop_Min16Sx8: case Iop_Min16Ux8:
   case Iop_CmpEQ16x8: case Iop_CmpGT16Sx8: case Iop_CmpGT16Ux8:
   case Iop_Mul16x8: case Iop_MulHi16Ux8: case Iop_MulHi16Sx8:
   case Iop_MullEven8Ux16: case Iop_MullEven8Sx16:
   case Iop_Add16x16: case Iop_Sub16x16: case Iop_CmpEQ16x16:
   case Iop_CmpGT16Sx16: case Iop_Max16Sx16: case Iop_Max16Ux16:
   case Iop_Min16Sx16: case Iop_Min16Ux16: case Iop_Mul16x16:
   case Iop_MulHi16Ux16: case Iop_MulHi16Sx16: case Iop_QAdd16Ux16:
   case Iop_QAdd16Sx16: case Iop_QSub16Ux16: case Iop_QSub16Sx16:
   case Iop_Avg16Ux16:
   case Iop_Add16x4: case Iop_Sub16x4: case Iop_QAdd16Ux4:
   case Iop_QAdd16Sx4: case Iop_QSub16Ux4: case Iop_QSub16Sx4:
   case Iop_Avg16Ux4: case Iop_Max16Sx4: case Iop_Max16Ux4:
   case Iop_Min16Sx4: case Iop_Min16Ux4: case Iop_CmpEQ16x4:
   case Iop_CmpGT16Sx4: case Iop_CmpGT16Ux4: case Iop_Mul16x4:
   case Iop_MulHi16Ux4: case Iop_MulHi16Sx4:
      return 16;
   case Iop_Add32x4: case Iop_Sub32x4: case Iop_QAdd32Ux4:
   case Iop_QAdd32Sx4: case Iop_QSub32Ux4: case Iop_QSub32Sx4:
   case Iop_Avg32Ux4: case Iop_Avg32Sx4: case Iop_Max32Sx4:
   case Iop_Max32Ux4: case Iop_Min32Sx4: case Iop_Min32Ux4:
   case Iop_CmpEQ32x4: case Iop_CmpGT32Sx4: case Iop_CmpGT32Ux4:
   case Iop_Mul32x4: case Iop_MulHi32Ux4: case Iop_MulHi32Sx4:
   case Iop_MullEven16Ux8: case Iop_MullEven16Sx8:
   case Iop_Max32Fx4: case Iop_Min32Fx4: case Iop_CmpEQ32Fx4:
   case Iop_CmpLT32Fx4: case Iop_CmpLE32Fx4: case Iop_CmpUN32Fx4:
   case Iop_CmpGT32Fx4: case Iop_CmpGE32Fx4:
   case Iop_Add32x8: case Iop_Sub32x8: case Iop_CmpEQ32x8:
   case Iop_CmpGT32Sx8: case Iop_Max32Sx8: case Iop_Max32Ux8:
   case Iop_Min32Sx8: case Iop_Min32Ux8: case Iop_Mul32x8:
   case Iop_Max32Fx8: case Iop_Min32Fx8:
   case Iop_Add32x2: case Iop_Sub32x2: case Iop_CmpEQ32x2:
   case Iop_CmpGT32Sx2: case Iop_CmpGT32Ux2: case Iop_Mul32x2:
   case Iop_Max32Sx2: case Iop_Max32Ux2: case Iop_Min32Sx2:
   case Iop_Min32Ux2:
      return 32;
   case Iop_Add64x2: case Iop_Sub64x2: case Iop_QAdd64Ux2:
   case Iop_QAdd64Sx2: case Iop_QSub64Ux2: case Iop_QSub64Sx2:
   case Iop_CmpEQ64x2: case Iop_CmpGT64Sx2: case Iop_CmpGT64Ux2:
   case Iop_Max64Sx2: case Iop_Max64Ux2: case Iop_Min64Sx2:
   case Iop_Min64Ux2: case Iop_Avg64Ux2: case Iop_Avg64Sx2:
   case Iop_MullEven32Ux4: case Iop_MullEven32Sx4:
   case Iop_Max64Fx2: case Iop_Min64Fx2: case Iop_CmpEQ64Fx2:
   case Iop_CmpLT64Fx2: case Iop_CmpLE64Fx2: case Iop_CmpUN64Fx2:
   case Iop_Add64x4: case Iop_Sub64x4: case Iop_CmpEQ64x4:
   case Iop_CmpGT64Sx4: case Iop_Max64Fx4: case Iop_Min64Fx4:
      return 64;
   /* Floating-point lanes with a rounding mode (triops) or unary. */
   case Iop_Add32Fx4: case Iop_Sub32Fx4: case Iop_Mul32Fx4:
   case Iop_Div32Fx4: case Iop_Add32Fx8: case Iop_Sub32Fx8:
   case Iop_Mul32Fx8: case Iop_Div32Fx8: case Iop_Sqrt32Fx4:
   case Iop_Sqrt32Fx8: case Iop_RecipEst32Fx4: case Iop_RSqrtEst32Fx4:
   case Iop_RecipEst32Fx8: case Iop_RSqrtEst32Fx8: case Iop_Abs32Fx4:
   case Iop_Neg32Fx4: case Iop_I32StoF32x4: case Iop_F32toI32Sx4:
   case Iop_I32StoF32x8: case Iop_F32toI32Sx8: case Iop_F32toI32Sx4_RZ:
   case Iop_RoundF32x4_RM: case Iop_RoundF32x4_RP: case Iop_RoundF32x4_RN:
   case Iop_RoundF32x4_RZ: case Iop_Abs32x4: case Iop_Clz32x4:
      return 32;
   case Iop_Add64Fx2: case Iop_Sub64Fx2: case Iop_Mul64Fx2:
   case Iop_Div64Fx2: case Iop_Add64Fx4: case Iop_Sub64Fx4:
   case Iop_Mul64Fx4: case Iop_Div64Fx4: case Iop_Sqrt64Fx2:
   case Iop_Sqrt64Fx4: case Iop_Abs64Fx2: case Iop_Neg64Fx2:
   case Iop_Abs64x2:
      return 64;
   case Iop_Abs8x16: case Iop_Cnt8x16: case Iop_Clz8x16:
      return 8;
   case Iop_Abs16x8: case Iop_Clz16x8:
      return 16;
   default:
      return 0;
   }
}

/* Lane-wise: every vector-typed argument's shadow, lane by lane; any
   undefined scalar argument (a rounding mode) spoils all lanes. */
static IRExpr* fc_v_lanes(FC_VEnv* env, IROp op, Int lane, Int n,
                          IRExpr** args)
{
   IRType res, t[4] = { Ity_INVALID, Ity_INVALID, Ity_INVALID, Ity_INVALID };
   typeOfPrimop(op, &res, &t[0], &t[1], &t[2], &t[3]);
   IRExpr* acc = fc_defined(env, res);
   IRExpr* scalar = IRExpr_Const(IRConst_U1(False));
   for (Int i = 0; i < n; i++) {
      IRExpr* v = fc_vatom(env, args[i]);
      if (fc_vty(t[i]) == res)
         acc = fc_or(env, res, acc, v);
      else
         scalar = fc_or(env, Ity_I1, scalar, fc_any(env, v));
   }
   return fc_or(env, res, fc_pcast_lanes(env, acc, lane),
                fc_widen1(env, scalar, res));
}

/* Ops that only move bits around: the same op moves the V bits. */
static Bool fc_moves_bits(IROp op)
{
   switch (op) {
   case Iop_8Uto16: case Iop_8Uto32: case Iop_8Uto64: case Iop_16Uto32:
   case Iop_16Uto64: case Iop_32Uto64: case Iop_8Sto16: case Iop_8Sto32:
   case Iop_8Sto64: case Iop_16Sto32: case Iop_16Sto64: case Iop_32Sto64:
   case Iop_64to8: case Iop_32to8: case Iop_64to16: case Iop_16to8:
   case Iop_16HIto8: case Iop_8HLto16: case Iop_32to16: case Iop_32HIto16:
   case Iop_16HLto32: case Iop_64to32: case Iop_64HIto32: case Iop_32HLto64:
   case Iop_128to64: case Iop_128HIto64: case Iop_64HLto128:
   case Iop_32to1: case Iop_64to1: case Iop_1Uto8: case Iop_1Uto32:
   case Iop_1Uto64: case Iop_1Sto8: case Iop_1Sto16: case Iop_1Sto32:
   case Iop_1Sto64:
   case Iop_V128to64: case Iop_V128HIto64: case Iop_64HLtoV128:
   case Iop_64UtoV128: case Iop_SetV128lo64: case Iop_ZeroHI64ofV128:
   case Iop_ZeroHI96ofV128: case Iop_ZeroHI112ofV128:
   case Iop_ZeroHI120ofV128: case Iop_32UtoV128: case Iop_V128to32:
   case Iop_SetV128lo32:
   case Iop_V256to64_0: case Iop_V256to64_1: case Iop_V256to64_2:
   case Iop_V256to64_3: case Iop_V256toV128_0: case Iop_V256toV128_1:
   case Iop_V128HLtoV256:
   case Iop_InterleaveHI8x16: case Iop_InterleaveHI16x8:
   case Iop_InterleaveHI32x4: case Iop_InterleaveHI64x2:
   case Iop_InterleaveLO8x16: case Iop_InterleaveLO16x8:
   case Iop_InterleaveLO32x4: case Iop_InterleaveLO64x2:
   case Iop_InterleaveHI8x8: case Iop_InterleaveHI16x4:
   case Iop_InterleaveHI32x2: case Iop_InterleaveLO8x8:
   case Iop_InterleaveLO16x4: case Iop_InterleaveLO32x2:
   case Iop_InterleaveOddLanes8x16: case Iop_InterleaveEvenLanes8x16:
   case Iop_InterleaveOddLanes16x8: case Iop_InterleaveEvenLanes16x8:
   case Iop_InterleaveOddLanes32x4: case Iop_InterleaveEvenLanes32x4:
   case Iop_CatOddLanes8x16: case Iop_CatOddLanes16x8:
   case Iop_CatOddLanes32x4: case Iop_CatEvenLanes8x16:
   case Iop_CatEvenLanes16x8: case Iop_CatEvenLanes32x4:
   case Iop_CatOddLanes8x8: case Iop_CatOddLanes16x4:
   case Iop_CatEvenLanes8x8: case Iop_CatEvenLanes16x4:
   case Iop_PackOddLanes8x16: case Iop_PackEvenLanes8x16:
   case Iop_PackOddLanes16x8: case Iop_PackEvenLanes16x8:
   case Iop_PackOddLanes32x4: case Iop_PackEvenLanes32x4:
   case Iop_NarrowBin16to8x16: case Iop_NarrowBin32to16x8:
   case Iop_NarrowBin64to32x4: case Iop_NarrowBin16to8x8:
   case Iop_NarrowBin32to16x4:
   case Iop_NarrowUn16to8x8: case Iop_NarrowUn32to16x4:
   case Iop_NarrowUn64to32x2:
   case Iop_Dup8x16: case Iop_Dup16x8: case Iop_Dup32x4:
   case Iop_Dup8x8: case Iop_Dup16x4: case Iop_Dup32x2:
   case Iop_Reverse8sIn16_x8: case Iop_Reverse8sIn32_x4:
   case Iop_Reverse16sIn32_x4: case Iop_Reverse8sIn64_x2:
   case Iop_Reverse16sIn64_x2: case Iop_Reverse32sIn64_x2:
   case Iop_Reverse8sIn16_x4: case Iop_Reverse8sIn32_x2:
   case Iop_Reverse16sIn32_x2: case Iop_Reverse8sIn64_x1:
   case Iop_Reverse16sIn64_x1: case Iop_Reverse32sIn64_x1:
   case Iop_Widen8Uto16x8: case Iop_Widen16Uto32x4: case Iop_Widen32Uto64x2:
   case Iop_Widen8Sto16x8: case Iop_Widen16Sto32x4: case Iop_Widen32Sto64x2:
   case Iop_GetMSBs8x16: case Iop_GetMSBs8x8:
   case Iop_F128HItoF64: case Iop_F128LOtoF64: case Iop_F64HLtoF128:
      return True;
   default:
      return False;
   }
}

/* Reinterpretations: the shadow is the same integer type either way. */
static Bool fc_reinterprets(IROp op)
{
   switch (op) {
   case Iop_ReinterpF64asI64: case Iop_ReinterpI64asF64:
   case Iop_ReinterpF32asI32: case Iop_ReinterpI32asF32:
   case Iop_ReinterpF128asI128: case Iop_ReinterpI128asF128:
   case Iop_ReinterpI64asD64: case Iop_ReinterpD64asI64:
   case Iop_Not8: case Iop_Not16: case Iop_Not32: case Iop_Not64:
   case Iop_Not1: case Iop_NotV128: case Iop_NotV256:
      return True;
   default:
      return False;
   }
}

/* Integer width of a scalar family member, from its result type. */
static IRType fc_arg1_type(IROp op)
{
   IRType res, a1, a2, a3, a4;
   typeOfPrimop(op, &res, &a1, &a2, &a3, &a4);
   return a1;
}

static IRExpr* fc_v_unop(FC_VEnv* env, IROp op, IRExpr* a)
{
   IRExpr* va = fc_vatom(env, a);
   IRType res, a1, a2, a3, a4;
   typeOfPrimop(op, &res, &a1, &a2, &a3, &a4);
   if (fc_reinterprets(op))
      return va;
   if (fc_moves_bits(op))
      return fc_zero(va) ? fc_defined(env, fc_vty(res))
                         : fc_new(env, fc_vty(res), IRExpr_Unop(op, va));
   switch (op) {
   case Iop_CmpNEZ8: case Iop_CmpNEZ16: case Iop_CmpNEZ32: case Iop_CmpNEZ64:
      return fc_v_cmpnez(env, a1, a, va);
   case Iop_CmpwNEZ32: case Iop_CmpwNEZ64:
      return fc_widen1(env, fc_v_cmpnez(env, a1, a, va), res);
   case Iop_Left8: case Iop_Left16: case Iop_Left32: case Iop_Left64:
      return fc_left(env, res, va);
   case Iop_Ctz32: case Iop_Ctz64: case Iop_CtzNat32: case Iop_CtzNat64:
      return fc_v_ctz_clz(env, a1, True, a, va);
   case Iop_Clz32: case Iop_Clz64: case Iop_ClzNat32: case Iop_ClzNat64:
      return fc_v_ctz_clz(env, a1, False, a, va);
   case Iop_CmpNEZ8x16: case Iop_CmpNEZ16x8: case Iop_CmpNEZ32x4:
   case Iop_CmpNEZ64x2: case Iop_CmpNEZ8x8: case Iop_CmpNEZ16x4:
   case Iop_CmpNEZ32x2:
      return fc_zero(va) ? va : fc_new(env, res, IRExpr_Unop(op, va));
   default:
      break;
   }
   Int lane = fc_lane_arith(op);
   if (lane != 0)
      return fc_v_lanes(env, op, lane, 1, &a);
   return fc_lazy(env, res, 1, &a);
}

/* The scalar op families with exact rules. */
static IRExpr* fc_v_binop_scalar(FC_VEnv* env, IROp op, IRExpr* a,
                                 IRExpr* b, IRExpr* va, IRExpr* vb,
                                 Bool* done)
{
   IRType ty = fc_arg1_type(op);
   *done = True;
   switch (op) {
   case Iop_Add8: case Iop_Add16: case Iop_Add32: case Iop_Add64:
      return fc_v_addsub(env, ty, False, a, b, va, vb);
   case Iop_Sub8: case Iop_Sub16: case Iop_Sub32: case Iop_Sub64:
      return fc_v_addsub(env, ty, True, a, b, va, vb);
   case Iop_And8: case Iop_And16: case Iop_And32: case Iop_And64:
   case Iop_And1: case Iop_AndV128: case Iop_AndV256:
      return fc_v_andor(env, ty, False, a, b, va, vb);
   case Iop_Or8: case Iop_Or16: case Iop_Or32: case Iop_Or64:
   case Iop_Or1: case Iop_OrV128: case Iop_OrV256:
      return fc_v_andor(env, ty, True, a, b, va, vb);
   case Iop_Xor8: case Iop_Xor16: case Iop_Xor32: case Iop_Xor64:
   case Iop_XorV128: case Iop_XorV256:
      return fc_or(env, ty, va, vb);
   case Iop_Mul8: case Iop_Mul16: case Iop_Mul32: case Iop_Mul64:
      return fc_left(env, ty, fc_or(env, ty, va, vb));
   case Iop_MullS8: case Iop_MullS16: case Iop_MullS32: case Iop_MullS64:
   case Iop_MullU8: case Iop_MullU16: case Iop_MullU32: case Iop_MullU64: {
      IRExpr* lo = fc_left(env, ty, fc_or(env, ty, va, vb));
      IROp hl = ty == Ity_I8 ? Iop_8HLto16 : ty == Ity_I16 ? Iop_16HLto32
              : ty == Ity_I32 ? Iop_32HLto64 : Iop_64HLto128;
      IRType res = ty == Ity_I8 ? Ity_I16 : ty == Ity_I16 ? Ity_I32
                 : ty == Ity_I32 ? Ity_I64 : Ity_I128;
      return fc_new(env, res, IRExpr_Binop(hl, fc_pcast(env, lo, ty), lo));
   }
   case Iop_CasCmpEQ8: case Iop_CasCmpEQ16: case Iop_CasCmpEQ32:
   case Iop_CasCmpEQ64: case Iop_CasCmpNE8: case Iop_CasCmpNE16:
   case Iop_CasCmpNE32: case Iop_CasCmpNE64:
      /* Whether a compare-and-swap succeeded: a fact of the atomic
         operation, defined even when the memory was not (a fence is
         "lock or $0" to a stack slot nothing wrote). */
      return IRExpr_Const(IRConst_U1(False));
   case Iop_CmpEQ8: case Iop_CmpEQ16: case Iop_CmpEQ32: case Iop_CmpEQ64:
   case Iop_CmpNE8: case Iop_CmpNE16: case Iop_CmpNE32: case Iop_CmpNE64:
   case Iop_ExpCmpNE8:
   case Iop_ExpCmpNE16: case Iop_ExpCmpNE32: case Iop_ExpCmpNE64:
      return fc_v_cmpeq(env, ty, a, b, va, vb);
   case Iop_CmpLT32S: case Iop_CmpLT64S:
      return fc_v_cmpord(env, ty, True, False, a, b, va, vb);
   case Iop_CmpLE32S: case Iop_CmpLE64S:
      return fc_v_cmpord(env, ty, True, True, a, b, va, vb);
   case Iop_CmpLT32U: case Iop_CmpLT64U:
      return fc_v_cmpord(env, ty, False, False, a, b, va, vb);
   case Iop_CmpLE32U: case Iop_CmpLE64U:
      return fc_v_cmpord(env, ty, False, True, a, b, va, vb);
   case Iop_Shl8: case Iop_Shl16: case Iop_Shl32: case Iop_Shl64:
   case Iop_Shr8: case Iop_Shr16: case Iop_Shr32: case Iop_Shr64:
   case Iop_Sar8: case Iop_Sar16: case Iop_Sar32: case Iop_Sar64:
   case Iop_ShlV128: case Iop_ShrV128: case Iop_SarV128:
   case Iop_ShlN8x16: case Iop_ShlN16x8: case Iop_ShlN32x4:
   case Iop_ShlN64x2: case Iop_ShrN8x16: case Iop_ShrN16x8:
   case Iop_ShrN32x4: case Iop_ShrN64x2: case Iop_SarN8x16:
   case Iop_SarN16x8: case Iop_SarN32x4: case Iop_SarN64x2:
   case Iop_ShlN16x16: case Iop_ShlN32x8: case Iop_ShlN64x4:
   case Iop_ShrN16x16: case Iop_ShrN32x8: case Iop_ShrN64x4:
   case Iop_SarN16x16: case Iop_SarN32x8:
   case Iop_ShlN8x8: case Iop_ShlN16x4: case Iop_ShlN32x2:
   case Iop_ShrN8x8: case Iop_ShrN16x4: case Iop_ShrN32x2:
   case Iop_SarN8x8: case Iop_SarN16x4: case Iop_SarN32x2:
      return fc_v_shift(env, op, ty, va, b);
   default:
      *done = False;
      return NULL;
   }
}

/* Vector ops that move lanes under the control of a second operand. */
static IRExpr* fc_v_binop_vector(FC_VEnv* env, IROp op, IRExpr* a,
                                 IRExpr* b, IRExpr* va, IRExpr* vb,
                                 Bool* done)
{
   IRType res, a1, a2, a3, a4;
   typeOfPrimop(op, &res, &a1, &a2, &a3, &a4);
   *done = True;
   Int lane = 0;
   IROp narrow = Iop_INVALID;
   switch (op) {
   case Iop_Perm8x16: case Iop_PermOrZero8x16: lane = 8; break;
   case Iop_Perm32x4: case Iop_Perm32x8: lane = 32; break;
   case Iop_Shl8x16: case Iop_Shr8x16: case Iop_Sar8x16: lane = 8; break;
   case Iop_Shl16x8: case Iop_Shr16x8: case Iop_Sar16x8: lane = 16; break;
   case Iop_Shl32x4: case Iop_Shr32x4: case Iop_Sar32x4: lane = 32; break;
   case Iop_Shl64x2: case Iop_Shr64x2: case Iop_Sar64x2: lane = 64; break;
   /* Narrowing pcast lanes (all 0 or all 1, i.e. 0 or -1) with signed
      saturation keeps them 0 or -1: the machine's own pack does it. */
   case Iop_QNarrowBin16Sto8Ux16: case Iop_QNarrowBin16Sto8Sx16:
   case Iop_QNarrowBin16Uto8Ux16:
      lane = 16; narrow = Iop_QNarrowBin16Sto8Sx16; break;
   case Iop_QNarrowBin32Sto16Sx8: case Iop_QNarrowBin32Sto16Ux8:
   case Iop_QNarrowBin32Uto16Ux8:
      lane = 32; narrow = Iop_QNarrowBin32Sto16Sx8; break;
   case Iop_QNarrowBin64Sto32Sx4: case Iop_QNarrowBin64Uto32Ux4:
      lane = 64; narrow = Iop_NarrowBin64to32x4; break;
   case Iop_QNarrowBin16Sto8Ux8: case Iop_QNarrowBin16Sto8Sx8:
      lane = 16; narrow = Iop_QNarrowBin16Sto8Sx8; break;
   case Iop_QNarrowBin32Sto16Sx4:
      lane = 32; narrow = Iop_QNarrowBin32Sto16Sx4; break;
   default:
      *done = False;
      return NULL;
   }
   if (narrow != Iop_INVALID) {   /* saturation: a lane is all or nothing */
      if (fc_zero(va) && fc_zero(vb))
         return fc_defined(env, res);
      return fc_new(env, res, IRExpr_Binop(narrow,
                    fc_pcast_lanes(env, va, lane),
                    fc_pcast_lanes(env, vb, lane)));
   }
   /* a's lanes moved (or shifted) as b says; b's undefined lanes spoil
      their result lanes. */
   IRExpr* moved = fc_zero(va) ? va
                 : fc_new(env, res, IRExpr_Binop(op, va, b));
   return fc_or(env, res, moved, fc_pcast_lanes(env, vb, lane));
}

/* A scalar FP op on the low lane; the other lanes come from a. */
static IRExpr* fc_v_low_lane(FC_VEnv* env, Int lane, IRExpr* va, IRExpr* vb)
{
   IRExpr* both = fc_or(env, Ity_V128, va, vb);
   if (fc_zero(both))
      return both;
   IRExpr* p = fc_pcast_lanes(env, both, lane);
   if (lane == 32)
      return fc_new(env, Ity_V128, IRExpr_Binop(Iop_SetV128lo32, va,
                    fc_new(env, Ity_I32, IRExpr_Unop(Iop_V128to32, p))));
   return fc_new(env, Ity_V128, IRExpr_Binop(Iop_SetV128lo64, va,
                 fc_new(env, Ity_I64, IRExpr_Unop(Iop_V128to64, p))));
}

static IRExpr* fc_v_binop(FC_VEnv* env, IROp op, IRExpr* a, IRExpr* b)
{
   IRExpr* va = fc_vatom(env, a);
   IRExpr* vb = fc_vatom(env, b);
   IRType res, a1, a2, a3, a4;
   typeOfPrimop(op, &res, &a1, &a2, &a3, &a4);
   Bool done;
   IRExpr* v = fc_v_binop_scalar(env, op, a, b, va, vb, &done);
   if (done)
      return v;
   v = fc_v_binop_vector(env, op, a, b, va, vb, &done);
   if (done)
      return v;
   if (fc_moves_bits(op))
      return fc_zero(va) && fc_zero(vb) ? fc_defined(env, fc_vty(res))
             : fc_new(env, fc_vty(res), IRExpr_Binop(op, va, vb));
   switch (op) {
   case Iop_Add32F0x4: case Iop_Sub32F0x4: case Iop_Mul32F0x4:
   case Iop_Div32F0x4: case Iop_Max32F0x4: case Iop_Min32F0x4:
   case Iop_CmpEQ32F0x4: case Iop_CmpLT32F0x4: case Iop_CmpLE32F0x4:
   case Iop_CmpUN32F0x4:
      return fc_v_low_lane(env, 32, va, vb);
   case Iop_Add64F0x2: case Iop_Sub64F0x2: case Iop_Mul64F0x2:
   case Iop_Div64F0x2: case Iop_Max64F0x2: case Iop_Min64F0x2:
   case Iop_CmpEQ64F0x2: case Iop_CmpLT64F0x2: case Iop_CmpLE64F0x2:
   case Iop_CmpUN64F0x2:
      return fc_v_low_lane(env, 64, va, vb);
   default:
      break;
   }
   IRExpr* args[2] = { a, b };
   Int lane = fc_lane_arith(op);
   if (lane != 0)
      return fc_v_lanes(env, op, lane, 2, args);
   return fc_lazy(env, res, 2, args);
}

static IRExpr* fc_v_triop(FC_VEnv* env, IRTriop* t)
{
   IRExpr* args[3] = { t->arg1, t->arg2, t->arg3 };
   IRType res, a1, a2, a3, a4;
   typeOfPrimop(t->op, &res, &a1, &a2, &a3, &a4);
   if (t->op == Iop_SliceV128) {
      IRExpr* va = fc_vatom(env, t->arg1);
      IRExpr* vb = fc_vatom(env, t->arg2);
      IRExpr* moved = fc_zero(va) && fc_zero(vb) ? va
                    : fc_new(env, res, IRExpr_Triop(t->op, va, vb, t->arg3));
      return fc_or(env, res, moved,
                   fc_pcast(env, fc_vatom(env, t->arg3), res));
   }
   Int lane = fc_lane_arith(t->op);
   if (lane != 0)
      return fc_v_lanes(env, t->op, lane, 3, args);
   return fc_lazy(env, res, 3, args);
}

/* A scalar value (I1..I64, F32, F64) as an I64, for a helper. */
static IRExpr* fc_widen64(FC_VEnv* env, IRExpr* x)
{
   IRType ty = fc_type(env, x);
   if (ty == Ity_F32) {
      x = fc_new(env, Ity_I32, IRExpr_Unop(Iop_ReinterpF32asI32, x));
      ty = Ity_I32;
   } else if (ty == Ity_F64) {
      x = fc_new(env, Ity_I64, IRExpr_Unop(Iop_ReinterpF64asI64, x));
      ty = Ity_I64;
   }
   if (ty == Ity_I64)
      return x;
   IROp op = ty == Ity_I1 ? Iop_1Uto64 : ty == Ity_I8 ? Iop_8Uto64
           : ty == Ity_I16 ? Iop_16Uto64 : Iop_32Uto64;
   return fc_new(env, Ity_I64, IRExpr_Unop(op, x));
}

/* cond ? t : f.  An undefined condition is a use only when the two
   values differ (fc_uninit_cmov looks at run time). */
static IRExpr* fc_v_ite(FC_VEnv* env, IRExpr* cond, IRExpr* t, IRExpr* f)
{
   IRExpr* vc = fc_vatom(env, cond);
   IRExpr* vt = fc_vatom(env, t);
   IRExpr* vf = fc_vatom(env, f);
   IRType ty = fc_type(env, t);
   if (!fc_zero(vc)) {
      IRExpr* args[4];
      IRExpr* vals[4] = { t, f, vt, vf };
      Bool scalar = ty == Ity_I1 || ty == Ity_I8 || ty == Ity_I16
                    || ty == Ity_I32 || ty == Ity_I64 || ty == Ity_F32
                    || ty == Ity_F64;
      for (Int i = 0; i < 4; i++)
         args[i] = scalar ? fc_widen64(env, vals[i])
                          : fc_c64(i == 0);   /* always "different" */
      IRDirty* di = unsafeIRDirty_0_N(0, "fc_uninit_cmov",
                       VG_(fnptr_to_fnentry)(fc_uninit_cmov),
                       mkIRExprVec_4(args[0], args[1], args[2], args[3]));
      di->guard = fc_any(env, vc);
      fc_needs_stack(di);
      addStmtToIRSB(env->sb, IRStmt_Dirty(di));
      if (cond->tag == Iex_RdTmp)
         env->clean[cond->Iex.RdTmp.tmp] = True;
   }
   if (fc_zero(vt) && fc_zero(vf))
      return vt;
   return fc_new(env, fc_vty(ty), IRExpr_ITE(cond, vt, vf));
}

/* Guest registers VEX declares always defined (the instruction pointer,
   the flags thunk's operation, ...) have no shadow to read or write. */
static Bool fc_always_defined(FC_VEnv* env, Int offset, Int size)
{
   for (Int i = 0; i < env->layout->n_alwaysDefd; i++) {
      Int o = env->layout->alwaysDefd[i].offset;
      Int n = env->layout->alwaysDefd[i].size;
      if (offset >= o && offset + size <= o + n)
         return True;
   }
   return False;
}

/* Constants of word-at-a-time code: every byte the same (0x0101...,
   0x8080..., 0x7f7f...), or so but for the lowest (0xfefe...feff). */
static Bool fc_word_trick_literal(ULong v, Int bytes)
{
   UChar b1 = (v >> 8) & 0xFF;
   if (b1 == 0 || b1 == 0xFF)
      return False;
   for (Int i = 2; i < bytes; i++)
      if (((v >> (8 * i)) & 0xFF) != b1)
         return False;
   UChar b0 = v & 0xFF;
   return b0 == b1 || b0 == (UChar)(b1 + 1);
}

static Bool fc_atom_is_trick(const IRExpr* e)
{
   if (e == NULL || e->tag != Iex_Const)
      return False;
   const IRConst* c = e->Iex.Const.con;
   if (c->tag == Ico_U64)
      return fc_word_trick_literal(c->Ico.U64, 8);
   if (c->tag == Ico_U32)
      return fc_word_trick_literal(c->Ico.U32, 4);
   return False;
}

static Bool fc_block_has_trick_literals(const IRSB* sb)
{
   for (Int i = 0; i < sb->stmts_used; i++) {
      const IRStmt* s = sb->stmts[i];
      if (s->tag != Ist_WrTmp)
         continue;
      const IRExpr* e = s->Ist.WrTmp.data;
      if (e->tag == Iex_Binop && (fc_atom_is_trick(e->Iex.Binop.arg1)
                                  || fc_atom_is_trick(e->Iex.Binop.arg2)))
         return True;
      if (e->tag == Iex_Const && fc_atom_is_trick(e))
         return True;
   }
   return False;
}

/* The shadow of a (flat) expression. */
static IRExpr* fc_vexpr(FC_VEnv* env, IRExpr* e)
{
   switch (e->tag) {
      case Iex_Const:
      case Iex_RdTmp:
         return fc_vatom(env, e);
      case Iex_Get:
         if (fc_always_defined(env, e->Iex.Get.offset,
                               sizeofIRType(e->Iex.Get.ty)))
            return fc_defined(env, fc_vty(e->Iex.Get.ty));
         return fc_new(env, fc_vty(e->Iex.Get.ty),
                       IRExpr_Get(e->Iex.Get.offset + env->gs_size,
                                  fc_vty(e->Iex.Get.ty)));
      case Iex_GetI: {
         IRRegArray* d = e->Iex.GetI.descr;
         IRRegArray* sd = mkIRRegArray(d->base + env->gs_size,
                                       fc_vty(d->elemTy), d->nElems);
         return fc_new(env, fc_vty(d->elemTy),
                       IRExpr_GetI(sd, e->Iex.GetI.ix, e->Iex.GetI.bias));
      }
      case Iex_Unop:
         return fc_v_unop(env, e->Iex.Unop.op, e->Iex.Unop.arg);
      case Iex_Binop:
         return fc_v_binop(env, e->Iex.Binop.op, e->Iex.Binop.arg1,
                           e->Iex.Binop.arg2);
      case Iex_Triop:
         return fc_v_triop(env, e->Iex.Triop.details);
      case Iex_Qop: {
         IRQop* q = e->Iex.Qop.details;
         if (q->op == Iop_64x4toV256)
            return fc_new(env, Ity_V256, IRExpr_Qop(q->op,
                          fc_vatom(env, q->arg1), fc_vatom(env, q->arg2),
                          fc_vatom(env, q->arg3), fc_vatom(env, q->arg4)));
         IRExpr* args[4] = { q->arg1, q->arg2, q->arg3, q->arg4 };
         return fc_lazy(env, fc_type(env, e), 4, args);
      }
      case Iex_Load:
         if (fc_vmem_size(e->Iex.Load.ty))
            return fc_vload_call(env, e->Iex.Load.ty, e->Iex.Load.addr);
         fc_complain_atom(env, e->Iex.Load.addr, FC_UseAddress, NULL);
         return fc_vload(env, e->Iex.Load.ty, e->Iex.Load.addr, NULL);
      case Iex_ITE:
         return fc_v_ite(env, e->Iex.ITE.cond, e->Iex.ITE.iftrue,
                         e->Iex.ITE.iffalse);
      case Iex_CCall: {
         IRExpr* any = IRExpr_Const(IRConst_U1(False));
         UInt mask = e->Iex.CCall.cee->mcx_mask;
         for (Int i = 0; e->Iex.CCall.args[i] != NULL; i++)
            if (i >= 32 || !(mask & (1u << i)))
               any = fc_or(env, Ity_I1, any,
                           fc_any(env, fc_vatom(env, e->Iex.CCall.args[i])));
         return fc_widen1(env, any, fc_vty(e->Iex.CCall.retty));
      }
      default:
         VG_(tool_panic)("fc_vexpr: expression kind");
   }
}

/* ------------------------------------------------------------------ */
/* Statements                                                          */
/* ------------------------------------------------------------------ */

static void fc_v_put_defined(FC_VEnv* env, Int offset, Int size)
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
static void fc_v_dirty_after(FC_VEnv* env, IRDirty* d)
{
   if (d->tmp != IRTemp_INVALID)
      fc_assign_shadow(env, d->tmp,
                       fc_defined(env, fc_vty(typeOfIRTemp(env->sb->tyenv,
                                                           d->tmp))));
   for (Int i = 0; i < d->nFxState; i++) {
      if (d->fxState[i].fx == Ifx_Read || d->fxState[i].fx == Ifx_None)
         continue;
      for (Int r = 0; r <= d->fxState[i].nRepeats; r++)
         fc_v_put_defined(env, d->fxState[i].offset
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

/* rsp is about to become new_sp: when it goes down, the area entering
   the red zone below it is undefined (a new frame's locals).  ffican
   follows rsp itself rather than through the core's new_mem_stack
   events: a push or a call (8 bytes, an aligned V byte in a plain
   secondary nearly always) is marked inline, with no call; any other
   decrease up to FC_MAX_STACK_FRAME calls fc_uninit_stack_grew. */
static void fc_v_stack_move(FC_VEnv* env, IRExpr* new_sp)
{
   tl_assert(offsetof(FC_Sec, shared)
             == offsetof(FC_Sec, n_partial) + sizeof(UInt));
   IRExpr* old = fc_new(env, Ity_I64, IRExpr_Get(
                        offsetof(VexGuestAMD64State, guest_RSP), Ity_I64));
   IRExpr* d = fc_new(env, Ity_I64, IRExpr_Binop(Iop_Sub64, old, new_sp));
   IRExpr* a = fc_new(env, Ity_I64, IRExpr_Binop(Iop_Sub64, new_sp,
                      fc_c64(FC_STACK_REDZONE)));
   IRExpr* pri = fc_new(env, Ity_I64, IRExpr_Binop(Iop_Shr64, a,
                        fc_c8(FC_SH_SEC_SHIFT)));
   IRExpr* idx = fc_new(env, Ity_I64, IRExpr_Binop(Iop_And64, pri,
                        fc_c64(FC_SH_PRIMARY_SIZE - 1)));
   IRExpr* sec = fc_new(env, Ity_I64, IRExpr_Load(Iend_LE, Ity_I64,
                 fc_new(env, Ity_I64, IRExpr_Binop(Iop_Add64,
                        fc_c64((HWord)fc_shadow_primary),
                        fc_new(env, Ity_I64, IRExpr_Binop(Iop_Shl64, idx,
                               fc_c8(3)))))));
   IRExpr* flags = fc_new(env, Ity_I64, IRExpr_Load(Iend_LE, Ity_I64,
                   fc_new(env, Ity_I64, IRExpr_Binop(Iop_Add64, sec,
                          fc_c64(offsetof(FC_Sec, n_partial))))));
   /* fast: d == 8, a aligned, below the primary's reach, plain */
   IRExpr* bad = fc_new(env, Ity_I64, IRExpr_Binop(Iop_Or64,
                 fc_new(env, Ity_I64, IRExpr_Binop(Iop_Or64, flags,
                        fc_new(env, Ity_I64, IRExpr_Binop(Iop_And64, a,
                               fc_c64(7))))),
                 fc_new(env, Ity_I64, IRExpr_Binop(Iop_Or64,
                        fc_new(env, Ity_I64, IRExpr_Binop(Iop_Shr64, pri,
                               fc_c8(FC_SH_PRIMARY_BITS))),
                        fc_new(env, Ity_I64, IRExpr_Binop(Iop_Xor64, d,
                               fc_c64(8)))))));
   IRExpr* fast = fc_new(env, Ity_I1, IRExpr_Binop(Iop_CmpEQ64, bad,
                         fc_c64(0)));
   IRExpr* off = fc_new(env, Ity_I64, IRExpr_Binop(Iop_And64, a,
                        fc_c64(FC_SH_SEC_SPAN - 1)));
   IRExpr* vb = fc_new(env, Ity_I64, IRExpr_Binop(Iop_Add64, sec,
                fc_new(env, Ity_I64, IRExpr_Binop(Iop_Add64,
                       fc_new(env, Ity_I64, IRExpr_Binop(Iop_Shl64,
                              fc_new(env, Ity_I64, IRExpr_Binop(Iop_Shr64,
                                     off, fc_c8(3))), fc_c8(1))),
                       fc_c64(1)))));
   addStmtToIRSB(env->sb, IRStmt_Store(Iend_LE,
                 fc_new(env, Ity_I64, IRExpr_ITE(fast, vb,
                        fc_c64((HWord)fc_vbits_sink))), fc_c8(0xFF)));
   /* 1 <= d <= FC_MAX_STACK_FRAME, and not done inline */
   IRExpr* grew = fc_new(env, Ity_I1, IRExpr_Binop(Iop_CmpLT64U,
                  fc_new(env, Ity_I64, IRExpr_Binop(Iop_Sub64, d,
                         fc_c64(1))), fc_c64(FC_MAX_STACK_FRAME)));
   IRDirty* di = unsafeIRDirty_0_N(2, "fc_uninit_stack_grew",
                    VG_(fnptr_to_fnentry)(fc_uninit_stack_grew),
                    mkIRExprVec_2(new_sp, d));
   di->guard = fc_new(env, Ity_I1, IRExpr_Binop(Iop_And1, grew,
                      fc_new(env, Ity_I1, IRExpr_Unop(Iop_Not1, fast))));
   addStmtToIRSB(env->sb, IRStmt_Dirty(di));
}

static void fc_v_cas(FC_VEnv* env, IRCAS* c)
{
   IRType ty = fc_type(env, c->expdLo);
   Int n = sizeofIRType(ty);
   fc_complain_atom(env, c->addr, FC_UseAddress, NULL);
   fc_assign_shadow(env, c->oldLo, fc_vload(env, ty, c->addr, NULL));
   IRExpr* hi_addr = NULL;
   if (c->oldHi != IRTemp_INVALID) {
      hi_addr = fc_new(env, Ity_I64, IRExpr_Binop(Iop_Add64, c->addr,
                                                  fc_c64(n)));
      fc_assign_shadow(env, c->oldHi, fc_vload(env, ty, hi_addr, NULL));
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
   fc_vstore(env, c->addr, fc_vatom(env, c->dataLo), ok);
   if (hi_addr != NULL)
      fc_vstore(env, hi_addr, fc_vatom(env, c->dataHi), ok);
}

static void fc_v_llsc(FC_VEnv* env, IRStmt* s)
{
   IRTemp res = s->Ist.LLSC.result;
   fc_complain_atom(env, s->Ist.LLSC.addr, FC_UseAddress, NULL);
   if (s->Ist.LLSC.storedata == NULL) {
      fc_assign_shadow(env, res, fc_vload(env, typeOfIRTemp(env->sb->tyenv,
                                          res), s->Ist.LLSC.addr, NULL));
      addStmtToIRSB(env->sb, s);
      return;
   }
   addStmtToIRSB(env->sb, s);
   fc_assign_shadow(env, res, fc_defined(env, Ity_I1));
   fc_vstore(env, s->Ist.LLSC.addr, fc_vatom(env, s->Ist.LLSC.storedata),
             IRExpr_RdTmp(res));
}

static void fc_v_loadg(FC_VEnv* env, IRLoadG* g)
{
   IRType res_ty, arg_ty;
   typeOfIRLoadGOp(g->cvt, &res_ty, &arg_ty);
   fc_complain_atom(env, g->guard, FC_UseBranch, NULL);
   fc_complain_atom(env, g->addr, FC_UseAddress, g->guard);
   IRExpr* v = fc_vload(env, arg_ty, g->addr, g->guard);
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
   fc_assign_shadow(env, g->dst, fc_new(env, fc_vty(res_ty),
                    IRExpr_ITE(g->guard, v, fc_vatom(env, g->alt))));
}

static void fc_v_stmt(FC_VEnv* env, IRStmt* s)
{
   switch (s->tag) {
   case Ist_WrTmp:
      fc_assign_shadow(env, s->Ist.WrTmp.tmp,
                       fc_vexpr(env, s->Ist.WrTmp.data));
      break;
   case Ist_Put:
      if (s->Ist.Put.offset == offsetof(VexGuestAMD64State, guest_RSP)
          && fc_type(env, s->Ist.Put.data) == Ity_I64)
         fc_v_stack_move(env, s->Ist.Put.data);
      if (!fc_always_defined(env, s->Ist.Put.offset,
                             sizeofIRType(fc_type(env, s->Ist.Put.data))))
         addStmtToIRSB(env->sb, IRStmt_Put(s->Ist.Put.offset
                                           + env->gs_size,
                                           fc_vatom(env, s->Ist.Put.data)));
      break;
   case Ist_PutI: {
      IRPutI* p = s->Ist.PutI.details;
      IRRegArray* sd = mkIRRegArray(p->descr->base + env->gs_size,
                                    fc_vty(p->descr->elemTy),
                                    p->descr->nElems);
      addStmtToIRSB(env->sb, IRStmt_PutI(mkIRPutI(sd, p->ix, p->bias,
                                         fc_vatom(env, p->data))));
      break;
   }
   case Ist_Store:
      if (fc_vmem_size(fc_type(env, s->Ist.Store.data))) {
         fc_vstore_call(env, s->Ist.Store.addr,
                        fc_vatom(env, s->Ist.Store.data));
      } else {
         fc_complain_atom(env, s->Ist.Store.addr, FC_UseAddress, NULL);
         fc_vstore(env, s->Ist.Store.addr,
                   fc_vatom(env, s->Ist.Store.data), NULL);
      }
      break;
   case Ist_StoreG: {
      IRStoreG* g = s->Ist.StoreG.details;
      fc_complain_atom(env, g->guard, FC_UseBranch, NULL);
      fc_complain_atom(env, g->addr, FC_UseAddress, g->guard);
      fc_vstore(env, g->addr, fc_vatom(env, g->data), g->guard);
      break;
   }
   case Ist_LoadG:
      fc_v_loadg(env, s->Ist.LoadG.details);
      break;
   case Ist_CAS:
      fc_v_cas(env, s->Ist.CAS.details);
      return;                               /* added the statement */
   case Ist_LLSC:
      fc_v_llsc(env, s);
      return;                               /* added the statement */
   case Ist_Dirty: {
      IRDirty* d = s->Ist.Dirty.details;
      if (d->guard->tag != Iex_Const)
         fc_complain_atom(env, d->guard, FC_UseBranch, NULL);
      addStmtToIRSB(env->sb, s);
      fc_v_dirty_after(env, d);
      return;
   }
   case Ist_Exit:
      fc_complain_atom(env, s->Ist.Exit.guard, FC_UseBranch, NULL);
      break;
   default:
      break;   /* IMark, AbiHint, MBE, NoOp */
   }
   addStmtToIRSB(env->sb, s);
}

IRSB* fc_instrument_definedness(IRSB* sb_in, const VexGuestLayout* layout)
{
   FC_VEnv env;
   env.sb = deepCopyIRSBExceptStmts(sb_in);
   env.n_in = sb_in->tyenv->types_used;
   env.gs_size = layout->total_sizeB;
   env.layout = layout;
   env.exact_carries = fc_block_has_trick_literals(sb_in);
   env.vt = VG_(malloc)("fc.def.vt", (env.n_in + 1) * sizeof(IRTemp));
   env.clean = VG_(calloc)("fc.def.clean", env.n_in + 1, 1);
   for (Int i = 0; i < env.n_in; i++)
      env.vt[i] = IRTemp_INVALID;
   FC_AccessPass* acc = fc_access_begin(sb_in);
   for (Int i = 0; i < sb_in->stmts_used; i++) {
      IRStmt* s = sb_in->stmts[i];
      if (fc_uses_vmem(&env, s))
         fc_access_skip(acc, s);
      else
         fc_access_stmt(acc, env.sb, s);
      fc_v_stmt(&env, s);
   }
   fc_access_end(acc);
   /* The block's end: a computed jump or return needs a defined target. */
   if (sb_in->next->tag != Iex_Const)
      fc_complain_atom(&env, sb_in->next, FC_UseJump, NULL);
   VG_(free)(env.vt);
   VG_(free)(env.clean);
   return env.sb;
}
