/* fc_uninit_rules.c: the uninit-bit rules, operation by operation: how undefined
   bits of the operands make bits of the result undefined.

   Exact where compilers' code needs it (see fc_uninit_instrument.c's header
   and docs/uninit.md): and/or with defined bits, ==/!= and orderings,
   shifts, count-zeros, carries in word-at-a-time code, vector lanes,
   data movement.  Anything not listed is "lazy": all of the result is
   undefined if any operand bit is (fc_lazy).  A rule that named the wrong
   lane width or family would give false reports (too many undefined
   bits) or miss them (too few): the tests in tests/uninit/ and the
   benchmark workloads (which must report nothing) exercise them.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_machine.h"
#include "pub_tool_tooliface.h"
#include "fc_access.h"
#include "fc_errors.h"
#include "fc_uninit.h"
#include "fc_uninit_rules.h"

/* ---- bits known to be defined zeros ---- */

static ULong fc_width_mask(IRType ty)
{
   switch (ty) {
   case Ity_I1:  return 0x1ULL;
   case Ity_I8:  return 0xFFULL;
   case Ity_I16: return 0xFFFFULL;
   case Ity_I32: return 0xFFFFFFFFULL;
   case Ity_I64: return ~0ULL;
   default:      return 0;
   }
}

ULong fc_zero_bits(const FC_UninitEnv* env, const IRExpr* atom)
{
   if (atom->tag == Iex_RdTmp)
      return atom->Iex.RdTmp.tmp < (IRTemp)env->n_in
             ? env->zero_bits[atom->Iex.RdTmp.tmp] : 0;
   if (atom->tag != Iex_Const)
      return 0;
   const IRConst* c = atom->Iex.Const.con;
   switch (c->tag) {
   case Ico_U1:  return c->Ico.U1 ? 0 : 1;
   case Ico_U8:  return ~(ULong)c->Ico.U8 & 0xFFULL;
   case Ico_U16: return ~(ULong)c->Ico.U16 & 0xFFFFULL;
   case Ico_U32: return ~(ULong)c->Ico.U32 & 0xFFFFFFFFULL;
   case Ico_U64: return ~c->Ico.U64;
   default:      return 0;
   }
}

/* The zero bits of a shift of x by the constant k (< width w). */
static ULong fc_zero_bits_shift(ULong zx, Bool left, UInt k, ULong w)
{
   if (left)
      return ((zx << k) | ((1ULL << k) - 1)) & w;
   return ((zx & w) >> k) | (w & ~(w >> k));
}

static ULong fc_zero_bits_of(const FC_UninitEnv* env, const IRExpr* e, ULong w)
{
   switch (e->tag) {
   case Iex_Const:
   case Iex_RdTmp:
      return fc_zero_bits(env, e);
   case Iex_Unop: {
      ULong za = fc_zero_bits(env, e->Iex.Unop.arg);
      switch (e->Iex.Unop.op) {
      case Iop_8Uto16: case Iop_8Uto32: case Iop_8Uto64:
         return (za & 0xFFULL) | (w & ~0xFFULL);
      case Iop_16Uto32: case Iop_16Uto64:
         return (za & 0xFFFFULL) | (w & ~0xFFFFULL);
      case Iop_32Uto64:
         return (za & 0xFFFFFFFFULL) | (w & ~0xFFFFFFFFULL);
      case Iop_1Uto8: case Iop_1Uto32: case Iop_1Uto64:
         return w & ~1ULL;
      case Iop_64to8: case Iop_64to16: case Iop_64to32: case Iop_32to8:
      case Iop_32to16: case Iop_16to8:
         return za & w;
      default:
         return 0;
      }
   }
   case Iex_Binop: {
      const IRExpr* a = e->Iex.Binop.arg1;
      const IRExpr* b = e->Iex.Binop.arg2;
      switch (e->Iex.Binop.op) {
      case Iop_And8: case Iop_And16: case Iop_And32: case Iop_And64:
         return fc_zero_bits(env, a) | fc_zero_bits(env, b);
      case Iop_Or8: case Iop_Or16: case Iop_Or32: case Iop_Or64:
      case Iop_Xor8: case Iop_Xor16: case Iop_Xor32: case Iop_Xor64:
         return fc_zero_bits(env, a) & fc_zero_bits(env, b);
      case Iop_Shl8: case Iop_Shl16: case Iop_Shl32: case Iop_Shl64:
      case Iop_Shr8: case Iop_Shr16: case Iop_Shr32: case Iop_Shr64: {
         if (b->tag != Iex_Const || b->Iex.Const.con->tag != Ico_U8)
            return 0;
         UInt k = b->Iex.Const.con->Ico.U8;
         if (k == 0 || (ULong)k >= 64 || (w >> k) == 0)
            return 0;
         IROp op = e->Iex.Binop.op;
         Bool left = op == Iop_Shl8 || op == Iop_Shl16 || op == Iop_Shl32
                     || op == Iop_Shl64;
         return fc_zero_bits_shift(fc_zero_bits(env, a), left, k, w);
      }
      default:
         return 0;
      }
   }
   default:
      return 0;
   }
}

void fc_note_zero_bits(FC_UninitEnv* env, IRTemp t, const IRExpr* e)
{
   ULong w = fc_width_mask(typeOfIRTemp(env->sb->tyenv, t));
   env->zero_bits[t] = w == 0 ? 0 : fc_zero_bits_of(env, e, w) & w;
}

/* For every bit, is one of a and b known to be a defined zero?  Then
   or, xor and add (no carries) make exactly the union of uninit bits. */
static Bool fc_disjoint(const FC_UninitEnv* env, IRType ty, const IRExpr* a,
                        const IRExpr* b)
{
   ULong w = fc_width_mask(ty);
   return w != 0 && ((fc_zero_bits(env, a) | fc_zero_bits(env, b)) & w) == w;
}

/* x with its undefined bits cleared (the smallest value they allow),
   made once per temp and block: an add, a compare and a test of the same
   operand share it. */
static IRExpr* fc_defined_part(FC_UninitEnv* env, IRType ty, IRExpr* x,
                               IRExpr* vx)
{
   if (fc_zero(vx))
      return x;
   Bool memo = x->tag == Iex_RdTmp && x->Iex.RdTmp.tmp < (IRTemp)env->n_in;
   if (memo && env->dpart[x->Iex.RdTmp.tmp] != NULL)
      return env->dpart[x->Iex.RdTmp.tmp];
   IRExpr* r = fc_and(env, ty, x, fc_not(env, ty, vx));
   if (memo)
      env->dpart[x->Iex.RdTmp.tmp] = r;
   return r;
}

/* Exact add and sub: the results for the smallest and the largest
   values the undefined bits allow differ exactly where a carry (or
   borrow) from an undefined bit can reach.  With x_min = x & ~vx (and
   x_max = x_min + vx, the undefined bits being clear in x_min):
      add: lo = a_min + b_min,  hi = lo + va + vb
      sub: d = a_min - b_min,   lo = d - vb,  hi = d + va
   and the undefined bits are va | vb | (lo ^ hi). */
static IRExpr* fc_rule_addsub(FC_UninitEnv* env, IRType ty, Bool sub, IRExpr* a,
                           IRExpr* b, IRExpr* va, IRExpr* vb)
{
   if (fc_zero(va) && fc_zero(vb))
      return va;
   if (!sub && fc_disjoint(env, ty, a, b))   /* no carries at all */
      return fc_or(env, ty, va, vb);
   IRExpr* vab = fc_or(env, ty, va, vb);
   if (!env->exact_now)   /* only tested whole: which bits, no matter */
      return vab;
   IROp add = fc_op_for(ty, Iop_Add8);
   IROp subop = fc_op_for(ty, Iop_Sub8);
   IRExpr* amin = fc_defined_part(env, ty, a, va);
   IRExpr* bmin = fc_defined_part(env, ty, b, vb);
   IRExpr* lo = fc_new(env, ty, IRExpr_Binop(sub ? subop : add, amin, bmin));
   IRExpr* hi = fc_zero(va) ? lo
               : fc_new(env, ty, IRExpr_Binop(add, lo, va));
   if (!fc_zero(vb) && sub)
      lo = fc_new(env, ty, IRExpr_Binop(subop, lo, vb));
   else if (!fc_zero(vb))
      hi = fc_new(env, ty, IRExpr_Binop(add, hi, vb));
   return fc_or(env, ty, vab, fc_xor(env, ty, lo, hi));
}

/* a & b: a bit is defined where both are, or where either is a defined
   0.  a | b: the same with defined 1s. */
static IRExpr* fc_rule_andor(FC_UninitEnv* env, IRType ty, Bool is_or, IRExpr* a,
                          IRExpr* b, IRExpr* va, IRExpr* vb)
{
   if (fc_zero(va) && fc_zero(vb))
      return va;
   if (is_or && fc_disjoint(env, ty, a, b))
      return fc_or(env, ty, va, vb);
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
static IRExpr* fc_rule_cmpeq(FC_UninitEnv* env, IRType ty, IRExpr* a, IRExpr* b,
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

/* a != 0: defined when a defined bit is 1, or when no bit is undefined. */
static IRExpr* fc_rule_cmpnez(FC_UninitEnv* env, IRType ty, IRExpr* a, IRExpr* va)
{
   if (fc_zero(va))
      return IRExpr_Const(IRConst_U1(False));
   IRExpr* d = fc_defined_part(env, ty, a, va);
   return fc_new(env, Ity_I1, IRExpr_Binop(Iop_And1, fc_any(env, va),
                 fc_not(env, Ity_I1, fc_any(env, d))));
}

/* a < b, a <= b (32 or 64 bits): defined when the ranges the undefined
   bits allow decide it. */
static IRExpr* fc_rule_cmpord(FC_UninitEnv* env, IRType ty, Bool is_signed,
                           Bool or_eq, IRExpr* a, IRExpr* b, IRExpr* va,
                           IRExpr* vb)
{
   if (fc_zero(va) && fc_zero(vb))
      return IRExpr_Const(IRConst_U1(False));
   Bool w64 = ty == Ity_I64;
   if (!is_signed && fc_zero(vb) && b->tag == Iex_Const) {
      ULong c = w64 ? b->Iex.Const.con->Ico.U64 : b->Iex.Const.con->Ico.U32;
      if (c == (or_eq ? 0 : 1))   /* a <u 1, a <=u 0: a == 0 */
         return fc_rule_cmpnez(env, ty, a, va);
   }
   if (is_signed) {   /* flipping the sign bit makes it unsigned */
      IRExpr* sign = w64 ? fc_c64(1ULL << 63)
                         : IRExpr_Const(IRConst_U32(1U << 31));
      a = fc_xor(env, ty, a, sign);
      b = fc_xor(env, ty, b, sign);
   }
   IROp lt = or_eq ? (w64 ? Iop_CmpLE64U : Iop_CmpLE32U)
                   : (w64 ? Iop_CmpLT64U : Iop_CmpLT32U);
   IRExpr* amin = fc_defined_part(env, ty, a, va);
   IRExpr* amax = fc_or(env, ty, a, va);
   IRExpr* bmin = fc_defined_part(env, ty, b, vb);
   IRExpr* bmax = fc_or(env, ty, b, vb);
   IRExpr* always = fc_new(env, Ity_I1, IRExpr_Binop(lt, amax, bmin));
   IRExpr* maybe = fc_new(env, Ity_I1, IRExpr_Binop(lt, amin, bmax));
   /* undefined iff it may be true but is not always (with no undefined
      bit, min == max and the two agree) */
   return fc_new(env, Ity_I1, IRExpr_Binop(Iop_And1, maybe,
                 fc_not(env, Ity_I1, always)));
}

/* Count trailing (leading) zeros: only the bits up to the lowest
   (highest) defined 1 matter. */
static IRExpr* fc_rule_ctz_clz(FC_UninitEnv* env, IRType ty, Bool trailing,
                            IRExpr* a, IRExpr* va)
{
   if (fc_zero(va))
      return va;
   IRExpr* d = fc_defined_part(env, ty, a, va);
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

/* Shifts by a scalar amount move the uninit bits; an undefined amount
   spoils everything. */
static IRExpr* fc_rule_shift(FC_UninitEnv* env, IROp op, IRType ty, IRExpr* va,
                          IRExpr* amount)
{
   IRExpr* moved = fc_zero(va) ? va
                 : fc_new(env, ty, IRExpr_Binop(op, va, amount));
   return fc_or(env, ty, moved, fc_pcast(env, fc_uninit_atom(env, amount), ty));
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
static IRExpr* fc_rule_lanes(FC_UninitEnv* env, IROp op, Int lane, Int n,
                          IRExpr** args)
{
   IRType res, t[4] = { Ity_INVALID, Ity_INVALID, Ity_INVALID, Ity_INVALID };
   typeOfPrimop(op, &res, &t[0], &t[1], &t[2], &t[3]);
   IRExpr* acc = fc_defined(env, res);
   IRExpr* scalar = IRExpr_Const(IRConst_U1(False));
   for (Int i = 0; i < n; i++) {
      IRExpr* v = fc_uninit_atom(env, args[i]);
      if (fc_uninit_ty(t[i]) == res)
         acc = fc_or(env, res, acc, v);
      else
         scalar = fc_or(env, Ity_I1, scalar, fc_any(env, v));
   }
   return fc_or(env, res, fc_pcast_lanes(env, acc, lane),
                fc_widen1(env, scalar, res));
}

/* Ops that only move bits around: the same op moves the uninit bits. */
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

IRExpr* fc_uninit_rule_unop(FC_UninitEnv* env, IROp op, IRExpr* a)
{
   IRExpr* va = fc_uninit_atom(env, a);
   IRType res, a1, a2, a3, a4;
   typeOfPrimop(op, &res, &a1, &a2, &a3, &a4);
   if (fc_reinterprets(op))
      return va;
   if (fc_moves_bits(op))
      return fc_zero(va) ? fc_defined(env, fc_uninit_ty(res))
                         : fc_new(env, fc_uninit_ty(res), IRExpr_Unop(op, va));
   switch (op) {
   case Iop_CmpNEZ8: case Iop_CmpNEZ16: case Iop_CmpNEZ32: case Iop_CmpNEZ64:
      return fc_rule_cmpnez(env, a1, a, va);
   case Iop_CmpwNEZ32: case Iop_CmpwNEZ64:
      return fc_widen1(env, fc_rule_cmpnez(env, a1, a, va), res);
   case Iop_Left8: case Iop_Left16: case Iop_Left32: case Iop_Left64:
      return fc_left(env, res, va);
   case Iop_Ctz32: case Iop_Ctz64: case Iop_CtzNat32: case Iop_CtzNat64:
      return fc_rule_ctz_clz(env, a1, True, a, va);
   case Iop_Clz32: case Iop_Clz64: case Iop_ClzNat32: case Iop_ClzNat64:
      return fc_rule_ctz_clz(env, a1, False, a, va);
   case Iop_CmpNEZ8x16: case Iop_CmpNEZ16x8: case Iop_CmpNEZ32x4:
   case Iop_CmpNEZ64x2: case Iop_CmpNEZ8x8: case Iop_CmpNEZ16x4:
   case Iop_CmpNEZ32x2:
      return fc_zero(va) ? va : fc_new(env, res, IRExpr_Unop(op, va));
   default:
      break;
   }
   Int lane = fc_lane_arith(op);
   if (lane != 0)
      return fc_rule_lanes(env, op, lane, 1, &a);
   return fc_lazy(env, res, 1, &a);
}

/* The scalar op families with exact rules. */
static IRExpr* fc_rule_binop_scalar(FC_UninitEnv* env, IROp op, IRExpr* a,
                                 IRExpr* b, IRExpr* va, IRExpr* vb,
                                 Bool* done)
{
   IRType ty = fc_arg1_type(op);
   *done = True;
   switch (op) {
   case Iop_Add8: case Iop_Add16: case Iop_Add32: case Iop_Add64:
      return fc_rule_addsub(env, ty, False, a, b, va, vb);
   case Iop_Sub8: case Iop_Sub16: case Iop_Sub32: case Iop_Sub64:
      return fc_rule_addsub(env, ty, True, a, b, va, vb);
   case Iop_And8: case Iop_And16: case Iop_And32: case Iop_And64:
   case Iop_And1: case Iop_AndV128: case Iop_AndV256:
      return fc_rule_andor(env, ty, False, a, b, va, vb);
   case Iop_Or8: case Iop_Or16: case Iop_Or32: case Iop_Or64:
   case Iop_Or1: case Iop_OrV128: case Iop_OrV256:
      return fc_rule_andor(env, ty, True, a, b, va, vb);
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
      return fc_rule_cmpeq(env, ty, a, b, va, vb);
   case Iop_CmpLT32S: case Iop_CmpLT64S:
      return fc_rule_cmpord(env, ty, True, False, a, b, va, vb);
   case Iop_CmpLE32S: case Iop_CmpLE64S:
      return fc_rule_cmpord(env, ty, True, True, a, b, va, vb);
   case Iop_CmpLT32U: case Iop_CmpLT64U:
      return fc_rule_cmpord(env, ty, False, False, a, b, va, vb);
   case Iop_CmpLE32U: case Iop_CmpLE64U:
      return fc_rule_cmpord(env, ty, False, True, a, b, va, vb);
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
      return fc_rule_shift(env, op, ty, va, b);
   default:
      *done = False;
      return NULL;
   }
}

/* Vector ops that move lanes under the control of a second operand. */
static IRExpr* fc_rule_binop_vector(FC_UninitEnv* env, IROp op, IRExpr* a,
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

/* [hi lanes of hi, the low `lane` bits of lo], with register operations
   only.  The backend does SetV128lo32/64 through memory, a 4- or 8-byte
   store into a 16-byte one read back at once: the store cannot be
   forwarded, and the stall sits on the loop-carried chain of every
   scalar FP accumulator (shadows of movss/addsd loops). */
static IRExpr* fc_merge_low_lane(FC_UninitEnv* env, Int lane, IRExpr* hi,
                                 IRExpr* lo)
{
   IRExpr* upper = fc_new(env, Ity_V128,
                          IRExpr_Binop(Iop_InterleaveHI64x2, hi, hi));
   if (lane == 32) {   /* the low 64 bits: hi's lane 1, lo's lane 0 */
      IRExpr* h1 = fc_new(env, Ity_V128, IRExpr_Binop(Iop_ShlN64x2,
                   fc_new(env, Ity_V128, IRExpr_Binop(Iop_ShrN64x2, hi,
                          fc_c8(32))), fc_c8(32)));
      IRExpr* l0 = fc_new(env, Ity_V128, IRExpr_Binop(Iop_ShrN64x2,
                   fc_new(env, Ity_V128, IRExpr_Binop(Iop_ShlN64x2, lo,
                          fc_c8(32))), fc_c8(32)));
      lo = fc_or(env, Ity_V128, h1, l0);
   }
   return fc_new(env, Ity_V128, IRExpr_Binop(Iop_InterleaveLO64x2,
                                             upper, lo));
}

/* A scalar FP op on the low lane; the other lanes come from a. */
static IRExpr* fc_rule_low_lane(FC_UninitEnv* env, Int lane, IRExpr* va, IRExpr* vb)
{
   IRExpr* both = fc_or(env, Ity_V128, va, vb);
   if (fc_zero(both))
      return both;
   return fc_merge_low_lane(env, lane, va, fc_pcast_lanes(env, both, lane));
}

IRExpr* fc_uninit_rule_binop(FC_UninitEnv* env, IROp op, IRExpr* a, IRExpr* b)
{
   IRExpr* va = fc_uninit_atom(env, a);
   IRExpr* vb = fc_uninit_atom(env, b);
   IRType res, a1, a2, a3, a4;
   typeOfPrimop(op, &res, &a1, &a2, &a3, &a4);
   Bool done;
   IRExpr* v = fc_rule_binop_scalar(env, op, a, b, va, vb, &done);
   if (done)
      return v;
   v = fc_rule_binop_vector(env, op, a, b, va, vb, &done);
   if (done)
      return v;
   if (fc_moves_bits(op)) {
      if (fc_zero(va) && fc_zero(vb))
         return fc_defined(env, fc_uninit_ty(res));
      if (op == Iop_SetV128lo32 || op == Iop_SetV128lo64)
         return fc_merge_low_lane(env, op == Iop_SetV128lo32 ? 32 : 64, va,
                   fc_new(env, Ity_V128, IRExpr_Unop(op == Iop_SetV128lo32
                          ? Iop_32UtoV128 : Iop_64UtoV128, vb)));
      return fc_new(env, fc_uninit_ty(res), IRExpr_Binop(op, va, vb));
   }
   switch (op) {
   case Iop_Add32F0x4: case Iop_Sub32F0x4: case Iop_Mul32F0x4:
   case Iop_Div32F0x4: case Iop_Max32F0x4: case Iop_Min32F0x4:
   case Iop_CmpEQ32F0x4: case Iop_CmpLT32F0x4: case Iop_CmpLE32F0x4:
   case Iop_CmpUN32F0x4:
      return fc_rule_low_lane(env, 32, va, vb);
   case Iop_Add64F0x2: case Iop_Sub64F0x2: case Iop_Mul64F0x2:
   case Iop_Div64F0x2: case Iop_Max64F0x2: case Iop_Min64F0x2:
   case Iop_CmpEQ64F0x2: case Iop_CmpLT64F0x2: case Iop_CmpLE64F0x2:
   case Iop_CmpUN64F0x2:
      return fc_rule_low_lane(env, 64, va, vb);
   default:
      break;
   }
   IRExpr* args[2] = { a, b };
   Int lane = fc_lane_arith(op);
   if (lane != 0)
      return fc_rule_lanes(env, op, lane, 2, args);
   return fc_lazy(env, res, 2, args);
}

IRExpr* fc_uninit_rule_triop(FC_UninitEnv* env, IRTriop* t)
{
   IRExpr* args[3] = { t->arg1, t->arg2, t->arg3 };
   IRType res, a1, a2, a3, a4;
   typeOfPrimop(t->op, &res, &a1, &a2, &a3, &a4);
   if (t->op == Iop_SliceV128) {
      IRExpr* va = fc_uninit_atom(env, t->arg1);
      IRExpr* vb = fc_uninit_atom(env, t->arg2);
      IRExpr* moved = fc_zero(va) && fc_zero(vb) ? va
                    : fc_new(env, res, IRExpr_Triop(t->op, va, vb, t->arg3));
      return fc_or(env, res, moved,
                   fc_pcast(env, fc_uninit_atom(env, t->arg3), res));
   }
   Int lane = fc_lane_arith(t->op);
   if (lane != 0)
      return fc_rule_lanes(env, t->op, lane, 3, args);
   return fc_lazy(env, res, 3, args);
}

/* A scalar value (I1..I64, F32, F64) as an I64, for a helper. */
static IRExpr* fc_widen64(FC_UninitEnv* env, IRExpr* x)
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
IRExpr* fc_uninit_rule_ite(FC_UninitEnv* env, IRExpr* cond, IRExpr* t, IRExpr* f)
{
   IRExpr* vc = fc_uninit_atom(env, cond);
   IRExpr* vt = fc_uninit_atom(env, t);
   IRExpr* vf = fc_uninit_atom(env, f);
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
                       mkIRExprVec_5(args[0], args[1], args[2], args[3],
                                     fc_c64(fc_atom_set(env, cond))));
      di->guard = fc_any(env, vc);
      fc_access_needs_stack(di);
      addStmtToIRSB(env->sb, IRStmt_Dirty(di));
      if (cond->tag == Iex_RdTmp)
         env->clean[cond->Iex.RdTmp.tmp] = True;
   }
   if (fc_zero(vt) && fc_zero(vf))
      return vt;
   return fc_new(env, fc_uninit_ty(ty), IRExpr_ITE(cond, vt, vf));
}

