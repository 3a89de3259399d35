/* fc_uninit.c: uninit tracking at run time.

   Owns: which memory is defined when it appears (heap blocks undefined
   unless zeroed, new stack frames undefined, everything the kernel or
   the core writes defined), the registers the core writes (defined), the
   UninitRead checks of system-call arguments and buffers and of values
   crossing the boundary, and the helpers generated code calls when a
   use depends on undefined bits (fc_uninit_instrument.c builds that code).

   Origins.  Values carry their origins through registers and the stack
   by dependency sets (fc_uninit_origins.c); this file finds the origin
   of undefined bytes in memory (the heap block holding them, the stack,
   or the block recorded for the granule: fc_copied) and keeps, per
   thread, the latest load's origin, given to values whose set resolves
   to nothing.  A store of undefined bits records, per 8-byte granule,
   the block they came from when it is not the block written (an entry
   is believed only while the block written is the same allocation), or
   outside the heap (a spill, a push: dest_seq 0), so bytes memcpy'd
   from a Rust Vec into a C buffer, or a sum spilled to the stack, are
   still the Vec's.  System-call buffers and client checks know their
   address, so they name its block directly.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_machine.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_hashtable.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_replacemalloc.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_tooliface.h"
#include "libvex_guest_amd64.h"
#include "fc_blocks.h"
#include "fc_errors.h"
#include "fc_options.h"
#include "fc_uninit.h"
#include "fc_shadow.h"
#include "fc_util.h"
#include "fc_uninit_mem.h"
#include "fc_uninit_origins.h"


/* ------------------------------------------------------------------ */
/* Origins                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
   FC_Origin       o;         /* the latest origin noted */
   const FC_Block* last_b;    /* the block o.blk was copied from, */
   ULong           last_seq;  /* and its alloc_seq (blocks are reused) */
} FC_ThreadOrigin;

static void* fc_thread_origins;

static FC_ThreadOrigin* fc_origin_of(ThreadId tid)
{
   return fc_per_thread(&fc_thread_origins, sizeof(FC_ThreadOrigin),
                        "fc.uninit.origins", tid);
}

/* Granules holding undefined bytes copied from another block. */
typedef struct _FC_Copied {
   struct _FC_Copied* next;
   UWord              key;        /* address >> 3 */
   ULong              dest_seq;   /* alloc_seq of the block written */
   ULong              src_seq;    /* alloc_seq of the origin block */
} FC_Copied;

/* The origin blocks named by fc_copied, by alloc_seq (kept for the run:
   the block may be long released when its bytes are used). */
typedef struct _FC_OriginTag {
   struct _FC_OriginTag* next;
   UWord                 key;     /* alloc_seq */
   FC_Tag                tag;
} FC_OriginTag;

#define FC_MAX_COPIED 4000000   /* entries; beyond, copies name the copy */

static VgHashTable* fc_copied;
static VgHashTable* fc_origin_tags;

/* The origin recorded for the granule of a inside block b (NULL: outside
   any heap block: the stack, or static data), or NULL. */
static const FC_Tag* fc_copied_origin(Addr a, const FC_Block* b)
{
   if (VG_(HT_count_nodes)(fc_copied) == 0)
      return NULL;
   const FC_Copied* c = VG_(HT_lookup)(fc_copied, a >> 3);
   if (c == NULL || c->dest_seq != (b ? b->tag.alloc_seq : 0))
      return NULL;
   const FC_OriginTag* t = VG_(HT_lookup)(fc_origin_tags, c->src_seq);
   return t ? &t->tag : NULL;
}

static void fc_copied_record(Addr a, UWord n, ULong dest_seq,
                             const FC_Tag* src)
{
   if (VG_(HT_lookup)(fc_origin_tags, src->alloc_seq) == NULL) {
      FC_OriginTag* t = VG_(malloc)("fc.uninit.origintag", sizeof *t);
      t->key = src->alloc_seq;
      t->tag = *src;
      VG_(HT_add_node)(fc_origin_tags, t);
   }
   for (UWord g = a >> 3; g <= (a + n - 1) >> 3; g++) {
      FC_Copied* c = VG_(HT_lookup)(fc_copied, g);
      if (c == NULL) {
         if (VG_(HT_count_nodes)(fc_copied) >= FC_MAX_COPIED)
            return;
         c = VG_(malloc)("fc.uninit.copied", sizeof *c);
         c->key = g;
         VG_(HT_add_node)(fc_copied, c);
      }
      c->dest_seq = dest_seq;
      c->src_seq = src->alloc_seq;
   }
}

/* Outside heap blocks, granules whose undefined bytes came from
   elsewhere (a spill, a push) forget it. */
static void fc_copied_forget(Addr a, UWord n)
{
   if (VG_(HT_count_nodes)(fc_copied) == 0)
      return;
   for (UWord g = a >> 3; g <= (a + n - 1) >> 3; g++) {
      FC_Copied* c = VG_(HT_lookup)(fc_copied, g);
      if (c != NULL && c->dest_seq == 0)
         VG_(free)(VG_(HT_remove)(fc_copied, g));
   }
}

/* Undefined bits are stored at a by the store at site `site`
   (fc_uninit_origins.c: it knows their dependency set). */
VG_REGPARM(3) void fc_uninit_note_store(Addr a, UWord n, UWord site)
{
   ThreadId tid = VG_(get_running_tid)();
   FC_Origin o;
   if (!fc_origins_resolve(tid, fc_origins_site_data_set((UInt)site), &o))
      o = fc_origin_of(tid)->o;
   const FC_Block* dest = fc_block_live_containing(a);
   if (dest == NULL) {   /* the stack, or static data */
      if (o.kind == FC_OriginHeap)
         fc_copied_record(a, n, 0, &o.blk);
      else
         fc_copied_forget(a, n);
      return;
   }
   if (o.kind != FC_OriginHeap || dest->tag.alloc_seq == o.blk.alloc_seq)
      return;
   fc_copied_record(a, n, dest->tag.alloc_seq, &o.blk);
}

static Bool fc_on_stack(ThreadId tid, Addr a)
{
   Addr sp = VG_(get_SP)(tid);
   return a + FC_STACK_REDZONE >= sp && a <= VG_(thread_get_stack_max)(tid);
}

/* The origin of undefined bytes at a, seen by thread tid. */
static void fc_origin_at(ThreadId tid, Addr a, FC_ThreadOrigin* to)
{
   const FC_Block* b = fc_block_live_containing(a);
   const FC_Tag* copied = fc_copied_origin(a, b);
   if (copied != NULL) {
      to->o.kind = FC_OriginHeap;
      to->o.blk = *copied;
      to->last_b = NULL;
      return;
   }
   if (b != NULL) {
      if (to->o.kind != FC_OriginHeap || to->last_b != b
          || to->last_seq != b->tag.alloc_seq) {
         to->o.kind = FC_OriginHeap;
         to->o.blk = b->tag;
         to->last_b = b;
         to->last_seq = b->tag.alloc_seq;
      }
      return;
   }
   to->last_b = NULL;
   to->o.kind = fc_on_stack(tid, a) ? FC_OriginStack : FC_OriginUnknown;
}

VG_REGPARM(3) void fc_uninit_note_load(Addr a, UWord n, UWord site)
{
   ThreadId tid = VG_(get_running_tid)();
   FC_ThreadOrigin* to = fc_origin_of(tid);
   fc_origin_at(tid, a, to);
   fc_origins_note_site(tid, (UInt)site, &to->o);
}

/* ------------------------------------------------------------------ */
/* Uses reported from generated code                                   */
/* ------------------------------------------------------------------ */

/* The dynamic linker's own string functions (SSE2 strlen, index, ...)
   read aligned 16-byte chunks past a string's terminating NUL and branch
   on a mask whose bits past the NUL do not change the result.  The
   preload cannot replace them while ld.so loads it (LD_PRELOAD is parsed
   into a stack buffer whose tail was never written), so whether they
   touch undefined bytes depends on the length of the paths in the
   environment.  Their uses are never reported.  Looked up only when a
   use is about to be reported. */
static Bool fc_in_ldso_string_fn(ThreadId tid)
{
   static const HChar* const fns[] = {
      "strlen", "strnlen", "index", "strchr", "rindex", "strrchr",
      "memchr", "rawmemchr", "strcmp", "strncmp", "memcmp", "bcmp",
      "strcpy", "stpcpy", "strcspn", "strspn", "strsep", "memrchr"
   };
   Addr ip = VG_(get_IP)(tid);
   const HChar* obj;
   const HChar* fn;
   DiEpoch ep = VG_(current_DiEpoch)();
   if (!VG_(get_objname)(ep, ip, &obj)
       || !VG_STREQN(8, fc_basename(obj), "ld-linux"))
      return False;
   if (!VG_(get_fnname)(ep, ip, &fn))
      return False;
   for (UInt i = 0; i < sizeof fns / sizeof fns[0]; i++)
      if (VG_STREQ(fn, fns[i]))
         return True;
   return False;
}

/* A use of undefined bits computed from dependency set `set`: the origin
   is the set's (fc_uninit_origins.c), else the thread's latest. */
static void fc_report_use(ThreadId tid, FC_UninitUse use, UInt set)
{
   if (fc_in_ldso_string_fn(tid))
      return;
   FC_Origin o;
   if (!fc_origins_resolve(tid, set, &o))
      o = fc_origin_of(tid)->o;
   fc_record_uninit(tid, use, &o, 0, 0, 0, FC_SideNone, FC_SideNone, NULL);
}

VG_REGPARM(1) void fc_uninit_used(UWord use_set)
{
   fc_report_use(VG_(get_running_tid)(), (FC_UninitUse)(use_set & 0xFF),
                 (UInt)(use_set >> 8));
}

/* A conditional move whose condition is undefined: it matters only if
   the two values it chooses between differ (or in their uninit bits). */
void fc_uninit_cmov(UWord t_val, UWord f_val, UWord t_v, UWord f_v,
                    UWord set)
{
   if (t_val != f_val || t_v != f_v)
      fc_report_use(VG_(get_running_tid)(), FC_UseCmov, (UInt)set);
}

VG_REGPARM(2) void fc_uninit_make_defined(Addr a, UWord len)
{
   fc_uninit_mem_set(a, len, 0x00);
}

/* ------------------------------------------------------------------ */
/* Memory that appears                                                 */
/* ------------------------------------------------------------------ */

void fc_uninit_new_mem_mmap(Addr a, SizeT len)
{
   if (fc_clo_track_uninit)
      fc_uninit_mem_set(a, len, 0x00);
}

static void fc_new_mem_defined(Addr a, SizeT len, ThreadId tid)
{
   fc_uninit_mem_set(a, len, 0x00);
}

void fc_uninit_new_mem_startup(Addr a, SizeT len, Bool rr, Bool ww, Bool xx,
                               ULong di_handle)
{
   fc_uninit_mem_set(a, len, 0x00);
}

static void fc_new_stack_signal(Addr a, SizeT len, ThreadId tid)
{
   if (fc_shadow_stack_marked)   /* marks of frames gone (fc_shadow.h) */
      fc_shadow_make_accessible(a, len);
   fc_uninit_mem_set(a, len, 0xFF);   /* the core then writes the frame */
}

static void fc_post_mem_write(CorePart part, ThreadId tid, Addr a, SizeT len)
{
   fc_uninit_mem_set(a, len, 0x00);
}

static void fc_copy_mem_remap(Addr from, Addr to, SizeT len)
{
   fc_uninit_mem_copy(from, to, len);
}

/* New stack memory: rsp went down by d bytes to new_sp (generated code
   calls this when it cannot mark the area inline, fc_uninit_instrument.c); the
   area entering the red zone below rsp is undefined. */
VG_REGPARM(2) void fc_uninit_stack_grew(Addr new_sp, UWord d)
{
   if (fc_shadow_stack_marked)   /* marks of frames gone (fc_shadow.h) */
      fc_shadow_make_accessible(new_sp - FC_STACK_REDZONE, d);
   fc_uninit_mem_set(new_sp - FC_STACK_REDZONE, d, 0xFF);
}

/* A move of rsp down by d bytes to new_sp, as fc_uninit_stack_grew: the
   common case (a multiple of 8, at most FC_RUN_MAX: a prologue's pushes
   and frame, a call's return address) done here in a few instructions
   when the area lies in one plain secondary. */
VG_REGPARM(2) void fc_uninit_stack_run(Addr new_sp, UWord d)
{
   Addr a = new_sp - FC_STACK_REDZONE;
   UWord pri = a >> FC_SH_SEC_SHIFT;
   if (LIKELY(pri < FC_SH_PRIMARY_SIZE && ((a | d) & 7) == 0
              && d <= FC_RUN_MAX
              && ((a + d - 1) >> FC_SH_SEC_SHIFT) == pri)) {
      FC_Sec* s = fc_shadow_sec_at(pri);
      if (LIKELY(s->n_partial == 0 && !s->shared)) {
         UShort* g = (UShort*)&s->g[2 * ((a & (FC_SH_SEC_SPAN - 1)) >> 3)];
         for (UWord k = 0; k < (d >> 3); k++)
            g[k] = FC_SH_OK | 0xFF00;   /* accessible, undefined */
         return;
      }
   }
   fc_uninit_stack_grew(new_sp, d);
}

/* ------------------------------------------------------------------ */
/* Registers                                                           */
/* ------------------------------------------------------------------ */

static void fc_shadow_regs_defined(ThreadId tid, PtrdiffT offset,
                                   SizeT size)
{
   static const UChar zeros[256];
   while (size > 0) {
      SizeT n = size < sizeof zeros ? size : sizeof zeros;
      VG_(set_shadow_regs_area)(tid, 1, offset, n, zeros);
      offset += n;
      size -= n;
   }
}

static void fc_post_reg_write(CorePart part, ThreadId tid, PtrdiffT offset,
                              SizeT size)
{
   fc_shadow_regs_defined(tid, offset, size);
}

static void fc_post_reg_write_ccall(ThreadId tid, PtrdiffT offset,
                                    SizeT size, Addr f)
{
   fc_shadow_regs_defined(tid, offset, size);
}

/* The origin of the undefined bits of the guest register at offset. */
static void fc_reg_origin(ThreadId tid, Int offset, FC_Origin* o)
{
   if (!fc_origins_of_reg(tid, offset, o))
      *o = fc_origin_of(tid)->o;
}

static void fc_pre_reg_read(CorePart part, ThreadId tid, const HChar* s,
                            PtrdiffT offset, SizeT size)
{
   FC_Origin o;
   if (!fc_shadow_regs_undefined(tid, offset, size))
      return;
   fc_reg_origin(tid, offset, &o);
   fc_record_uninit(tid, FC_UseSyscallParam, &o, 0, 0, 0, FC_SideNone,
                    FC_SideNone, s);
}

/* ------------------------------------------------------------------ */
/* Buffers                                                             */
/* ------------------------------------------------------------------ */

static void fc_report_buffer(ThreadId tid, FC_UninitUse use, Addr bad,
                             SizeT len, const HChar* s)
{
   FC_ThreadOrigin to;
   VG_(memset)(&to, 0, sizeof to);
   fc_origin_at(tid, bad, &to);
   fc_record_uninit(tid, use, &to.o, bad, len, 0, FC_SideNone, FC_SideNone,
                    s);
}

void fc_uninit_pre_mem_read(CorePart part, ThreadId tid, const HChar* s,
                            Addr a, SizeT len)
{
   if (!fc_clo_track_uninit
       || (part != Vg_CoreSysCall && part != Vg_CoreSysCallArgInMem))
      return;
   Addr bad = fc_uninit_mem_first_undefined(a, len);
   if (bad != 0)
      fc_report_buffer(tid, part == Vg_CoreSysCall ? FC_UseSyscallBuffer
                                                   : FC_UseSyscallParam,
                       bad, len, s);
}

void fc_uninit_pre_mem_read_asciiz(CorePart part, ThreadId tid,
                                   const HChar* s, Addr str)
{
   if (!fc_clo_track_uninit || part != Vg_CoreSysCall)
      return;
   /* fc_access.c has checked the string is accessible up to its NUL. */
   for (Addr p = str;; p++) {
      if (fc_uninit_mem_get_byte(p) != 0) {
         fc_report_buffer(tid, FC_UseSyscallBuffer, p, p - str + 1, s);
         return;
      }
      if (*(const HChar*)p == 0)
         return;
   }
}

Addr fc_uninit_client_check(ThreadId tid, Addr a, SizeT len)
{
   if (!fc_clo_track_uninit)
      return 0;
   Addr bad = fc_uninit_mem_first_undefined(a, len);
   if (bad != 0)
      fc_report_buffer(tid, FC_UseClientCheck, bad, len, NULL);
   return bad;
}

/* ------------------------------------------------------------------ */
/* Crossings                                                           */
/* ------------------------------------------------------------------ */

/* Only a register's low byte is checked: narrow arguments and return
   values (bool, u8, i32) leave the register's upper bits unspecified,
   and a void function leaves rax as it was. */
static Bool fc_low_byte_undefined(const void* gst, Int offset)
{
   const UChar* shadow = (const UChar*)gst + sizeof(VexGuestAMD64State);
   return shadow[offset] != 0;
}

void fc_uninit_check_crossing_args(ThreadId tid, const void* gst,
                                   Int n_args, FC_SideId from, FC_SideId to)
{
   if (!fc_clo_track_uninit || !fc_clo_check_crossing_args)
      return;
   FC_Origin o;
   for (Int i = 0; i < n_args && i < 6; i++)
      if (fc_low_byte_undefined(gst, fc_arg_reg_offsets[i])) {
         fc_reg_origin(tid, fc_arg_reg_offsets[i], &o);
         fc_record_uninit(tid, FC_UseCrossingArg, &o, 0, 0, i + 1, from, to,
                          NULL);
      }
}

void fc_uninit_check_crossing_ret(ThreadId tid, const void* gst,
                                  FC_SideId from, FC_SideId to)
{
   Int rax = offsetof(VexGuestAMD64State, guest_RAX);
   FC_Origin o;
   if (fc_clo_track_uninit && fc_clo_check_crossing_args
       && fc_low_byte_undefined(gst, rax)) {
      fc_reg_origin(tid, rax, &o);
      fc_record_uninit(tid, FC_UseCrossingRet, &o, 0, 0, 0, from, to, NULL);
   }
}

/* ------------------------------------------------------------------ */
/* Setting up                                                          */
/* ------------------------------------------------------------------ */

void fc_uninit_post_clo_init(void)
{
   if (fc_clo_check_crossing_args
       && (!fc_clo_track_uninit || !fc_clo_track_crossings))
      VG_(umsg)("Warning: --check-crossing-args=yes does nothing with "
                "--track-uninit=no or --track-crossings=no\n");
   if (!fc_clo_track_uninit)
      return;
   fc_uninit_mem_init();
   fc_copied = VG_(HT_construct)("fc.uninit.copied");
   fc_origin_tags = VG_(HT_construct)("fc.uninit.origintags");
   VG_(track_new_mem_brk)(fc_new_mem_defined);
   VG_(track_new_mem_stack_signal)(fc_new_stack_signal);
   VG_(track_copy_mem_remap)(fc_copy_mem_remap);
   VG_(track_post_mem_write)(fc_post_mem_write);
   VG_(track_post_reg_write)(fc_post_reg_write);
   VG_(track_post_reg_write_clientcall_return)(fc_post_reg_write_ccall);
   VG_(track_pre_reg_read)(fc_pre_reg_read);
}
