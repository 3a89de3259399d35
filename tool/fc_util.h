/* fc_util.h: small helpers several modules share, and the few functions
   of Valgrind's core that ffican uses beyond the tool API (private to the
   core, but exported by libcoregrind; declared once, here).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_UTIL_H
#define FC_UTIL_H

#include "pub_tool_basics.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_execontext.h"
#include "pub_tool_xarray.h"

/* Index of the last c in s, or -1.  (VG_(strrchr) never looks at s[0].) */
Int fc_last_index(const HChar* s, HChar c);

/* The file name part of a path. */
const HChar* fc_basename(const HChar* path);

/* Does s end with suffix? */
Bool fc_has_suffix(const HChar* s, const HChar* suffix);

/* Guest-state offsets of the six integer argument registers of the
   amd64 calling convention (rdi, rsi, rdx, rcx, r8, r9). */
extern const Int fc_arg_reg_offsets[6];

/* "16" or, for a delta (delta=True), "16 (+16)" / "16 (-4)": now
   against old, with thousands separators. */
void fc_fmt_delta(HChar* buf, SizeT n, ULong now, ULong old, Bool delta);

/* The little-endian 32-bit integer at p (guest code: any alignment). */
Int fc_read_i32(const UChar* p);

/* If code at a is a PLT-style stub `[endbr64] [bnd] jmp *disp32(%rip)`,
   the address of the slot it jumps through. */
Bool fc_plt_stub_slot(Addr a, Addr* slot);

/* Thread tid's elem_szB-byte element of a per-thread array, zeroed at
   its thread's first use (VG_N_THREADS is known only after option
   parsing, and most of its 500 threads never exist). */
void* fc_per_thread(void** array, SizeT elem_szB, const HChar* cc,
                    ThreadId tid);

/* A growable array in chunks of 2^FC_SEG_BITS elements: growing it
   never copies, and never holds more than one chunk it does not use
   (a doubled flat array holds up to twice what it uses, and three
   times while it is copied).  Elements are zeroed when their chunk is
   made.  Declare as {0} with elt_szB and cc set. */
#define FC_SEG_BITS 12
typedef struct {
   UChar**      seg;       /* seg[k]: elements k << FC_SEG_BITS onwards */
   UInt         n_seg, cap_seg;
   UInt         elt_szB;
   const HChar* cc;
} FC_SegArr;
static inline void* fc_segarr_at(const FC_SegArr* a, UInt i)
{
   return a->seg[i >> FC_SEG_BITS]
          + (SizeT)(i & ((1u << FC_SEG_BITS) - 1)) * a->elt_szB;
}
/* Makes elements [0, n) exist. */
void fc_segarr_reserve(FC_SegArr* a, UInt n);

/* Whether any uninit bit of the guest registers [offset, offset+size)
   of thread tid is set (at most 64 bytes are looked at). */
Bool fc_shadow_regs_undefined(ThreadId tid, PtrdiffT offset, SizeT size);

/* ---- Valgrind 3.19 core, outside the tool API ---- */

/* Read inlined frames (the core sets it only for some tools by name). */
extern Bool VG_(clo_read_inline_info);

/* A function's name as in the symbol table (not demangled). */
extern Bool VG_(get_fnname_raw)(DiEpoch ep, Addr a, const HChar** buf);

/* The instruction addresses of an ExeContext. */
extern Addr* VG_(get_ExeContext_StackTrace)(ExeContext* e);

/* The symbol table of a DebugInfo (amd64 layout of SymAVMAs). */
typedef struct { Addr main; } FC_SymAVMAs;
extern Int  VG_(DebugInfo_syms_howmany)(const DebugInfo* di);
extern void VG_(DebugInfo_syms_getidx)(const DebugInfo* di, Int idx,
                                       FC_SymAVMAs* ad, UInt* size,
                                       const HChar** pri_name,
                                       const HChar*** sec_names,
                                       Bool* isText, Bool* isIFunc,
                                       Bool* isGlobal);

/* A system call (3.24's argument list; 3.19's has two fewer, which the
   amd64 calling convention lets the callee ignore). */
extern SysRes VG_(do_syscall)(UWord sysno, UWord, UWord, UWord, UWord,
                              UWord, UWord, UWord, UWord);

/* The suppression files the core reads at start (--suppressions), an
   XArray of HChar*: fc_bindings appends to it before they are read. */
extern XArray* VG_(clo_suppressions);

/* Symbol idx of di's symbol table, the fields ffican reads. */
typedef struct {
   const HChar*  name;      /* primary name, mangled; may be NULL */
   const HChar** aliases;   /* other names at the same address, or NULL */
   Addr          addr;
   Bool          is_text;
} FC_Sym;
void fc_di_sym(const DebugInfo* di, Int idx, FC_Sym* sym);

/* The function the call ending at return address ra went to, or 0:
   `call rel32` (through a PLT stub too) or `call *disp32(%rip)` (a GOT
   slot); a call through a register gives 0. */
Addr fc_callee_of(Addr ra);
/* The same, without following a stub at the target: where the call
   goes first (0 if not decoded). */
Addr fc_call_target(Addr ra);

/* Reads n bytes at off of the file fd; False if it is shorter. */
Bool fc_pread(Int fd, ULong off, void* buf, Int n);

/* Makes sure di's symbol table has been read: Valgrind 3.21 and later
   defer it until an address in the object is first looked up. */
void fc_di_load_symbols(const DebugInfo* di);

/* Gives the pages of [a, a+len) (page-aligned) back to the kernel, which
   reads as zeros afterwards (madvise MADV_DONTNEED): False, with nothing
   done, unless the range lies in one anonymous mapping of the client's. */
Bool fc_discard_client_pages(Addr a, SizeT len);

#endif
