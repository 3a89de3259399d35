/* fc_options.c: ffican's command-line options, from the one table
   fc_options.def.

   The table is expanded three times here: into the variables (each set
   to its default by parsing the default string, so a default is written
   once and always parses), into a description array the parser walks, and
   into --help (wrapped to 78 columns, each entry followed by its default).
   man/gen-options.c expands it a fourth time for the man page.

   Core options (--suppressions, --gen-suppressions, --xml,
   --error-exitcode, --num-callers, ...) are Valgrind's own; of the core's
   malloc-replacement options only --alignment and --trace-malloc make
   sense for ffican (CORE entries, passed on).

   Memcheck's options (FC_OPT_MEMCHECK) are all accepted, so that a
   Memcheck command line runs unchanged: implemented where ffican has the
   capability, otherwise (COMPAT) checked for Memcheck's syntax and, when
   the value asks for something ffican does not do, answered by one
   warning per option after the command line is read
   (fc_options_post_clo_init), saying what ffican does instead.

   Limits: every option has the form --name=value; a value that does not
   parse ends the run through VG_(fmsg_bad_option), naming the option, the
   bad value and the values it takes.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_options.h"
#include "pub_tool_replacemalloc.h"
#include "fc_options.h"
#include "fc_sidetab.h"

#define FC_OPT_DEBUG    1
#define FC_OPT_MEMCHECK 2

typedef enum {
   FC_OptBOOL, FC_OptINT, FC_OptENUM, FC_OptSET, FC_OptSTR, FC_OptLIST,
   FC_OptCUSTOM, FC_OptCORE, FC_OptBYTE, FC_OptCOMPAT
} FC_OptKind;

typedef Bool (*FC_OptParser)(const HChar* arg, const HChar* value);
typedef struct FC_OptDesc_ FC_OptDesc;
/* A COMPAT option's syntax check: (option, argument, value). */
typedef Bool (*FC_OptCheck)(const FC_OptDesc*, const HChar*, const HChar*);

struct FC_OptDesc_ {
   FC_OptKind   kind;
   Int          flags;      /* 0, FC_OPT_DEBUG or FC_OPT_MEMCHECK */
   const HChar* name;       /* "--freelist-vol" */
   void*        var;        /* fc_clo_*; NULL for CUSTOM, CORE, COMPAT */
   FC_OptParser parser;     /* CUSTOM only */
   FC_OptCheck  check;      /* COMPAT only: the value's syntax */
   const HChar* values;     /* see fc_options.def */
   const HChar* def;        /* default, as a command-line value */
   const HChar* help;
};

/* ---- the variables ---- */

#define FC_OPT_DEF_BOOL(var)   Bool var;
#define FC_OPT_DEF_INT(var)    Long var;
#define FC_OPT_DEF_ENUM(var)   Int var;
#define FC_OPT_DEF_SET(var)    UInt var;
#define FC_OPT_DEF_STR(var)    const HChar* var;
#define FC_OPT_DEF_LIST(var)   XArray* var;
#define FC_OPT_DEF_CUSTOM(var)
#define FC_OPT_DEF_CORE(var)
#define FC_OPT_DEF_BYTE(var)   Int var;
#define FC_OPT_DEF_COMPAT(var)
#define FC_OPT(kind, flags, name, var, values, def, help) FC_OPT_DEF_##kind(var)
#include "fc_options.def"
#undef FC_OPT

/* ---- the custom parsers (CUSTOM entries) ---- */

static Bool fc_opt_yes_no(const HChar* arg, const HChar* value, Bool* b);

static UInt fc_leak_kinds(const HChar* words)
{
   UInt bits = 0;
   Bool ok = VG_(parse_enum_set)(FC_LEAK_KIND_TOKENS, True, words, &bits);
   tl_assert(ok);
   return bits;
}

/* --show-reachable=yes|no, Memcheck's older form of --show-leak-kinds;
   no takes reachable out of the kinds shown, as Memcheck's does. */
static Bool fc_opt_show_reachable(const HChar* arg, const HChar* value)
{
   Bool b;
   if (!fc_opt_yes_no(arg, value, &b))
      return False;
   fc_clo_show_leak_kinds = b ? fc_leak_kinds("all")
      : fc_clo_show_leak_kinds & ~fc_leak_kinds("reachable");
   return True;
}

/* --undef-value-errors=yes|no: Memcheck's name for --track-uninit. */
static Bool fc_opt_undef_value_errors(const HChar* arg, const HChar* value)
{
   return fc_opt_yes_no(arg, value, &fc_clo_track_uninit);
}

/* --ignore-ranges=0xPP-0xQQ[,0xRR-0xSS]: Memcheck's syntax (hex with 0x,
   bounds inclusive, start <= end, at most 64 MiB each); each use adds to
   the list. */
#define FC_MAX_IGNORED 32
static Int  fc_n_ignored;
static Addr fc_ignored_lo[FC_MAX_IGNORED], fc_ignored_hi[FC_MAX_IGNORED];

static Bool fc_opt_ignore_ranges(const HChar* arg, const HChar* value)
{
   const HChar* p = value;
   for (;;) {
      Addr lo, hi;
      if (!VG_(parse_Addr)(&p, &lo) || *p++ != '-'
          || !VG_(parse_Addr)(&p, &hi) || (*p != 0 && *p != ',')) {
         VG_(fmsg_bad_option)(arg, "expected --ignore-ranges=0xSTART-0xEND"
                              "[,0xSTART-0xEND...] (hexadecimal)\n");
         return False;
      }
      if (lo > hi || hi - lo >= 64 * 1024 * 1024) {
         VG_(fmsg_bad_option)(arg, "--ignore-ranges: the range %#lx-%#lx "
                              "ends before it starts or is larger than "
                              "64 MiB\n", lo, hi);
         return False;
      }
      if (fc_n_ignored == FC_MAX_IGNORED) {
         VG_(fmsg_bad_option)(arg, "--ignore-ranges: more than %d ranges\n",
                              FC_MAX_IGNORED);
         return False;
      }
      fc_ignored_lo[fc_n_ignored] = lo;
      fc_ignored_hi[fc_n_ignored] = hi;
      fc_n_ignored++;
      if (*p == 0)
         return True;
      p++;   /* the ',' */
   }
}

Bool fc_option_ignored_address(Addr a)
{
   for (Int i = 0; i < fc_n_ignored; i++)
      if (a >= fc_ignored_lo[i] && a <= fc_ignored_hi[i])
         return True;
   return False;
}

/* ---- COMPAT values: Memcheck's syntax, checked, then warned about ---- */

/* One of VALUES' words, separated by '|'. */
static Bool fc_compat_words(const FC_OptDesc* o, const HChar* arg,
                            const HChar* value)
{
   SizeT n = VG_(strlen)(value);
   for (const HChar* w = o->values; ; ) {
      const HChar* end = VG_(strchr)(w, '|');
      SizeT len = end ? (SizeT)(end - w) : VG_(strlen)(w);
      if (len == n && n > 0 && VG_(strncmp)(w, value, n) == 0)
         return True;
      if (end == NULL)
         break;
      w = end + 1;
   }
   VG_(fmsg_bad_option)(arg, "'%s' is not one of %s\n", value, o->values);
   return False;
}

static Bool fc_compat_string(const FC_OptDesc* o, const HChar* arg,
                             const HChar* value)
{
   if (value[0] != 0)
      return True;
   VG_(fmsg_bad_option)(arg, "expected %s=%s\n", o->name, o->values);
   return False;
}

/* FIRST-LAST: offsets below the stack pointer, as Memcheck takes them
   (decimal, first > last, both <= 1000000, at most 4096 apart). */
static Bool fc_compat_sp_range(const FC_OptDesc* o, const HChar* arg,
                               const HChar* value)
{
   const HChar* p = value;
   UInt first, last;
   if (!VG_(parse_UInt)(&p, &first) || *p++ != '-'
       || !VG_(parse_UInt)(&p, &last) || *p != 0) {
      VG_(fmsg_bad_option)(arg, "expected %s=FIRST-LAST (decimal offsets "
                           "below the stack pointer)\n", o->name);
      return False;
   }
   if (first > 1000000 || last >= first || first - last > 4096) {
      VG_(fmsg_bad_option)(arg, "%s: FIRST must be larger than LAST, both "
                           "at most 1000000 and at most 4096 apart\n",
                           o->name);
      return False;
   }
   return True;
}

/* --show-possibly-lost=yes|no: possible in or out of --show-leak-kinds. */
static Bool fc_opt_show_possibly_lost(const HChar* arg, const HChar* value)
{
   Bool b;
   if (!fc_opt_yes_no(arg, value, &b))
      return False;
   UInt possible = fc_leak_kinds("possible");
   fc_clo_show_leak_kinds = b ? fc_clo_show_leak_kinds | possible
                              : fc_clo_show_leak_kinds & ~possible;
   return True;
}

/* ---- the table ---- */

#define FC_OPT_VARP_BOOL(var)   &var
#define FC_OPT_VARP_INT(var)    &var
#define FC_OPT_VARP_ENUM(var)   &var
#define FC_OPT_VARP_SET(var)    &var
#define FC_OPT_VARP_STR(var)    &var
#define FC_OPT_VARP_LIST(var)   &var
#define FC_OPT_VARP_CUSTOM(var) NULL
#define FC_OPT_VARP_CORE(var)   NULL
#define FC_OPT_VARP_BYTE(var)   &var
#define FC_OPT_VARP_COMPAT(var) NULL
#define FC_OPT_FN_BOOL(var)     NULL
#define FC_OPT_FN_INT(var)      NULL
#define FC_OPT_FN_ENUM(var)     NULL
#define FC_OPT_FN_SET(var)      NULL
#define FC_OPT_FN_STR(var)      NULL
#define FC_OPT_FN_LIST(var)     NULL
#define FC_OPT_FN_CUSTOM(var)   var
#define FC_OPT_FN_CORE(var)     NULL
#define FC_OPT_FN_BYTE(var)     NULL
#define FC_OPT_FN_COMPAT(var)   NULL
#define FC_OPT_CHECK_BOOL(var)   NULL
#define FC_OPT_CHECK_INT(var)    NULL
#define FC_OPT_CHECK_ENUM(var)   NULL
#define FC_OPT_CHECK_SET(var)    NULL
#define FC_OPT_CHECK_STR(var)    NULL
#define FC_OPT_CHECK_LIST(var)   NULL
#define FC_OPT_CHECK_CUSTOM(var) NULL
#define FC_OPT_CHECK_CORE(var)   NULL
#define FC_OPT_CHECK_BYTE(var)   NULL
#define FC_OPT_CHECK_COMPAT(var) var
#define FC_OPT(kind, flags, name, var, values, def, help) \
   { FC_Opt##kind, flags, name, FC_OPT_VARP_##kind(var), \
     FC_OPT_FN_##kind(var), FC_OPT_CHECK_##kind(var), values, def, help },
static const FC_OptDesc fc_opts[] = {
#include "fc_options.def"
};
#undef FC_OPT
#define FC_N_OPTS ((Int)(sizeof fc_opts / sizeof fc_opts[0]))

static Bool fc_opt_given[FC_N_OPTS];
/* COMPAT options given a value ffican does not honour: the value, for
   the warning printed after the command line is read; NULL otherwise. */
static const HChar* fc_opt_compat_warn[FC_N_OPTS];

/* ---- parsing one value ---- */

/* A LIST value: PATTERN=SIDE (the only LIST options are --side-object and
   --side-function).  The last '=' separates the side, whose name must be
   valid; the side is declared here, in command-line order, before any
   boundary file is read. */
static Bool fc_opt_side_rule(const FC_OptDesc* o, const HChar* arg,
                             const HChar* value)
{
   const HChar* eq = VG_(strrchr)(value, '=');
   if (eq == NULL) {
      VG_(fmsg_bad_option)(arg, "expected %s=PATTERN=SIDE\n", o->name);
      return False;
   }
   if (eq == value) {
      VG_(fmsg_bad_option)(arg, "%s: the pattern is empty\n", o->name);
      return False;
   }
   if (!fc_side_name_valid(eq + 1)) {
      VG_(fmsg_bad_option)(arg, "%s: '%s' is not a side name (1 to %d "
                           "letters, digits, '_', '-', '+')\n",
                           o->name, eq + 1, FC_MAX_SIDE_NAME);
      return False;
   }
   if (fc_side_declare(eq + 1) == FC_SideNone) {
      VG_(fmsg_bad_option)(arg, "%s: too many sides (at most %d can be "
                           "declared)\n", o->name,
                           FC_MAX_SIDES - FC_SideFirstDeclared);
      return False;
   }
   return True;
}

static Bool fc_opt_yes_no(const HChar* arg, const HChar* value, Bool* b)
{
   if (VG_STREQ(value, "yes"))
      *b = True;
   else if (VG_STREQ(value, "no"))
      *b = False;
   else {
      VG_(fmsg_bad_option)(arg, "'%s' is not yes or no\n", value);
      return False;
   }
   return True;
}

static Bool fc_opt_int(const FC_OptDesc* o, const HChar* arg,
                       const HChar* value)
{
   HChar* end;
   Long min = VG_(strtoll10)(o->values, &end);
   tl_assert(end[0] == '.' && end[1] == '.');
   Long max = VG_(strtoll10)(end + 2, &end);
   Long v = VG_(strtoll10)(value, &end);
   if (value[0] == 0 || *end != 0 || v < min || v > max) {
      VG_(fmsg_bad_option)(arg, "'%s' is not a number from %lld to %lld\n",
                           value, min, max);
      return False;
   }
   *(Long*)o->var = v;
   return True;
}

/* The index of value among o->values' words ("a,b,c,x=b": x stands for
   b), or -1. */
static Int fc_opt_enum_index(const FC_OptDesc* o, const HChar* value)
{
   Int index = 0;
   SizeT n = VG_(strlen)(value);
   for (const HChar* w = o->values; *w != 0; ) {
      const HChar* end = VG_(strchr)(w, ',');
      SizeT len = end ? (SizeT)(end - w) : VG_(strlen)(w);
      const HChar* eq = VG_(strchr)(w, '=');
      SizeT key = eq != NULL && eq < w + len ? (SizeT)(eq - w) : len;
      if (key == n && VG_(strncmp)(w, value, n) == 0) {
         if (key == len)
            return index;
         HChar target[32];
         tl_assert(len - key - 1 < sizeof target);
         VG_(strncpy)(target, eq + 1, len - key - 1);
         target[len - key - 1] = 0;
         return fc_opt_enum_index(o, target);
      }
      if (key == len)
         index++;
      w = end ? end + 1 : w + len;
   }
   return -1;
}

/* "a|b|c" from "a,b,c,x=b" (aliases left out), into buf. */
static const HChar* fc_opt_enum_words(const FC_OptDesc* o, HChar* buf,
                                      SizeT n)
{
   SizeT k = 0;
   for (const HChar* w = o->values; *w != 0 && k + 1 < n; ) {
      const HChar* end = VG_(strchr)(w, ',');
      SizeT len = end ? (SizeT)(end - w) : VG_(strlen)(w);
      const HChar* eq = VG_(strchr)(w, '=');
      if (eq == NULL || eq >= w + len) {
         if (k > 0)
            buf[k++] = '|';
         for (SizeT i = 0; i < len && k + 1 < n; i++)
            buf[k++] = w[i];
      }
      w = end ? end + 1 : w + len;
   }
   buf[k] = 0;
   return buf;
}

/* A byte in hex, "0x" optional, as Memcheck's --malloc-fill takes it. */
static Bool fc_opt_byte(const FC_OptDesc* o, const HChar* arg,
                        const HChar* value)
{
   HChar* end;
   Long v = VG_(strtoll16)(value, &end);
   if (value[0] == 0 || *end != 0 || v < 0 || v > 0xFF) {
      VG_(fmsg_bad_option)(arg, "'%s' is not a byte in hexadecimal, 0x00 "
                           "to 0xff\n", value);
      return False;
   }
   *(Int*)o->var = (Int)v;
   return True;
}

static Bool fc_opt_value(const FC_OptDesc* o, const HChar* arg,
                         const HChar* value)
{
   HChar words[128];
   switch (o->kind) {
   case FC_OptBOOL:
      return fc_opt_yes_no(arg, value, (Bool*)o->var);
   case FC_OptINT:
      return fc_opt_int(o, arg, value);
   case FC_OptENUM: {
      Int i = fc_opt_enum_index(o, value);
      if (i < 0) {
         VG_(fmsg_bad_option)(arg, "'%s' is not one of %s\n", value,
                              fc_opt_enum_words(o, words, sizeof words));
         return False;
      }
      *(Int*)o->var = i;
      return True;
   }
   case FC_OptSET:
      if (!VG_(parse_enum_set)(o->values, True, value, (UInt*)o->var)) {
         VG_(fmsg_bad_option)(arg, "'%s' is not a list of %s (or all, "
                              "none)\n", value, o->values);
         return False;
      }
      return True;
   case FC_OptSTR:
      if (value[0] == 0) {
         VG_(fmsg_bad_option)(arg, "expected %s=%s\n", o->name,
                              o->values);
         return False;
      }
      *(const HChar**)o->var = VG_(strdup)("fc.options.str", value);
      return True;
   case FC_OptLIST: {
      if (!fc_opt_side_rule(o, arg, value))
         return False;
      XArray** xa = o->var;
      if (*xa == NULL)
         *xa = VG_(newXA)(VG_(malloc), "fc.options.list", VG_(free),
                          sizeof(HChar*));
      HChar* copy = VG_(strdup)("fc.options.item", value);
      VG_(addToXA)(*xa, &copy);
      return True;
   }
   case FC_OptCUSTOM:
      return o->parser(arg, value);
   case FC_OptCORE:
      return VG_(replacement_malloc_process_cmd_line_option)(arg);
   case FC_OptBYTE:
      return fc_opt_byte(o, arg, value);
   case FC_OptCOMPAT: {
      if (!o->check(o, arg, value))
         return False;
      Int i = (Int)(o - fc_opts);
      fc_opt_compat_warn[i] = VG_STREQ(value, o->def) ? NULL
                            : VG_(strdup)("fc.options.compat", value);
      return True;
   }
   }
   tl_assert(0);
}

/* ---- the interface ---- */

static Int fc_opt_find(const HChar* arg, const HChar** value)
{
   for (Int i = 0; i < FC_N_OPTS; i++) {
      SizeT n = VG_(strlen)(fc_opts[i].name);
      if (VG_(strncmp)(arg, fc_opts[i].name, n) == 0 && arg[n] == '=') {
         *value = arg + n + 1;
         return i;
      }
   }
   return -1;
}

Bool fc_process_cmd_line_option(const HChar* arg)
{
   const HChar* value;
   Int i = fc_opt_find(arg, &value);
   if (i < 0)
      return False;
   fc_opt_given[i] = True;
   /* A bad value has been reported (and the run ended) by now. */
   fc_opt_value(&fc_opts[i], arg, value);
   return True;
}

Bool fc_option_given(const HChar* name)
{
   for (Int i = 0; i < FC_N_OPTS; i++)
      if (VG_STREQ(fc_opts[i].name, name))
         return fc_opt_given[i];
   tl_assert2(0, "fc_option_given: no option %s", name);
}

void fc_options_init(void)
{
   for (Int i = 0; i < FC_N_OPTS; i++) {
      const FC_OptDesc* o = &fc_opts[i];
      if (o->kind == FC_OptCORE || o->kind == FC_OptCUSTOM
          || o->kind == FC_OptLIST || o->kind == FC_OptCOMPAT)
         continue;
      if (o->kind == FC_OptBYTE && o->def[0] == 0) {
         *(Int*)o->var = -1;   /* none */
         continue;
      }
      HChar arg[128];
      VG_(snprintf)(arg, sizeof arg, "%s=%s", o->name, o->def);
      tl_assert2(fc_opt_value(o, arg, o->def), "bad default %s", arg);
   }
}

/* The warnings of Memcheck's options ffican cannot honour: one per
   option, after the command line is read, so that they go where
   --log-file sends the output. */
void fc_options_post_clo_init(void)
{
   for (Int i = 0; i < FC_N_OPTS; i++)
      if (fc_opt_compat_warn[i] != NULL)
         VG_(umsg)("Warning: %s=%s (Memcheck's) is ignored: %s\n",
                   fc_opts[i].name, fc_opt_compat_warn[i], fc_opts[i].help);
   UInt own = (1u << FC_LEAK_HEUR_N_OWN) - 1;
   UInt all = 0;
   VG_(parse_enum_set)(FC_LEAK_HEUR_TOKENS, True, "all", &all);
   if (fc_option_given("--leak-check-heuristics")
       && (fc_clo_leak_check_heuristics & ~own) != 0
       && fc_clo_leak_check_heuristics != all)
      VG_(umsg)("Warning: --leak-check-heuristics: stdstring, length64, "
                "newarray and multipleinheritance (Memcheck's, for C++ "
                "objects) do nothing in ffican; its own are rc, hashbrown, "
                "dtv\n");
}

/* ---- --help ---- */

#define FC_HELP_COL   30   /* where help text starts */
#define FC_HELP_WIDTH 78

/* Prints text from column `col` (already reached), wrapped at words. */
static void fc_help_wrap(const HChar* text, Int col)
{
   const HChar* p = text;
   while (*p != 0) {
      const HChar* end = VG_(strchr)(p, ' ');
      Int len = end ? (Int)(end - p) : (Int)VG_(strlen)(p);
      if (col > FC_HELP_COL && col + 1 + len > FC_HELP_WIDTH) {
         VG_(printf)("\n%*s", FC_HELP_COL, "");
         col = FC_HELP_COL;
      } else if (col > FC_HELP_COL) {
         VG_(printf)(" ");
         col++;
      }
      HChar word[80];   /* Valgrind's printf has no %.*s */
      Int w = len < (Int)sizeof word - 1 ? len : (Int)sizeof word - 1;
      VG_(memcpy)(word, p, w);
      word[w] = 0;
      VG_(printf)("%s", word);
      col += len;
      p += len;
      while (*p == ' ')
         p++;
   }
   VG_(printf)("\n");
}

static void fc_help_entry(const FC_OptDesc* o)
{
   HChar values[128], text[600], def[140];
   const HChar* shown = o->values;
   if (o->kind == FC_OptENUM)
      shown = fc_opt_enum_words(o, values, sizeof values);
   else if (o->kind == FC_OptSET)
      shown = "<kind>,...";
   else if (o->kind == FC_OptINT)
      shown = "<number>";
   Int col = VG_(printf)("    %s=%s", o->name, shown);
   if (col > FC_HELP_COL - 2) {
      VG_(printf)("\n%*s", FC_HELP_COL, "");
   } else {
      VG_(printf)("%*s", FC_HELP_COL - col, "");
   }
   if (o->kind == FC_OptLIST || (o->kind == FC_OptBYTE && o->def[0] == 0))
      VG_(snprintf)(def, sizeof def, " [none]");
   else if (o->kind == FC_OptCUSTOM)
      def[0] = 0;
   else if (o->kind == FC_OptCOMPAT)
      VG_(snprintf)(def, sizeof def, o->def[0] ? " [warns unless %s]"
                    : " [warns]", o->def);
   else
      VG_(snprintf)(def, sizeof def, " [%s]", o->def);
   if (o->kind == FC_OptSET)
      VG_(snprintf)(text, sizeof text, "%s; <kind>: %s, all or none%s",
                    o->help, o->values, def);
   else
      VG_(snprintf)(text, sizeof text, "%s%s", o->help, def);
   fc_help_wrap(text, FC_HELP_COL);
}

static void fc_help(Int flags)
{
   for (Int i = 0; i < FC_N_OPTS; i++)
      if (fc_opts[i].flags == flags)
         fc_help_entry(&fc_opts[i]);
}

void fc_print_usage(void)
{
   fc_help(0);
   VG_(printf)("  Memcheck's options, accepted so that its command lines "
               "work (also above:\n  --leak-check, --show-leak-kinds, ...); "
               "[warns]: ignored with a warning:\n");
   fc_help(FC_OPT_MEMCHECK);
}

void fc_print_debug_usage(void)
{
   fc_help(FC_OPT_DEBUG);
}
