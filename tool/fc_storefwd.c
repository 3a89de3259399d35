/* fc_storefwd.c: rewrites of the guest's own IR that spare the host a
   store-forwarding stall, done before instrumentation.

   A scalar SSE load (movss/movsd from memory, and the like) comes out of
   the front end as two writes of the register: the whole of it zeroed,
   then its low 4 or 8 bytes.  The host does the second as a narrow store
   into the guest state, and the next 16-byte read of the register (in the
   same block or the next) cannot be served from it: the load waits for
   the store to reach the cache.  With uninit tracking the register's
   shadow is written the same way, so a scalar FP loop paid this twice per
   load.  The pair means the same as one write of the zero-extended value,
   PUT(o) = 32UtoV128(x) or 64UtoV128(x), which the optimiser can forward
   to later reads in the block.

   The same stall follows a write of the low byte or word of an integer
   register (setcc, movb, movw): a later 8-byte read of the register waits.
   Such a write becomes an 8-byte one of the register's old value with
   its low bits replaced, which the optimiser forwards (from an earlier
   write in the block, or not at all when the previous block's last
   write was a full one).

   The zeroing write moves down to where the narrow one was; only other
   temporaries, stores and writes of other registers may lie between
   (anything that could read the register stops the search).  Registers
   other than rip/rsp/rbp need not be exact at a memory access that
   faults (Valgrind's default, and what its optimiser assumes too).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_tooliface.h"
#include "libvex_guest_amd64.h"
#include "fc_storefwd.h"

/* Does expression e (flat: an atom or one operation on atoms) read the
   guest state? */
static Bool fc_reads_guest_state(const IRExpr* e)
{
   return e->tag == Iex_Get || e->tag == Iex_GetI;
}

/* Can statement s lie between the two writes of the register at
   [off, off+16) without being affected by the merge? */
static Bool fc_transparent(const IRStmt* s, Int off)
{
   switch (s->tag) {
   case Ist_NoOp:
   case Ist_Store:
      return True;
   case Ist_WrTmp:
      return !fc_reads_guest_state(s->Ist.WrTmp.data);
   case Ist_Put:   /* another register, not overlapping */
      return s->Ist.Put.offset >= off + 16
             || s->Ist.Put.offset + 16 <= off;
   default:        /* marks, exits, calls, indexed state, atomics */
      return False;
   }
}

/* If stmts[i] zeroes a 16-byte register and a later write of its low
   lane follows (see the top), the index of that write, else -1. */
static Int fc_low_lane_write(const IRSB* sb, Int i)
{
   const IRStmt* z = sb->stmts[i];
   if (z->tag != Ist_Put || z->Ist.Put.data->tag != Iex_Const
       || z->Ist.Put.data->Iex.Const.con->tag != Ico_V128
       || z->Ist.Put.data->Iex.Const.con->Ico.V128 != 0)
      return -1;
   Int off = z->Ist.Put.offset;
   for (Int j = i + 1; j < sb->stmts_used; j++) {
      const IRStmt* s = sb->stmts[j];
      if (s->tag == Ist_Put && s->Ist.Put.offset == off) {
         IRType ty = typeOfIRExpr(sb->tyenv, s->Ist.Put.data);
         Bool narrow = ty == Ity_I32 || ty == Ity_F32 || ty == Ity_I64
                       || ty == Ity_F64;
         return narrow ? j : -1;
      }
      if (!fc_transparent(s, off))
         return -1;
   }
   return -1;
}

/* Appends to out the write of x (4 or 8 bytes) zero-extended into the
   register at off. */
static void fc_put_widened(IRSB* out, Int off, IRExpr* x)
{
   IRType ty = typeOfIRExpr(out->tyenv, x);
   if (ty == Ity_F32 || ty == Ity_F64) {
      IRTemp bits = newIRTemp(out->tyenv, ty == Ity_F32 ? Ity_I32 : Ity_I64);
      addStmtToIRSB(out, IRStmt_WrTmp(bits, IRExpr_Unop(ty == Ity_F32
                    ? Iop_ReinterpF32asI32 : Iop_ReinterpF64asI64, x)));
      x = IRExpr_RdTmp(bits);
      ty = ty == Ity_F32 ? Ity_I32 : Ity_I64;
   }
   IRTemp wide = newIRTemp(out->tyenv, Ity_V128);
   addStmtToIRSB(out, IRStmt_WrTmp(wide, IRExpr_Unop(ty == Ity_I32
                 ? Iop_32UtoV128 : Iop_64UtoV128, x)));
   addStmtToIRSB(out, IRStmt_Put(off, IRExpr_RdTmp(wide)));
}

/* Is s a write of the low 1 or 2 bytes of an integer register? */
static Bool fc_narrow_gpr_write(const IRSB* sb, const IRStmt* s)
{
   if (s->tag != Ist_Put)
      return False;
   Int off = s->Ist.Put.offset;
   if (off < (Int)offsetof(VexGuestAMD64State, guest_RAX)
       || off > (Int)offsetof(VexGuestAMD64State, guest_R15)
       || off % 8 != 0)
      return False;
   IRType ty = typeOfIRExpr(sb->tyenv, s->Ist.Put.data);
   return ty == Ity_I8 || ty == Ity_I16;
}

/* Appends to out the 8-byte write that means the same as the narrow
   write s: PUT(o) = (GET(o) & ~mask) | zero-extended value. */
static void fc_put_merged(IRSB* out, const IRStmt* s)
{
   Int off = s->Ist.Put.offset;
   Bool byte = typeOfIRExpr(out->tyenv, s->Ist.Put.data) == Ity_I8;
   IRTemp old = newIRTemp(out->tyenv, Ity_I64);
   IRTemp kept = newIRTemp(out->tyenv, Ity_I64);
   IRTemp low = newIRTemp(out->tyenv, Ity_I64);
   IRTemp all = newIRTemp(out->tyenv, Ity_I64);
   addStmtToIRSB(out, IRStmt_WrTmp(old, IRExpr_Get(off, Ity_I64)));
   addStmtToIRSB(out, IRStmt_WrTmp(kept, IRExpr_Binop(Iop_And64,
                 IRExpr_RdTmp(old), IRExpr_Const(IRConst_U64(
                 byte ? ~0xFFULL : ~0xFFFFULL)))));
   addStmtToIRSB(out, IRStmt_WrTmp(low, IRExpr_Unop(
                 byte ? Iop_8Uto64 : Iop_16Uto64, s->Ist.Put.data)));
   addStmtToIRSB(out, IRStmt_WrTmp(all, IRExpr_Binop(Iop_Or64,
                 IRExpr_RdTmp(kept), IRExpr_RdTmp(low))));
   addStmtToIRSB(out, IRStmt_Put(off, IRExpr_RdTmp(all)));
}

IRSB* fc_storefwd(IRSB* sb)
{
   Bool any = False;
   for (Int i = 0; i < sb->stmts_used && !any; i++)
      any = fc_low_lane_write(sb, i) >= 0
            || fc_narrow_gpr_write(sb, sb->stmts[i]);
   if (!any)
      return sb;
   IRSB* out = deepCopyIRSBExceptStmts(sb);
   /* merged[j]: stmts[j] is the narrow write of a merged pair */
   UChar* merged = VG_(calloc)("fc.irtidy", sb->stmts_used, 1);
   for (Int i = 0; i < sb->stmts_used; i++) {
      IRStmt* s = sb->stmts[i];
      if (merged[i]) {
         fc_put_widened(out, s->Ist.Put.offset, s->Ist.Put.data);
         continue;
      }
      if (fc_narrow_gpr_write(sb, s)) {
         fc_put_merged(out, s);
         continue;
      }
      Int j = fc_low_lane_write(sb, i);
      if (j >= 0) {
         merged[j] = 1;   /* the zeroing write is dropped here */
         continue;
      }
      addStmtToIRSB(out, s);
   }
   VG_(free)(merged);
   return out;
}
