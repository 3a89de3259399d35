/* fc_options.c: ffican's command-line options.

   Each option's variable (with its default), its parser line and its
   help line sit next to each other in this file: change all three
   together.  Core options (--suppressions, --gen-suppressions, --xml,
   --error-exitcode, --num-callers, ...) are handled by Valgrind itself.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_options.h"
#include "pub_tool_replacemalloc.h"
#include "fc_options.h"
#include "fc_boundary.h"
#include "fc_leaks.h"

/* Same default as Memcheck's --freelist-vol. */
#define FC_DEFAULT_FREELIST_VOL 20000000LL

Long fc_clo_freelist_vol     = FC_DEFAULT_FREELIST_VOL;
Bool fc_clo_check_layout     = True;
Bool fc_clo_warn_hidden_rust = True;
Bool fc_clo_trace_blocks     = False;
Bool fc_clo_report_all       = False;
Bool fc_clo_trace_crossings  = False;
Bool fc_clo_track_crossings  = True;
Bool fc_clo_partial_loads_ok = True;
Bool fc_clo_track_uninit     = True;
Bool fc_clo_check_crossing_args = False;

Bool fc_process_cmd_line_option(const HChar* arg)
{
   if      VG_BINT_CLO(arg, "--freelist-vol", fc_clo_freelist_vol,
                       0, 10LL*1000*1000*1000) {}
   else if VG_BOOL_CLO(arg, "--check-layout", fc_clo_check_layout) {}
   else if VG_BOOL_CLO(arg, "--warn-hidden-rust", fc_clo_warn_hidden_rust) {}
   else if VG_BOOL_CLO(arg, "--trace-blocks", fc_clo_trace_blocks) {}
   else if VG_XACT_CLO(arg, "--report=crossing", fc_clo_report_all, False) {}
   else if VG_XACT_CLO(arg, "--report=all", fc_clo_report_all, True) {}
   else if VG_BOOL_CLO(arg, "--trace-crossings", fc_clo_trace_crossings) {}
   else if VG_BOOL_CLO(arg, "--track-crossings", fc_clo_track_crossings) {}
   else if VG_BOOL_CLO(arg, "--partial-loads-ok", fc_clo_partial_loads_ok) {}
   else if VG_BOOL_CLO(arg, "--track-uninit", fc_clo_track_uninit) {}
   else if VG_BOOL_CLO(arg, "--check-crossing-args",
                       fc_clo_check_crossing_args) {}
   /* Of the core's malloc-replacement options only these two make sense
      for ffican (no --xtree-memory: it would be silently ignored). */
   else if (VG_STREQN(12, arg, "--alignment=")
            || VG_STREQN(15, arg, "--trace-malloc="))
      return VG_(replacement_malloc_process_cmd_line_option)(arg);
   else
      return fc_boundary_process_option(arg)
             || fc_leaks_process_option(arg);
   return True;
}

void fc_print_usage(void)
{
   VG_(printf)(
"    --freelist-vol=<number>   volume of released blocks kept from reuse,\n"
"                              so late double frees name the first release\n"
"                              [%lld]\n"
"    --check-layout=no|yes     report __rust_dealloc/__rust_realloc and sized\n"
"                              operator delete given another size or\n"
"                              alignment than the block's [yes]\n"
"    --warn-hidden-rust=no|yes warn once about each Rust object whose\n"
"                              allocator shims cannot be seen (stripped,\n"
"                              fat LTO) [yes]\n"
"    --alignment=<number>      minimum alignment of heap blocks [16]\n"
"    --report=crossing|all     crossing: only errors that involve the\n"
"                              boundary (another family, code of another\n"
"                              side than the owner's, a block handed\n"
"                              across); all: every heap error [crossing]\n"
"    --track-crossings=no|yes  follow blocks passed between sides, for the\n"
"                              'handed to ... at' stacks [yes]\n"
"    --partial-loads-ok=no|yes an aligned word or vector load starting in a\n"
"                              heap block is not an overflow [yes]\n"
"    --track-uninit=no|yes     track which bits are uninitialised and report\n"
"                              their uses: branches, moves, addresses,\n"
"                              system calls (UninitRead) [yes]\n"
"    --check-crossing-args=no|yes  also report uninitialised arguments and\n"
"                              return values crossing the boundary [no]\n",
      FC_DEFAULT_FREELIST_VOL);
   fc_boundary_print_usage();
   fc_leaks_print_usage();
}

void fc_print_debug_usage(void)
{
   VG_(printf)(
"    --trace-blocks=no|yes     print every allocation and release [no]\n"
"    --trace-crossings=no|yes  print every boundary call and what it hands\n"
"                              across [no]\n"
"    --trace-malloc=no|yes     show the client's allocator calls [no]\n");
}
