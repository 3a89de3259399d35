/* fc_access.c: checking every memory access against the shadow.

   Owns: the instrumentation of guest loads and stores (plain, guarded,
   CAS, LL/SC, and dirty helpers that touch memory), the slow path that
   runs when the inline test fails, and the checks of system-call buffers
   (through the core's pre_mem_read/write events).  The shadow itself is
   fc_shadow.c; the blocks around a bad address come from fc_blocks.c;
   the reports from fc_errors.c.

   The inline test, per access of n bytes at a (all flat IR):
      for the granules of the first and last byte (and every 8 bytes
      between for accesses over 8 bytes):
         b |= primary[(a >> 16) & mask][(a & 0xffff) >> 3]
      bad = b != 0 || a >= 128 GiB
   and a helper runs only if bad: it decides precisely (a granule's
   accessible prefix, the auxiliary map) and reports.  Accesses whose
   address is the stack pointer plus a constant are not checked here:
   only MAKE_MEM_NOACCESS and blocks the program declares there mark
   stack memory, and with uninit tracking (the only case either is
   honoured) fc_loadstore.c checks those accesses.

   Memory the program unmaps is FC_SH_UNMAPPED until mapped again (the
   mapping events below); memory never mapped is accessible to the
   shadow, so system calls' pointers are also looked up in Valgrind's
   address-space manager, once per buffer.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_machine.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_tooliface.h"
#include "pub_tool_replacemalloc.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_vki.h"
#include "libvex_guest_amd64.h"
#include "fc_access.h"
#include "fc_uninit_mem.h"
#include "fc_blocks.h"
#include "fc_errors.h"
#include "fc_options.h"
#include "fc_shadow.h"
#include "fc_uninit.h"
#include "fc_memcheck_requests.h"

/* ------------------------------------------------------------------ */
/* Run time                                                            */
/* ------------------------------------------------------------------ */

/* Finding the block a bad address belongs to can mean walking the
   quarantine, and a bug inside a loop repeats at the same instruction
   millions of times: the answer is kept per (instruction, size, reason),
   so only the first occurrence pays.  Later ones are duplicates the core
   only counts. */
#define FC_DESC_CACHE_SIZE 64

typedef struct {
   Addr   ip;        /* 0 = empty */
   SizeT  size;
   UChar  why;
   Bool   has_blk;
   FC_Tag blk;
} FC_DescCacheEnt;

static FC_DescCacheEnt fc_desc_cache[FC_DESC_CACHE_SIZE];

static const FC_Tag* fc_find_block_for(Addr bad, UChar why)
{
   const FC_Block* b = NULL;
   SizeT rz = VG_(malloc_effective_client_redzone_size)();
   if (why == FC_SH_FREED)
      b = fc_block_containing(bad);
   else if (why == FC_SH_REDZONE)
      b = fc_block_live_near(bad, rz + 16);
   else if (why == FC_SH_EXTENT)
      b = fc_block_live_containing(bad);
   return b ? &b->tag : NULL;
}

/* The block an inaccessible address belongs to, and the error kind. */
static void fc_report_bad(ThreadId tid, Addr a, SizeT size, Bool is_write,
                          Addr bad, UChar why, const HChar* syscall)
{
   if (fc_option_ignored_address(bad))   /* --ignore-ranges */
      return;
   Addr ip = VG_(get_IP)(tid);
   FC_DescCacheEnt* e =
      &fc_desc_cache[(ip ^ (ip >> 6) ^ size ^ why) % FC_DESC_CACHE_SIZE];
   if (e->ip != ip || e->size != size || e->why != why) {
      const FC_Tag* t = fc_find_block_for(bad, why);
      e->ip = ip;
      e->size = size;
      e->why = why;
      e->has_blk = t != NULL;
      if (t != NULL)
         e->blk = *t;
   }
   fc_record_bad_access(tid, a, size, is_write, bad, why,
                        e->has_blk ? &e->blk : NULL, syscall);
}

/* An aligned load of a word or vector whose first byte is accessible
   (--partial-loads-ok): what optimised string functions and compilers'
   word-at-a-time loops do at the end of a buffer, harmlessly. */
static Bool fc_partial_load_ok(Addr a, SizeT size, Bool is_write)
{
   UChar why;
   return fc_clo_partial_loads_ok && !is_write && size >= 4
          && (size & (size - 1)) == 0 && (a & (size - 1)) == 0
          && fc_shadow_first_bad(a, 1, &why) == 0;
}

/* The slow path: sf is size << 1 | is_write. */
VG_REGPARM(2) void fc_access_slow(Addr a, UWord sf)
{
   SizeT size = sf >> 1;
   UChar why;
   if (fc_partial_load_ok(a, size, sf & 1))
      return;
   Addr bad = fc_shadow_first_bad(a, size, &why);
   if (bad == 0)
      return;
   fc_report_bad(VG_(get_running_tid)(), a, size, sf & 1, bad, why, NULL);
   /* The bytes a reported read brings in count as defined (their uninit bits
      are loaded just after this check), so that one overflow is one
      report, not a second UninitRead for the same bytes. */
   if (!(sf & 1))
      fc_uninit_mem_on_mark(a, size, True);
}

/* Never-mapped memory: the shadow calls memory it never marked
   accessible, so a system call's pointers are also asked of Valgrind's
   address-space manager (a segment lookup per buffer, never per
   access).  The first byte of [a, a+len) (to the end of the address
   space when it wraps around) in no mapping of the client's, or 0.  The
   reservation a stack grows into (the only kind whose end moves) counts
   as mapped: Valgrind grows the stack into it. */
static Bool fc_client_segment(const NSegment* s)
{
   return s != NULL
          && ((s->kind & (SkAnonC | SkFileC | SkShmC)) != 0
              || (s->kind == SkResvn && s->smode != SmFixed));
}

static Addr fc_first_unmapped(Addr a, SizeT len)
{
   Addr last = a + len - 1 < a ? ~(Addr)0 : a + len - 1;
   while (True) {
      const NSegment* s = VG_(am_find_nsegment)(a);
      if (!fc_client_segment(s))
         return a == 0 ? 1 : a;   /* page 0 is never mapped */
      if (s->end >= last)
         return 0;
      a = s->end + 1;
   }
}

static Bool fc_syscall_part(CorePart part)
{
   return part == Vg_CoreSysCall || part == Vg_CoreSysCallArgInMem;
}

static void fc_check_range(CorePart part, ThreadId tid, Addr a, SizeT size,
                           Bool is_write, const HChar* what)
{
   UChar why;
   if (size == 0)
      return;
   Addr bad = fc_shadow_first_bad(a, size, &why);
   if (bad == 0 && fc_syscall_part(part)) {
      bad = fc_first_unmapped(a, size);
      why = FC_SH_UNMAPPED;
   }
   if (bad != 0)
      fc_report_bad(tid, a, size, is_write, bad, why, what);
}

static void fc_pre_mem_read(CorePart part, ThreadId tid, const HChar* s,
                            Addr base, SizeT size)
{
   fc_check_range(part, tid, base, size, False, s);
   fc_uninit_pre_mem_read(part, tid, s, base, size);
}

static void fc_pre_mem_write(CorePart part, ThreadId tid, const HChar* s,
                             Addr base, SizeT size)
{
   fc_check_range(part, tid, base, size, True, s);
}

/* Can the string's byte at p be read here?  The first byte, and each
   page's first, is looked up in the address-space manager: one not
   mapped is reported; one mapped without read permission ends the walk
   silently (the kernel answers EFAULT, and ffican must not fault). */
static Bool fc_asciiz_readable(ThreadId tid, const HChar* s, Addr str,
                               Addr p)
{
   if (p != str && (p & (VKI_PAGE_SIZE - 1)) != 0)
      return True;
   const NSegment* seg = VG_(am_find_nsegment)(p);
   if (!fc_client_segment(seg)) {
      fc_report_bad(tid, p, 1, False, p == 0 ? 1 : p, FC_SH_UNMAPPED, s);
      return False;
   }
   return seg->kind != SkResvn && seg->hasR;
}

static void fc_pre_mem_read_asciiz(CorePart part, ThreadId tid,
                                   const HChar* s, Addr str)
{
   /* Walk the string through the shadow, never past what is accessible. */
   UChar why;
   for (Addr p = str;; p++) {
      if (p == 0 || !fc_asciiz_readable(tid, s, str, p))
         return;
      if (fc_shadow_first_bad(p, 1, &why) != 0) {
         fc_report_bad(tid, p, 1, False, p, why, s);
         return;
      }
      if (*(const HChar*)p == 0)
         break;
   }
   fc_uninit_pre_mem_read_asciiz(part, tid, s, str);
}

static void fc_new_mem_mmap(Addr a, SizeT len, Bool rr, Bool ww, Bool xx,
                            ULong di_handle)
{
   fc_shadow_make_accessible(a, len);
   fc_uninit_new_mem_mmap(a, len);
}

/* mremap: the new place is mapped (what grows past the old length comes
   as new_mem_mmap); the old one is unmapped after this. */
static void fc_copy_mem_remap(Addr from, Addr to, SizeT len)
{
   fc_shadow_make_accessible(to, len);
   fc_uninit_mem_on_copy(from, to, len);
}

void fc_access_die_mem_munmap(Addr a, SizeT len)
{
   Addr reach = (Addr)FC_SH_PRIMARY_SIZE << FC_SH_SEC_SHIFT;
   Addr end = a + len < a ? ~(Addr)0 : a + len;
   if (a < reach)
      fc_shadow_make_noaccess(a, (end < reach ? end : reach) - a,
                              FC_SH_UNMAPPED);
   if (end > reach) {
      Addr hi = a > reach ? a : reach;
      fc_shadow_make_accessible(hi, end - hi);
   }
}

VG_REGPARM(2) void fc_access_stack_unmark(Addr base, UWord len)
{
   if (fc_mcreq_stack_n > 0)   /* blocks declared in frames now gone */
      fc_mcreq_stack_died(VG_(get_running_tid)(), base + len);
   fc_shadow_make_accessible(base, len);
}

void fc_access_post_clo_init(void)
{
   VG_(track_copy_mem_remap)(fc_copy_mem_remap);
}

void fc_access_register(void)
{
   VG_(track_pre_mem_read)(fc_pre_mem_read);
   VG_(track_pre_mem_read_asciiz)(fc_pre_mem_read_asciiz);
   VG_(track_pre_mem_write)(fc_pre_mem_write);
   VG_(track_new_mem_mmap)(fc_new_mem_mmap);
}

/* ------------------------------------------------------------------ */
/* Building IR                                                         */
/* ------------------------------------------------------------------ */

static IRExpr* fc_assign(IRSB* sb, IRType ty, IRExpr* e)
{
   IRTemp t = newIRTemp(sb->tyenv, ty);
   addStmtToIRSB(sb, IRStmt_WrTmp(t, e));
   return IRExpr_RdTmp(t);
}

static IRExpr* fc_u64(ULong v)
{
   return IRExpr_Const(IRConst_U64(v));
}

/* The offset in a secondary of the addressability byte of the granule
   at chunk offset off: two shadow bytes per granule (fc_shadow.h). */
static IRExpr* fc_shadow_index(IRSB* sb, IRExpr* off)
{
   IRExpr* gi = fc_assign(sb, Ity_I64, IRExpr_Binop(Iop_Shr64, off,
                          IRExpr_Const(IRConst_U8(3))));
   return fc_assign(sb, Ity_I64, IRExpr_Binop(Iop_Shl64, gi,
                    IRExpr_Const(IRConst_U8(1))));
}

FC_AddrParts fc_access_addr_parts(IRSB* sb, IRExpr* addr)
{
   FC_AddrParts p;
   p.pri = fc_assign(sb, Ity_I64, IRExpr_Binop(Iop_Shr64, addr,
                     IRExpr_Const(IRConst_U8(FC_SH_SEC_SHIFT))));
   IRExpr* idx = fc_assign(sb, Ity_I64, IRExpr_Binop(Iop_And64, p.pri,
                           fc_u64(FC_SH_PRIMARY_SIZE - 1)));
   IRExpr* slot = fc_assign(sb, Ity_I64, IRExpr_Binop(Iop_Add64,
                  fc_u64((HWord)fc_shadow_primary),
                  fc_assign(sb, Ity_I64, IRExpr_Binop(Iop_Shl64, idx,
                            IRExpr_Const(IRConst_U8(3))))));
   IRExpr* dist = fc_assign(sb, Ity_I64, IRExpr_Load(Iend_LE, Ity_I64, slot));
   p.sec = fc_assign(sb, Ity_I64, IRExpr_Binop(Iop_Add64, dist,
                     fc_u64((HWord)&fc_shadow_sec_ok)));
   p.off = fc_assign(sb, Ity_I64, IRExpr_Binop(Iop_And64, addr,
                     fc_u64(FC_SH_SEC_SPAN - 1)));
   return p;
}

IRExpr* fc_access_far(IRSB* sb, IRExpr* pri)
{
   return fc_assign(sb, Ity_I1, IRExpr_Binop(Iop_CmpNE64,
                    fc_assign(sb, Ity_I64, IRExpr_Binop(Iop_Shr64, pri,
                              IRExpr_Const(IRConst_U8(FC_SH_PRIMARY_BITS)))),
                    fc_u64(0)));
}

/* The addressability byte of the granule of an address (its parts). */
static IRExpr* fc_granule_byte(IRSB* sb, FC_AddrParts p)
{
   IRExpr* q = fc_assign(sb, Ity_I64, IRExpr_Binop(Iop_Add64, p.sec,
                         fc_shadow_index(sb, p.off)));
   return fc_assign(sb, Ity_I8, IRExpr_Load(Iend_LE, Ity_I8, q));
}

/* The check of an access of 1 < size <= 24 bytes: one load of the
   shadow bytes of all the granules it can touch (ceil(size/8), one more
   when misaligned), masked to their addressability bytes (every other
   byte: fc_shadow.h) that it does touch.  Secondaries have FC_SH_SPARE
   zero bytes past their end for this load; an access that straddles two
   secondaries goes to the helper. */
static IRExpr* fc_bad_wide(IRSB* sb, IRExpr* addr, Int size)
{
   FC_AddrParts p = fc_access_addr_parts(sb, addr);
   Int whole = (size + 7) / 8;              /* granules when aligned */
   tl_assert(whole <= 3);
   IRType ty = whole == 1 ? Ity_I32 : Ity_I64;
   IROp and = ty == Ity_I32 ? Iop_And32 : Iop_And64;
   IROp ne = ty == Ity_I32 ? Iop_CmpNE32 : Iop_CmpNE64;
   ULong lo_mask = 0, hi_mask;
   for (Int k = 0; k < whole; k++)
      lo_mask |= 0xFFULL << (16 * k);
   hi_mask = lo_mask | 0xFFULL << (16 * whole);
   IRExpr* c_lo; IRExpr* c_hi; IRExpr* zero;
   if (ty == Ity_I32) {
      c_lo = IRExpr_Const(IRConst_U32((UInt)lo_mask));
      c_hi = IRExpr_Const(IRConst_U32((UInt)hi_mask));
      zero = IRExpr_Const(IRConst_U32(0));
   } else {
      c_lo = fc_u64(lo_mask);
      c_hi = fc_u64(hi_mask);
      zero = fc_u64(0);
   }
   IRExpr* bytes = fc_assign(sb, ty, IRExpr_Load(Iend_LE, ty,
                   fc_assign(sb, Ity_I64, IRExpr_Binop(Iop_Add64, p.sec,
                             fc_shadow_index(sb, p.off)))));
   /* One more granule when (a & 7) > 8 * whole - size. */
   IRExpr* extra = fc_assign(sb, Ity_I1, IRExpr_Binop(Iop_CmpLT64U,
                   fc_u64(8 * whole - size),
                   fc_assign(sb, Ity_I64, IRExpr_Binop(Iop_And64, addr,
                             fc_u64(7)))));
   IRExpr* mask = fc_assign(sb, ty, IRExpr_ITE(extra, c_hi, c_lo));
   IRExpr* nz = fc_assign(sb, Ity_I1, IRExpr_Binop(ne,
                fc_assign(sb, ty, IRExpr_Binop(and, bytes, mask)), zero));
   IRExpr* cross = fc_assign(sb, Ity_I1, IRExpr_Binop(Iop_CmpLT64U,
                   fc_u64(FC_SH_SEC_SPAN - size), p.off));
   return fc_assign(sb, Ity_I1, IRExpr_Binop(Iop_Or1,
                    fc_assign(sb, Ity_I1, IRExpr_Binop(Iop_Or1, nz, cross)),
                    fc_access_far(sb, p.pri)));
}

static IRExpr* fc_addr_plus(IRSB* sb, IRExpr* addr, Int k)
{
   if (k == 0)
      return addr;
   return fc_assign(sb, Ity_I64, IRExpr_Binop(Iop_Add64, addr, fc_u64(k)));
}

void fc_access_needs_stack(IRDirty* di)
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

/* Adds the check of an access of `size` bytes at addr (an I64 atom);
   guard (an I1 atom or NULL) says whether the access happens. */
static void fc_add_check(IRSB* sb, IRExpr* addr, Int size, Bool is_write,
                         IRExpr* guard)
{
   if (size <= 0)
      return;
   IRExpr* bad;
   if (size > 1 && size <= 24) {
      bad = fc_bad_wide(sb, addr, size);
      goto call;
   }
   FC_AddrParts first = fc_access_addr_parts(sb, addr);
   IRExpr* acc = fc_granule_byte(sb, first);
   for (Int k = 8; k < size; k += 8)
      acc = fc_assign(sb, Ity_I8, IRExpr_Binop(Iop_Or8, acc,
                      fc_granule_byte(sb, fc_access_addr_parts(sb,
                                      fc_addr_plus(sb, addr, k)))));
   if (size > 1)
      acc = fc_assign(sb, Ity_I8, IRExpr_Binop(Iop_Or8, acc,
                      fc_granule_byte(sb, fc_access_addr_parts(sb,
                                      fc_addr_plus(sb, addr, size - 1)))));
   IRExpr* nz = fc_assign(sb, Ity_I1, IRExpr_Binop(Iop_CmpNE8, acc,
                          IRExpr_Const(IRConst_U8(0))));
   bad = fc_assign(sb, Ity_I1, IRExpr_Binop(Iop_Or1, nz,
                   fc_access_far(sb, first.pri)));
 call:
   if (guard != NULL)
      bad = fc_assign(sb, Ity_I1, IRExpr_Binop(Iop_And1, bad, guard));
   IRDirty* di = unsafeIRDirty_0_N(
      2, "fc_access_slow", VG_(fnptr_to_fnentry)(fc_access_slow),
      mkIRExprVec_2(addr, fc_u64(((ULong)size << 1) | (is_write ? 1 : 0))));
   di->guard = bad;
   fc_access_needs_stack(di);
   addStmtToIRSB(sb, IRStmt_Dirty(di));
}

/* ------------------------------------------------------------------ */
/* Stack-pointer-relative addresses                                    */
/* ------------------------------------------------------------------ */

/* Temps known to hold rsp plus a constant (a small bitmap per block). */
typedef struct {
   UChar* bits;
   Int    n;
} FC_StackTemps;

static Bool fc_is_stack_atom(const FC_StackTemps* st, const IRExpr* e)
{
   return e->tag == Iex_RdTmp && e->Iex.RdTmp.tmp < (IRTemp)st->n
          && st->bits[e->Iex.RdTmp.tmp];
}

/* Notes `t = GET(rsp)` and `t = rsp-temp +/- const`. */
static void fc_note_stack_temp(FC_StackTemps* st, const IRStmt* s)
{
   if (s->tag != Ist_WrTmp || s->Ist.WrTmp.tmp >= (IRTemp)st->n)
      return;
   const IRExpr* e = s->Ist.WrTmp.data;
   Bool stack = False;
   if (e->tag == Iex_Get && e->Iex.Get.ty == Ity_I64
       && e->Iex.Get.offset == offsetof(VexGuestAMD64State, guest_RSP))
      stack = True;
   else if (e->tag == Iex_Binop
            && (e->Iex.Binop.op == Iop_Add64 || e->Iex.Binop.op == Iop_Sub64)
            && fc_is_stack_atom(st, e->Iex.Binop.arg1)
            && e->Iex.Binop.arg2->tag == Iex_Const)
      stack = True;
   st->bits[s->Ist.WrTmp.tmp] = stack;
}

/* ------------------------------------------------------------------ */
/* The pass                                                            */
/* ------------------------------------------------------------------ */

static void fc_check_stmt(IRSB* sb, const FC_StackTemps* st, IRStmt* s)
{
   IRTypeEnv* te = sb->tyenv;
   switch (s->tag) {
   case Ist_WrTmp:
      if (s->Ist.WrTmp.data->tag == Iex_Load) {
         const IRExpr* ld = s->Ist.WrTmp.data;
         if (!fc_is_stack_atom(st, ld->Iex.Load.addr))
            fc_add_check(sb, ld->Iex.Load.addr,
                         sizeofIRType(ld->Iex.Load.ty), False, NULL);
      }
      break;
   case Ist_Store:
      if (!fc_is_stack_atom(st, s->Ist.Store.addr))
         fc_add_check(sb, s->Ist.Store.addr,
                      sizeofIRType(typeOfIRExpr(te, s->Ist.Store.data)),
                      True, NULL);
      break;
   case Ist_StoreG: {
      const IRStoreG* g = s->Ist.StoreG.details;
      fc_add_check(sb, g->addr, sizeofIRType(typeOfIRExpr(te, g->data)),
                   True, g->guard);
      break;
   }
   case Ist_LoadG: {
      const IRLoadG* g = s->Ist.LoadG.details;
      IRType ty_res, ty_arg;
      typeOfIRLoadGOp(g->cvt, &ty_res, &ty_arg);
      fc_add_check(sb, g->addr, sizeofIRType(ty_arg), False, g->guard);
      break;
   }
   case Ist_CAS: {
      const IRCAS* c = s->Ist.CAS.details;
      Int n = sizeofIRType(typeOfIRExpr(te, c->expdLo));
      fc_add_check(sb, c->addr, c->expdHi ? 2 * n : n, True, NULL);
      break;
   }
   case Ist_LLSC:
      if (s->Ist.LLSC.storedata == NULL)
         fc_add_check(sb, s->Ist.LLSC.addr,
                      sizeofIRType(typeOfIRTemp(te, s->Ist.LLSC.result)),
                      False, NULL);
      else
         fc_add_check(sb, s->Ist.LLSC.addr,
                      sizeofIRType(typeOfIRExpr(te, s->Ist.LLSC.storedata)),
                      True, NULL);
      break;
   case Ist_Dirty: {
      const IRDirty* d = s->Ist.Dirty.details;
      if (d->mFx != Ifx_None && d->mAddr != NULL && d->mSize > 0
          && d->mAddr->tag != Iex_Const)
         fc_add_check(sb, d->mAddr, d->mSize, d->mFx != Ifx_Read,
                      d->guard->tag == Iex_Const ? NULL : d->guard);
      break;
   }
   default:
      break;
   }
}

struct _FC_AccessPass {
   FC_StackTemps st;
};

FC_AccessPass* fc_access_begin(const IRSB* sb_in)
{
   FC_AccessPass* p = VG_(malloc)("fc.access.pass", sizeof *p);
   p->st.n = sb_in->tyenv->types_used;
   p->st.bits = VG_(calloc)("fc.access.stacktemps",
                            p->st.n > 0 ? p->st.n : 1, 1);
   return p;
}

void fc_access_stmt(FC_AccessPass* p, IRSB* sb, IRStmt* s)
{
   fc_check_stmt(sb, &p->st, s);
   fc_note_stack_temp(&p->st, s);
}

void fc_access_skip(FC_AccessPass* p, IRStmt* s)
{
   fc_note_stack_temp(&p->st, s);
}

void fc_access_end(FC_AccessPass* p)
{
   VG_(free)(p->st.bits);
   VG_(free)(p);
}

IRSB* fc_instrument_accesses(IRSB* sb_in)
{
   IRSB* sb = deepCopyIRSBExceptStmts(sb_in);
   FC_AccessPass* p = fc_access_begin(sb_in);
   for (Int i = 0; i < sb_in->stmts_used; i++) {
      IRStmt* s = sb_in->stmts[i];
      fc_access_stmt(p, sb, s);
      addStmtToIRSB(sb, s);
   }
   fc_access_end(p);
   return sb;
}
