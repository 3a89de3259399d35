/* fc_errors.c: ffican's errors, as one tagged union with one printer.

   Each record_* function fills an FC_Error and hands it to the core's
   VG_(maybe_record_error), which deduplicates (same kind, same release
   stack, then fc_eq_error), matches suppressions, counts, and calls
   fc_pp_error to print it in text or XML.  The union holds copies of the
   owner tags, never pointers to blocks, because a block may be evicted
   from quarantine long before the error is printed again.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_options.h"
#include "pub_tool_errormgr.h"
#include "pub_tool_execontext.h"
#include "pub_tool_tooliface.h"
#include "fc_errors.h"
#include "fc_options.h"
#include "fc_sides.h"
#include "fc_sidetab.h"
#include "fc_shadow.h"
#include "fc_util.h"

typedef struct {
   FC_ReleaseFn how;             /* the release that went wrong */
   FC_SideId    by_side;         /* side of the code that made it */
   union {
      struct { FC_Tag blk; } ForeignFree;
      struct {
         FC_Tag blk;
         SizeT  given_szB;       /* layout the releasing call passed */
         SizeT  given_align;
      } LayoutMismatch;
      struct { FC_Tag blk; } DoubleFree;   /* blk.free_ecu: first release */
      struct {
         Bool   in_block;        /* the address is inside blk */
         FC_Tag blk;             /* live or quarantined block around it */
      } InvalidFree;
      /* OverflowRead, OverflowWrite, UseAfterFree, UnmappedAccess */
      struct {
         Addr   bad;             /* first inaccessible byte */
         SizeT  size;            /* bytes the access covers */
         Bool   is_write;
         UChar  why;             /* FC_SH_* state of `bad` */
         Bool   in_block;        /* blk is known */
         FC_Tag blk;             /* the block the access was meant for */
         Bool   has_extent;      /* why == FC_SH_EXTENT and it was found */
         FC_ExtentInfo extent;
      } Access;
      struct {
         const HChar* fn;        /* the allocation function (a literal) */
         const HChar* arg;       /* its argument's name (a literal) */
         SizeT        value;
      } FishySize;
      struct {
         UChar     use;          /* FC_UninitUse */
         Int       argno;        /* crossing argument number, 1-based */
         FC_SideId other;        /* the other side of a crossing */
         SizeT     size;         /* bytes of a checked buffer */
         FC_Origin origin;
      } Uninit;
   } Err;
} FC_Error;

/* ------------------------------------------------------------------ */
/* Leaks: loss records found by fc_leaks.c                             */
/* ------------------------------------------------------------------ */

static const HChar* const fc_leak_kind_words[FC_LeakNKinds] = {
   "definite", "indirect", "possible", "reachable"
};
static const HChar* const fc_leak_kind_text[FC_LeakNKinds] = {
   "definitely lost", "indirectly lost", "possibly lost", "still reachable"
};
static const HChar* const fc_leak_kind_xml[FC_LeakNKinds] = {
   "Leak_DefinitelyLost", "Leak_IndirectlyLost", "Leak_PossiblyLost",
   "Leak_StillReachable"
};

/* What VG_(unique_error) carries for a loss record. */
typedef struct {
   const FC_LeakRecord* rec;
   UInt             num, total;   /* loss record num of total */
   Bool             delta;        /* show the change since the last search */
} FC_LeakErrExtra;

/* "48 (16 direct, 32 indirect) bytes in 1 Rust-allocated block
   (__rust_alloc), handed to C and never released, are definitely lost in
   loss record 2 of 5" */
static void fc_describe_leak(HChar* buf, SizeT n, const FC_LeakErrExtra* x)
{
   const FC_LeakRecord* r = x->rec;
   HChar total[64], direct[64], indirect[64], blocks[64], bytes[200];
   HChar handed[80] = "";
   Bool d = x->delta;
   fc_fmt_delta(total, sizeof total, r->szB + r->indirect_szB,
          r->old_szB + r->old_indirect_szB, d);
   if (r->indirect_szB > 0 || (d && r->old_indirect_szB > 0)) {
      fc_fmt_delta(direct, sizeof direct, r->szB, r->old_szB, d);
      fc_fmt_delta(indirect, sizeof indirect, r->indirect_szB,
             r->old_indirect_szB, d);
      VG_(snprintf)(bytes, sizeof bytes, "%s (%s direct, %s indirect)",
                    total, direct, indirect);
   } else {
      VG_(snprintf)(bytes, sizeof bytes, "%s", total);
   }
   fc_fmt_delta(blocks, sizeof blocks, r->n_blocks, r->old_n_blocks, d);
   if (r->crossed_to != FC_SideNone)
      VG_(snprintf)(handed, sizeof handed, ", handed to %s and never "
                    "released,", fc_side_name(r->crossed_to));
   VG_(snprintf)(buf, n, "%s bytes in %s %s-allocated block%s (%s)%s are "
                 "%s in loss record %u of %u", bytes, blocks,
                 fc_side_name(r->owner_side), r->n_blocks == 1 ? "" : "s",
                 fc_alloc_fn_name(r->alloc_fn), handed,
                 fc_leak_kind_text[r->kind], x->num, x->total);
}

static void fc_pp_leak(const Error* err)
{
   const FC_LeakErrExtra* x = VG_(get_error_extra)(err);
   const FC_LeakRecord* r = x->rec;
   HChar what[512], aux[96];
   fc_describe_leak(what, sizeof what, x);
   if (VG_(clo_xml)) {
      VG_(printf_xml)("  <kind>%s</kind>\n", fc_leak_kind_xml[r->kind]);
      VG_(printf_xml)("  <xwhat>\n");
      VG_(printf_xml)("    <text>%pS</text>\n", what);
      VG_(printf_xml)("    <leakedbytes>%llu</leakedbytes>\n",
                      r->szB + r->indirect_szB);
      VG_(printf_xml)("    <leakedblocks>%u</leakedblocks>\n", r->n_blocks);
      VG_(printf_xml)("  </xwhat>\n");
   } else {
      VG_(umsg)("Leak: %s\n", what);
   }
   VG_(pp_ExeContext)(r->alloc_ec);
   if (r->crossed_to == FC_SideNone || r->cross_ec == NULL)
      return;
   VG_(snprintf)(aux, sizeof aux, "Handed to %s at:",
                 fc_side_name(r->crossed_to));
   if (VG_(clo_xml))
      VG_(printf_xml)("  <auxwhat>%pS</auxwhat>\n", aux);
   else
      VG_(umsg)(" %s\n", aux);
   VG_(pp_ExeContext)(r->cross_ec);
}

/* Loss records go through VG_(unique_error), which never compares. */
static Bool fc_eq_leak(const Error* e1, const Error* e2)
{
   return False;
}

/* The line after "ffican:Leak" may be "match-leak-kinds: k1,k2" (all
   kinds when absent). */
static Bool fc_read_leak_supp_extra(Int fd, HChar** bufpp,
                                         SizeT* nBufp, Int* lineno,
                                         Supp* su)
{
   UInt* kinds = VG_(malloc)("fc.leaks.supp", sizeof(UInt));
   *kinds = FC_LEAK_ALL_KINDS;
   VG_(set_supp_extra)(su, kinds);
   if (VG_(get_line)(fd, bufpp, nBufp, lineno))
      return True;   /* end of file: the core reports the missing stack */
   const HChar* line = *bufpp;
   if (VG_STREQN(17, line, "match-leak-kinds:")) {
      const HChar* p = line + 17;
      while (VG_(isspace)(*p))
         p++;
      if (!VG_(parse_enum_set)(FC_LEAK_KIND_TOKENS, True, p, kinds))
         return False;
      (*bufpp)[0] = '\0';
      return True;
   }
   /* No match-leak-kinds line: this is the first frame, which the core
      takes from the buffer. */
   return VG_STREQN(4, line, "fun:") || VG_STREQN(4, line, "obj:")
          || VG_STREQN(4, line, "src:") || VG_STREQ(line, "...");
}

static Bool fc_leak_matches_supp(const Error* err, const Supp* su)
{
   const FC_LeakErrExtra* x = VG_(get_error_extra)(err);
   const UInt* kinds = VG_(get_supp_extra)(su);
   return kinds == NULL || (*kinds & FC_LEAK_BIT(x->rec->kind)) != 0;
}

static SizeT fc_print_leak_supp_extra(const Error* err, HChar* buf,
                                           Int nBuf)
{
   const FC_LeakErrExtra* x = VG_(get_error_extra)(err);
   return VG_(snprintf)(buf, nBuf, "match-leak-kinds: %s",
                        fc_leak_kind_words[x->rec->kind]);
}

/* The leak search's loss records are errors of their own: each goes
   through VG_(unique_error) (the core never compares them) with the
   allocation stack as its stack.  True if a suppression matched. */
Bool fc_record_leak(ThreadId tid, const FC_LeakRecord* r, UInt num,
                    UInt total, Bool delta, Bool print, Bool count)
{
   FC_LeakErrExtra x = { r, num, total, delta };
   return VG_(unique_error)(tid, FC_ErrLeak, 0, NULL, &x, r->alloc_ec, print,
                            False /* no debugger */, count);
}

/* ------------------------------------------------------------------ */
/* Recording                                                           */
/* ------------------------------------------------------------------ */

/* Under --report=crossing only errors that involve the boundary are
   shown: another family (ForeignFree), code of another side than the
   owner's, or a block that was handed across. */
static Bool fc_involves_boundary(FC_ErrKind kind, const FC_Tag* blk,
                                 FC_SideId by_side)
{
   if (kind == FC_ErrForeignFree)
      return True;
   if (blk == NULL)   /* an address in no block: nobody owns it */
      return by_side != FC_SideSystem;
   return blk->crossed_to != FC_SideNone
          || (by_side != FC_SideSystem && by_side != blk->owner_side);
}

/* s: the core's string of the error (a system call's name), or NULL. */
static void fc_record(ThreadId tid, FC_ErrKind kind, Addr a, FC_Error* e,
                      const FC_Tag* blk, const HChar* s)
{
   e->by_side = fc_side_of_thread(tid);
   if (!(fc_clo_report == FC_ReportAll) && !fc_involves_boundary(kind, blk, e->by_side))
      return;
   VG_(maybe_record_error)(tid, kind, a, s, e);
}

/* ForeignFree and DoubleFree carry only the block. */
static void fc_record_block_error(ThreadId tid, FC_ErrKind kind,
                                  const FC_Tag* blk, FC_ReleaseFn how)
{
   FC_Error e;
   VG_(memset)(&e, 0, sizeof e);
   e.how = how;
   if (kind == FC_ErrForeignFree)
      e.Err.ForeignFree.blk = *blk;
   else
      e.Err.DoubleFree.blk = *blk;
   fc_record(tid, kind, blk->payload, &e, blk, NULL);
}

void fc_record_foreign_free(ThreadId tid, const FC_Tag* blk,
                            FC_ReleaseFn how)
{
   fc_record_block_error(tid, FC_ErrForeignFree, blk, how);
}

void fc_record_layout_mismatch(ThreadId tid, const FC_Tag* blk,
                               FC_ReleaseFn how, SizeT given_szB,
                               SizeT given_align)
{
   FC_Error e;
   VG_(memset)(&e, 0, sizeof e);
   e.how = how;
   e.Err.LayoutMismatch.blk = *blk;
   e.Err.LayoutMismatch.given_szB = given_szB;
   e.Err.LayoutMismatch.given_align = given_align;
   fc_record(tid, FC_ErrLayoutMismatch, blk->payload, &e, blk, NULL);
}

void fc_record_double_free(ThreadId tid, const FC_Tag* blk,
                           FC_ReleaseFn how)
{
   fc_record_block_error(tid, FC_ErrDoubleFree, blk, how);
}

void fc_record_invalid_free(ThreadId tid, Addr a, FC_ReleaseFn how,
                            const FC_Tag* in_block)
{
   FC_Error e;
   VG_(memset)(&e, 0, sizeof e);
   e.how = how;
   if (in_block != NULL) {
      e.Err.InvalidFree.in_block = True;
      e.Err.InvalidFree.blk = *in_block;
   }
   fc_record(tid, FC_ErrInvalidFree, a, &e,
             in_block != NULL ? &e.Err.InvalidFree.blk : NULL, NULL);
}

static FC_ExtentLookup fc_extent_lookup;

void fc_errors_set_extent_lookup(FC_ExtentLookup lookup)
{
   fc_extent_lookup = lookup;
}

void fc_record_bad_access(ThreadId tid, Addr a, SizeT size, Bool is_write,
                          Addr bad, UChar why, const FC_Tag* blk,
                          const HChar* syscall)
{
   FC_Error e;
   VG_(memset)(&e, 0, sizeof e);
   e.Err.Access.bad = bad;
   e.Err.Access.size = size;
   e.Err.Access.is_write = is_write;
   e.Err.Access.why = why;
   if (blk != NULL) {
      e.Err.Access.in_block = True;
      e.Err.Access.blk = *blk;
   }
   if (why == FC_SH_EXTENT && fc_extent_lookup != NULL)
      e.Err.Access.has_extent = fc_extent_lookup(tid, bad,
                                                 &e.Err.Access.extent);
   FC_ErrKind kind = why == FC_SH_FREED ? FC_ErrUseAfterFree
                   : why == FC_SH_UNMAPPED ? FC_ErrUnmappedAccess
                   : is_write ? FC_ErrOverflowWrite : FC_ErrOverflowRead;
   fc_record(tid, kind, a, &e, blk, syscall);
}

Bool fc_record_fishy_size(ThreadId tid, const HChar* fn, const HChar* arg,
                          SizeT value)
{
   if ((SSizeT)value >= 0)
      return False;
   FC_Error e;
   VG_(memset)(&e, 0, sizeof e);
   e.Err.FishySize.fn = fn;
   e.Err.FishySize.arg = arg;
   e.Err.FishySize.value = value;
   fc_record(tid, FC_ErrFishySize, 0, &e, NULL, NULL);
   return True;
}

/* Under --report=crossing an UninitRead is shown when it happens at the
   boundary (a crossing argument or return value), or when its origin
   block belongs to another side than the code using it, or crossed. */
static Bool fc_uninit_at_boundary(FC_UninitUse use)
{
   return use == FC_UseCrossingArg || use == FC_UseCrossingRet;
}

void fc_record_uninit(ThreadId tid, FC_UninitUse use, const FC_Origin* o,
                      Addr a, SizeT size, Int argno, FC_SideId by,
                      FC_SideId other, const HChar* s)
{
   FC_Error e;
   VG_(memset)(&e, 0, sizeof e);
   e.Err.Uninit.use = use;
   e.Err.Uninit.argno = argno;
   e.Err.Uninit.other = other;
   e.Err.Uninit.size = size;
   e.Err.Uninit.origin = *o;
   e.by_side = by != FC_SideNone ? by : fc_side_of_thread(tid);
   Bool shown = (fc_clo_report == FC_ReportAll) || fc_uninit_at_boundary(use)
                || (o->kind == FC_OriginHeap
                    && fc_involves_boundary(FC_ErrUninitRead, &o->blk,
                                            e.by_side));
   if (shown)
      VG_(maybe_record_error)(tid, FC_ErrUninitRead, a, s, &e);
}

/* ------------------------------------------------------------------ */
/* Comparing                                                           */
/* ------------------------------------------------------------------ */

/* The core has already checked the kinds and release stacks are equal:
   two errors are the same when the same call misused the same family
   (and, for layouts, with the same wrong layout). */
static Bool fc_eq_error(VgRes res, const Error* e1, const Error* e2)
{
   if (VG_(get_error_kind)(e1) == FC_ErrLeak)   /* extra is fc_leaks.c's */
      return fc_eq_leak(e1, e2);
   const FC_Error* a = VG_(get_error_extra)(e1);
   const FC_Error* b = VG_(get_error_extra)(e2);
   if (a->how != b->how)
      return False;
   switch (VG_(get_error_kind)(e1)) {
      case FC_ErrForeignFree:
         return a->Err.ForeignFree.blk.family == b->Err.ForeignFree.blk.family;
      case FC_ErrLayoutMismatch:
         return a->Err.LayoutMismatch.given_szB
                   == b->Err.LayoutMismatch.given_szB
             && a->Err.LayoutMismatch.given_align
                   == b->Err.LayoutMismatch.given_align
             && a->Err.LayoutMismatch.blk.req_szB
                   == b->Err.LayoutMismatch.blk.req_szB;
      case FC_ErrDoubleFree:
      case FC_ErrInvalidFree:
         return True;
      case FC_ErrOverflowRead:
      case FC_ErrOverflowWrite:
      case FC_ErrUseAfterFree:
      case FC_ErrUnmappedAccess:
         return a->Err.Access.size == b->Err.Access.size
             && a->Err.Access.why == b->Err.Access.why;
      case FC_ErrFishySize:
         return VG_STREQ(a->Err.FishySize.fn, b->Err.FishySize.fn)
             && VG_STREQ(a->Err.FishySize.arg, b->Err.FishySize.arg);
      case FC_ErrUninitRead:
         return a->Err.Uninit.use == b->Err.Uninit.use
             && a->Err.Uninit.argno == b->Err.Uninit.argno
             && a->Err.Uninit.origin.kind == b->Err.Uninit.origin.kind;
      default:
         tl_assert(0);
   }
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */
/* ------------------------------------------------------------------ */

/* The headline goes in <what> in XML, and after the kind in text. */
static void fc_emit_what(const HChar* kind, const HChar* what)
{
   if (VG_(clo_xml)) {
      VG_(printf_xml)("  <kind>%s</kind>\n", kind);
      VG_(printf_xml)("  <what>%pS</what>\n", what);
   } else {
      VG_(umsg)("%s: %s\n", kind, what);
   }
}

/* A secondary line. */
static void fc_emit_aux(const HChar* aux)
{
   if (VG_(clo_xml))
      VG_(printf_xml)("  <auxwhat>%pS</auxwhat>\n", aux);
   else
      VG_(umsg)(" %s\n", aux);
}

/* A secondary line followed by its stack. */
static void fc_emit_aux_stack(const HChar* aux, ExeContext* ec)
{
   fc_emit_aux(aux);
   VG_(pp_ExeContext)(ec);
}

/* "Rust-allocated block (__rust_alloc, 16 bytes, align 8)" */
static void fc_describe_block(HChar* buf, SizeT n, const FC_Tag* t)
{
   const HChar* side = fc_side_name(t->owner_side);
   if (fc_tag_align(t) != 0)
      VG_(snprintf)(buf, n, "%s-allocated block (%s, %lu bytes, align %lu)",
                    side, fc_alloc_fn_name(t->alloc_fn), (SizeT)t->req_szB,
                    fc_tag_align(t));
   else
      VG_(snprintf)(buf, n, "%s-allocated block (%s, %lu bytes)",
                    side, fc_alloc_fn_name(t->alloc_fn), (SizeT)t->req_szB);
}

/* "a" or "an" before a word (side names may be any word). */
static const HChar* fc_article(const HChar* word)
{
   return VG_(strchr)("AEIOUaeiou", word[0]) != NULL && word[0] != 0
          ? "an" : "a";
}

/* "C code with free()", "Rust code with __rust_dealloc" */
static void fc_describe_release(HChar* buf, SizeT n, FC_SideId by,
                                FC_ReleaseFn how)
{
   VG_(snprintf)(buf, n, "%s code with %s", fc_side_name(by),
                 fc_release_fn_name(how));
}

static void fc_emit_alloc_stack(const FC_Tag* t)
{
   HChar aux[128];
   VG_(snprintf)(aux, sizeof aux, "Block 0x%lx was allocated at:",
                 t->payload);
   fc_emit_aux_stack(aux, fc_tag_alloc_ec(t));
}

/* Allocation stack, then the crossing stack when the block crossed. */
static void fc_emit_block_history(const FC_Tag* t)
{
   fc_emit_alloc_stack(t);
   if (t->crossed_to == FC_SideNone || fc_tag_cross_ec(t) == NULL)
      return;
   HChar aux[160];
   VG_(snprintf)(aux, sizeof aux, "Block 0x%lx was %s %s%s at:", t->payload,
                 fc_cross_how_verb(t->cross_how), fc_side_name(t->crossed_to),
                 fc_cross_how_detail(t->cross_how));
   fc_emit_aux_stack(aux, fc_tag_cross_ec(t));
}

static void fc_pp_foreign_free(const Error* err, const FC_Error* e)
{
   HChar blk[160], rel[96], what[300];
   fc_describe_block(blk, sizeof blk, &e->Err.ForeignFree.blk);
   fc_describe_release(rel, sizeof rel, e->by_side, e->how);
   VG_(snprintf)(what, sizeof what, "%s released by %s", blk, rel);
   fc_emit_what("ForeignFree", what);
   VG_(pp_ExeContext)(VG_(get_error_where)(err));
   fc_emit_block_history(&e->Err.ForeignFree.blk);
}

static void fc_pp_layout_mismatch(const Error* err, const FC_Error* e)
{
   HChar blk[160], rel[96], what[360];
   fc_describe_block(blk, sizeof blk, &e->Err.LayoutMismatch.blk);
   fc_describe_release(rel, sizeof rel, e->by_side, e->how);
   if (e->Err.LayoutMismatch.given_align != 0)
      VG_(snprintf)(what, sizeof what, "%s released by %s, size %lu, "
                    "align %lu", blk, rel, e->Err.LayoutMismatch.given_szB,
                    e->Err.LayoutMismatch.given_align);
   else
      VG_(snprintf)(what, sizeof what, "%s released by %s, size %lu",
                    blk, rel, e->Err.LayoutMismatch.given_szB);
   fc_emit_what("LayoutMismatch", what);
   VG_(pp_ExeContext)(VG_(get_error_where)(err));
   fc_emit_block_history(&e->Err.LayoutMismatch.blk);
}

static void fc_pp_double_free(const Error* err, const FC_Error* e)
{
   const FC_Tag* t = &e->Err.DoubleFree.blk;
   HChar blk[160], rel[96], first[96], what[300], aux[200];
   fc_describe_block(blk, sizeof blk, t);
   fc_describe_release(rel, sizeof rel, e->by_side, e->how);
   fc_describe_release(first, sizeof first, t->free_side, t->free_fn);
   VG_(snprintf)(what, sizeof what, "%s released again by %s", blk, rel);
   fc_emit_what("DoubleFree", what);
   VG_(pp_ExeContext)(VG_(get_error_where)(err));
   VG_(snprintf)(aux, sizeof aux, "Block 0x%lx was first released by %s at:",
                 t->payload, first);
   fc_emit_aux_stack(aux, fc_tag_free_ec(t));
   fc_emit_block_history(t);
}

static void fc_pp_invalid_free(const Error* err, const FC_Error* e)
{
   Addr a = VG_(get_error_address)(err);
   const FC_Tag* t = &e->Err.InvalidFree.blk;
   HChar what[240], blk[160], aux[320];
   VG_(snprintf)(what, sizeof what, "%s code called %s on 0x%lx, which is "
                 "not the start of a live heap block", fc_side_name(e->by_side),
                 fc_release_fn_name(e->how), a);
   fc_emit_what("InvalidFree", what);
   VG_(pp_ExeContext)(VG_(get_error_where)(err));
   if (!e->Err.InvalidFree.in_block) {
      VG_(snprintf)(aux, sizeof aux, "Address 0x%lx is not inside any "
                    "heap block ffican knows", a);
      fc_emit_aux(aux);
      return;
   }
   fc_describe_block(blk, sizeof blk, t);
   VG_(snprintf)(aux, sizeof aux, "Address 0x%lx is %lu bytes inside %s %s, "
                 "%s at:", a, a - t->payload, fc_article(blk), blk,
                 fc_tag_free_ec(t) ? "released" : "allocated");
   fc_emit_aux_stack(aux, fc_tag_free_ec(t) ? fc_tag_free_ec(t)
                                            : fc_tag_alloc_ec(t));
   if (fc_tag_free_ec(t))
      fc_emit_alloc_stack(t);
   if (t->crossed_to != FC_SideNone && fc_tag_cross_ec(t) != NULL) {
      VG_(snprintf)(aux, sizeof aux, "Block 0x%lx was %s %s%s at:",
                    t->payload, fc_cross_how_verb(t->cross_how),
                    fc_side_name(t->crossed_to),
                    fc_cross_how_detail(t->cross_how));
      fc_emit_aux_stack(aux, fc_tag_cross_ec(t));
   }
}

static const HChar* fc_get_error_name(const Error* err);

/* "12 bytes after", "4 bytes before", "8 bytes inside" */
static void fc_describe_offset(HChar* buf, SizeT n, Addr bad, const FC_Tag* t)
{
   Addr end = t->payload + t->req_szB;
   SizeT d = bad >= end ? bad - end
           : bad < t->payload ? t->payload - bad : bad - t->payload;
   VG_(snprintf)(buf, n, "%lu byte%s %s", d, d == 1 ? "" : "s",
                 bad >= end ? "after" : bad < t->payload ? "before"
                                                         : "inside");
}

/* "C code wrote 8 bytes at 0x...", or "system call write(buf) read ..." */
static void fc_describe_access(HChar* buf, SizeT n, const Error* err,
                               const FC_Error* e)
{
   const HChar* verb = e->Err.Access.is_write ? "wrote" : "read";
   const HChar* sc = VG_(get_error_string)(err);
   SizeT size = e->Err.Access.size;
   const HChar* unit = size == 1 ? "byte" : "bytes";
   if (sc != NULL)
      VG_(snprintf)(buf, n, "system call %s (called by %s code) %s %lu "
                    "%s at 0x%lx", sc, fc_side_name(e->by_side), verb, size,
                    unit, VG_(get_error_address)(err));
   else
      VG_(snprintf)(buf, n, "%s code %s %lu %s at 0x%lx",
                    fc_side_name(e->by_side), verb, size, unit,
                    VG_(get_error_address)(err));
}

/* "Declared extent: 8 bytes at 0x... (buf[n] of fill, app.boundary line
   4), for the call at:" and its stack; for a request, the request's
   stack too. */
static void fc_emit_extent(const FC_ExtentInfo* x)
{
   HChar src[600], elems[64] = "", aux[800];
   if (x->elem_szB > 1)
      VG_(snprintf)(elems, sizeof elems, ", elements of %lu bytes",
                    x->elem_szB);
   if (x->file != NULL)
      VG_(snprintf)(src, sizeof src, "%s[%s] of %s%s, declared in %s "
                    "line %d", x->ptr_name, x->len_name, x->fn, elems,
                    x->file, x->line);   /* (cut to fit src) */
   else
      VG_(snprintf)(src, sizeof src, "declared by FFICAN_DECLARE_BUFFER");
   VG_(snprintf)(aux, sizeof aux, "Declared extent: %lu byte%s at 0x%lx "
                 "(%s), for the call at:", x->len, x->len == 1 ? "" : "s",
                 x->buf, src);
   if (x->call_ec != NULL)
      fc_emit_aux_stack(aux, x->call_ec);
   else
      fc_emit_aux(aux);
   if (x->decl_ec != NULL)
      fc_emit_aux_stack("The extent was declared at:", x->decl_ec);
}

static void fc_pp_access(const Error* err, const FC_Error* e)
{
   const FC_Tag* t = &e->Err.Access.blk;
   HChar acc[240], where[48], blk[160], rel[96], what[560];
   fc_describe_access(acc, sizeof acc, err, e);
   /* Name the first bad byte: "..., whose byte 0x... is" when the access
      starts in good memory. */
   SizeT n = VG_(strlen)(acc);
   if (e->Err.Access.bad != VG_(get_error_address)(err))
      VG_(snprintf)(acc + n, sizeof acc - n, ", whose byte 0x%lx is",
                    e->Err.Access.bad);
   else if (!e->Err.Access.in_block)
      VG_(snprintf)(acc + n, sizeof acc - n, ", byte 0x%lx is",
                    e->Err.Access.bad);
   else
      VG_(snprintf)(acc + n, sizeof acc - n, ",");
   if (!e->Err.Access.in_block) {
      UChar why = e->Err.Access.why;
      VG_(snprintf)(what, sizeof what, "%s %s", acc,
                    why == FC_SH_NOACCESS
                    ? "marked inaccessible by the program"
                    : why == FC_SH_UNMAPPED
                    ? "not mapped (never mapped, or unmapped by the program)"
                    : "in no heap block ffican knows");
   } else {
      fc_describe_block(blk, sizeof blk, t);
      fc_describe_offset(where, sizeof where, e->Err.Access.bad, t);
      if (e->Err.Access.why == FC_SH_FREED) {
         fc_describe_release(rel, sizeof rel, t->free_side, t->free_fn);
         VG_(snprintf)(what, sizeof what, "%s %s %s %s released by %s",
                       acc, where, fc_article(blk), blk, rel);
      } else if (e->Err.Access.why == FC_SH_EXTENT) {
         VG_(snprintf)(what, sizeof what, "%s beyond the declared buffer "
                       "extent, %s %s %s", acc, where, fc_article(blk), blk);
      } else {
         VG_(snprintf)(what, sizeof what, "%s %s %s %s", acc, where,
                       fc_article(blk), blk);
      }
   }
   fc_emit_what(fc_get_error_name(err), what);
   VG_(pp_ExeContext)(VG_(get_error_where)(err));
   if (e->Err.Access.has_extent)
      fc_emit_extent(&e->Err.Access.extent);
   if (!e->Err.Access.in_block)
      return;
   if (fc_tag_free_ec(t) != NULL) {
      HChar aux[128];
      VG_(snprintf)(aux, sizeof aux, "Block 0x%lx was released at:",
                    t->payload);
      fc_emit_aux_stack(aux, fc_tag_free_ec(t));
   }
   fc_emit_block_history(t);
}

/* "C code's conditional jump depends on", "system call write(buf)
   (called by C code) reads", ... */
static void fc_describe_use(HChar* buf, SizeT n, const Error* err,
                            const FC_Error* e)
{
   const HChar* by = fc_side_name(e->by_side);
   const HChar* sc = VG_(get_error_string)(err);
   Int argno = e->Err.Uninit.argno;
   const HChar* other = fc_side_name(e->Err.Uninit.other);
   switch (e->Err.Uninit.use) {
      case FC_UseBranch:
         VG_(snprintf)(buf, n, "%s code's conditional jump depends on", by);
         break;
      case FC_UseCmov:
         VG_(snprintf)(buf, n, "%s code's conditional move depends on", by);
         break;
      case FC_UseAddress:
         VG_(snprintf)(buf, n, "%s code computed an address from", by);
         break;
      case FC_UseJump:
         VG_(snprintf)(buf, n, "%s code jumped to an address made of", by);
         break;
      case FC_UseSyscallParam:
         VG_(snprintf)(buf, n, "system call parameter %s (set by %s code) "
                       "holds", sc ? sc : "?", by);
         break;
      case FC_UseSyscallBuffer:
         VG_(snprintf)(buf, n, "system call %s (called by %s code) reads %lu "
                       "bytes at 0x%lx, holding", sc ? sc : "?", by,
                       e->Err.Uninit.size, VG_(get_error_address)(err));
         break;
      case FC_UseCrossingArg:
         VG_(snprintf)(buf, n, "%s code passed to %s code, as argument %d,",
                       by, other, argno);
         break;
      case FC_UseCrossingRet:
         VG_(snprintf)(buf, n, "%s code returned to %s code", by, other);
         break;
      case FC_UseClientCheck:
         VG_(snprintf)(buf, n, "%s code's check of %lu bytes found", by,
                       e->Err.Uninit.size);
         break;
      default:
         tl_assert(0);
   }
}

static void fc_pp_uninit(const Error* err, const FC_Error* e)
{
   const FC_Origin* o = &e->Err.Uninit.origin;
   HChar use[200], blk[160], what[420];
   fc_describe_use(use, sizeof use, err, e);
   if (o->kind == FC_OriginHeap) {
      fc_describe_block(blk, sizeof blk, &o->blk);
      VG_(snprintf)(what, sizeof what, "%s uninitialised bytes of %s %s",
                    use, fc_article(blk), blk);
   } else {
      VG_(snprintf)(what, sizeof what, "%s an uninitialised value%s", use,
                    o->kind == FC_OriginStack ? " from the stack" : "");
   }
   fc_emit_what("UninitRead", what);
   VG_(pp_ExeContext)(VG_(get_error_where)(err));
   if (o->kind == FC_OriginHeap)
      fc_emit_block_history(&o->blk);
   else if (o->kind == FC_OriginStack)
      fc_emit_aux("The value was last loaded from the stack: a local "
                  "never written, or uninitialised bytes copied there");
   else
      fc_emit_aux("Its origin is not known (not heap or stack memory, or "
                  "mixed in registers from several sources)");
}

/* "C code called malloc with size 18446744073709551615 (-1 as a signed
   number), a fishy (possibly negative) value" */
static void fc_pp_fishy(const Error* err, const FC_Error* e)
{
   HChar what[300];
   VG_(snprintf)(what, sizeof what, "%s code called %s with %s %lu (%ld as "
                 "a signed number), a fishy (possibly negative) value",
                 fc_side_name(e->by_side), e->Err.FishySize.fn,
                 e->Err.FishySize.arg, e->Err.FishySize.value,
                 (SSizeT)e->Err.FishySize.value);
   fc_emit_what("FishySize", what);
   VG_(pp_ExeContext)(VG_(get_error_where)(err));
}

static void fc_pp_error(const Error* err)
{
   const FC_Error* e = VG_(get_error_extra)(err);
   switch (VG_(get_error_kind)(err)) {
      case FC_ErrForeignFree:    fc_pp_foreign_free(err, e);    break;
      case FC_ErrLayoutMismatch: fc_pp_layout_mismatch(err, e); break;
      case FC_ErrDoubleFree:     fc_pp_double_free(err, e);     break;
      case FC_ErrInvalidFree:    fc_pp_invalid_free(err, e);    break;
      case FC_ErrOverflowRead:
      case FC_ErrOverflowWrite:
      case FC_ErrUseAfterFree:
      case FC_ErrUnmappedAccess: fc_pp_access(err, e);          break;
      case FC_ErrFishySize:      fc_pp_fishy(err, e);           break;
      case FC_ErrLeak:           fc_pp_leak(err);               break;
      case FC_ErrUninitRead:     fc_pp_uninit(err, e);          break;
      default: tl_assert(0);
   }
}

static void fc_before_pp_error(const Error* err)
{
}

static UInt fc_update_extra(const Error* err)
{
   return sizeof(FC_Error);
}

/* ------------------------------------------------------------------ */
/* Suppressions                                                        */
/* ------------------------------------------------------------------ */

static const struct { const HChar* name; FC_ErrKind kind; } fc_kind_names[] = {
   { "ForeignFree",    FC_ErrForeignFree },
   { "LayoutMismatch", FC_ErrLayoutMismatch },
   { "DoubleFree",     FC_ErrDoubleFree },
   { "InvalidFree",    FC_ErrInvalidFree },
   { "OverflowRead",   FC_ErrOverflowRead },
   { "OverflowWrite",  FC_ErrOverflowWrite },
   { "UseAfterFree",   FC_ErrUseAfterFree },
   { "Leak",           FC_ErrLeak },
   { "UninitRead",     FC_ErrUninitRead },
   { "UnmappedAccess", FC_ErrUnmappedAccess },
   { "FishySize",      FC_ErrFishySize },
};
#define FC_N_KINDS (sizeof fc_kind_names / sizeof fc_kind_names[0])

static Bool fc_recognised_suppression(const HChar* name, Supp* su)
{
   for (UInt i = 0; i < FC_N_KINDS; i++) {
      if (VG_STREQ(name, fc_kind_names[i].name)) {
         VG_(set_supp_kind)(su, fc_kind_names[i].kind);
         return True;
      }
   }
   return False;
}

static Bool fc_read_extra_suppression_info(Int fd, HChar** bufpp,
                                           SizeT* nBufp, Int* lineno,
                                           Supp* su)
{
   if (VG_(get_supp_kind)(su) == FC_ErrLeak)   /* match-leak-kinds: */
      return fc_read_leak_supp_extra(fd, bufpp, nBufp, lineno,
                                                 su);
   return True;   /* no other kind carries extra lines (yet) */
}

static Bool fc_error_matches_suppression(const Error* err, const Supp* su)
{
   if (VG_(get_error_kind)(err) != VG_(get_supp_kind)(su))
      return False;
   if (VG_(get_error_kind)(err) == FC_ErrLeak)   /* match-leak-kinds: */
      return fc_leak_matches_supp(err, su);
   return True;
}

static const HChar* fc_get_error_name(const Error* err)
{
   ErrorKind k = VG_(get_error_kind)(err);
   for (UInt i = 0; i < FC_N_KINDS; i++)
      if (fc_kind_names[i].kind == k)
         return fc_kind_names[i].name;
   tl_assert(0);
}

static SizeT fc_print_extra_suppression_info(const Error* err,
                                             HChar* buf, Int nBuf)
{
   if (VG_(get_error_kind)(err) == FC_ErrLeak)   /* match-leak-kinds: */
      return fc_print_leak_supp_extra(err, buf, nBuf);
   buf[0] = '\0';
   return 0;
}

static SizeT fc_print_extra_suppression_use(const Supp* su,
                                            HChar* buf, Int nBuf)
{
   buf[0] = '\0';
   return 0;
}

static void fc_update_extra_suppression_use(const Error* err, const Supp* su)
{
}

void fc_errors_register(void)
{
   VG_(needs_tool_errors)(fc_eq_error, fc_before_pp_error, fc_pp_error,
                          True /* show thread ids */, fc_update_extra,
                          fc_recognised_suppression,
                          fc_read_extra_suppression_info,
                          fc_error_matches_suppression, fc_get_error_name,
                          fc_print_extra_suppression_info,
                          fc_print_extra_suppression_use,
                          fc_update_extra_suppression_use);
}
