/* fc_uninit.h: uninit tracking at run time (see fc_uninit.c): where memory
   becomes defined or undefined, the origins of uninitialised values, and
   the UninitRead checks that are not in generated code.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_UNINIT_H
#define FC_UNINIT_H

#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"
#include "fc_sidetab.h"
#include "fc_errors.h"

/* After option parsing: sets up the uninit-bit shadow and the core events
   (only with --track-uninit=yes). */
void fc_uninit_post_clo_init(void);

/* The core's new_mem_startup event (memory mapped before the program
   starts: defined); fc_main dispatches it while --track-uninit=yes. */
void fc_uninit_new_mem_startup(Addr a, SizeT len, Bool rr, Bool ww, Bool xx,
                               ULong di_handle);



/* VALGRIND_CHECK_MEM_IS_DEFINED: the first undefined byte, or 0 (and
   reports it). */
Addr fc_uninit_client_check(ThreadId tid, Addr a, SizeT len);

/* System-call buffers, called from fc_access.c's events. */
void fc_uninit_pre_mem_read(CorePart part, ThreadId tid, const HChar* s,
                            Addr a, SizeT len);
void fc_uninit_pre_mem_read_asciiz(CorePart part, ThreadId tid,
                                   const HChar* s, Addr str);
void fc_uninit_new_mem_mmap(Addr a, SizeT len);

/* --check-crossing-args: arguments (the first n_args registers) handed
   by side `from` to side `to`, or the return value handed back.  gst is the
   guest state; its shadow follows it. */
void fc_uninit_check_crossing_args(ThreadId tid, const void* gst,
                                   Int n_args, FC_SideId from, FC_SideId to);
void fc_uninit_check_crossing_ret(ThreadId tid, const void* gst,
                                  FC_SideId from, FC_SideId to);

/* Called by generated code (fc_uninit_instrument.c). */
/* use_set: an FC_UninitUse | the dependency set's id << 8
   (fc_uninit_origins.h) of the value used. */
VG_REGPARM(1) void fc_uninit_used(UWord use_set);
void fc_uninit_cmov(UWord t_val, UWord f_val, UWord t_v, UWord f_v,
                    UWord set);
/* Undefined bits loaded at a by load site `site` / stored at a by store
   site `site` (fc_uninit_origins.h). */
VG_REGPARM(3) void fc_uninit_note_load(Addr a, UWord n, UWord site);
VG_REGPARM(3) void fc_uninit_note_store(Addr a, UWord n, UWord site);

VG_REGPARM(2) void fc_uninit_make_defined(Addr a, UWord len);
VG_REGPARM(2) void fc_uninit_stack_grew(Addr new_sp, UWord d);
VG_REGPARM(2) void fc_uninit_stack_run(Addr new_sp, UWord d);

/* The red zone below rsp (amd64 ABI), part of the live stack. */
#define FC_STACK_REDZONE 128

/* Downward moves of rsp that one translation joins into one mark, at
   most (fc_uninit_stack_run's fast path). */
#define FC_RUN_MAX 128

/* Stack moves larger than this are a switch to another stack, not a
   new frame (Valgrind's --max-stackframe default). */
#define FC_MAX_STACK_FRAME 2000000

#endif
