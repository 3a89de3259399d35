/* fc_vops.h: inside the V-bit instrumentation: the environment of one
   block and the IR builders fc_definedness.c and fc_vops.c share (the
   rules per operation live in fc_vops.c, the rest in fc_definedness.c).
   Not for other modules.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_VOPS_H
#define FC_VOPS_H

#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"

typedef struct {
   IRSB*    sb;        /* the output block */
   IRTemp*  vt;        /* shadow of each input temp; IRTemp_INVALID if
                          not made yet */
   UChar*   clean;     /* input temps reported already: taken as defined */
   Int      n_in;      /* temps of the input block */
   Int      gs_size;   /* offset of the guest state's shadow */
   const VexGuestLayout* layout;   /* for its always-defined registers */
   UChar*   exact;     /* per input temp: an add or sub computing it
                          takes carries exactly (fc_carries.c) */
   Bool     exact_now;  /* that, for the temp being computed */
   UInt*    sp_gen;   /* rsp tracking (fc_definedness.c, fc_sp_note) */
   Long*    sp_off;
   UInt     sp_writes;   /* PUTs to rsp so far */
   IRExpr*  run_sp;      /* stack marks not yet emitted (fc_definedness.c):
                            the red zone below this rsp atom ... */
   Long     run_len;     /* ... this many bytes of it, 0 = none */
   IRExpr** dpart;       /* per input temp x: x & ~vx once made
                            (fc_vops.c, fc_defined_part) */
   ULong*   zero_bits;   /* per input temp: bits known to be defined
                            zeros (fc_note_zero_bits) */
} FC_VEnv;

/* Builders (fc_definedness.c).  A shadow has a set bit for each undefined
   bit of its value; fc_zero recognises a statically defined one. */
IRType fc_vty(IRType ty);
IRExpr* fc_new(FC_VEnv* env, IRType ty, IRExpr* e);
IRType fc_type(FC_VEnv* env, IRExpr* e);
IRExpr* fc_c64(ULong v);
IRExpr* fc_c8(UChar v);
IRExpr* fc_defined(FC_VEnv* env, IRType ty);
Bool fc_zero(const IRExpr* e);
IROp fc_op_for(IRType ty, IROp op8);
IRExpr* fc_or(FC_VEnv* env, IRType ty, IRExpr* a, IRExpr* b);
IRExpr* fc_and(FC_VEnv* env, IRType ty, IRExpr* a, IRExpr* b);
IRExpr* fc_not(FC_VEnv* env, IRType ty, IRExpr* a);
IRExpr* fc_xor(FC_VEnv* env, IRType ty, IRExpr* a, IRExpr* b);
IRExpr* fc_any(FC_VEnv* env, IRExpr* v);
IRExpr* fc_widen1(FC_VEnv* env, IRExpr* b, IRType ty);
IRExpr* fc_pcast(FC_VEnv* env, IRExpr* v, IRType ty);
IRExpr* fc_left(FC_VEnv* env, IRType ty, IRExpr* v);
IRExpr* fc_pcast_lanes(FC_VEnv* env, IRExpr* v, Int lane_bits);
IRExpr* fc_vatom(FC_VEnv* env, IRExpr* a);
IRExpr* fc_lazy(FC_VEnv* env, IRType res_ty, Int n, IRExpr** args);

/* Bits of an integer atom known to be defined zeros (a constant's
   clear bits; masks, zero-extensions and shifts of temps), noted for
   each temp t = e as the block is read.  Where the two operands of an
   or or an add have no bit that is not such a zero in one of them, the
   plain union of their V bits is exact (fc_vops.c). */
void fc_note_zero_bits(FC_VEnv* env, IRTemp t, const IRExpr* e);
ULong fc_zero_bits(const FC_VEnv* env, const IRExpr* atom);

/* The shadows of operations (fc_vops.c). */
IRExpr* fc_v_unop(FC_VEnv* env, IROp op, IRExpr* a);
IRExpr* fc_v_binop(FC_VEnv* env, IROp op, IRExpr* a, IRExpr* b);
IRExpr* fc_v_triop(FC_VEnv* env, IRTriop* t);
IRExpr* fc_v_ite(FC_VEnv* env, IRExpr* cond, IRExpr* t, IRExpr* f);

#endif
