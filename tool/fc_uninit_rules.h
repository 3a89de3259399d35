/* fc_uninit_rules.h: the uninit-bit rules, operation by operation
   (fc_uninit_rules.c), for the pass (fc_uninit_instrument.c).  The
   environment and the builders they share are fc_uninit_ir.h's.
   Not for other modules.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_UNINIT_RULES_H
#define FC_UNINIT_RULES_H

#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"

#include "fc_uninit_ir.h"

/* Bits of an integer atom known to be defined zeros (a constant's
   clear bits; masks, zero-extensions and shifts of temps), noted for
   each temp t = e as the block is read.  Where the two operands of an
   or or an add have no bit that is not such a zero in one of them, the
   plain union of their uninit bits is exact (fc_uninit_rules.c). */
void fc_note_zero_bits(FC_UninitEnv* env, IRTemp t, const IRExpr* e);
ULong fc_zero_bits(const FC_UninitEnv* env, const IRExpr* atom);

/* The shadows of operations (fc_uninit_rules.c). */
IRExpr* fc_uninit_rule_unop(FC_UninitEnv* env, IROp op, IRExpr* a);
IRExpr* fc_uninit_rule_binop(FC_UninitEnv* env, IROp op, IRExpr* a, IRExpr* b);
IRExpr* fc_uninit_rule_triop(FC_UninitEnv* env, IRTriop* t);
IRExpr* fc_uninit_rule_ite(FC_UninitEnv* env, IRExpr* cond, IRExpr* t, IRExpr* f);

#endif
