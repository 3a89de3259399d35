/* fc_boundary.c: the declared boundary.

   Owns: the options --boundary=auto|FILE, --side-object=PATTERN=SIDE and
   --side-function=PATTERN=SIDE (default, parser and help side by side
   below), the boundary file parser, the rules that assign code to sides,
   and the buffer declarations of boundary functions.  The file format is
   described for users in docs/boundary.md; the grammar is repeated above
   fc_parse_line.

   How the rules are used: fc_sides.c asks fc_boundary_side_of first when
   it classifies a code address (once per address, cached there).  The
   rules form one list: the file's in file order, then the command line's
   in option order.  It is scanned from the end, so the last matching
   rule wins and command-line rules override the file.  Code that no rule
   matches is classified by the language rules of fc_sides.c.

   Sides: a boundary file must declare each side it names (`side NAME`)
   before using it, so that a misspelt side is an error, not a new side;
   the built-in sides Rust, C, C++ and system need no declaration.  A
   --side-object / --side-function option declares its side implicitly.

   Performance: the rules of each kind go into an index (fc_rulematch.c:
   exact names hashed, globs filed by literal prefix or suffix, results
   cached per name), built once the rules are all known; the rule that
   wins is the matching one with the highest position in the list.
   100,000 rules cost about a second to load and nearly nothing per
   classified address.  Buffer declarations are looked up by exact
   function name, linearly: there are few (look them up at translation
   time, not per call).

   Limits: patterns are globs (`*`, `?`, no escapes) matched against the
   whole object path or the whole function name; a line of the file, and
   so any pattern or name in it, holds at most FC_MAX_LINE_SZB bytes, an
   option's pattern as many; the file is text: UTF-8 (a byte order mark
   at its start is skipped), no control characters but tabs.  A
   function's buffer is one of its first six (register) arguments, and
   its length another register argument passed by value.

   Errors: a bad option value goes through VG_(fmsg_bad_option) while the
   options are parsed; the file is read in post_clo_init (after the
   options, so its place on the command line does not matter), where a
   malformed file is reported with VG_(fmsg), naming file and line, and
   ends the run with exit status 1.

   Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later. */

#include "pub_tool_basics.h"
#include "pub_tool_xarray.h"
#include "pub_tool_vki.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcfile.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"
#include "pub_tool_options.h"
#include "fc_boundary.h"
#include "fc_options.h"
#include "fc_util.h"
#include "fc_sidetab.h"
#include "fc_rulematch.h"

#define FC_MAX_REG_ARGS      6            /* rdi, rsi, rdx, rcx, r8, r9 */
#define FC_MAX_ELEM_SZB      (1 << 20)    /* largest `elements SIZE` */
#define FC_MAX_FILE_SZB      (16 << 20)   /* largest boundary file */
#define FC_MAX_LINE_SZB      16384        /* longest line, or option pattern */

static const HChar* const fc_reg_names[FC_MAX_REG_ARGS] = {
   "rdi", "rsi", "rdx", "rcx", "r8", "r9"
};

/* ------------------------------------------------------------------ */
/* State                                                               */
/* ------------------------------------------------------------------ */

typedef enum { FC_RuleObject, FC_RuleFunction } FC_RuleKind;

typedef struct {
   FC_RuleKind  kind;
   HChar*       pattern;   /* glob, own copy, never empty */
   FC_SideId    side;      /* a valid side, never FC_SideNone */
   Int          line;      /* line in the boundary file; 0: an option */
} FC_Rule;

/* A growable array of rules.  Invariant: n <= cap; arr is NULL iff
   cap == 0. */
typedef struct {
   FC_Rule* arr;
   Int      n;
   Int      cap;
} FC_Rules;

/* The rules in force, scanned from the end by fc_boundary_side_of: the
   file's, then the options'.  Until post_clo_init it holds only the
   options' (the file is read after every option is known). */
static FC_Rules fc_rules;

/* fc_rules indexed by kind (built by fc_build_indexes; positions in
   fc_rules are the ids), and the file's patterns by kind (pattern ->
   line, for duplicates). */
static FC_GlobIndex* fc_rule_index[2];
static FC_StrMap*    fc_file_patterns[2];

/* One declared side.  line > 0: declared by `side` at that line of the
   file; line == 0: declared implicitly by an option. */
typedef struct {
   FC_SideId side;         /* >= FC_SideFirstDeclared */
   Int       line;
} FC_SideDecl;

static FC_SideDecl fc_side_decls[FC_MAX_SIDES];
static Int         fc_n_side_decls;    /* < FC_MAX_SIDES */

/* The buffer declarations of one function.  Invariants: 0 < n <=
   FC_MAX_REG_ARGS; the decl[i].ptr_arg are distinct; no argument is
   both a ptr_arg and a len_arg; line[i] is where decl[i] was declared. */
typedef struct {
   const HChar*  fn;       /* exact (demangled) name, own copy */
   Int           n;
   FC_BufferDecl decl[FC_MAX_REG_ARGS];
   Int           line[FC_MAX_REG_ARGS];
} FC_FnBuffers;

static FC_FnBuffers* fc_fn_buffers;     /* fc_n_fn_buffers used */
static Int           fc_n_fn_buffers;
static Int           fc_fn_buffers_cap;

/* --boundary: NULL for auto, else the file's name. */
static const HChar* fc_boundary_file(void)
{
   return VG_STREQ(fc_clo_boundary, "auto") ? NULL : fc_clo_boundary;
}

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

static void fc_rules_add(FC_Rules* rs, FC_RuleKind kind, const HChar* pat,
                         FC_SideId side, Int line)
{
   tl_assert(pat[0] != 0 && side != FC_SideNone);
   if (rs->n == rs->cap) {
      rs->cap = rs->cap ? 2 * rs->cap : 16;
      rs->arr = VG_(realloc)("fc.boundary.rules", rs->arr,
                             rs->cap * sizeof(FC_Rule));
   }
   FC_Rule* r = &rs->arr[rs->n++];
   r->kind = kind;
   r->pattern = VG_(strdup)("fc.boundary.pattern", pat);
   r->side = side;
   r->line = line;
}

static const HChar* fc_rule_keyword(FC_RuleKind kind)
{
   return kind == FC_RuleObject ? "object" : "function";
}

static Bool fc_is_blank(HChar c)
{
   return c == ' ' || c == '\t';
}

static HChar* fc_skip_blanks(HChar* p)
{
   while (fc_is_blank(*p))
      p++;
   return p;
}

/* s without its leading and trailing blanks (cut in place). */
static HChar* fc_trim(HChar* s)
{
   s = fc_skip_blanks(s);
   SizeT n = VG_(strlen)(s);
   while (n > 0 && fc_is_blank(s[n - 1]))
      s[--n] = 0;
   return s;
}

static Bool fc_is_ident_char(HChar c)
{
   return VG_(isdigit)(c) || c == '_' || (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z');
}

static Bool fc_all_digits(const HChar* s)
{
   if (*s == 0)
      return False;
   for (; *s; s++)
      if (!VG_(isdigit)(*s))
         return False;
   return True;
}

/* The decimal number s (all digits), or -1 if it exceeds `max`. */
static Long fc_number(const HChar* s, Long max)
{
   Long v = 0;
   for (; *s; s++) {
      v = v * 10 + (*s - '0');
      if (v > max)
         return -1;
   }
   return v;
}

static void fc_note_side_decl(FC_SideId side, Int line)
{
   tl_assert(side >= FC_SideFirstDeclared && side != FC_SideNone);
   for (Int i = 0; i < fc_n_side_decls; i++)
      if (fc_side_decls[i].side == side) {
         if (fc_side_decls[i].line == 0)
            fc_side_decls[i].line = line;   /* the file declares it too */
         return;
      }
   tl_assert(fc_n_side_decls < FC_MAX_SIDES);
   fc_side_decls[fc_n_side_decls].side = side;
   fc_side_decls[fc_n_side_decls].line = line;
   fc_n_side_decls++;
}

/* ------------------------------------------------------------------ */
/* Options                                                             */
/* ------------------------------------------------------------------ */

static const HChar* fc_option_of(FC_RuleKind kind);

/* --side-object=PATTERN=SIDE, --side-function=PATTERN=SIDE, as checked
   by the option parser (fc_options.c), which also declared the side.
   The last '=' separates the side (side names hold no '='), so a pattern
   may hold '=' (C++ `operator==`). */
static void fc_add_option_rule(FC_RuleKind kind, const HChar* val)
{
   Int eq = fc_last_index(val, '=');
   tl_assert(eq > 0);
   FC_SideId side = fc_side_lookup(val + eq + 1);
   tl_assert(side != FC_SideNone);
   if (side >= FC_SideFirstDeclared)
      fc_note_side_decl(side, 0);
   if (eq > FC_MAX_LINE_SZB) {   /* options are parsed: fatal by hand */
      HChar start[41];
      VG_(strncpy)(start, val, 40);
      start[40] = 0;
      VG_(fmsg)("Bad option: %s=%s...: the pattern is %d bytes long: "
                "at most %d\n", fc_option_of(kind), start, eq,
                FC_MAX_LINE_SZB);
      VG_(exit)(1);
   }
   HChar* pat = VG_(strdup)("fc.boundary.optpat", val);
   pat[eq] = 0;
   fc_rules_add(&fc_rules, kind, pat, side, 0);
   VG_(free)(pat);
}

/* ------------------------------------------------------------------ */
/* Reading the file                                                    */
/* ------------------------------------------------------------------ */

/* Where the parser is, for error messages.  line 0: not on a line. */
static const HChar* fc_cur_file;
static Int          fc_cur_line;
static const HChar* fc_cur_text;   /* the whole line as read */
static SizeT        fc_cur_len;    /* its length (it may hold a NUL) */

/* The length of the valid UTF-8 sequence at p (1 to 4), 0 if there is
   none there (a stray continuation byte, an overlong form, a surrogate,
   past U+10FFFF, or cut short). */
static Int fc_utf8_len(const UChar* p)
{
   UChar c = p[0], lo = 0x80, hi = 0xBF;
   Int n;
   if (c < 0x80)
      return 1;
   if (c >= 0xC2 && c <= 0xDF)
      n = 2;
   else if (c >= 0xE0 && c <= 0xEF)
      n = 3;
   else if (c >= 0xF0 && c <= 0xF4)
      n = 4;
   else
      return 0;
   if (c == 0xE0) lo = 0xA0;   /* overlong */
   if (c == 0xED) hi = 0x9F;   /* surrogates */
   if (c == 0xF0) lo = 0x90;   /* overlong */
   if (c == 0xF4) hi = 0x8F;   /* past U+10FFFF */
   if (p[1] < lo || p[1] > hi)
      return 0;
   for (Int i = 2; i < n; i++)
      if (p[i] < 0x80 || p[i] > 0xBF)
         return 0;
   return n;
}

static Bool fc_is_control(UChar c)
{
   return (c < 0x20 && c != '\t') || c == 0x7F;
}

/* The first at most `max` bytes of text into out (outSzB >= 4 * max +
   4), control bytes and bytes that are not UTF-8 written as \xNN, "..."
   added when cut. */
static void fc_escape(HChar* out, SizeT outSzB, const HChar* text,
                      SizeT len, SizeT max)
{
   const UChar* t = (const UChar*)text;
   SizeT i = 0, o = 0;
   tl_assert(outSzB >= 4 * max + 4);
   while (i < len && i < max) {
      Int n = fc_is_control(t[i]) ? 0 : fc_utf8_len(t + i);
      if (n == 3 && t[i] == 0xEF && t[i + 1] == 0xBB && t[i + 2] == 0xBF)
         n = 0;   /* an invisible byte order mark: shown byte by byte */
      if (n == 0) {
         VG_(sprintf)(out + o, "\\x%02x", t[i]);
         o += 4;
         i++;
         continue;
      }
      if (i + n > max)
         break;
      VG_(memcpy)(out + o, t + i, n);
      o += n;
      i += n;
   }
   out[o] = 0;
   if (i < len)
      VG_(strcpy)(out + (o <= outSzB - 4 ? o : outSzB - 4), "...");
}

#define FC_ECHO_MAX 200   /* bytes of a line echoed in an error */

__attribute__((noreturn)) __attribute__((format(printf, 1, 2)))
static void fc_file_error(const HChar* format, ...)
{
   HChar msg[1024];
   va_list vargs;
   va_start(vargs, format);
   VG_(vsnprintf)(msg, sizeof msg, format, vargs);
   va_end(vargs);
   if (fc_cur_line > 0) {
      HChar echo[4 * FC_ECHO_MAX + 4];
      fc_escape(echo, sizeof echo, fc_cur_text, fc_cur_len, FC_ECHO_MAX);
      VG_(fmsg)("ffican: boundary file '%s', line %d: %s\n",
                fc_cur_file, fc_cur_line, msg);
      VG_(fmsg)("    %s\n", echo);
   } else {
      VG_(fmsg)("ffican: boundary file '%s': %s\n", fc_cur_file, msg);
   }
   VG_(exit)(1);
}

/* Ends the run: `what` failed with errno `err`. */
__attribute__((noreturn))
static void fc_file_sys_error(const HChar* what, Int err)
{
   switch (err) {
   case VKI_ENOENT:  fc_file_error("cannot %s it: no such file", what);
   case VKI_EACCES:  fc_file_error("cannot %s it: permission denied", what);
   case VKI_EISDIR:  fc_file_error("cannot %s it: it is a directory", what);
   case VKI_ENOTDIR: fc_file_error("cannot %s it: a component of the path "
                                   "is not a directory", what);
   default:          fc_file_error("cannot %s it (errno %d)", what, err);
   }
}

/* The whole file, NUL-terminated (*szB bytes before the NUL). */
static HChar* fc_read_file(const HChar* path, SizeT* szB)
{
   SysRes sr = VG_(open)(path, VKI_O_RDONLY, 0);
   if (sr_isError(sr))
      fc_file_sys_error("open", (Int)sr_Err(sr));
   Int fd = (Int)sr_Res(sr);
   struct vg_stat st;
   if (VG_(fstat)(fd, &st) != 0)
      fc_file_error("cannot read it");
   if (VKI_S_ISDIR(st.mode))
      fc_file_sys_error("read", VKI_EISDIR);
   SizeT cap = 4096, n = 0;
   HChar* buf = VG_(malloc)("fc.boundary.filebuf", cap + 1);
   for (;;) {
      if (n == cap) {
         if (cap >= FC_MAX_FILE_SZB)
            fc_file_error("too large (more than %d bytes)", FC_MAX_FILE_SZB);
         cap *= 2;
         buf = VG_(realloc)("fc.boundary.filebuf", buf, cap + 1);
      }
      Int got = VG_(read)(fd, buf + n, (Int)(cap - n));
      if (got < 0)
         fc_file_sys_error("read", -got);
      if (got == 0)
         break;
      n += got;
   }
   VG_(close)(fd);
   buf[n] = 0;
   *szB = n;
   return buf;
}

/* ------------------------------------------------------------------ */
/* Parsing: side, object, function                                     */
/* ------------------------------------------------------------------ */

/* The file's own rules, collected by the parser in file order. */
static FC_Rules fc_file_rules;

/* Line of the file's `side` declaration of `side`, 0 if none. */
static Int fc_file_side_line(FC_SideId side)
{
   for (Int i = 0; i < fc_n_side_decls; i++)
      if (fc_side_decls[i].side == side)
         return fc_side_decls[i].line;
   return 0;
}

/* side NAME [NAME ...] */
static void fc_parse_side(HChar* rest)
{
   HChar* p = fc_skip_blanks(rest);
   if (*p == 0)
      fc_file_error("expected 'side NAME ...'");
   while (*p) {
      HChar* name = p;
      while (*p && !fc_is_blank(*p))
         p++;
      if (*p)
         *p++ = 0;
      p = fc_skip_blanks(p);
      if (!fc_side_name_valid(name))
         fc_file_error("'%s' is not a side name (1 to %d letters, digits, "
                       "'_', '-', '+')", name, FC_MAX_SIDE_NAME);
      FC_SideId s = fc_side_lookup(name);
      if (s != FC_SideNone && s < FC_SideFirstDeclared)
         fc_file_error("side '%s' is built in: it needs no declaration",
                       name);
      if (s != FC_SideNone && fc_file_side_line(s) > 0)
         fc_file_error("side '%s' is declared twice (first at line %d)",
                       name, fc_file_side_line(s));
      s = fc_side_declare(name);
      if (s == FC_SideNone)
         fc_file_error("too many sides: at most %d can be declared",
                       FC_MAX_SIDES - FC_SideFirstDeclared);
      fc_note_side_decl(s, fc_cur_line);
   }
}

/* object PATTERN = SIDE, function PATTERN = SIDE */
static void fc_parse_rule(FC_RuleKind kind, HChar* rest)
{
   const HChar* kw = fc_rule_keyword(kind);
   Int eqi = fc_last_index(rest, '=');
   if (eqi < 0)
      fc_file_error("expected '%s PATTERN = SIDE'", kw);
   rest[eqi] = 0;
   HChar* pat = fc_trim(rest);
   HChar* name = fc_trim(rest + eqi + 1);
   if (*pat == 0)
      fc_file_error("expected '%s PATTERN = SIDE': the pattern is empty",
                    kw);
   if (*name == 0)
      fc_file_error("expected '%s PATTERN = SIDE': no side after '='", kw);
   if (!fc_side_name_valid(name))
      fc_file_error("'%s' is not a side name (1 to %d letters, digits, "
                    "'_', '-', '+')", name, FC_MAX_SIDE_NAME);
   FC_SideId s = fc_side_lookup(name);
   if (s == FC_SideNone || (s >= FC_SideFirstDeclared
                            && fc_file_side_line(s) == 0)) {
      HChar known[FC_MAX_SIDES * (FC_MAX_SIDE_NAME + 2) + 1] = "";
      for (Int i = 0; i < fc_n_side_decls; i++)
         if (fc_side_decls[i].line > 0) {
            if (known[0])
               VG_(strcat)(known, ", ");
            VG_(strcat)(known, fc_side_name(fc_side_decls[i].side));
         }
      fc_file_error("side '%s' is not declared (declared so far: %s); "
                    "declare it first with 'side %s'", name,
                    known[0] ? known : "none", name);
   }
   if (fc_file_patterns[kind] == NULL)
      fc_file_patterns[kind] = fc_strmap_new("fc.boundary.patterns");
   Int first = fc_strmap_get(fc_file_patterns[kind], pat);
   if (first > 0)
      fc_file_error("duplicate rule '%s %s' (first at line %d)",
                    kw, pat, first);
   fc_rules_add(&fc_file_rules, kind, pat, s, fc_cur_line);
   fc_strmap_put(fc_file_patterns[kind],
                 fc_file_rules.arr[fc_file_rules.n - 1].pattern, fc_cur_line);
}

/* ------------------------------------------------------------------ */
/* Parsing: buffer                                                     */
/* ------------------------------------------------------------------ */

/* The argument list of one `buffer` line: names by position, "_" for an
   unnamed one.  n == 0: no list, positions 0-5 are all valid. */
typedef struct {
   HChar* name[FC_MAX_REG_ARGS];
   Int    n;
} FC_ArgList;

/* A buffer of one line, before it is committed. */
typedef struct {
   FC_BufferDecl d;
   Bool          elem_given;   /* `elements SIZE` seen for it */
} FC_PendingBuf;

#define FC_BUFFER_USAGE \
   "expected 'buffer FUNCTION(ARG, ...) [PTR[LEN] ...] [elements SIZE]'"

static void fc_parse_arg_list(HChar* s, FC_ArgList* al)
{
   al->n = 0;
   s = fc_trim(s);
   if (*s == 0)
      return;
   for (;;) {
      HChar* comma = VG_(strchr)(s, ',');
      if (comma)
         *comma = 0;
      HChar* name = fc_trim(s);
      if (*name == 0)
         fc_file_error("empty argument name in the list");
      if (al->n == FC_MAX_REG_ARGS)
         fc_file_error("more than %d arguments: only those passed in "
                       "registers (rdi, rsi, rdx, rcx, r8, r9) can be "
                       "declared", FC_MAX_REG_ARGS);
      for (HChar* c = name; *c; c++)
         if (!fc_is_ident_char(*c))
            fc_file_error("'%s' is not an argument name (letters, digits, "
                          "'_')", name);
      if (VG_(isdigit)(name[0]))
         fc_file_error("'%s' is not an argument name: it starts with a "
                       "digit", name);
      for (Int i = 0; i < al->n; i++)
         if (!VG_STREQ(name, "_") && VG_STREQ(al->name[i], name))
            fc_file_error("argument name '%s' is used twice", name);
      al->name[al->n++] = name;
      if (comma == NULL)
         return;
      s = comma + 1;
   }
}

/* The position an argument reference (a name of the list or a number
   0-5) stands for. */
static Int fc_resolve_arg(const FC_ArgList* al, const HChar* ref)
{
   if (fc_all_digits(ref)) {
      Long v = fc_number(ref, 1000);
      if (v < 0 || v >= FC_MAX_REG_ARGS)
         fc_file_error("argument index %s is out of range: only arguments "
                       "0-5 (rdi, rsi, rdx, rcx, r8, r9) can be declared",
                       ref);
      if (al->n > 0 && v >= al->n)
         fc_file_error("argument index %s is not in the list of %d "
                       "arguments", ref, al->n);
      return (Int)v;
   }
   if (VG_STREQ(ref, "_"))
      fc_file_error("'_' stands for an unnamed argument: refer to it by "
                    "its position");
   for (Int i = 0; i < al->n; i++)
      if (VG_STREQ(al->name[i], ref))
         return i;
   fc_file_error("no argument named '%s' in the list", ref);
}

/* Reads a word of letters, digits and '_' at *pp into buf (cut to fit);
   returns its length (0: none there). */
static Int fc_read_word(HChar** pp, HChar* buf, Int bufSzB)
{
   HChar* p = *pp;
   Int n = 0;
   while (fc_is_ident_char(p[n]))
      n++;
   Int k = n < bufSzB - 1 ? n : bufSzB - 1;
   VG_(memcpy)(buf, p, k);
   buf[k] = 0;
   *pp = p + n;
   return n;
}

/* True if p starts the word `elements` used as a keyword (not as the
   name of a buffer, which a '[' would follow). */
static Bool fc_at_elements(HChar* p)
{
   HChar w[16];
   if (fc_read_word(&p, w, sizeof w) == 0 || !VG_STREQ(w, "elements"))
      return False;
   return *fc_skip_blanks(p) != '[';
}

/* elements SIZE, after a buffer. */
static HChar* fc_parse_elements(HChar* p, FC_PendingBuf* b)
{
   HChar w[32];
   fc_read_word(&p, w, sizeof w);   /* "elements" */
   p = fc_skip_blanks(p);
   Int n = fc_read_word(&p, w, sizeof w);
   if (n == 0 || !fc_all_digits(w))
      fc_file_error("expected 'elements SIZE' with SIZE a number of bytes");
   if (n >= (Int)sizeof w)   /* cut: far too large anyway */
      fc_file_error("element size of %d digits is out of range (1 to %d "
                    "bytes)", n, FC_MAX_ELEM_SZB);
   Long v = fc_number(w, FC_MAX_ELEM_SZB);
   if (v <= 0)
      fc_file_error("element size %s is out of range (1 to %d bytes)",
                    w, FC_MAX_ELEM_SZB);
   if (b->elem_given)
      fc_file_error("'elements' is given twice for one buffer");
   b->elem_given = True;
   b->d.elem_szB = (SizeT)v;
   return p;
}

/* The length of the word of letters, digits and '_' at p. */
static Int fc_word_len(const HChar* p)
{
   Int n = 0;
   while (fc_is_ident_char(p[n]))
      n++;
   return n;
}

/* PTR[LEN]: names of any length (cut in place once read). */
static HChar* fc_parse_buf(HChar* p, const FC_ArgList* al, FC_PendingBuf* b)
{
   HChar* ptr = p;
   Int n_ptr = fc_word_len(p);
   if (n_ptr == 0)
      fc_file_error("unexpected '%s': expected a buffer such as "
                    "'buf[len]', or 'elements SIZE'", p);
   /* (VG_(printf) has no precision for %s: an error cuts the words.) */
   p = fc_skip_blanks(p + n_ptr);
   if (*p != '[') {
      ptr[n_ptr] = 0;
      fc_file_error("unexpected '%s': expected a buffer such as "
                    "'buf[len]', or 'elements SIZE'", ptr);
   }
   p = fc_skip_blanks(p + 1);
   HChar* len = p;
   Int n_len = fc_word_len(p);
   ptr[n_ptr] = 0;   /* a blank or the '[', both read */
   if (n_len == 0)
      fc_file_error("expected the length argument after '%s['", ptr);
   p = fc_skip_blanks(p + n_len);
   if (*p != ']') {
      len[n_len] = 0;
      fc_file_error("expected ']' after '%s[%s'", ptr, len);
   }
   len[n_len] = 0;   /* a blank or the ']', p points past it below */
   b->d.ptr_arg = fc_resolve_arg(al, ptr);
   b->d.len_arg = fc_resolve_arg(al, len);
   b->d.elem_szB = 1;
   b->elem_given = False;
   if (b->d.ptr_arg == b->d.len_arg)
      fc_file_error("'%s[%s]': the buffer and its length are the same "
                    "argument", ptr, len);
   return p + 1;
}

/* A persistent name for argument position i: its name in the list, or
   its register when unnamed. */
static const HChar* fc_arg_label(const FC_ArgList* al, Int i)
{
   if (i < al->n && !VG_STREQ(al->name[i], "_"))
      return VG_(strdup)("fc.boundary.argname", al->name[i]);
   return fc_reg_names[i];
}

static void fc_label_buffer(FC_BufferDecl* d, const FC_ArgList* al)
{
   d->ptr_name = fc_arg_label(al, d->ptr_arg);
   d->len_name = fc_arg_label(al, d->len_arg);
   d->file = fc_cur_file;
   d->line = fc_cur_line;
}

static FC_FnBuffers* fc_fn_buffers_get(const HChar* fn)
{
   for (Int i = 0; i < fc_n_fn_buffers; i++)
      if (VG_STREQ(fc_fn_buffers[i].fn, fn))
         return &fc_fn_buffers[i];
   return NULL;
}

/* Adds the line's buffers to fn's, checking them against those of
   earlier lines and each other. */
static void fc_commit_buffers(const HChar* fn, const FC_PendingBuf* bufs,
                              Int nb)
{
   FC_FnBuffers* fb = fc_fn_buffers_get(fn);
   if (fb == NULL) {
      if (fc_n_fn_buffers == fc_fn_buffers_cap) {
         fc_fn_buffers_cap = fc_fn_buffers_cap ? 2 * fc_fn_buffers_cap : 8;
         fc_fn_buffers = VG_(realloc)("fc.boundary.buffers", fc_fn_buffers,
                                      fc_fn_buffers_cap
                                      * sizeof(FC_FnBuffers));
      }
      fb = &fc_fn_buffers[fc_n_fn_buffers++];
      fb->fn = VG_(strdup)("fc.boundary.bufname", fn);
      fb->n = 0;
   }
   for (Int j = 0; j < nb; j++) {
      const FC_BufferDecl* d = &bufs[j].d;
      for (Int i = 0; i < fb->n; i++) {
         if (fb->decl[i].ptr_arg == d->ptr_arg)
            fc_file_error("argument %d of '%s' is already declared a "
                          "buffer (line %d)", d->ptr_arg, fn, fb->line[i]);
         if (fb->decl[i].len_arg == d->ptr_arg
             || fb->decl[i].ptr_arg == d->len_arg)
            fc_file_error("an argument of '%s' is declared both a buffer "
                          "and a length (see line %d)", fn, fb->line[i]);
      }
      tl_assert(fb->n < FC_MAX_REG_ARGS);
      fb->decl[fb->n] = *d;
      fb->decl[fb->n].fn = fb->fn;
      fb->line[fb->n] = fc_cur_line;
      fb->n++;
   }
}

/* buffer FUNCTION(ARGS) [elements SIZE]          (short form)
   buffer FUNCTION(ARGS) PTR[LEN] [elements SIZE] ...           */
static void fc_parse_buffer(HChar* rest)
{
   HChar* open = VG_(strchr)(rest, '(');
   if (open == NULL)
      fc_file_error(FC_BUFFER_USAGE);
   HChar* close = VG_(strchr)(open, ')');
   if (close == NULL)
      fc_file_error(FC_BUFFER_USAGE ": no ')' after the arguments");
   *open = 0;
   *close = 0;
   HChar* fn = fc_trim(rest);
   if (*fn == 0)
      fc_file_error(FC_BUFFER_USAGE ": no function name");
   for (HChar* c = fn; *c; c++)
      if (!fc_is_ident_char(*c) && *c != ':' && *c != '$' && *c != '.')
         fc_file_error("'%s' is not a function name: a buffer is declared "
                       "for one function, named exactly (no pattern)", fn);
   FC_ArgList al;
   fc_parse_arg_list(open + 1, &al);

   FC_PendingBuf bufs[FC_MAX_REG_ARGS];
   Int nb = 0;
   HChar* p = fc_skip_blanks(close + 1);
   if (*p == 0 || fc_at_elements(p)) {
      /* Short form: (PTR, LEN). */
      if (al.n != 2 || VG_STREQ(al.name[0], "_")
          || VG_STREQ(al.name[1], "_"))
         fc_file_error("the short form 'buffer FUNCTION(PTR, LEN)' needs "
                       "exactly two named arguments; otherwise name the "
                       "buffer and its length, as in 'buf[len]'");
      bufs[0].d.ptr_arg = 0;
      bufs[0].d.len_arg = 1;
      bufs[0].d.elem_szB = 1;
      bufs[0].elem_given = False;
      fc_label_buffer(&bufs[0].d, &al);
      nb = 1;
   }
   while (*(p = fc_skip_blanks(p))) {
      if (nb > 0 && fc_at_elements(p)) {
         p = fc_parse_elements(p, &bufs[nb - 1]);
         continue;
      }
      if (nb == FC_MAX_REG_ARGS)
         fc_file_error("more buffers than register arguments");
      p = fc_parse_buf(p, &al, &bufs[nb]);
      fc_label_buffer(&bufs[nb].d, &al);
      for (Int i = 0; i < nb; i++)
         if (bufs[i].d.ptr_arg == bufs[nb].d.ptr_arg)
            fc_file_error("argument %d is declared a buffer twice",
                          bufs[nb].d.ptr_arg);
      nb++;
   }
   fc_commit_buffers(fn, bufs, nb);
}

/* ------------------------------------------------------------------ */
/* Parsing: lines                                                      */
/* ------------------------------------------------------------------ */

/* One line of the file (cut in place).  Grammar:
     line := [statement] ['#' comment]
     statement :=
        'side' NAME {NAME}
      | 'object'   PATTERN '=' SIDE
      | 'function' PATTERN '=' SIDE
      | 'buffer' FUNCTION '(' [ARG {',' ARG}] ')' BUFFERS
     BUFFERS := ['elements' SIZE]                  (exactly two ARGs)
              | BUF ['elements' SIZE] {BUF ['elements' SIZE]}
     BUF := REF '[' REF ']'       REF := ARG name | position 0-5
   NAME and SIDE: letters, digits, '_', '-', '+'.  PATTERN: anything but
   '#', blanks around it dropped, '=' allowed (the last '=' separates the
   side).  ARG: letters, digits, '_' (not first a digit), "_" unnamed. */
static void fc_parse_line(HChar* line)
{
   HChar* hash = VG_(strchr)(line, '#');
   if (hash)
      *hash = 0;
   HChar* p = fc_trim(line);
   if (*p == 0)
      return;
   HChar kw[16];
   Int n = 0;
   while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z'))
      n++;
   if (n == 0 || n >= (Int)sizeof kw) {
      HChar* end = p;
      while (*end && !fc_is_blank(*end))
         end++;
      *end = 0;
      fc_file_error("unknown keyword '%s' (expected side, object, function "
                    "or buffer)", p);
   }
   VG_(memcpy)(kw, p, n);
   kw[n] = 0;
   HChar* rest = p + n;
   Bool known = VG_STREQ(kw, "side") || VG_STREQ(kw, "object")
                || VG_STREQ(kw, "function") || VG_STREQ(kw, "buffer");
   if (!known || (*rest && !fc_is_blank(*rest))) {
      while (*rest && !fc_is_blank(*rest))
         rest++;
      *rest = 0;
      fc_file_error("unknown keyword '%s' (expected side, object, function "
                    "or buffer)", p);
   }
   if (VG_STREQ(kw, "side"))
      fc_parse_side(rest);
   else if (VG_STREQ(kw, "object"))
      fc_parse_rule(FC_RuleObject, rest);
   else if (VG_STREQ(kw, "function"))
      fc_parse_rule(FC_RuleFunction, rest);
   else
      fc_parse_buffer(rest);
}

/* The line of n bytes at p (at byte offset `off` of the file) is text:
   not too long, UTF-8, no control characters but tabs (a NUL included:
   the line ends at the newline, not at the NUL). */
static void fc_check_text(const HChar* p, SizeT n, SizeT off)
{
   if (n > FC_MAX_LINE_SZB)
      fc_file_error("the line is %lu bytes long: at most %d (patterns and "
                    "names included)", n, FC_MAX_LINE_SZB);
   const UChar* u = (const UChar*)p;
   for (SizeT i = 0; i < n; ) {
      Int len = fc_is_control(u[i]) ? 0 : fc_utf8_len(u + i);
      if (len == 0 || i + len > n)
         fc_file_error("byte 0x%02x at column %lu (byte offset %lu of the "
                       "file) is %s: a boundary file is UTF-8 text",
                       u[i], i + 1, off + i,
                       fc_is_control(u[i]) ? "a control character"
                                           : "not UTF-8");
      if (len == 3 && u[i] == 0xEF && u[i + 1] == 0xBB && u[i + 2] == 0xBF)
         fc_file_error("a byte order mark (U+FEFF) at column %lu (byte "
                       "offset %lu of the file): one is allowed only at "
                       "the start of the file", i + 1, off + i);
      i += len;
   }
}

static void fc_load_file(const HChar* path)
{
   fc_cur_file = path;
   fc_cur_line = 0;
   SizeT szB;
   HChar* buf = fc_read_file(path, &szB);
   HChar* p = buf;
   if (szB >= 3 && VG_(memcmp)(buf, "\xEF\xBB\xBF", 3) == 0)
      p += 3;   /* a UTF-8 byte order mark */
   while (p < buf + szB) {
      HChar* nl = p;
      while (nl < buf + szB && *nl != '\n')
         nl++;
      if (nl == buf + szB)
         nl = NULL;
      HChar* next = nl ? nl + 1 : buf + szB;
      SizeT n = (nl ? nl : buf + szB) - p;
      p[n] = 0;
      if (n > 0 && p[n - 1] == '\r')
         p[--n] = 0;
      fc_cur_line++;
      fc_cur_text = p;
      fc_cur_len = n;
      fc_check_text(p, n, p - buf);
      HChar* text = VG_(strdup)("fc.boundary.line", p);
      fc_cur_text = text;
      fc_parse_line(p);
      VG_(free)(text);
      p = next;
   }
   fc_cur_line = 0;
   fc_cur_text = NULL;
   VG_(free)(buf);

   /* The rules in force: the file's, then the options' after them. */
   for (Int i = 0; i < fc_rules.n; i++) {
      const FC_Rule* r = &fc_rules.arr[i];
      fc_rules_add(&fc_file_rules, r->kind, r->pattern, r->side, 0);
      VG_(free)(r->pattern);
   }
   VG_(free)(fc_rules.arr);
   fc_rules = fc_file_rules;
   VG_(memset)(&fc_file_rules, 0, sizeof fc_file_rules);
}

/* ------------------------------------------------------------------ */
/* -v                                                                  */
/* ------------------------------------------------------------------ */

static const HChar* fc_option_of(FC_RuleKind kind)
{
   return kind == FC_RuleObject ? "--side-object" : "--side-function";
}

static void fc_print_buffer(const HChar* fn, const FC_BufferDecl* d,
                            Int line)
{
   HChar unit[48];
   if (d->elem_szB == 1)
      VG_(snprintf)(unit, sizeof unit, "bytes");
   else
      VG_(snprintf)(unit, sizeof unit, "elements of %lu bytes",
                    d->elem_szB);
   VG_(umsg)("   buffer %s: argument %d (%s) holds argument %d (%s) %s "
             "(line %d)\n", fn, d->ptr_arg, fc_reg_names[d->ptr_arg],
             d->len_arg, fc_reg_names[d->len_arg], unit, line);
}

static void fc_print_declarations(void)
{
   Int n_opt = 0, n_buf = 0;
   for (Int i = 0; i < fc_rules.n; i++)
      n_opt += fc_rules.arr[i].line == 0;
   for (Int i = 0; i < fc_n_fn_buffers; i++)
      n_buf += fc_fn_buffers[i].n;
   if (fc_boundary_file() == NULL && n_opt == 0) {
      VG_(umsg)("Boundary: auto (Rust against C and C++, by language)\n");
      return;
   }
   if (fc_boundary_file())
      VG_(umsg)("Boundary: file '%s'%s: %d declared sides, %d rules, "
                "%d buffers\n", fc_boundary_file(),
                n_opt ? " and options" : "", fc_n_side_decls, fc_rules.n,
                n_buf);
   else
      VG_(umsg)("Boundary: options: %d declared sides, %d rules\n",
                fc_n_side_decls, fc_rules.n);
   for (Int i = 0; i < fc_n_side_decls; i++) {
      const FC_SideDecl* d = &fc_side_decls[i];
      if (d->line > 0)
         VG_(umsg)("   side %s (line %d)\n", fc_side_name(d->side), d->line);
      else
         VG_(umsg)("   side %s (an option)\n", fc_side_name(d->side));
   }
   for (Int i = 0; i < fc_rules.n; i++) {
      const FC_Rule* r = &fc_rules.arr[i];
      HChar where[32];
      if (r->line > 0)
         VG_(snprintf)(where, sizeof where, "line %d", r->line);
      else
         VG_(snprintf)(where, sizeof where, "%s", fc_option_of(r->kind));
      VG_(umsg)("   rule %d: %s %s = %s (%s)\n", i + 1,
                fc_rule_keyword(r->kind), r->pattern,
                fc_side_name(r->side), where);
   }
   for (Int i = 0; i < fc_n_fn_buffers; i++)
      for (Int j = 0; j < fc_fn_buffers[i].n; j++)
         fc_print_buffer(fc_fn_buffers[i].fn, &fc_fn_buffers[i].decl[j],
                         fc_fn_buffers[i].line[j]);
   VG_(umsg)("   the last matching rule wins; code no rule matches is "
             "classified by language\n");
}

/* ------------------------------------------------------------------ */
/* The interface                                                       */
/* ------------------------------------------------------------------ */

/* The rules in force, in the indexes (the last matching rule wins: the
   highest position). */
static void fc_build_indexes(void)
{
   for (Int i = 0; i < fc_rules.n; i++) {
      FC_RuleKind k = fc_rules.arr[i].kind;
      if (fc_rule_index[k] == NULL)
         fc_rule_index[k] = fc_glob_index_new("fc.boundary.index");
      fc_glob_index_add(fc_rule_index[k], fc_rules.arr[i].pattern, i);
   }
}

/* The rules of one repeatable option, in command-line order. */
static void fc_add_option_rules(XArray* values, FC_RuleKind kind)
{
   for (Word i = 0; values != NULL && i < VG_(sizeXA)(values); i++)
      fc_add_option_rule(kind, *(const HChar**)VG_(indexXA)(values, i));
}

void fc_boundary_post_clo_init(void)
{
   fc_add_option_rules(fc_clo_side_object, FC_RuleObject);
   fc_add_option_rules(fc_clo_side_function, FC_RuleFunction);
   if (fc_boundary_file())
      fc_load_file(fc_boundary_file());
   fc_build_indexes();
   if (VG_(clo_verbosity) > 1)
      fc_print_declarations();
}

/* The highest position among the rules of `kind` matching s, or -1. */
static Int fc_best_rule(FC_RuleKind kind, const HChar* s)
{
   return s != NULL && fc_rule_index[kind] != NULL
          ? fc_glob_index_best(fc_rule_index[kind], s) : -1;
}

Bool fc_boundary_has_rules(void)
{
   return fc_rules.n > 0;
}

FC_SideId fc_boundary_side_of(const HChar* objname, const HChar* fnname,
                              const HChar* fnname_raw)
{
   if (fc_rules.n == 0)
      return FC_SideNone;
   Int best = fc_best_rule(FC_RuleObject, objname);
   Int f = fc_best_rule(FC_RuleFunction, fnname);
   if (f > best)
      best = f;
   f = fc_best_rule(FC_RuleFunction, fnname_raw);
   if (f > best)
      best = f;
   return best >= 0 ? fc_rules.arr[best].side : FC_SideNone;
}

const FC_BufferDecl* fc_boundary_buffers_of(const HChar* fnname, Int* n)
{
   tl_assert(n != NULL);
   *n = 0;
   if (fc_n_fn_buffers == 0 || fnname == NULL)
      return NULL;
   const FC_FnBuffers* fb = fc_fn_buffers_get(fnname);
   if (fb == NULL)
      return NULL;
   *n = fb->n;
   return fb->decl;
}
