/* fc_options.h: ffican's command-line options (see fc_options.c for the
   default, parser and help text of each, kept side by side).

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_OPTIONS_H
#define FC_OPTIONS_H

#include "pub_tool_basics.h"

/* --freelist-vol: bytes of released blocks held back from reuse so that
   late double frees still name the first release. */
extern Long fc_clo_freelist_vol;

/* --check-layout: compare the size and alignment given to __rust_dealloc,
   __rust_realloc and sized operator delete with the allocation's. */
extern Bool fc_clo_check_layout;

/* --warn-hidden-rust: warn once per Rust object whose allocator shims
   cannot be seen (stripped symbols, fat LTO). */
extern Bool fc_clo_warn_hidden_rust;

/* --report=all: every heap error; --report=crossing (default): only
   those that involve the boundary (another family, another side, or a
   block handed across). */
extern Bool fc_clo_report_all;

/* --track-crossings: follow blocks across the boundary (calls and
   returns between sides). */
extern Bool fc_clo_track_crossings;

/* --partial-loads-ok: an aligned word or vector load that starts in
   accessible memory is not an error (optimised code reads past ends). */
extern Bool fc_clo_partial_loads_ok;

/* --track-uninit: definedness tracking (fc_uninit_instrument.c, fc_uninit.c):
   UninitRead when an uninitialised value decides a branch or move, forms
   an address, or reaches a system call. */
extern Bool fc_clo_track_uninit;

/* --check-crossing-args: also when it crosses the boundary as an argument
   or return value (needs --track-uninit and --track-crossings). */
extern Bool fc_clo_check_crossing_args;

/* --trace-crossings (debug): print every boundary call and the blocks
   it hands across. */
extern Bool fc_clo_trace_crossings;

/* --trace-blocks (debug): print every allocation and release. */
extern Bool fc_clo_trace_blocks;

Bool fc_process_cmd_line_option(const HChar* arg);
void fc_print_usage(void);
void fc_print_debug_usage(void);

#endif
