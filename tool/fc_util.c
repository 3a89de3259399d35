/* fc_util.c: helpers several modules share (see fc_util.h).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcfile.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_vki.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_machine.h"
#include "libvex_guest_amd64.h"
#include "pub_tool_debuginfo.h"
#include "fc_util.h"

Int fc_last_index(const HChar* s, HChar c)
{
   Int last = -1;
   for (Int i = 0; s[i]; i++)
      if (s[i] == c)
         last = i;
   return last;
}

const HChar* fc_basename(const HChar* path)
{
   return path + fc_last_index(path, '/') + 1;
}

Bool fc_has_suffix(const HChar* s, const HChar* suffix)
{
   SizeT n = VG_(strlen)(s), m = VG_(strlen)(suffix);
   return n >= m && VG_(strcmp)(s + n - m, suffix) == 0;
}

void* fc_per_thread(void** array, SizeT elem_szB, const HChar* cc,
                    ThreadId tid)
{
   tl_assert(tid < VG_N_THREADS);
   if (*array == NULL)   /* a pointer per thread; each element at its use */
      *array = VG_(calloc)(cc, VG_N_THREADS, sizeof(void*));
   void** slots = *array;
   if (slots[tid] == NULL)
      slots[tid] = VG_(calloc)(cc, 1, elem_szB);
   return slots[tid];
}

void fc_segarr_reserve(FC_SegArr* a, UInt n)
{
   UInt need = (UInt)(((ULong)n + (1u << FC_SEG_BITS) - 1) >> FC_SEG_BITS);
   if (need > a->cap_seg) {
      UInt cap = a->cap_seg ? a->cap_seg : 16;
      while (cap < need)
         cap *= 2;
      a->seg = VG_(realloc)(a->cc, a->seg, cap * sizeof(UChar*));
      a->cap_seg = cap;
   }
   for (; a->n_seg < need; a->n_seg++)
      a->seg[a->n_seg] = VG_(calloc)(a->cc, (SizeT)1 << FC_SEG_BITS,
                                     a->elt_szB);
}

/* "16" or, for a delta search, "16 (+16)". */
void fc_fmt_delta(HChar* buf, SizeT n, ULong now, ULong old, Bool delta)
{
   if (!delta)
      VG_(snprintf)(buf, n, "%'llu", now);
   else if (now >= old)
      VG_(snprintf)(buf, n, "%'llu (+%'llu)", now, now - old);
   else
      VG_(snprintf)(buf, n, "%'llu (-%'llu)", now, old - now);
}

const Int fc_arg_reg_offsets[6] = {
   offsetof(VexGuestAMD64State, guest_RDI),
   offsetof(VexGuestAMD64State, guest_RSI),
   offsetof(VexGuestAMD64State, guest_RDX),
   offsetof(VexGuestAMD64State, guest_RCX),
   offsetof(VexGuestAMD64State, guest_R8),
   offsetof(VexGuestAMD64State, guest_R9),
};

void fc_di_load_symbols(const DebugInfo* di)
{
   Addr text = VG_(DebugInfo_get_text_avma)(di);
   const HChar* name;
   if (text != 0)   /* a lookup in the object reads deferred tables */
      (void)VG_(get_fnname_raw)(VG_(current_DiEpoch)(), text, &name);
}

void fc_di_sym(const DebugInfo* di, Int idx, FC_Sym* sym)
{
   FC_SymAVMAs ad;
   UInt size;
   Bool is_ifunc, is_global;
   VG_(DebugInfo_syms_getidx)(di, idx, &ad, &size, &sym->name, &sym->aliases,
                              &sym->is_text, &is_ifunc, &is_global);
   sym->addr = ad.main;
}

Bool fc_pread(Int fd, ULong off, void* buf, Int n)
{
   if (VG_(lseek)(fd, (Off64T)off, VKI_SEEK_SET) != (Off64T)off)
      return False;
   return VG_(read)(fd, buf, n) == n;
}

Bool fc_discard_client_pages(Addr a, SizeT len)
{
   const UWord nr_madvise = 28, madv_dontneed = 4;   /* x86-64 Linux */
   if (len == 0 || ((a | len) & 4095) != 0)
      return False;
   NSegment const* seg = VG_(am_find_nsegment)(a);
   if (seg == NULL || seg->kind != SkAnonC || seg->end < a + len - 1)
      return False;
   SysRes r = VG_(do_syscall)(nr_madvise, a, len, madv_dontneed,
                              0, 0, 0, 0, 0);
   return !sr_isError(r);
}

Int fc_read_i32(const UChar* p)
{
   return (Int)((UInt)p[0] | (UInt)p[1] << 8 | (UInt)p[2] << 16
                | (UInt)p[3] << 24);
}

Bool fc_plt_stub_slot(Addr a, Addr* slot)
{
   const UChar* p = (const UChar*)a;
   if (!VG_(am_is_valid_for_client)(a, 16, VKI_PROT_READ))
      return False;
   if (p[0] == 0xF3 && p[1] == 0x0F && p[2] == 0x1E && p[3] == 0xFA)
      p += 4;
   if (p[0] == 0xF2)
      p++;
   if (p[0] != 0xFF || p[1] != 0x25)
      return False;
   *slot = (Addr)(p + 6) + (Long)fc_read_i32(p + 2);
   return True;
}

Bool fc_shadow_regs_undefined(ThreadId tid, PtrdiffT offset, SizeT size)
{
   UChar v[64];
   if (size > sizeof v)
      size = sizeof v;
   VG_(get_shadow_regs_area)(tid, v, 1, offset, size);
   for (SizeT i = 0; i < size; i++)
      if (v[i] != 0)
         return True;
   return False;
}

/* ---- calls decoded ---- */

static Bool fc_read_code_word(Addr slot, Addr* v)
{
   if (!VG_(am_is_valid_for_client)(slot, sizeof(Addr), VKI_PROT_READ))
      return False;
   *v = *(const Addr*)slot;
   return True;
}

Addr fc_call_target(Addr ra)
{
   if (ra < 6 || !VG_(am_is_valid_for_client)(ra - 6, 6, VKI_PROT_READ))
      return 0;
   const UChar* p = (const UChar*)(ra - 6);
   Addr target;
   if (p[0] == 0xFF && p[1] == 0x15) {
      if (!fc_read_code_word(ra + (Long)fc_read_i32(p + 2), &target))
         return 0;
   } else if (p[1] == 0xE8) {
      target = ra + (Long)fc_read_i32(p + 2);
   } else {
      return 0;
   }
   return target;
}

Addr fc_callee_of(Addr ra)
{
   Addr target = fc_call_target(ra), slot;
   if (target == 0)
      return 0;
   if (fc_plt_stub_slot(target, &slot) && !fc_read_code_word(slot, &target))
      return 0;
   const HChar* name;   /* a function's entry, not bytes taken for a call */
   return VG_(get_fnname_if_entry)(VG_(current_DiEpoch)(), target, &name)
          ? target : 0;
}
