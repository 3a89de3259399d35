/* fc_errors.h: the error kinds ffican reports and the record_* functions
   that hand them to Valgrind's error manager (deduplication,
   suppressions, XML, --gen-suppressions all come from the core).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_ERRORS_H
#define FC_ERRORS_H

#include "pub_tool_basics.h"
#include "pub_tool_errormgr.h"
#include "fc_owner.h"
#include "fc_option_tokens.h"

/* Error kinds.  Their names are suppression names: stable once released. */
typedef enum {
   FC_ErrForeignFree = 1,   /* released through another family */
   FC_ErrLayoutMismatch,    /* released with another size/alignment */
   FC_ErrDoubleFree,        /* released again */
   FC_ErrInvalidFree,       /* not the start of a live heap block */
   FC_ErrOverflowRead,      /* read outside a block or declared extent */
   FC_ErrOverflowWrite,     /* write outside a block or declared extent */
   FC_ErrUseAfterFree,      /* access to a released block */
   FC_ErrLeak,              /* a loss record of the leak search (fc_leaks.c) */
   FC_ErrUninitRead,        /* an uninitialised value was used */
   FC_ErrUnmappedAccess,    /* access to memory that is not mapped */
   FC_ErrFishySize,         /* an allocator given a size > SSIZE_MAX */
} FC_ErrKind;

/* How an uninitialised value was used (UninitRead). */
typedef enum {
   FC_UseBranch = 0,     /* decided a conditional jump */
   FC_UseCmov,           /* decided a conditional move */
   FC_UseAddress,        /* formed the address of a load or store */
   FC_UseJump,           /* was the target of a jump or call */
   FC_UseSyscallParam,   /* was a system call's argument */
   FC_UseSyscallBuffer,  /* was in a buffer a system call reads */
   FC_UseCrossingArg,    /* was passed to the other side as an argument */
   FC_UseCrossingRet,    /* was returned to the other side */
   FC_UseClientCheck,    /* failed VALGRIND_CHECK_MEM_IS_DEFINED */
   FC_UseCount
} FC_UninitUse;

/* Where an uninitialised value came from. */
typedef enum {
   FC_OriginUnknown = 0,
   FC_OriginHeap,        /* a heap block (blk) */
   FC_OriginStack,       /* a stack frame */
} FC_OriginKind;

typedef struct {
   FC_OriginKind kind;
   FC_Tag        blk;    /* valid when kind == FC_OriginHeap */
} FC_Origin;

void fc_record_foreign_free(ThreadId tid, const FC_Tag* blk,
                            FC_ReleaseFn how);
void fc_record_layout_mismatch(ThreadId tid, const FC_Tag* blk,
                               FC_ReleaseFn how, SizeT given_szB,
                               SizeT given_align);
void fc_record_double_free(ThreadId tid, const FC_Tag* blk,
                           FC_ReleaseFn how);
/* in_block: the block a points into (live or released), or NULL. */
void fc_record_invalid_free(ThreadId tid, Addr a, FC_ReleaseFn how,
                            const FC_Tag* in_block);

/* A declared buffer extent (fc_extents.c), as an error names it: the
   access went past the `len` bytes from `buf` that the call was allowed. */
typedef struct {
   Addr         buf;
   SizeT        len;
   const HChar* fn;          /* the function, when a boundary file rule */
   const HChar* ptr_name;    /* its buffer and length arguments (names or */
   const HChar* len_name;    /* registers), when a boundary file rule */
   SizeT        elem_szB;    /* bytes per element of the length */
   const HChar* file;        /* the boundary file and line of the rule, */
   Int          line;        /* or NULL when declared by a request */
   ExeContext*  decl_ec;     /* the FFICAN_DECLARE_BUFFER request, or NULL */
   ExeContext*  call_ec;     /* the call it was declared for */
} FC_ExtentInfo;

/* Finds the open extent of thread tid (or of any thread) whose
   inaccessible rest holds address bad.  fc_extents.c registers it (the
   error module does not depend on the extents: they depend on blocks,
   which record errors). */
typedef Bool (*FC_ExtentLookup)(ThreadId tid, Addr bad, FC_ExtentInfo* out);
void fc_errors_set_extent_lookup(FC_ExtentLookup lookup);

/* An access of `size` bytes at a (by the running code, or by the system
   call `syscall` when not NULL) found its byte `bad` inaccessible for
   reason `why` (FC_SH_*); blk is the block it was meant for, if known. */
void fc_record_bad_access(ThreadId tid, Addr a, SizeT size, Bool is_write,
                          Addr bad, UChar why, const FC_Tag* blk,
                          const HChar* syscall);

/* An allocation function `fn` (a literal) was given, as its argument
   `arg`, a value that is negative as a signed number (Memcheck's "fishy
   value"): reports it and returns True; False when the value is fine. */
Bool fc_record_fishy_size(ThreadId tid, const HChar* fn, const HChar* arg,
                          SizeT value);

/* An uninitialised value used as `use` by thread tid.  a: the first
   uninitialised byte (buffers, client checks) or 0; size: the bytes
   checked (buffers) or 0; argno: the argument's number for crossings
   (1-based, 0 for none); by, other: the sides of a crossing (by is taken
   from the stack when FC_SideNone); s: the system call parameter's name
   (the core's string) or NULL. */
void fc_record_uninit(ThreadId tid, FC_UninitUse use, const FC_Origin* o,
                      Addr a, SizeT size, Int argno, FC_SideId by,
                      FC_SideId other, const HChar* s);

/* Registers the callbacks with the core (called from pre_clo_init). */
/* Leaks: what the leak search (fc_leaks.c) records, one loss record per
   error (printed here, like every other kind). */

/* A block's kind, as Memcheck names them.  During the search a block
   not yet reached is FC_LeakDefinite ("unreached"); what is still unreached
   after the cliques is definitely lost. */
typedef enum {
   FC_LeakDefinite = 0,
   FC_LeakIndirect,
   FC_LeakPossible,
   FC_LeakReachable,
   FC_LeakNKinds
} FC_LeakKind;

#define FC_LEAK_BIT(k)     (1u << (k))
#define FC_LEAK_ALL_KINDS  (FC_LEAK_BIT(FC_LeakNKinds) - 1)
/* The words of --show-leak-kinds, --errors-for-leak-kinds and
   match-leak-kinds: are FC_LEAK_KIND_TOKENS (fc_option_tokens.h), in
   FC_LeakKind order. */


typedef struct _FC_LeakRecord {
   struct _FC_LeakRecord* next;   /* VgHashTable chain */
   UWord              key;    /* fc_leak_record_key of the fields below */
   /* What the blocks have in common. */
   ExeContext* alloc_ec;
   ExeContext* cross_ec;      /* NULL when not handed across */
   UChar       kind;          /* FC_LeakKind */
   UChar       alloc_fn;      /* FC_AllocFn */
   FC_SideId   owner_side;
   FC_SideId   crossed_to;    /* FC_SideNone when not handed across */
   /* This search. */
   ULong szB;                 /* direct bytes */
   ULong indirect_szB;        /* bytes only these blocks reach (Definite) */
   UInt  n_blocks;
   /* The previous search. */
   ULong old_szB, old_indirect_szB;
   UInt  old_n_blocks;
} FC_LeakRecord;

Bool fc_record_leak(ThreadId tid, const FC_LeakRecord* r, UInt num,
                    UInt total, Bool delta, Bool print, Bool count);

void fc_errors_register(void);

#endif
