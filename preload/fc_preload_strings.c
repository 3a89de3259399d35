/* fc_preload_strings.c: libc string and memory functions replaced in the client
   (part of vgpreload_ffican-amd64-linux.so, next to fc_preload_alloc.c).

   Why: glibc's string functions are vectorised (SSE2, AVX2, EVEX).
   strlen, strchr, strcmp and friends load whole 16- or 32-byte vectors
   and look for the terminator inside them, so they read up to 31 bytes
   past the end of a string; that never faults (they never cross a page
   they need not) but ffican's shadow memory sees a read of a heap
   block's redzone whenever a string ends near its block's end.  The
   versions here read and write exactly the bytes the C standard says the
   function accesses, so correct code at exact block bounds is never
   reported, even with --partial-loads-ok=no, while a real overflow is:
   these functions run on the simulated CPU as client code, and the tool
   checks their loads and stores like any other.  See
   docs/string-functions.md.

   How fast: a string function reads one byte at a time (a wider load
   could cross the end, which it cannot know beforehand), unrolled by
   four; memchr too, because POSIX lets its caller pass a length larger
   than the object when the byte is known to be in it.  Functions given
   a length they may read in full (memcpy, memmove, memset, memcmp) use
   8-byte words inside [p, p+n).  Measured under ffican on 1 MiB
   buffers: memcpy and memset take half the time of glibc's AVX2 code
   (wide vector instructions are expensive to simulate), memcmp about
   the same, strlen and memchr three times as long.

   Behaviour: the same results as glibc for every valid input: strcmp,
   strncmp, memcmp and strcasecmp return the difference of the first
   differing bytes (as unsigned char; strcasecmp after the current
   locale's tolower, read from glibc's own table), wcscmp, wcsncmp and
   wmemcmp return -1, 0 or 1 comparing wchar_t as signed.  memcpy behaves
   like memmove (the versioned memcpy@GLIBC_2.2.5 of old binaries IS memmove); overlap is
   not reported.  The fortified __*_chk functions check the destination
   size before writing anything and, when it is too small, call glibc's
   own __chk_fail, so the program prints glibc's "*** buffer overflow
   detected ***: terminated" and dies of SIGABRT as it would natively.

   Which names (glibc 2.36, amd64): the public name and the internal
   aliases glibc calls (__GI_x, __x).  Nearly all of them are IFUNCs
   whose resolver the core wraps, so every caller, glibc's own (printf,
   strdup, getline, ...) through its IRELATIVE slots included, lands here
   whatever variant the CPU selects.  Some aliases are plain functions
   glibc calls directly (__GI_strstr is its generic strstr); they are
   replaced by name, when the debug symbols are installed (Debian
   libc6-dbg).  ld-linux-x86-64.so.2 has private copies (memcpy, strlen,
   strchr, ...) used by dlopen and friends: local symbols too, replaced
   under the same condition.  A statically linked program gets no preload
   at all, so there is no "NONE" soname here.

   Equivalence classes 3001..3049, one per family: names that glibc
   gives one address (memcpy and memmove variants, bcmp and memcmp, strchr
   and index) share a class, so the core keeps one redirection quietly,
   the public name's (priority 1) over an alias's (priority 0).

   The loops must stay loops: the preload is compiled with
   -fno-tree-loop-distribute-patterns, without which gcc turns a byte
   loop into a call to memset or memcpy, i.e. into a call to itself.
   Nothing here calls into libc except the weak __ctype_tolower_loc
   (strcasecmp) and __chk_fail/abort (the _chk functions): neither can be
   reached from ld.so before this object is relocated.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_redir.h"

#define FC_LIBC  VG_Z_LIBC_SONAME              /* libc.so*             */
#define FC_LDSO  VG_Z_LD_LINUX_X86_64_SO_2     /* ld-linux-x86-64.so.2 */

/* Replacement names.  Each family has an equivalence class (four digits)
   and its names a priority: when glibc gives one address several names
   (memcpy, __GI_memcpy, memcpy@@GLIBC_2.14), the core keeps the
   redirection of the highest priority, so reports say "memcpy", not one
   of its aliases.  The tag glued from both must be one number, hence the
   two-step paste. */
#define FC_TAG(cls, prio)   FC_TAG_(cls, prio)
#define FC_TAG_(cls, prio)  cls##prio
#define FC_PUB(cls, soname, fn) \
   VG_REPLACE_FUNCTION_EZU(FC_TAG(cls, 1), soname, fn)
#define FC_ALIAS(cls, soname, fn) \
   VG_REPLACE_FUNCTION_EZU(FC_TAG(cls, 0), soname, fn)
#define FC_ALIAS_Z(cls, soname, fn)  /* Z-encoded name (versioned) */ \
   VG_REPLACE_FUNCTION_EZZ(FC_TAG(cls, 0), soname, fn)

/* Equivalence classes.  fc_preload_alloc.c uses 0000, 1005 and 1009, Valgrind's
   malloc replacement 1001..1013. */
#define FC_C_STRLEN        3001
#define FC_C_STRNLEN       3002
#define FC_C_STRCPY        3003
#define FC_C_STPCPY        3004
#define FC_C_STRNCPY       3005
#define FC_C_STPNCPY       3006
#define FC_C_STRCAT        3007
#define FC_C_STRNCAT       3008
#define FC_C_STRCMP        3009
#define FC_C_STRNCMP       3010
#define FC_C_STRCASECMP    3011
#define FC_C_STRNCASECMP   3012
#define FC_C_STRCHR        3013
#define FC_C_STRRCHR       3014
#define FC_C_STRCHRNUL     3015
#define FC_C_RAWMEMCHR     3016
#define FC_C_MEMCHR        3017
#define FC_C_MEMRCHR       3018
#define FC_C_MEMCMP        3019
#define FC_C_MEMMOVE       3020
#define FC_C_MEMPCPY       3021
#define FC_C_MEMSET        3022
#define FC_C_MEMCCPY       3023
#define FC_C_STRSPN        3024
#define FC_C_STRCSPN       3025
#define FC_C_STRPBRK       3026
#define FC_C_STRSTR        3027
#define FC_C_STRCASECMP_L  3028
#define FC_C_STRNCASECMP_L 3029
#define FC_C_WCSLEN        3030
#define FC_C_WCSNLEN       3031
#define FC_C_WCSCMP        3032
#define FC_C_WCSCPY        3033
#define FC_C_WCSCHR        3034
#define FC_C_WCSRCHR       3035
#define FC_C_WCSNCMP       3036
#define FC_C_WMEMCHR       3037
#define FC_C_WMEMCMP       3038
#define FC_C_WMEMSET       3039
#define FC_C_WMEMSET_CHK   3049
#define FC_C_MEMMOVE_CHK   3040
#define FC_C_MEMPCPY_CHK   3041
#define FC_C_MEMSET_CHK    3042
#define FC_C_STRCPY_CHK    3043
#define FC_C_STPCPY_CHK    3044
#define FC_C_STRCAT_CHK    3045
#define FC_C_STRNCPY_CHK   3046
#define FC_C_STPNCPY_CHK   3047
#define FC_C_STRNCAT_CHK   3048

/* An 8-byte word at any address (x86 loads and stores it unaligned). */
typedef ULong FC_Word __attribute__((aligned(1), may_alias));
#define FC_WORD(p)   (*(FC_Word*)(p))
#define FC_CWORD(p)  (*(const FC_Word*)(p))

/* A search returns a pointer into its const argument, as in C. */
#define FC_UNCONST(type, p)  ((type)(Addr)(p))

typedef Int FC_WChar;   /* wchar_t on amd64 Linux: a signed 32-bit int */

/* The bodies below are macros, not inline functions: with inline info
   read, an inlined helper would show as one more frame above "strcpy" in
   every report. */

/* ------------------------------------------------------------------ */
/* Shared pieces                                                       */
/* ------------------------------------------------------------------ */

/* len_ = number of bytes before the first NUL at str_. */
#define FC_STRLEN_INTO(len_, str_)                                      \
   do {                                                                 \
      const UChar* q_ = (const UChar*)(str_);                           \
      for (;;) {                                                        \
         if (q_[0] == 0) break;                                         \
         if (q_[1] == 0) { q_ += 1; break; }                            \
         if (q_[2] == 0) { q_ += 2; break; }                            \
         if (q_[3] == 0) { q_ += 3; break; }                            \
         q_ += 4;                                                       \
      }                                                                 \
      (len_) = (SizeT)(q_ - (const UChar*)(str_));                      \
   } while (0)

/* len_ = strnlen(str_, max_): never reads str_[max_]. */
#define FC_STRNLEN_INTO(len_, str_, max_)                               \
   do {                                                                 \
      const UChar* q_ = (const UChar*)(str_);                           \
      SizeT m_ = (max_), k_ = 0;                                        \
      while (k_ < m_ && q_[k_] != 0)                                    \
         k_++;                                                          \
      (len_) = k_;                                                      \
   } while (0)

/* Copy n_ bytes from src_ to dst_, correct when they overlap.  Forward
   when dst_ is below src_ or past the source: a word is always read
   before the word that overwrites it is written.  Backward otherwise. */
#define FC_MOVE(dst_, src_, len_)                                       \
   do {                                                                 \
      UChar* d_ = (UChar*)(dst_);                                       \
      const UChar* s_ = (const UChar*)(src_);                           \
      SizeT n_ = (len_);                                                \
      if (d_ == s_ || n_ == 0)                                          \
         break;                                                         \
      if ((Addr)d_ - (Addr)s_ >= n_) {                                  \
         if (n_ >= 16) {                                                \
            while (((Addr)d_ & 7) != 0) { *d_++ = *s_++; n_--; }        \
            while (n_ >= 32) {                                          \
               FC_WORD(d_) = FC_CWORD(s_);                              \
               FC_WORD(d_ + 8) = FC_CWORD(s_ + 8);                      \
               FC_WORD(d_ + 16) = FC_CWORD(s_ + 16);                    \
               FC_WORD(d_ + 24) = FC_CWORD(s_ + 24);                    \
               d_ += 32; s_ += 32; n_ -= 32;                            \
            }                                                           \
            while (n_ >= 8) {                                           \
               FC_WORD(d_) = FC_CWORD(s_);                              \
               d_ += 8; s_ += 8; n_ -= 8;                               \
            }                                                           \
         }                                                              \
         while (n_ > 0) { *d_++ = *s_++; n_--; }                        \
      } else {                                                          \
         d_ += n_; s_ += n_;                                            \
         if (n_ >= 16) {                                                \
            while (((Addr)d_ & 7) != 0) { *--d_ = *--s_; n_--; }        \
            while (n_ >= 32) {                                          \
               d_ -= 32; s_ -= 32; n_ -= 32;                            \
               FC_WORD(d_ + 24) = FC_CWORD(s_ + 24);                    \
               FC_WORD(d_ + 16) = FC_CWORD(s_ + 16);                    \
               FC_WORD(d_ + 8) = FC_CWORD(s_ + 8);                      \
               FC_WORD(d_) = FC_CWORD(s_);                              \
            }                                                           \
            while (n_ >= 8) {                                           \
               d_ -= 8; s_ -= 8; n_ -= 8;                               \
               FC_WORD(d_) = FC_CWORD(s_);                              \
            }                                                           \
         }                                                              \
         while (n_ > 0) { *--d_ = *--s_; n_--; }                        \
      }                                                                 \
   } while (0)

/* Fill n_ bytes at dst_ with (unsigned char)c_. */
#define FC_FILL(dst_, c_, len_)                                         \
   do {                                                                 \
      UChar* d_ = (UChar*)(dst_);                                       \
      UChar b_ = (UChar)(c_);                                           \
      SizeT n_ = (len_);                                                \
      if (n_ >= 16) {                                                   \
         ULong w_ = (ULong)b_ * 0x0101010101010101ULL;                  \
         while (((Addr)d_ & 7) != 0) { *d_++ = b_; n_--; }              \
         while (n_ >= 32) {                                             \
            FC_WORD(d_) = w_; FC_WORD(d_ + 8) = w_;                     \
            FC_WORD(d_ + 16) = w_; FC_WORD(d_ + 24) = w_;               \
            d_ += 32; n_ -= 32;                                         \
         }                                                              \
         while (n_ >= 8) { FC_WORD(d_) = w_; d_ += 8; n_ -= 8; }        \
      }                                                                 \
      while (n_ > 0) { *d_++ = b_; n_--; }                              \
   } while (0)

/* res_ = memcmp(a_, b_, len_): words while equal, then the bytes. */
#define FC_COMPARE_INTO(res_, a_, b_, len_)                             \
   do {                                                                 \
      const UChar* p_ = (const UChar*)(a_);                             \
      const UChar* q_ = (const UChar*)(b_);                             \
      SizeT n_ = (len_);                                                \
      Int r_ = 0;                                                       \
      while (n_ >= 8 && FC_CWORD(p_) == FC_CWORD(q_)) {                 \
         p_ += 8; q_ += 8; n_ -= 8;                                     \
      }                                                                 \
      for (; n_ > 0; p_++, q_++, n_--) {                                \
         if (*p_ != *q_) { r_ = (Int)*p_ - (Int)*q_; break; }           \
      }                                                                 \
      (res_) = r_;                                                      \
   } while (0)

/* The current locale's tolower table (indexable by any unsigned char),
   or NULL outside glibc, where ASCII folding is used. */
extern const Int** __ctype_tolower_loc(void) __attribute__((weak));
#define FC_TOLOWER_TABLE()                                              \
   (__ctype_tolower_loc ? *__ctype_tolower_loc() : (const Int*)0)
#define FC_TOLOWER(tbl_, c_)                                            \
   ((tbl_) ? (tbl_)[(c_)]                                               \
           : ((c_) >= 'A' && (c_) <= 'Z' ? (Int)(c_) + 32 : (Int)(c_)))

/* A fortified function found the destination too small: do what glibc
   does, through glibc's own __chk_fail (its message, then abort()), so
   the program ends as it would natively.  Outside glibc, abort(); failing
   that, a trap.  One function, not inlined, so that gcc leaves no ".cold"
   fragments named like replacements. */
extern void __chk_fail(void) __attribute__((weak, noreturn));
extern void abort(void) __attribute__((weak, noreturn));
static void fc_chk_fail(void) __attribute__((noinline, noreturn));
static void fc_chk_fail(void)
{
   if (__chk_fail)
      __chk_fail();
   if (abort)
      abort();
   __builtin_trap();
}
#define FC_CHK_FAIL()  fc_chk_fail()

/* ------------------------------------------------------------------ */
/* Lengths                                                             */
/* ------------------------------------------------------------------ */

#define FC_DEF_STRLEN(name)                                             \
   SizeT name(const HChar* s);                                          \
   SizeT name(const HChar* s)                                           \
   {                                                                    \
      SizeT n;                                                          \
      FC_STRLEN_INTO(n, s);                                             \
      return n;                                                         \
   }

#define FC_DEF_STRNLEN(name)                                            \
   SizeT name(const HChar* s, SizeT max);                               \
   SizeT name(const HChar* s, SizeT max)                                \
   {                                                                    \
      SizeT n;                                                          \
      FC_STRNLEN_INTO(n, s, max);                                       \
      return n;                                                         \
   }

FC_DEF_STRLEN(FC_PUB(FC_C_STRLEN, FC_LIBC, strlen))
FC_DEF_STRLEN(FC_ALIAS(FC_C_STRLEN, FC_LIBC, __GI_strlen))
FC_DEF_STRLEN(FC_PUB(FC_C_STRLEN, FC_LDSO, strlen))

FC_DEF_STRNLEN(FC_PUB(FC_C_STRNLEN, FC_LIBC, strnlen))
FC_DEF_STRNLEN(FC_ALIAS(FC_C_STRNLEN, FC_LIBC, __strnlen))
FC_DEF_STRNLEN(FC_ALIAS(FC_C_STRNLEN, FC_LIBC, __GI_strnlen))
FC_DEF_STRNLEN(FC_ALIAS(FC_C_STRNLEN, FC_LIBC, __GI___strnlen))
FC_DEF_STRNLEN(FC_PUB(FC_C_STRNLEN, FC_LDSO, strnlen))
FC_DEF_STRNLEN(FC_ALIAS(FC_C_STRNLEN, FC_LDSO, __strnlen))

/* ------------------------------------------------------------------ */
/* Copies of strings                                                   */
/* ------------------------------------------------------------------ */

/* Byte by byte, terminator included: the source's end is found by
   reading it, and each byte is written once it is known to be part of
   the string. */
#define FC_COPY_STR(d_, s_)                                             \
   do {                                                                 \
      for (;;) {                                                        \
         UChar c_ = *(s_);                                              \
         *(d_) = c_;                                                    \
         if (c_ == 0) break;                                            \
         (d_)++; (s_)++;                                                \
      }                                                                 \
   } while (0)

#define FC_DEF_STRCPY(name)                                             \
   HChar* name(HChar* dst, const HChar* src);                           \
   HChar* name(HChar* dst, const HChar* src)                            \
   {                                                                    \
      UChar* d = (UChar*)dst;                                           \
      const UChar* s = (const UChar*)src;                               \
      FC_COPY_STR(d, s);                                                \
      return dst;                                                       \
   }

/* Returns the address of the terminator written. */
#define FC_DEF_STPCPY(name)                                             \
   HChar* name(HChar* dst, const HChar* src);                           \
   HChar* name(HChar* dst, const HChar* src)                            \
   {                                                                    \
      UChar* d = (UChar*)dst;                                           \
      const UChar* s = (const UChar*)src;                               \
      FC_COPY_STR(d, s);                                                \
      return (HChar*)d;                                                 \
   }

/* Copies at most n bytes, then pads with NULs up to n.  strncpy returns
   dst, stpncpy the first padding byte (dst + n if none). */
#define FC_DEF_STRNCPY(name, return_end)                                \
   HChar* name(HChar* dst, const HChar* src, SizeT n);                  \
   HChar* name(HChar* dst, const HChar* src, SizeT n)                   \
   {                                                                    \
      UChar* d = (UChar*)dst;                                           \
      const UChar* s = (const UChar*)src;                               \
      SizeT i = 0, end;                                                 \
      while (i < n && s[i] != 0) { d[i] = s[i]; i++; }                  \
      end = i;                                                          \
      while (i < n) { d[i] = 0; i++; }                                  \
      return return_end ? dst + end : dst;                              \
   }

#define FC_DEF_STRCAT(name)                                             \
   HChar* name(HChar* dst, const HChar* src);                           \
   HChar* name(HChar* dst, const HChar* src)                            \
   {                                                                    \
      SizeT dl;                                                         \
      FC_STRLEN_INTO(dl, dst);                                          \
      UChar* d = (UChar*)dst + dl;                                      \
      const UChar* s = (const UChar*)src;                               \
      FC_COPY_STR(d, s);                                                \
      return dst;                                                       \
   }

/* Appends at most n bytes of src (never reading src[n]), then a NUL. */
#define FC_DEF_STRNCAT(name)                                            \
   HChar* name(HChar* dst, const HChar* src, SizeT n);                  \
   HChar* name(HChar* dst, const HChar* src, SizeT n)                   \
   {                                                                    \
      SizeT dl, i = 0;                                                  \
      FC_STRLEN_INTO(dl, dst);                                          \
      UChar* d = (UChar*)dst + dl;                                      \
      const UChar* s = (const UChar*)src;                               \
      while (i < n && s[i] != 0) { d[i] = s[i]; i++; }                  \
      d[i] = 0;                                                         \
      return dst;                                                       \
   }

FC_DEF_STRCPY(FC_PUB(FC_C_STRCPY, FC_LIBC, strcpy))
FC_DEF_STRCPY(FC_ALIAS(FC_C_STRCPY, FC_LIBC, __GI_strcpy))

FC_DEF_STPCPY(FC_PUB(FC_C_STPCPY, FC_LIBC, stpcpy))
FC_DEF_STPCPY(FC_ALIAS(FC_C_STPCPY, FC_LIBC, __stpcpy))
FC_DEF_STPCPY(FC_ALIAS(FC_C_STPCPY, FC_LIBC, __GI_stpcpy))
FC_DEF_STPCPY(FC_ALIAS(FC_C_STPCPY, FC_LIBC, __GI___stpcpy))

FC_DEF_STRNCPY(FC_PUB(FC_C_STRNCPY, FC_LIBC, strncpy), 0)
FC_DEF_STRNCPY(FC_ALIAS(FC_C_STRNCPY, FC_LIBC, __GI_strncpy), 0)

FC_DEF_STRNCPY(FC_PUB(FC_C_STPNCPY, FC_LIBC, stpncpy), 1)
FC_DEF_STRNCPY(FC_ALIAS(FC_C_STPNCPY, FC_LIBC, __stpncpy), 1)
FC_DEF_STRNCPY(FC_ALIAS(FC_C_STPNCPY, FC_LIBC, __GI___stpncpy), 1)

FC_DEF_STRCAT(FC_PUB(FC_C_STRCAT, FC_LIBC, strcat))
FC_DEF_STRCAT(FC_ALIAS(FC_C_STRCAT, FC_LIBC, __GI_strcat))

FC_DEF_STRNCAT(FC_PUB(FC_C_STRNCAT, FC_LIBC, strncat))
FC_DEF_STRNCAT(FC_ALIAS(FC_C_STRNCAT, FC_LIBC, __GI___strncat))

/* ------------------------------------------------------------------ */
/* Comparisons                                                         */
/* ------------------------------------------------------------------ */

#define FC_DEF_STRCMP(name)                                             \
   Int name(const HChar* a, const HChar* b);                            \
   Int name(const HChar* a, const HChar* b)                             \
   {                                                                    \
      const UChar* p = (const UChar*)a;                                 \
      const UChar* q = (const UChar*)b;                                 \
      for (;; p++, q++) {                                               \
         UChar x = *p, y = *q;                                          \
         if (x != y) return (Int)x - (Int)y;                            \
         if (x == 0) return 0;                                          \
      }                                                                 \
   }

#define FC_DEF_STRNCMP(name)                                            \
   Int name(const HChar* a, const HChar* b, SizeT n);                   \
   Int name(const HChar* a, const HChar* b, SizeT n)                    \
   {                                                                    \
      const UChar* p = (const UChar*)a;                                 \
      const UChar* q = (const UChar*)b;                                 \
      for (; n > 0; n--, p++, q++) {                                    \
         UChar x = *p, y = *q;                                          \
         if (x != y) return (Int)x - (Int)y;                            \
         if (x == 0) return 0;                                          \
      }                                                                 \
      return 0;                                                         \
   }

/* glibc's locale_t points to this (bits/types/__locale_t.h: public ABI);
   the _l comparisons fold case with its tolower table. */
typedef struct {
   void*         locales[13];
   const UShort* ctype_b;
   const Int*    ctype_tolower;
} FC_LocaleHead;

#define FC_LOCALE_TOLOWER(loc_)                                         \
   ((loc_) ? ((const FC_LocaleHead*)(loc_))->ctype_tolower              \
           : FC_TOLOWER_TABLE())

#define FC_DEF_STRCASECMP(name)                                         \
   Int name(const HChar* a, const HChar* b);                            \
   Int name(const HChar* a, const HChar* b)                             \
   {                                                                    \
      FC_CASECMP_BODY(FC_TOLOWER_TABLE());                              \
   }

#define FC_DEF_STRCASECMP_L(name)                                       \
   Int name(const HChar* a, const HChar* b, void* loc);                 \
   Int name(const HChar* a, const HChar* b, void* loc)                  \
   {                                                                    \
      FC_CASECMP_BODY(FC_LOCALE_TOLOWER(loc));                          \
   }

#define FC_CASECMP_BODY(table_)                                         \
   do {                                                                 \
      const Int* t = (table_);                                          \
      const UChar* p = (const UChar*)a;                                 \
      const UChar* q = (const UChar*)b;                                 \
      for (;; p++, q++) {                                               \
         UChar x = *p, y = *q;                                          \
         Int r = FC_TOLOWER(t, x) - FC_TOLOWER(t, y);                   \
         if (r != 0) return r;                                          \
         if (x == 0) return 0;                                          \
      }                                                                 \
   } while (0)

#define FC_DEF_STRNCASECMP(name)                                        \
   Int name(const HChar* a, const HChar* b, SizeT n);                   \
   Int name(const HChar* a, const HChar* b, SizeT n)                    \
   {                                                                    \
      FC_NCASECMP_BODY(n > 0 ? FC_TOLOWER_TABLE() : (const Int*)0);     \
   }

#define FC_DEF_STRNCASECMP_L(name)                                      \
   Int name(const HChar* a, const HChar* b, SizeT n, void* loc);        \
   Int name(const HChar* a, const HChar* b, SizeT n, void* loc)         \
   {                                                                    \
      FC_NCASECMP_BODY(n > 0 ? FC_LOCALE_TOLOWER(loc) : (const Int*)0); \
   }

#define FC_NCASECMP_BODY(table_)                                        \
   do {                                                                 \
      const Int* t = (table_);                                          \
      const UChar* p = (const UChar*)a;                                 \
      const UChar* q = (const UChar*)b;                                 \
      for (; n > 0; n--, p++, q++) {                                    \
         UChar x = *p, y = *q;                                          \
         Int r = FC_TOLOWER(t, x) - FC_TOLOWER(t, y);                   \
         if (r != 0) return r;                                          \
         if (x == 0) return 0;                                          \
      }                                                                 \
      return 0;                                                         \
   } while (0)

/* memcmp, bcmp and __memcmpeq (whose callers only test for zero). */
#define FC_DEF_MEMCMP(name)                                             \
   Int name(const void* a, const void* b, SizeT n);                     \
   Int name(const void* a, const void* b, SizeT n)                      \
   {                                                                    \
      Int r;                                                            \
      FC_COMPARE_INTO(r, a, b, n);                                      \
      return r;                                                         \
   }

FC_DEF_STRCMP(FC_PUB(FC_C_STRCMP, FC_LIBC, strcmp))
FC_DEF_STRCMP(FC_ALIAS(FC_C_STRCMP, FC_LIBC, __GI_strcmp))
FC_DEF_STRCMP(FC_PUB(FC_C_STRCMP, FC_LDSO, strcmp))

FC_DEF_STRNCMP(FC_PUB(FC_C_STRNCMP, FC_LIBC, strncmp))
FC_DEF_STRNCMP(FC_ALIAS(FC_C_STRNCMP, FC_LIBC, __GI_strncmp))
FC_DEF_STRNCMP(FC_PUB(FC_C_STRNCMP, FC_LDSO, strncmp))

FC_DEF_STRCASECMP(FC_PUB(FC_C_STRCASECMP, FC_LIBC, strcasecmp))
FC_DEF_STRCASECMP(FC_ALIAS(FC_C_STRCASECMP, FC_LIBC, __strcasecmp))
FC_DEF_STRCASECMP(FC_ALIAS(FC_C_STRCASECMP, FC_LIBC, __GI___strcasecmp))

FC_DEF_STRNCASECMP(FC_PUB(FC_C_STRNCASECMP, FC_LIBC, strncasecmp))
FC_DEF_STRNCASECMP(FC_ALIAS(FC_C_STRNCASECMP, FC_LIBC, __strncasecmp))

FC_DEF_STRCASECMP_L(FC_PUB(FC_C_STRCASECMP_L, FC_LIBC, strcasecmp_l))
FC_DEF_STRCASECMP_L(FC_ALIAS(FC_C_STRCASECMP_L, FC_LIBC, __strcasecmp_l))
FC_DEF_STRCASECMP_L(FC_ALIAS(FC_C_STRCASECMP_L, FC_LIBC, __GI___strcasecmp_l))

FC_DEF_STRNCASECMP_L(FC_PUB(FC_C_STRNCASECMP_L, FC_LIBC, strncasecmp_l))
FC_DEF_STRNCASECMP_L(FC_ALIAS(FC_C_STRNCASECMP_L, FC_LIBC, __strncasecmp_l))
FC_DEF_STRNCASECMP_L(FC_ALIAS(FC_C_STRNCASECMP_L, FC_LIBC,
                              __GI___strncasecmp_l))

FC_DEF_MEMCMP(FC_PUB(FC_C_MEMCMP, FC_LIBC, memcmp))
FC_DEF_MEMCMP(FC_ALIAS(FC_C_MEMCMP, FC_LIBC, __GI_memcmp))
FC_DEF_MEMCMP(FC_ALIAS(FC_C_MEMCMP, FC_LIBC, bcmp))
FC_DEF_MEMCMP(FC_ALIAS(FC_C_MEMCMP, FC_LIBC, __memcmpeq))
FC_DEF_MEMCMP(FC_ALIAS(FC_C_MEMCMP, FC_LIBC, __GI___memcmpeq))
FC_DEF_MEMCMP(FC_PUB(FC_C_MEMCMP, FC_LDSO, memcmp))

/* ------------------------------------------------------------------ */
/* Searches                                                            */
/* ------------------------------------------------------------------ */

/* strchr: the terminator counts as part of the string (c == 0 finds
   it); strchrnul returns the terminator when c is absent. */
#define FC_DEF_STRCHR(name, nul_if_absent)                              \
   HChar* name(const HChar* s, Int c);                                  \
   HChar* name(const HChar* s, Int c)                                   \
   {                                                                    \
      const UChar* p = (const UChar*)s;                                 \
      UChar ch = (UChar)c;                                              \
      for (;; p++) {                                                    \
         if (*p == ch) return FC_UNCONST(HChar*, p);                    \
         if (*p == 0)                                                   \
            return nul_if_absent ? FC_UNCONST(HChar*, p) : (HChar*)0;   \
      }                                                                 \
   }

#define FC_DEF_STRRCHR(name)                                            \
   HChar* name(const HChar* s, Int c);                                  \
   HChar* name(const HChar* s, Int c)                                   \
   {                                                                    \
      const UChar* p = (const UChar*)s;                                 \
      const UChar* last = 0;                                            \
      UChar ch = (UChar)c;                                              \
      for (;; p++) {                                                    \
         if (*p == ch) last = p;                                        \
         if (*p == 0) return FC_UNCONST(HChar*, last);                  \
      }                                                                 \
   }

#define FC_DEF_RAWMEMCHR(name)                                          \
   void* name(const void* s, Int c);                                    \
   void* name(const void* s, Int c)                                     \
   {                                                                    \
      const UChar* p = (const UChar*)s;                                 \
      UChar ch = (UChar)c;                                              \
      while (*p != ch) p++;                                             \
      return FC_UNCONST(void*, p);                                      \
   }

/* Bytes in order, stopping at the first match (POSIX lets n exceed the
   object when the byte is known to be in it). */
#define FC_DEF_MEMCHR(name)                                             \
   void* name(const void* s, Int c, SizeT n);                           \
   void* name(const void* s, Int c, SizeT n)                            \
   {                                                                    \
      const UChar* p = (const UChar*)s;                                 \
      UChar ch = (UChar)c;                                              \
      for (; n >= 4; n -= 4, p += 4) {                                  \
         if (p[0] == ch) return FC_UNCONST(void*, p);                   \
         if (p[1] == ch) return FC_UNCONST(void*, p + 1);               \
         if (p[2] == ch) return FC_UNCONST(void*, p + 2);               \
         if (p[3] == ch) return FC_UNCONST(void*, p + 3);               \
      }                                                                 \
      for (; n > 0; n--, p++)                                           \
         if (*p == ch) return FC_UNCONST(void*, p);                     \
      return 0;                                                         \
   }

#define FC_DEF_MEMRCHR(name)                                            \
   void* name(const void* s, Int c, SizeT n);                           \
   void* name(const void* s, Int c, SizeT n)                            \
   {                                                                    \
      const UChar* p = (const UChar*)s + n;                             \
      UChar ch = (UChar)c;                                              \
      while (n-- > 0)                                                   \
         if (*--p == ch) return FC_UNCONST(void*, p);                   \
      return 0;                                                         \
   }

/* The set of bytes of a NUL-terminated string, as a 256-bit map. */
#define FC_BYTESET(set_, str_)                                          \
   ULong set_[4] = { 0, 0, 0, 0 };                                      \
   do {                                                                 \
      const UChar* q_ = (const UChar*)(str_);                           \
      for (; *q_ != 0; q_++)                                            \
         set_[*q_ >> 6] |= 1ULL << (*q_ & 63);                          \
   } while (0)
#define FC_IN_SET(set_, c_)  ((set_[(c_) >> 6] >> ((c_) & 63)) & 1)

/* strspn: length of the prefix of s made of bytes in the set.
   strcspn: of bytes not in it (the set then holds the NUL too, which
   stops the scan at the end of s). */
#define FC_DEF_STRSPN(name)                                             \
   SizeT name(const HChar* s, const HChar* set);                        \
   SizeT name(const HChar* s, const HChar* set)                         \
   {                                                                    \
      const UChar* p = (const UChar*)s;                                 \
      FC_BYTESET(bits, set);                                            \
      while (FC_IN_SET(bits, *p)) p++;                                  \
      return (SizeT)(p - (const UChar*)s);                              \
   }

#define FC_DEF_STRCSPN(name)                                            \
   SizeT name(const HChar* s, const HChar* set);                        \
   SizeT name(const HChar* s, const HChar* set)                         \
   {                                                                    \
      const UChar* p = (const UChar*)s;                                 \
      FC_BYTESET(bits, set);                                            \
      bits[0] |= 1;                                                     \
      while (!FC_IN_SET(bits, *p)) p++;                                 \
      return (SizeT)(p - (const UChar*)s);                              \
   }

#define FC_DEF_STRPBRK(name)                                            \
   HChar* name(const HChar* s, const HChar* set);                       \
   HChar* name(const HChar* s, const HChar* set)                        \
   {                                                                    \
      const UChar* p = (const UChar*)s;                                 \
      FC_BYTESET(bits, set);                                            \
      for (; *p != 0; p++)                                              \
         if (FC_IN_SET(bits, *p)) return FC_UNCONST(HChar*, p);         \
      return 0;                                                         \
   }

/* Naive search: never reads past either terminator; quadratic only on
   needles that nearly match everywhere. */
#define FC_DEF_STRSTR(name)                                             \
   HChar* name(const HChar* hay, const HChar* needle);                  \
   HChar* name(const HChar* hay, const HChar* needle)                   \
   {                                                                    \
      const UChar* h = (const UChar*)hay;                               \
      const UChar* nd = (const UChar*)needle;                           \
      if (nd[0] == 0) return FC_UNCONST(HChar*, h);                     \
      for (; *h != 0; h++) {                                            \
         SizeT i = 0;                                                   \
         if (*h != nd[0]) continue;                                     \
         while (nd[i] != 0 && h[i] == nd[i]) i++;                       \
         if (nd[i] == 0) return FC_UNCONST(HChar*, h);                  \
      }                                                                 \
      return 0;                                                         \
   }

FC_DEF_STRCHR(FC_PUB(FC_C_STRCHR, FC_LIBC, strchr), 0)
FC_DEF_STRCHR(FC_ALIAS(FC_C_STRCHR, FC_LIBC, __GI_strchr), 0)
FC_DEF_STRCHR(FC_ALIAS(FC_C_STRCHR, FC_LIBC, index), 0)
FC_DEF_STRCHR(FC_PUB(FC_C_STRCHR, FC_LDSO, strchr), 0)
FC_DEF_STRCHR(FC_ALIAS(FC_C_STRCHR, FC_LDSO, index), 0)

FC_DEF_STRCHR(FC_PUB(FC_C_STRCHRNUL, FC_LIBC, strchrnul), 1)
FC_DEF_STRCHR(FC_ALIAS(FC_C_STRCHRNUL, FC_LIBC, __strchrnul), 1)
FC_DEF_STRCHR(FC_PUB(FC_C_STRCHRNUL, FC_LDSO, strchrnul), 1)
FC_DEF_STRCHR(FC_ALIAS(FC_C_STRCHRNUL, FC_LDSO, __strchrnul), 1)

FC_DEF_STRRCHR(FC_PUB(FC_C_STRRCHR, FC_LIBC, strrchr))
FC_DEF_STRRCHR(FC_ALIAS(FC_C_STRRCHR, FC_LIBC, __GI_strrchr))
FC_DEF_STRRCHR(FC_ALIAS(FC_C_STRRCHR, FC_LIBC, rindex))

FC_DEF_RAWMEMCHR(FC_PUB(FC_C_RAWMEMCHR, FC_LIBC, rawmemchr))
FC_DEF_RAWMEMCHR(FC_ALIAS(FC_C_RAWMEMCHR, FC_LIBC, __rawmemchr))
FC_DEF_RAWMEMCHR(FC_ALIAS(FC_C_RAWMEMCHR, FC_LIBC, __GI___rawmemchr))
FC_DEF_RAWMEMCHR(FC_PUB(FC_C_RAWMEMCHR, FC_LDSO, rawmemchr))
FC_DEF_RAWMEMCHR(FC_ALIAS(FC_C_RAWMEMCHR, FC_LDSO, __rawmemchr))

FC_DEF_MEMCHR(FC_PUB(FC_C_MEMCHR, FC_LIBC, memchr))
FC_DEF_MEMCHR(FC_ALIAS(FC_C_MEMCHR, FC_LIBC, __memchr))
FC_DEF_MEMCHR(FC_ALIAS(FC_C_MEMCHR, FC_LIBC, __GI_memchr))
FC_DEF_MEMCHR(FC_PUB(FC_C_MEMCHR, FC_LDSO, memchr))
FC_DEF_MEMCHR(FC_ALIAS(FC_C_MEMCHR, FC_LDSO, __memchr))

FC_DEF_MEMRCHR(FC_PUB(FC_C_MEMRCHR, FC_LIBC, memrchr))
FC_DEF_MEMRCHR(FC_ALIAS(FC_C_MEMRCHR, FC_LIBC, __memrchr))

FC_DEF_STRSPN(FC_PUB(FC_C_STRSPN, FC_LIBC, strspn))
FC_DEF_STRSPN(FC_ALIAS(FC_C_STRSPN, FC_LIBC, __GI_strspn))
FC_DEF_STRCSPN(FC_PUB(FC_C_STRCSPN, FC_LIBC, strcspn))
FC_DEF_STRCSPN(FC_ALIAS(FC_C_STRCSPN, FC_LIBC, __GI_strcspn))
FC_DEF_STRCSPN(FC_PUB(FC_C_STRCSPN, FC_LDSO, strcspn))
FC_DEF_STRPBRK(FC_PUB(FC_C_STRPBRK, FC_LIBC, strpbrk))
FC_DEF_STRPBRK(FC_ALIAS(FC_C_STRPBRK, FC_LIBC, __GI_strpbrk))
FC_DEF_STRSTR(FC_PUB(FC_C_STRSTR, FC_LIBC, strstr))
FC_DEF_STRSTR(FC_ALIAS(FC_C_STRSTR, FC_LIBC, __GI_strstr))

/* ------------------------------------------------------------------ */
/* Copies and fills of memory                                          */
/* ------------------------------------------------------------------ */

/* memcpy is memmove: one family, so that the variants glibc gives both
   names (__memcpy_avx_unaligned_erms == __memmove_avx_unaligned_erms)
   get one replacement. */
#define FC_DEF_MEMMOVE(name)                                            \
   void* name(void* dst, const void* src, SizeT n);                     \
   void* name(void* dst, const void* src, SizeT n)                      \
   {                                                                    \
      FC_MOVE(dst, src, n);                                             \
      return dst;                                                       \
   }

#define FC_DEF_MEMPCPY(name)                                            \
   void* name(void* dst, const void* src, SizeT n);                     \
   void* name(void* dst, const void* src, SizeT n)                      \
   {                                                                    \
      FC_MOVE(dst, src, n);                                             \
      return (UChar*)dst + n;                                           \
   }

#define FC_DEF_MEMSET(name)                                             \
   void* name(void* dst, Int c, SizeT n);                               \
   void* name(void* dst, Int c, SizeT n)                                \
   {                                                                    \
      FC_FILL(dst, c, n);                                               \
      return dst;                                                       \
   }

/* Copies up to and including the first c; the byte after it in dst, or
   NULL if c was not among the n bytes. */
#define FC_DEF_MEMCCPY(name)                                            \
   void* name(void* dst, const void* src, Int c, SizeT n);              \
   void* name(void* dst, const void* src, Int c, SizeT n)               \
   {                                                                    \
      UChar* d = (UChar*)dst;                                           \
      const UChar* s = (const UChar*)src;                               \
      UChar ch = (UChar)c;                                              \
      SizeT i;                                                          \
      for (i = 0; i < n; i++) {                                         \
         d[i] = s[i];                                                   \
         if (s[i] == ch) return d + i + 1;                              \
      }                                                                 \
      return 0;                                                         \
   }

FC_DEF_MEMMOVE(FC_PUB(FC_C_MEMMOVE, FC_LIBC, memmove))
FC_DEF_MEMMOVE(FC_ALIAS(FC_C_MEMMOVE, FC_LIBC, __GI_memmove))
FC_DEF_MEMMOVE(FC_PUB(FC_C_MEMMOVE, FC_LIBC, memcpy))
FC_DEF_MEMMOVE(FC_ALIAS(FC_C_MEMMOVE, FC_LIBC, __GI_memcpy))
FC_DEF_MEMMOVE(FC_ALIAS_Z(FC_C_MEMMOVE, FC_LIBC, memcpyZAZAGLIBCZu2Zd14))
FC_DEF_MEMMOVE(FC_ALIAS_Z(FC_C_MEMMOVE, FC_LIBC, memcpyZAGLIBCZu2Zd2Zd5))
FC_DEF_MEMMOVE(FC_PUB(FC_C_MEMMOVE, FC_LDSO, memmove))
FC_DEF_MEMMOVE(FC_PUB(FC_C_MEMMOVE, FC_LDSO, memcpy))

FC_DEF_MEMPCPY(FC_PUB(FC_C_MEMPCPY, FC_LIBC, mempcpy))
FC_DEF_MEMPCPY(FC_ALIAS(FC_C_MEMPCPY, FC_LIBC, __mempcpy))
FC_DEF_MEMPCPY(FC_ALIAS(FC_C_MEMPCPY, FC_LIBC, __GI_mempcpy))
FC_DEF_MEMPCPY(FC_ALIAS(FC_C_MEMPCPY, FC_LIBC, __GI___mempcpy))
FC_DEF_MEMPCPY(FC_PUB(FC_C_MEMPCPY, FC_LDSO, mempcpy))
FC_DEF_MEMPCPY(FC_ALIAS(FC_C_MEMPCPY, FC_LDSO, __mempcpy))

FC_DEF_MEMSET(FC_PUB(FC_C_MEMSET, FC_LIBC, memset))
FC_DEF_MEMSET(FC_ALIAS(FC_C_MEMSET, FC_LIBC, __GI_memset))
FC_DEF_MEMSET(FC_PUB(FC_C_MEMSET, FC_LDSO, memset))

FC_DEF_MEMCCPY(FC_PUB(FC_C_MEMCCPY, FC_LIBC, memccpy))
FC_DEF_MEMCCPY(FC_ALIAS(FC_C_MEMCCPY, FC_LIBC, __memccpy))

/* ------------------------------------------------------------------ */
/* Wide strings (wchar_t: 4 bytes, signed)                             */
/* ------------------------------------------------------------------ */

#define FC_DEF_WCSLEN(name)                                             \
   SizeT name(const FC_WChar* s);                                       \
   SizeT name(const FC_WChar* s)                                        \
   {                                                                    \
      const FC_WChar* p = s;                                            \
      while (*p != 0) p++;                                              \
      return (SizeT)(p - s);                                            \
   }

#define FC_DEF_WCSNLEN(name)                                            \
   SizeT name(const FC_WChar* s, SizeT max);                            \
   SizeT name(const FC_WChar* s, SizeT max)                             \
   {                                                                    \
      SizeT i = 0;                                                      \
      while (i < max && s[i] != 0) i++;                                 \
      return i;                                                         \
   }

#define FC_DEF_WCSCMP(name)                                             \
   Int name(const FC_WChar* a, const FC_WChar* b);                      \
   Int name(const FC_WChar* a, const FC_WChar* b)                       \
   {                                                                    \
      for (;; a++, b++) {                                               \
         FC_WChar x = *a, y = *b;                                       \
         if (x != y) return x < y ? -1 : 1;                             \
         if (x == 0) return 0;                                          \
      }                                                                 \
   }

#define FC_DEF_WCSCPY(name)                                             \
   FC_WChar* name(FC_WChar* dst, const FC_WChar* src);                  \
   FC_WChar* name(FC_WChar* dst, const FC_WChar* src)                   \
   {                                                                    \
      FC_WChar* d = dst;                                                \
      for (;; d++, src++) {                                             \
         FC_WChar c = *src;                                             \
         *d = c;                                                        \
         if (c == 0) return dst;                                        \
      }                                                                 \
   }

#define FC_DEF_WCSCHR(name)                                             \
   FC_WChar* name(const FC_WChar* s, FC_WChar c);                       \
   FC_WChar* name(const FC_WChar* s, FC_WChar c)                        \
   {                                                                    \
      for (;; s++) {                                                    \
         if (*s == c) return FC_UNCONST(FC_WChar*, s);                  \
         if (*s == 0) return 0;                                         \
      }                                                                 \
   }

#define FC_DEF_WCSRCHR(name)                                            \
   FC_WChar* name(const FC_WChar* s, FC_WChar c);                       \
   FC_WChar* name(const FC_WChar* s, FC_WChar c)                        \
   {                                                                    \
      const FC_WChar* last = 0;                                         \
      for (;; s++) {                                                    \
         if (*s == c) last = s;                                         \
         if (*s == 0) return FC_UNCONST(FC_WChar*, last);               \
      }                                                                 \
   }

/* wcsncmp and wmemcmp: -1, 0 or 1 like wcscmp, comparing wchar_t as
   signed; wcsncmp stops at n or at a NUL in both strings. */
#define FC_DEF_WCSNCMP(name)                                            \
   Int name(const FC_WChar* a, const FC_WChar* b, SizeT n);             \
   Int name(const FC_WChar* a, const FC_WChar* b, SizeT n)              \
   {                                                                    \
      for (; n > 0; n--, a++, b++) {                                    \
         FC_WChar x = *a, y = *b;                                       \
         if (x != y) return x < y ? -1 : 1;                             \
         if (x == 0) return 0;                                          \
      }                                                                 \
      return 0;                                                         \
   }

#define FC_DEF_WMEMCMP(name)                                            \
   Int name(const FC_WChar* a, const FC_WChar* b, SizeT n);             \
   Int name(const FC_WChar* a, const FC_WChar* b, SizeT n)              \
   {                                                                    \
      for (; n > 0; n--, a++, b++)                                      \
         if (*a != *b) return *a < *b ? -1 : 1;                         \
      return 0;                                                         \
   }

/* Elements in order, stopping at the first match (as memchr). */
#define FC_DEF_WMEMCHR(name)                                            \
   FC_WChar* name(const FC_WChar* s, FC_WChar c, SizeT n);              \
   FC_WChar* name(const FC_WChar* s, FC_WChar c, SizeT n)               \
   {                                                                    \
      for (; n > 0; n--, s++)                                           \
         if (*s == c) return FC_UNCONST(FC_WChar*, s);                  \
      return 0;                                                         \
   }

#define FC_DEF_WMEMSET(name)                                            \
   FC_WChar* name(FC_WChar* s, FC_WChar c, SizeT n);                    \
   FC_WChar* name(FC_WChar* s, FC_WChar c, SizeT n)                     \
   {                                                                    \
      for (SizeT i = 0; i < n; i++)                                     \
         s[i] = c;                                                      \
      return s;                                                         \
   }

/* dlen: the destination's size in wchar_t, as the compiler knew it. */
#define FC_DEF_WMEMSET_CHK(name)                                        \
   FC_WChar* name(FC_WChar* s, FC_WChar c, SizeT n, SizeT dlen);        \
   FC_WChar* name(FC_WChar* s, FC_WChar c, SizeT n, SizeT dlen)         \
   {                                                                    \
      if (dlen < n) FC_CHK_FAIL();                                      \
      for (SizeT i = 0; i < n; i++)                                     \
         s[i] = c;                                                      \
      return s;                                                         \
   }

FC_DEF_WCSLEN(FC_PUB(FC_C_WCSLEN, FC_LIBC, wcslen))
FC_DEF_WCSLEN(FC_ALIAS(FC_C_WCSLEN, FC_LIBC, __wcslen))
FC_DEF_WCSNLEN(FC_PUB(FC_C_WCSNLEN, FC_LIBC, wcsnlen))
FC_DEF_WCSNLEN(FC_ALIAS(FC_C_WCSNLEN, FC_LIBC, __wcsnlen))
FC_DEF_WCSCMP(FC_PUB(FC_C_WCSCMP, FC_LIBC, wcscmp))
FC_DEF_WCSCMP(FC_ALIAS(FC_C_WCSCMP, FC_LIBC, __wcscmp))
FC_DEF_WCSCMP(FC_ALIAS(FC_C_WCSCMP, FC_LIBC, __GI___wcscmp))
FC_DEF_WCSCPY(FC_PUB(FC_C_WCSCPY, FC_LIBC, wcscpy))
FC_DEF_WCSCPY(FC_ALIAS(FC_C_WCSCPY, FC_LIBC, __wcscpy))
FC_DEF_WCSCPY(FC_ALIAS(FC_C_WCSCPY, FC_LIBC, __GI___wcscpy))
FC_DEF_WCSCHR(FC_PUB(FC_C_WCSCHR, FC_LIBC, wcschr))
FC_DEF_WCSCHR(FC_ALIAS(FC_C_WCSCHR, FC_LIBC, __wcschr))
FC_DEF_WCSCHR(FC_ALIAS(FC_C_WCSCHR, FC_LIBC, __GI_wcschr))
FC_DEF_WCSCHR(FC_ALIAS(FC_C_WCSCHR, FC_LIBC, __GI___wcschr))
FC_DEF_WCSRCHR(FC_PUB(FC_C_WCSRCHR, FC_LIBC, wcsrchr))
FC_DEF_WCSNCMP(FC_PUB(FC_C_WCSNCMP, FC_LIBC, wcsncmp))
FC_DEF_WCSNCMP(FC_ALIAS(FC_C_WCSNCMP, FC_LIBC, __wcsncmp))
FC_DEF_WMEMCMP(FC_PUB(FC_C_WMEMCMP, FC_LIBC, wmemcmp))
FC_DEF_WMEMCMP(FC_ALIAS(FC_C_WMEMCMP, FC_LIBC, __wmemcmp))
FC_DEF_WMEMCHR(FC_PUB(FC_C_WMEMCHR, FC_LIBC, wmemchr))
FC_DEF_WMEMCHR(FC_ALIAS(FC_C_WMEMCHR, FC_LIBC, __wmemchr))
FC_DEF_WMEMCHR(FC_ALIAS(FC_C_WMEMCHR, FC_LIBC, __GI_wmemchr))
FC_DEF_WMEMCHR(FC_ALIAS(FC_C_WMEMCHR, FC_LIBC, __GI___wmemchr))
FC_DEF_WMEMSET(FC_PUB(FC_C_WMEMSET, FC_LIBC, wmemset))
FC_DEF_WMEMSET(FC_ALIAS(FC_C_WMEMSET, FC_LIBC, __wmemset))
FC_DEF_WMEMSET(FC_ALIAS(FC_C_WMEMSET, FC_LIBC, __GI_wmemset))
FC_DEF_WMEMSET(FC_ALIAS(FC_C_WMEMSET, FC_LIBC, __GI___wmemset))
FC_DEF_WMEMSET_CHK(FC_PUB(FC_C_WMEMSET_CHK, FC_LIBC, __wmemset_chk))

/* ------------------------------------------------------------------ */
/* Fortified versions (-D_FORTIFY_SOURCE): dlen is the destination's   */
/* size as the compiler knew it.  Checked before anything is written.  */
/* ------------------------------------------------------------------ */

#define FC_DEF_MEMMOVE_CHK(name, return_end)                            \
   void* name(void* dst, const void* src, SizeT n, SizeT dlen);         \
   void* name(void* dst, const void* src, SizeT n, SizeT dlen)          \
   {                                                                    \
      if (dlen < n) FC_CHK_FAIL();                                      \
      FC_MOVE(dst, src, n);                                             \
      return return_end ? (UChar*)dst + n : dst;                        \
   }

#define FC_DEF_MEMSET_CHK(name)                                         \
   void* name(void* dst, Int c, SizeT n, SizeT dlen);                   \
   void* name(void* dst, Int c, SizeT n, SizeT dlen)                    \
   {                                                                    \
      if (dlen < n) FC_CHK_FAIL();                                      \
      FC_FILL(dst, c, n);                                               \
      return dst;                                                       \
   }

/* The source is read no further than dlen bytes: a longer one fails. */
#define FC_DEF_STRCPY_CHK(name, return_end)                             \
   HChar* name(HChar* dst, const HChar* src, SizeT dlen);               \
   HChar* name(HChar* dst, const HChar* src, SizeT dlen)                \
   {                                                                    \
      SizeT sl;                                                         \
      FC_STRNLEN_INTO(sl, src, dlen);                                   \
      if (sl >= dlen) FC_CHK_FAIL();                                    \
      FC_MOVE(dst, src, sl + 1);                                        \
      return return_end ? dst + sl : dst;                               \
   }

#define FC_DEF_STRCAT_CHK(name)                                         \
   HChar* name(HChar* dst, const HChar* src, SizeT dlen);               \
   HChar* name(HChar* dst, const HChar* src, SizeT dlen)                \
   {                                                                    \
      SizeT dl, sl;                                                     \
      FC_STRNLEN_INTO(dl, dst, dlen);                                   \
      if (dl >= dlen) FC_CHK_FAIL();                                    \
      FC_STRNLEN_INTO(sl, src, dlen - dl);                              \
      if (sl >= dlen - dl) FC_CHK_FAIL();                               \
      FC_MOVE(dst + dl, src, sl + 1);                                   \
      return dst;                                                       \
   }

#define FC_DEF_STRNCPY_CHK(name, return_end)                            \
   HChar* name(HChar* dst, const HChar* src, SizeT n, SizeT dlen);      \
   HChar* name(HChar* dst, const HChar* src, SizeT n, SizeT dlen)       \
   {                                                                    \
      SizeT sl;                                                         \
      if (dlen < n) FC_CHK_FAIL();                                      \
      FC_STRNLEN_INTO(sl, src, n);                                      \
      FC_MOVE(dst, src, sl);                                            \
      FC_FILL(dst + sl, 0, n - sl);                                     \
      return return_end ? dst + sl : dst;                               \
   }

/* Appends min(n, strlen(src)) bytes and a NUL: all must fit in dlen. */
#define FC_DEF_STRNCAT_CHK(name)                                        \
   HChar* name(HChar* dst, const HChar* src, SizeT n, SizeT dlen);      \
   HChar* name(HChar* dst, const HChar* src, SizeT n, SizeT dlen)       \
   {                                                                    \
      SizeT dl, sl;                                                     \
      FC_STRNLEN_INTO(dl, dst, dlen);                                   \
      if (dl >= dlen) FC_CHK_FAIL();                                    \
      FC_STRNLEN_INTO(sl, src, n);                                      \
      if (sl >= dlen - dl) FC_CHK_FAIL();                               \
      FC_MOVE(dst + dl, src, sl);                                       \
      dst[dl + sl] = 0;                                                 \
      return dst;                                                       \
   }

FC_DEF_MEMMOVE_CHK(FC_PUB(FC_C_MEMMOVE_CHK, FC_LIBC, __memcpy_chk), 0)
FC_DEF_MEMMOVE_CHK(FC_PUB(FC_C_MEMMOVE_CHK, FC_LIBC, __memmove_chk), 0)
FC_DEF_MEMMOVE_CHK(FC_PUB(FC_C_MEMPCPY_CHK, FC_LIBC, __mempcpy_chk), 1)
FC_DEF_MEMSET_CHK(FC_PUB(FC_C_MEMSET_CHK, FC_LIBC, __memset_chk))
FC_DEF_STRCPY_CHK(FC_PUB(FC_C_STRCPY_CHK, FC_LIBC, __strcpy_chk), 0)
FC_DEF_STRCPY_CHK(FC_PUB(FC_C_STPCPY_CHK, FC_LIBC, __stpcpy_chk), 1)
FC_DEF_STRCAT_CHK(FC_PUB(FC_C_STRCAT_CHK, FC_LIBC, __strcat_chk))
FC_DEF_STRNCPY_CHK(FC_PUB(FC_C_STRNCPY_CHK, FC_LIBC, __strncpy_chk), 0)
FC_DEF_STRNCPY_CHK(FC_PUB(FC_C_STPNCPY_CHK, FC_LIBC, __stpncpy_chk), 1)
FC_DEF_STRNCAT_CHK(FC_PUB(FC_C_STRNCAT_CHK, FC_LIBC, __strncat_chk))
