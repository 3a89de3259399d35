/* fc_options.h: ffican's command-line options, as variables the modules
   read (fc_clo_<name>).  Every option is written once, in fc_options.def
   (kind, name, variable, values, default, help); fc_options.c turns that
   table into these variables, the parser and --help.  A leaf: it calls no
   other module, so any module may read options.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#ifndef FC_OPTIONS_H
#define FC_OPTIONS_H

#include "pub_tool_basics.h"
#include "pub_tool_xarray.h"
#include "fc_option_tokens.h"

/* --report, in the order of its words in fc_options.def. */
typedef enum { FC_ReportCrossing = 0, FC_ReportAll } FC_Report;

/* --leak-check, likewise. */
typedef enum {
   FC_LeakCheckNo = 0,     /* no search at exit */
   FC_LeakCheckSummary,    /* the LEAK SUMMARY only */
   FC_LeakCheckCrossing,   /* records of handed-over blocks, summary for all */
   FC_LeakCheckFull        /* records of every kind shown */
} FC_LeakCheck;

/* --leak-resolution, likewise: how many frames of the allocation stacks
   must agree for two leaked blocks to share a loss record. */
typedef enum {
   FC_LeakResLow = 0,      /* 2 frames */
   FC_LeakResMed,          /* 4 frames */
   FC_LeakResHigh          /* all */
} FC_LeakRes;

/* The variables, one per option of the table (CUSTOM, CORE and COMPAT
   options have none). */
#define FC_OPT_VAR_BOOL(var)   extern Bool var;
#define FC_OPT_VAR_INT(var)    extern Long var;
#define FC_OPT_VAR_ENUM(var)   extern Int var;
#define FC_OPT_VAR_SET(var)    extern UInt var;
#define FC_OPT_VAR_STR(var)    extern const HChar* var;
#define FC_OPT_VAR_LIST(var)   extern XArray* var;   /* of HChar*, in order */
#define FC_OPT_VAR_CUSTOM(var)
#define FC_OPT_VAR_CORE(var)
#define FC_OPT_VAR_BYTE(var)   extern Int var;       /* -1: none */
#define FC_OPT_VAR_COMPAT(var)
#define FC_OPT(kind, flags, name, var, values, def, help) FC_OPT_VAR_##kind(var)
#include "fc_options.def"
#undef FC_OPT

/* Was the option `name` (e.g. "--leak-check") on the command line? */
Bool fc_option_given(const HChar* name);

/* Sets every option to its default; pre_clo_init calls it first. */
void fc_options_init(void);

/* Prints the warnings about Memcheck's options given values ffican does
   not honour; post_clo_init calls it. */
void fc_options_post_clo_init(void);

/* Is a in one of the --ignore-ranges? */
Bool fc_option_ignored_address(Addr a);

/* The tool's option callbacks (VG_(needs_command_line_options)). */
Bool fc_process_cmd_line_option(const HChar* arg);
void fc_print_usage(void);
void fc_print_debug_usage(void);

#endif
