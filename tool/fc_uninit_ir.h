/* fc_uninit_ir.h: inside the uninit-bit instrumentation: the environment
   of one block being instrumented and the IR builders that the pass
   (fc_uninit_instrument.c) and the rules (fc_uninit_rules.c) share.
   Not for other modules.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_UNINIT_IR_H
#define FC_UNINIT_IR_H

#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"
#include "fc_uninit_origins.h"

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
   UInt*    sp_gen;   /* rsp tracking (fc_uninit_instrument.c, fc_sp_note) */
   Long*    sp_off;
   UInt     sp_writes;   /* PUTs to rsp so far */
   IRExpr*  run_sp;      /* stack marks not yet emitted (fc_uninit_instrument.c):
                            the red zone below this rsp atom ... */
   Long     run_len;     /* ... this many bytes of it, 0 = none */
   IRExpr** dpart;       /* per input temp x: x & ~vx once made
                            (fc_uninit_rules.c, fc_defined_part) */
   ULong*   zero_bits;   /* per input temp: bits known to be defined
                            zeros (fc_note_zero_bits) */
   FC_Deps* deps;        /* per input temp: what it was computed from
                            (fc_uninit_origins.c) */
   FC_Deps* reg_deps;    /* per guest-state 8-byte slot written in the
                            block so far (reg_put): what was written */
   UChar*   reg_put;
   Int      n_slots;
   UInt     cur_site;    /* the load site of the statement at hand */
   FC_PutRec* pend;      /* register writes whose origins are not yet */
   UInt     n_pend;      /* recorded (fc_puts_flush) */
   IRExpr** pend_v;      /* their shadows */
   IRExpr*  pend_any;    /* I64: nonzero if any wrote undefined bits */
   Addr     sb_start;    /* the guest address of the block's first insn */
} FC_UninitEnv;

/* Builders (fc_uninit_ir.c).  A shadow has a set bit for each undefined
   bit of its value; fc_zero recognises a statically defined one. */
IRType fc_uninit_ty(IRType ty);
IRExpr* fc_new(FC_UninitEnv* env, IRType ty, IRExpr* e);
IRType fc_type(FC_UninitEnv* env, IRExpr* e);
IRExpr* fc_c64(ULong v);
IRExpr* fc_c8(UChar v);
IRExpr* fc_defined(FC_UninitEnv* env, IRType ty);
Bool fc_zero(const IRExpr* e);
IROp fc_op_for(IRType ty, IROp op8);
IRExpr* fc_or(FC_UninitEnv* env, IRType ty, IRExpr* a, IRExpr* b);
IRExpr* fc_and(FC_UninitEnv* env, IRType ty, IRExpr* a, IRExpr* b);
IRExpr* fc_not(FC_UninitEnv* env, IRType ty, IRExpr* a);
IRExpr* fc_xor(FC_UninitEnv* env, IRType ty, IRExpr* a, IRExpr* b);
IRExpr* fc_any(FC_UninitEnv* env, IRExpr* v);
IRExpr* fc_widen1(FC_UninitEnv* env, IRExpr* b, IRType ty);
IRExpr* fc_pcast(FC_UninitEnv* env, IRExpr* v, IRType ty);
IRExpr* fc_left(FC_UninitEnv* env, IRType ty, IRExpr* v);
IRExpr* fc_pcast_lanes(FC_UninitEnv* env, IRExpr* v, Int lane_bits);
IRExpr* fc_uninit_atom(FC_UninitEnv* env, IRExpr* a);
/* The shadow temp of input temp t, made on first use. */
IRTemp fc_shadow_temp(FC_UninitEnv* env, IRTemp t);
IRExpr* fc_lazy(FC_UninitEnv* env, IRType res_ty, Int n, IRExpr** args);
/* The interned dependency set of an atom (0 for a constant). */
UInt fc_atom_set(FC_UninitEnv* env, const IRExpr* a);

#endif
