/* fc_carries.c: which adds and subs of a block get the exact carry rule.

   The exact rule (fc_uninit_rules.c) computes the result for the smallest and
   the largest values the undefined bits allow and marks where they
   differ: about six more operations than needed when all that matters
   is whether the result has an undefined bit at all.  For a result that
   is only ever tested as a whole, the union of the operands' uninit bits is
   enough (it is zero exactly when the exact answer is), so that is what
   such results get:

   - a value used as an address, a branch, move or call guard, an array
     index or the block's jump target is checked for any undefined bit,
     so where the undefinedness sits in it does not matter;
   - an add or sub passes the way its result is used on to its operands
     (address arithmetic stays cheap all the way down);
   - so is a value put in the flags thunk's operand fields: only the flag
     helpers read them, and their arguments are checked whole;
   - everything else (stored, put in a register, given to another
     operation or a helper) may have its bits looked at one by one, and
     gets the exact rule.

   One backward walk over the block settles it (Memcheck makes the same
   choice).  Besides, a block with word-at-a-time constants (0x0101...,
   0x8080..., as in strlen-like code) gets the exact rule everywhere: its
   adds carry across bytes some of which are undefined on purpose.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_tooliface.h"
#include "libvex_guest_amd64.h"
#include "fc_carries.h"

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

/* How a temp is used, from least to most demanding. */
enum { FC_UseUnused = 0, FC_UseWhole = 1, FC_UseBits = 2 };

static void fc_use(UChar* use, Int n, const IRExpr* e, UChar how)
{
   if (e != NULL && e->tag == Iex_RdTmp && (Int)e->Iex.RdTmp.tmp < n
       && use[e->Iex.RdTmp.tmp] < how)
      use[e->Iex.RdTmp.tmp] = how;
}

/* The same use of up to four atoms (NULL: none). */
static void fc_use4(UChar* use, Int n, UChar how, const IRExpr* a,
                    const IRExpr* b, const IRExpr* c, const IRExpr* d)
{
   fc_use(use, n, a, how);
   fc_use(use, n, b, how);
   fc_use(use, n, c, how);
   fc_use(use, n, d, how);
}

static void fc_use_all(UChar* use, Int n, IRExpr** args, UChar how)
{
   for (Int i = 0; args[i] != NULL; i++)
      if (!is_IRExpr_VECRET_or_GSPTR(args[i]))
         fc_use(use, n, args[i], how);
}

/* The uses in t = e, given how t itself is used. */
static void fc_expr_uses(UChar* use, Int n, UChar t_use, const IRExpr* e)
{
   switch (e->tag) {
   case Iex_RdTmp:
      fc_use(use, n, e, t_use);
      break;
   case Iex_Unop:
      fc_use(use, n, e->Iex.Unop.arg, FC_UseBits);
      break;
   case Iex_Binop: {
      IROp op = e->Iex.Binop.op;
      Bool addsub = (op >= Iop_Add8 && op <= Iop_Add64)
                    || (op >= Iop_Sub8 && op <= Iop_Sub64);
      fc_use4(use, n, addsub ? t_use : FC_UseBits, e->Iex.Binop.arg1,
              e->Iex.Binop.arg2, NULL, NULL);
      break;
   }
   case Iex_Triop: {
      const IRTriop* t = e->Iex.Triop.details;
      fc_use4(use, n, FC_UseBits, t->arg1, t->arg2, t->arg3, NULL);
      break;
   }
   case Iex_Qop: {
      const IRQop* q = e->Iex.Qop.details;
      fc_use4(use, n, FC_UseBits, q->arg1, q->arg2, q->arg3, q->arg4);
      break;
   }
   case Iex_Load:
      fc_use(use, n, e->Iex.Load.addr, FC_UseWhole);
      break;
   case Iex_ITE:
      fc_use(use, n, e->Iex.ITE.cond, FC_UseWhole);
      fc_use4(use, n, FC_UseBits, e->Iex.ITE.iftrue, e->Iex.ITE.iffalse,
              NULL, NULL);
      break;
   case Iex_GetI:
      fc_use(use, n, e->Iex.GetI.ix, FC_UseWhole);
      break;
   case Iex_CCall:
      fc_use_all(use, n, e->Iex.CCall.args, FC_UseBits);
      break;
   default:   /* Const, Get */
      break;
   }
}

/* The flags thunk's operand fields are only ever read by the flag
   helpers, whose arguments are checked whole (fc_uninit_instrument.c). */
static Bool fc_thunk_field(Int offset)
{
   return offset == offsetof(VexGuestAMD64State, guest_CC_DEP1)
          || offset == offsetof(VexGuestAMD64State, guest_CC_DEP2)
          || offset == offsetof(VexGuestAMD64State, guest_CC_NDEP);
}

static void fc_stmt_uses(UChar* use, Int n, const IRStmt* s)
{
   switch (s->tag) {
   case Ist_WrTmp:
      fc_expr_uses(use, n, use[s->Ist.WrTmp.tmp], s->Ist.WrTmp.data);
      break;
   case Ist_Store:
      fc_use(use, n, s->Ist.Store.addr, FC_UseWhole);
      fc_use(use, n, s->Ist.Store.data, FC_UseBits);
      break;
   case Ist_StoreG: {
      const IRStoreG* g = s->Ist.StoreG.details;
      fc_use4(use, n, FC_UseWhole, g->addr, g->guard, NULL, NULL);
      fc_use(use, n, g->data, FC_UseBits);
      break;
   }
   case Ist_LoadG: {
      const IRLoadG* g = s->Ist.LoadG.details;
      fc_use4(use, n, FC_UseWhole, g->addr, g->guard, NULL, NULL);
      fc_use(use, n, g->alt, FC_UseBits);
      break;
   }
   case Ist_Exit:
      fc_use(use, n, s->Ist.Exit.guard, FC_UseWhole);
      break;
   case Ist_Put:
      fc_use(use, n, s->Ist.Put.data, fc_thunk_field(s->Ist.Put.offset)
                                      ? FC_UseWhole : FC_UseBits);
      break;
   case Ist_PutI:
      fc_use(use, n, s->Ist.PutI.details->ix, FC_UseWhole);
      fc_use(use, n, s->Ist.PutI.details->data, FC_UseBits);
      break;
   case Ist_Dirty:
      fc_use(use, n, s->Ist.Dirty.details->guard, FC_UseWhole);
      fc_use(use, n, s->Ist.Dirty.details->mAddr, FC_UseWhole);
      fc_use_all(use, n, s->Ist.Dirty.details->args, FC_UseBits);
      break;
   case Ist_CAS: {
      const IRCAS* c = s->Ist.CAS.details;
      fc_use(use, n, c->addr, FC_UseWhole);
      fc_use4(use, n, FC_UseBits, c->expdHi, c->expdLo, c->dataHi,
              c->dataLo);
      break;
   }
   case Ist_LLSC:
      fc_use(use, n, s->Ist.LLSC.addr, FC_UseWhole);
      fc_use(use, n, s->Ist.LLSC.storedata, FC_UseBits);
      break;
   default:   /* IMark, AbiHint, MBE, NoOp */
      break;
   }
}

void fc_carries_decide(const IRSB* sb, UChar* exact)
{
   Int n = sb->tyenv->types_used;
   if (fc_block_has_trick_literals(sb)) {
      VG_(memset)(exact, 1, n);
      return;
   }
   VG_(memset)(exact, FC_UseUnused, n);   /* `exact` holds the uses first */
   fc_use(exact, n, sb->next, FC_UseWhole);
   for (Int i = sb->stmts_used - 1; i >= 0; i--)
      fc_stmt_uses(exact, n, sb->stmts[i]);
   for (Int t = 0; t < n; t++)
      exact[t] = exact[t] == FC_UseBits;
}
