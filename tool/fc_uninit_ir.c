/* fc_uninit_ir.c: the IR builders of uninit tracking: the shadow type of
   a value, constants, and/or/not/xor of shadows, "any bit undefined",
   widening and narrowing (pcast), lane-wise versions, and the shadow of
   an input atom (see fc_uninit_ir.h).  Used by the pass
   (fc_uninit_instrument.c) and the rules per operation
   (fc_uninit_rules.c); it calls neither.

   A shadow has a set bit for each uninitialised bit of its value (the
   "uninit bits"; Memcheck calls them uninit bits).  The builders fold what is
   statically known: an operation on a defined (all-zero) shadow gives
   its other operand or a defined constant, so clean code costs no IR.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_tooliface.h"
#include "fc_uninit_ir.h"

/* ------------------------------------------------------------------ */
/* Types and constants                                                 */
/* ------------------------------------------------------------------ */

IRType fc_uninit_ty(IRType ty)
{
   switch (ty) {
      case Ity_F16:                return Ity_I16;
      case Ity_F32: case Ity_D32:  return Ity_I32;
      case Ity_F64: case Ity_D64:  return Ity_I64;
      case Ity_F128: case Ity_D128: return Ity_I128;
      default:                     return ty;
   }
}

IRExpr* fc_new(FC_UninitEnv* env, IRType ty, IRExpr* e)
{
   IRTemp t = newIRTemp(env->sb->tyenv, ty);
   addStmtToIRSB(env->sb, IRStmt_WrTmp(t, e));
   return IRExpr_RdTmp(t);
}

IRType fc_type(FC_UninitEnv* env, IRExpr* e)
{
   return typeOfIRExpr(env->sb->tyenv, e);
}

IRExpr* fc_c64(ULong v)  { return IRExpr_Const(IRConst_U64(v)); }
IRExpr* fc_c8(UChar v)   { return IRExpr_Const(IRConst_U8(v)); }

/* All bits defined (0) or all undefined (1), of a shadow type. */
static IRExpr* fc_const_bits(FC_UninitEnv* env, IRType ty, Bool ones)
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

IRExpr* fc_defined(FC_UninitEnv* env, IRType ty)
{
   return fc_const_bits(env, ty, False);
}

/* Is e a constant with no bit set (a statically defined shadow)? */
Bool fc_zero(const IRExpr* e)
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

IROp fc_op_for(IRType ty, IROp op8)
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

IRExpr* fc_or(FC_UninitEnv* env, IRType ty, IRExpr* a, IRExpr* b)
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

IRExpr* fc_and(FC_UninitEnv* env, IRType ty, IRExpr* a, IRExpr* b)
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

IRExpr* fc_not(FC_UninitEnv* env, IRType ty, IRExpr* a)
{
   switch (ty) {
      case Ity_I1:   return fc_new(env, ty, IRExpr_Unop(Iop_Not1, a));
      case Ity_V128: return fc_new(env, ty, IRExpr_Unop(Iop_NotV128, a));
      case Ity_V256: return fc_new(env, ty, IRExpr_Unop(Iop_NotV256, a));
      default:
         return fc_new(env, ty, IRExpr_Unop(fc_op_for(ty, Iop_Not8), a));
   }
}

IRExpr* fc_xor(FC_UninitEnv* env, IRType ty, IRExpr* a, IRExpr* b)
{
   if (fc_zero(b)) return a;
   IROp op = ty == Ity_V128 ? Iop_XorV128 : ty == Ity_V256 ? Iop_XorV256
           : fc_op_for(ty, Iop_Xor8);
   return fc_new(env, ty, IRExpr_Binop(op, a, b));
}

/* Any bit set? (I1) */
IRExpr* fc_any(FC_UninitEnv* env, IRExpr* v)
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
IRExpr* fc_widen1(FC_UninitEnv* env, IRExpr* b, IRType ty)
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
IRExpr* fc_pcast(FC_UninitEnv* env, IRExpr* v, IRType ty)
{
   return fc_widen1(env, fc_any(env, v), ty);
}

/* Every bit from the lowest undefined one upwards (what a carry
   chain can reach). */
IRExpr* fc_left(FC_UninitEnv* env, IRType ty, IRExpr* v)
{
   if (fc_zero(v))
      return v;
   if (ty == Ity_I8 || ty == Ity_I16 || ty == Ity_I32 || ty == Ity_I64)
      return fc_new(env, ty, IRExpr_Unop(fc_op_for(ty, Iop_Left8), v));
   return fc_pcast(env, v, ty);
}

/* Lane by lane pcast of a vector (or MMX-style I64) shadow. */
IRExpr* fc_pcast_lanes(FC_UninitEnv* env, IRExpr* v, Int lane_bits)
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

IRTemp fc_shadow_temp(FC_UninitEnv* env, IRTemp t)
{
   tl_assert(t < (IRTemp)env->n_in);
   if (env->vt[t] == IRTemp_INVALID)
      env->vt[t] = newIRTemp(env->sb->tyenv,
                             fc_uninit_ty(typeOfIRTemp(env->sb->tyenv, t)));
   return env->vt[t];
}

/* The shadow of an input atom. */
IRExpr* fc_uninit_atom(FC_UninitEnv* env, IRExpr* a)
{
   if (a->tag == Iex_Const)
      return fc_defined(env, fc_uninit_ty(fc_type(env, a)));
   tl_assert(a->tag == Iex_RdTmp);
   IRTemp t = a->Iex.RdTmp.tmp;
   if (env->clean[t])
      return fc_defined(env, fc_uninit_ty(typeOfIRTemp(env->sb->tyenv, t)));
   return IRExpr_RdTmp(fc_shadow_temp(env, t));
}

/* ------------------------------------------------------------------ */
/* Operations every rule falls back on                                 */
/* ------------------------------------------------------------------ */

/* Everything undefined if anything is. */
IRExpr* fc_lazy(FC_UninitEnv* env, IRType res_ty, Int n, IRExpr** args)
{
   IRExpr* any = IRExpr_Const(IRConst_U1(False));
   for (Int i = 0; i < n; i++)
      any = fc_or(env, Ity_I1, any, fc_any(env, fc_uninit_atom(env, args[i])));
   return fc_widen1(env, any, fc_uninit_ty(res_ty));
}

UInt fc_atom_set(FC_UninitEnv* env, const IRExpr* a)
{
   if (a == NULL || a->tag != Iex_RdTmp || a->Iex.RdTmp.tmp >= env->n_in)
      return 0;
   return fc_deps_intern(&env->deps[a->Iex.RdTmp.tmp]);
}
