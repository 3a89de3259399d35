/* fc_main.c: ffican's entry points: what the tool needs from the core,
   the allocator callbacks, the client requests, start and end.

   The allocator callbacks only translate "which API was called" into the
   vocabulary of fc_blocks.c (families, allocating and releasing
   functions); all bookkeeping and checking lives there.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "fc_version.h"       /* first: see its comment */
#include "fc_compat.h"        /* Valgrind API differences */
#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_tooliface.h"
#include "pub_tool_options.h"
#include "pub_tool_replacemalloc.h"
#include "pub_tool_clreq.h"
#include "fc_blocks.h"
#include "fc_preload_requests.h"
#include "fc_errors.h"
#include "fc_storefwd.h"
#include "fc_objects.h"
#include "fc_options.h"
#include "fc_util.h"
#include "fc_stacks.h"
#include "fc_boundary.h"
#include "fc_bindings.h"
#include "fc_ffican_requests.h"
#include "fc_leaks.h"
#include "fc_memcheck_requests.h"
#include "fc_sides.h"
#include "fc_translate.h"
#include "fc_access.h"
#include "fc_uninit_instrument.h"
#include "fc_uninit.h"
#include "fc_extents.h"
#include "fc_shadow.h"

/* Bytes of inaccessible padding the core's arena puts around each block. */
#define FC_REDZONE_SZB 16


/* ------------------------------------------------------------------ */
/* Allocator callbacks (the stock malloc replacement calls these)      */
/* ------------------------------------------------------------------ */

/* A size that is negative as a signed number (a length computed as a
   difference gone wrong) is reported as FishySize and fails, as under
   Memcheck, before anything is allocated. */

static void* fc_malloc(ThreadId tid, SizeT n)
{
   if (fc_record_fishy_size(tid, "malloc", "size", n))
      return NULL;
   return fc_block_alloc(tid, n, 0, FC_AllocMalloc, False);
}

static void* fc_builtin_new(ThreadId tid, SizeT n)
{
   if (fc_record_fishy_size(tid, "operator new", "size", n))
      return NULL;
   return fc_block_alloc(tid, n, 0, FC_AllocNew, False);
}

static void* fc_builtin_new_aligned(ThreadId tid, SizeT n,
                                    SizeT align FC_VG_ORIG_ALIGN_PARAM)
{
   if (fc_record_fishy_size(tid, "operator new", "size", n))
      return NULL;
   return fc_block_alloc(tid, n, align, FC_AllocNewAligned, False);
}

static void* fc_builtin_vec_new(ThreadId tid, SizeT n)
{
   if (fc_record_fishy_size(tid, "operator new[]", "size", n))
      return NULL;
   return fc_block_alloc(tid, n, 0, FC_AllocNewArr, False);
}

static void* fc_builtin_vec_new_aligned(ThreadId tid, SizeT n,
                                        SizeT align FC_VG_ORIG_ALIGN_PARAM)
{
   if (fc_record_fishy_size(tid, "operator new[]", "size", n))
      return NULL;
   return fc_block_alloc(tid, n, align, FC_AllocNewArrAligned, False);
}

static void* fc_memalign(ThreadId tid, SizeT align FC_VG_ORIG_ALIGN_PARAM,
                         SizeT n)
{
   if (fc_record_fishy_size(tid, "memalign", "size", n))
      return NULL;
   return fc_block_alloc(tid, n, align, FC_AllocMemalign, False);
}

static void* fc_calloc(ThreadId tid, SizeT nmemb, SizeT size1)
{
   if (fc_record_fishy_size(tid, "calloc", "nmemb", nmemb)
       || fc_record_fishy_size(tid, "calloc", "size", size1))
      return NULL;
   if (size1 != 0 && nmemb > (SizeT)-1 / size1)
      return NULL;   /* nmemb * size1 overflows */
   return fc_block_alloc(tid, nmemb * size1, 0, FC_AllocCalloc, True);
}

static void fc_free(ThreadId tid, void* p)
{
   fc_block_release(tid, (Addr)p, FC_RelFree, 0, 0);
}

static void fc_builtin_delete(ThreadId tid, void* p)
{
   fc_block_release(tid, (Addr)p, FC_RelDelete, 0, 0);
}

/* The stock replacement passes no usable alignment here. */
static void fc_builtin_delete_aligned(ThreadId tid, void* p, SizeT align)
{
   fc_block_release(tid, (Addr)p, FC_RelDelete, 0, 0);
}

static void fc_builtin_vec_delete(ThreadId tid, void* p)
{
   fc_block_release(tid, (Addr)p, FC_RelDeleteArr, 0, 0);
}

static void fc_builtin_vec_delete_aligned(ThreadId tid, void* p, SizeT al)
{
   fc_block_release(tid, (Addr)p, FC_RelDeleteArr, 0, 0);
}

static void* fc_realloc(ThreadId tid, void* p, SizeT n)
{
   if (fc_record_fishy_size(tid, "realloc", "size", n))
      return NULL;   /* the old block stays, as after a failed realloc */
   return fc_block_resize(tid, (Addr)p, n, FC_RelRealloc, 0, 0);
}

static SizeT fc_malloc_usable_size(ThreadId tid, void* p)
{
   return fc_block_usable_size((Addr)p);
}

/* ------------------------------------------------------------------ */
/* Client requests                                                     */
/* ------------------------------------------------------------------ */

/* Rust allocator calls from the preload's wrappers.  The last argument is
   the original shim; FC_RUN_NATIVE tells the wrapper to run it instead
   (objects ffican cannot check: see fc_objects.c). */
static UWord fc_rust_request(ThreadId tid, const UWord* arg)
{
   Addr shim = arg[0] == FC_REQ_RUST_REALLOC ? arg[5] : arg[4];
   if (!fc_ffican_req_shim_readable(tid, arg[0], shim))
      return 0;   /* a forged request: it fails, nothing is done */
   switch (arg[0]) {
      case FC_REQ_RUST_ALLOC:
         if (fc_objects_shim_runs_native(arg[4]))
            return FC_RUN_NATIVE;
         return (UWord)fc_block_alloc(tid, arg[1], arg[2],
                                      arg[3] ? FC_AllocRustZeroed
                                             : FC_AllocRust, arg[3] != 0);
      case FC_REQ_RUST_DEALLOC:
         if (fc_objects_shim_runs_native(arg[4]))
            return FC_RUN_NATIVE;
         fc_block_release(tid, arg[1], FC_RelRustDealloc, arg[2], arg[3]);
         return 0;
      case FC_REQ_RUST_REALLOC:
         if (fc_objects_shim_runs_native(arg[5]))
            return FC_RUN_NATIVE;
         return (UWord)fc_block_resize(tid, arg[1], arg[4],
                                       FC_RelRustRealloc, arg[2], arg[3]);
      default:
         tl_assert(0);
   }
}

static UWord fc_reallocarray(ThreadId tid, Addr p, SizeT nmemb, SizeT size)
{
   if (size != 0 && nmemb > (SizeT)-1 / size)
      return 0;   /* overflow: fail, leave p alone */
   return (UWord)fc_block_resize(tid, p, nmemb * size, FC_RelReallocarray,
                                 0, 0);
}

static Bool fc_handle_client_request(ThreadId tid, UWord* arg, UWord* ret)
{
   /* Memcheck's requests (memcheck.h): the leak-search ones are
      fc_leaks.c's, the others fc_memcheck_requests.c's, as are the core's
      custom-allocator and mempool requests (valgrind.h). */
   if (VG_IS_TOOL_USERREQ('M', 'C', arg[0]))
      return fc_leaks_handle_client_request(tid, arg, ret)
             || fc_mcreq_handle_client_request(tid, arg, ret);
   if (fc_mcreq_is_core_request(arg[0]))
      return fc_mcreq_handle_client_request(tid, arg, ret);
   if (!VG_IS_TOOL_USERREQ('F', 'C', arg[0]))
      return False;
   switch (arg[0]) {
      case FC_REQ_RUST_ALLOC:
      case FC_REQ_RUST_DEALLOC:
      case FC_REQ_RUST_REALLOC:
         *ret = fc_rust_request(tid, arg);
         return True;
      case FC_REQ_SIZED_DELETE:
         fc_block_release(tid, arg[1],
                          arg[4] ? FC_RelDeleteArrSized : FC_RelDeleteSized,
                          arg[2], arg[3]);
         *ret = 0;
         return True;
      case FC_REQ_REALLOCARRAY:
         *ret = fc_reallocarray(tid, arg[1], arg[2], arg[3]);
         return True;
      default:
         if (fc_ffican_req_handle(tid, arg, ret))
            return True;
         VG_(message)(Vg_UserMsg, "Warning: unknown ffican client request "
                      "0x%lx ignored (program built against a newer "
                      "ffican.h?)\n", arg[0]);
         *ret = 0;
         return True;
   }
}

/* ------------------------------------------------------------------ */
/* Instrumentation                                                     */
/* ------------------------------------------------------------------ */

/* Each object is looked at once before its code runs; calls and returns
   that may cross the boundary get their helpers. */
static IRSB* fc_instrument(VgCallbackClosure* closure, IRSB* sb,
                           const VexGuestLayout* layout,
                           const VexGuestExtents* vge,
                           const VexArchInfo* archinfo_host,
                           IRType gWordTy, IRType hWordTy)
{
   fc_objects_note_code((Addr)vge->base[0]);
   sb = fc_storefwd(sb);
   sb = fc_clo_track_uninit ? fc_uninit_instrument(sb, layout)
                            : fc_instrument_accesses(sb);
   return fc_clo_track_crossings ? fc_instrument_crossings(sb) : sb;
}

static void fc_thread_exit(ThreadId tid)
{
   fc_ffican_req_forget_thread(tid);
   fc_extents_forget_thread(tid);
   fc_translate_forget_thread(tid);
}

static void fc_die_mem_munmap(Addr a, SizeT len)
{
   fc_objects_forget_range(a, len);
   fc_sides_forget_range(a, len);
   fc_access_die_mem_munmap(a, len);
}

/* ------------------------------------------------------------------ */
/* Start and end                                                       */
/* ------------------------------------------------------------------ */

/* The first memory the core reports: the objects mapped before the
   program starts, whose debug information is loaded by now. */
static void fc_new_mem_startup(Addr a, SizeT len, Bool rr, Bool ww, Bool xx,
                               ULong di_handle)
{
   fc_bindings_at_startup();   /* before the core reads suppressions */
   if (fc_clo_track_uninit)
      fc_uninit_new_mem_startup(a, len, rr, ww, xx, di_handle);
}

static void fc_post_clo_init(void)
{
   fc_options_post_clo_init();   /* warnings about Memcheck's options */
   fc_boundary_post_clo_init();
   fc_bindings_post_clo_init();
   fc_uninit_post_clo_init();
   fc_access_post_clo_init();   /* after: its copy_mem_remap replaces */
   fc_allocsite_set_trace(fc_clo_trace_blocks);
   VG_(track_new_mem_startup)(fc_new_mem_startup);
}

static void fc_fini(Int exitcode)
{
   fc_blocks_fini();      /* HEAP SUMMARY, then the leak search's */
   fc_leaks_at_exit(1);   /* records and LEAK SUMMARY, as in Memcheck */
   if (VG_(clo_stats)) {
      fc_stacks_print_stats();
      fc_allocsite_print_stats();
      fc_shadow_print_stats();
      fc_sides_print_stats();
   }
}

static void fc_pre_clo_init(void)
{
   fc_options_init();   /* defaults first: the table's own strings */
   VG_(details_name)("ffican");
   VG_(details_version)(FC_VERSION);
   VG_(details_description)("an FFI memory checker for Rust and C");
   VG_(details_copyright_author)(
      "Copyright (C) 2026, the ffican authors; GPL-2.0-or-later.");
   VG_(details_bug_reports_to)("the ffican issue tracker");
   /* Instrumented code averages 500-570 bytes per translation (--stats=yes
      on the crates' test binaries).  The core's default, 172, sizes each
      translation-cache sector for a third of that, so a test binary
      filled four sectors where one would do, each with its 6 MB of tables
      cleared: 12 MB of peak memory and the time to clear them. */
   VG_(details_avg_translation_sizeB)(640);

   VG_(basic_tool_funcs)(fc_post_clo_init, fc_instrument, fc_fini);
   VG_(needs_command_line_options)(fc_process_cmd_line_option,
                                   fc_print_usage, fc_print_debug_usage);
   fc_errors_register();
   VG_(needs_xml_output)();
   VG_(needs_client_requests)(fc_handle_client_request);
   VG_(needs_libc_freeres)();
   VG_(needs_cxx_freeres)();
   VG_(needs_malloc_replacement)(fc_malloc, fc_builtin_new,
                                 fc_builtin_new_aligned, fc_builtin_vec_new,
                                 fc_builtin_vec_new_aligned, fc_memalign,
                                 fc_calloc, fc_free, fc_builtin_delete,
                                 fc_builtin_delete_aligned,
                                 fc_builtin_vec_delete,
                                 fc_builtin_vec_delete_aligned, fc_realloc,
                                 fc_malloc_usable_size, FC_REDZONE_SZB);
   VG_(track_die_mem_munmap)(fc_die_mem_munmap);
   VG_(track_pre_thread_ll_exit)(fc_thread_exit);
   fc_access_register();

   VG_(clo_read_inline_info) = True;   /* Rust stacks name inlined fns */
   fc_shadow_init();
   fc_blocks_init();
}

VG_DETERMINE_INTERFACE_VERSION(fc_pre_clo_init)
