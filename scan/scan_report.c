/* scan_report.c: what ffican-scan prints.
 *
 * Three forms of the same facts:
 * - the text report (default): per object, sections Checkable,
 *   Languages, Bindings, Boundary, aligned columns, each problem with one
 *   line of advice; long lists are cut to --max-list rows (-v: all);
 * - --json: one document, schema "ffican-scan/1" (docs/scan.md); every
 *   list complete;
 * - --boundary: a boundary file in the format ffican's --boundary=FILE
 *   reads (docs/boundary.md): function rules pinning each boundary
 *   function to its side, and `buffer` declarations proposed from the
 *   prototypes, each under a comment saying it is a proposal to review.
 *
 * Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scan.h"
#include "fc_rustsym.h"

/* ------------------------------------------------------------ helpers */

static void sides_text(unsigned bits, char *buf, size_t sz)
{
	buf[0] = 0;
	for (int l = 0; l < LANG_COUNT; l++) {
		if (!(bits & (1u << l)))
			continue;
		size_t n = strlen(buf);

		snprintf(buf + n, sz - n, "%s%s", n ? ", " : "",
			 lang_name(l));
	}
	if (!buf[0])
		snprintf(buf, sz, "-");
}

static void evidence_text(unsigned ev, char *buf, size_t sz)
{
	static const char *const names[] = {
		"DWARF call site", "code", "export", "address taken",
	};

	buf[0] = 0;
	for (int i = 0; i < 4; i++) {
		if (!(ev & (1u << i)))
			continue;
		size_t n = strlen(buf);

		snprintf(buf + n, sz - n, "%s%s", n ? ", " : "", names[i]);
	}
	if (!buf[0])
		snprintf(buf, sz, "-");
}

static void proto_text(const struct func *f, char *buf, size_t sz)
{
	const struct proto *pr = f->proto;
	size_t n;

	if (!pr) {
		snprintf(buf, sz, "(no prototype: no DWARF for its definition)");
		return;
	}
	snprintf(buf, sz, "%s %s(", pr->ret, f->name ? f->name : f->sym);
	for (int i = 0; i < pr->n_params; i++) {
		n = strlen(buf);
		snprintf(buf + n, sz - n, "%s%s%s%s", i ? ", " : "",
			 pr->params[i].type, pr->params[i].name ? " " : "",
			 pr->params[i].name ? pr->params[i].name : "");
	}
	n = strlen(buf);
	snprintf(buf + n, sz - n, "%s)",
		 pr->variadic ? (pr->n_params ? ", ..." : "...") : "");
}

static const char *param_name(const struct func *f, int i)
{
	const char *n = f->proto->params[i].name;

	return n ? n : "?";
}

static void list_line(const char *label, const struct strlist *l, int max)
{
	printf("  %-15s", label);
	if (!l->n) {
		printf("none\n");
		return;
	}
	for (int i = 0; i < l->n && (max <= 0 || i < max); i++)
		printf("%s%s", i ? ", " : "", l->v[i]);
	if (max > 0 && l->n > max)
		printf(", ... (%d in all)", l->n);
	printf("\n");
}

/* ------------------------------------------------------------ text */

static void text_checkable(const struct object *o)
{
	static const char *const headline[] = {
		[V_NO_RUST] = "nothing to check: no Rust code found",
		[V_VISIBLE] = "yes: Rust's allocator shims are visible and "
			      "lead to the default allocator",
		[V_GLOBAL_ALLOCATOR] = "no: a #[global_allocator] replaces "
				       "Rust's default allocator",
		[V_LTO] = "no: allocator shims inlined away (fat LTO)",
		[V_LTO_SITES] = "yes: allocator shims inlined by LTO; Rust's "
				"allocations told apart by their call sites "
				"(debug info), alignment not checked",
		[V_STRIPPED] = "no: stripped (no symbol table)",
		[V_NO_SHIMS] = "no: no allocator shim symbols",
		[V_IMPORTED] = "yes: Rust's allocator shims are imported from "
			       "a shared Rust std (-C prefer-dynamic), where "
			       "ffican sees them",
	};

	printf("Checkable:  %s\n", headline[o->verdict]);
	for (int i = 0; i < o->n_shims; i++) {
		const struct shim *s = &o->shims[i];

		printf("  shim %-14s %s (%s)", fc_shim_op_name(s->op), s->sym,
		       fc_shim_form_name(s->form));
		if (s->has_target)
			printf(" -> %s", s->target_sym ? s->target_sym :
			       "(no symbol)");
		else
			printf(" -> (not a plain jump)");
		printf("\n");
	}
	for (int i = 0; i < o->n_findings; i++) {
		printf("  problem: %s\n", o->findings[i].message);
		if (o->findings[i].advice)
			printf("  advice:  %s\n", o->findings[i].advice);
	}
}

static void text_languages(const struct object *o, const struct options *opt)
{
	struct strlist producers = { 0 };

	printf("Languages:\n");
	printf("  %-9s %6s %10s %12s  %s\n", "language", "CUs", "functions",
	       "code bytes", "source");
	for (int l = 0; l < LANG_COUNT; l++) {
		const struct lang_tally *t = &o->langs[l];

		if (t->cus)
			printf("  %-9s %6u %10u %12llu  %s\n", lang_name(l),
			       t->cus, t->funcs, (unsigned long long)t->bytes,
			       "DWARF (exact)");
	}
	for (int l = 0; l < LANG_COUNT; l++) {
		const struct lang_tally *t = &o->guess[l];

		if (t->funcs)
			printf("  %-9s %6s %10u %12llu  %s\n", lang_name(l),
			       "-", t->funcs, (unsigned long long)t->bytes,
			       "symbol names (guess)");
	}
	for (int i = 0; i < o->n_cus; i++)
		if (o->cus[i].producer)
			strlist_add_unique(&producers, o->cus[i].producer);
	list_line("producers:", &producers, opt->verbose ? 0 : 4);
	list_line(".comment:", &o->comments, 0);
	if (o->gdb_scripts.n)
		list_line("gdb scripts:", &o->gdb_scripts, 0);
	strlist_free(&producers);
}

static void text_bindings(const struct object *o, const struct options *opt)
{
	int max = opt->verbose ? 0 : opt->max_list;

	printf("Bindings:\n");
	list_line("-sys crates:", &o->sys_crates, 0);
	printf("  %-15s", "bindings:");
	if (!o->bindings.n)
		printf("none");
	for (int i = 0; i < o->bindings.n; i++)
		printf("%s%s (%s)", i ? ", " : "", o->bindings.v[i],
		       o->binding_evidence.v[i]);
	printf("\n");
	list_line("crates:", &o->crates, max);
	printf("  %-15s", "libraries:");
	if (!o->needed.n)
		printf("none");
	for (int i = 0; i < o->needed.n; i++) {
		bool sys = import_is_system("", NULL, o->needed.v[i]);

		printf("%s%s%s", i ? ", " : "", o->needed.v[i],
		       sys ? " (system)" : "");
	}
	printf("\n");
	list_line("C/C++ sources:", &o->static_c_sources, max);
}

static void text_boundary(const struct object *o, const struct options *opt)
{
	int shown = 0, max = opt->verbose ? 0 : opt->max_list;
	char sides[64], ev[96], proto[1024];

	printf("Boundary:   %d function%s\n", o->n_boundary,
	       o->n_boundary == 1 ? "" : "s");
	if (!o->n_boundary)
		return;
	printf("  %-32s %-14s %-14s %s\n", "function", "defined in",
	       "called from", "evidence");
	for (int i = 0; i < o->n_funcs; i++) {
		const struct func *f = &o->funcs[i];
		char def[32];

		if (!f->boundary)
			continue;
		if (max > 0 && shown++ >= max)
			continue;
		snprintf(def, sizeof(def), "%s%s", lang_name(f->lang),
			 f->lang_exact ? "" : " (guess)");
		sides_text(f->called_from, sides, sizeof(sides));
		evidence_text(f->evidence, ev, sizeof(ev));
		printf("  %-32s %-14s %-14s %s\n",
		       f->name ? f->name : f->sym, def, sides, ev);
		proto_text(f, proto, sizeof(proto));
		printf("      %s\n", proto);
		for (int b = 0; b < f->n_buffers; b++) {
			const struct buffer_proposal *bp = &f->buffers[b];

			printf("      buffer proposal: %s[%s]", param_name(f, bp->ptr),
			       param_name(f, bp->len));
			if (bp->elem_size > 1)
				printf(" elements %llu",
				       (unsigned long long)bp->elem_size);
			printf(" (%s)\n", bp->why);
		}
	}
	for (int i = 0; i < o->n_imports; i++) {
		const struct import *im = &o->imports[i];

		if (!im->boundary)
			continue;
		if (max > 0 && shown++ >= max)
			continue;
		sides_text(im->called_from, sides, sizeof(sides));
		evidence_text(im->evidence, ev, sizeof(ev));
		printf("  %-32s %-14s %-14s %s\n", im->name,
		       im->def_obj ?
		       lang_name(im->def_obj->funcs[im->def_func].lang) :
		       "imported", sides, ev);
		if (im->def_obj)
			printf("      defined in %s\n", im->def_obj->path);
		else
			printf("      defined outside this object%s%s%s: scan "
			       "it with --deps for its side and prototype\n",
			       im->library ? " (" : "",
			       im->library ? im->library : "",
			       im->library ? ")" : "");
	}
	if (max > 0 && shown > max)
		printf("  ... %d more (-v shows all, --json lists all)\n",
		       shown - max);
}

void report_text(struct object **objs, int n, const struct options *opt)
{
	for (int k = 0; k < n; k++) {
		const struct object *o = objs[k];
		char dw[64] = "none";

		if (o->has_debug_info) {
			snprintf(dw, sizeof(dw), "DWARF ");
			for (int i = 0; i < o->dwarf_versions.n; i++) {
				size_t len = strlen(dw);

				snprintf(dw + len, sizeof(dw) - len, "%s%s",
					 i ? "/" : "", o->dwarf_versions.v[i]);
			}
		}
		if (k)
			printf("\n");
		printf("== %s\n", o->path);
		printf("ELF:        %s, x86-64%s%s, symbols: %s, debug info: "
		       "%s (%d compile unit%s)\n",
		       o->kind, o->soname ? ", soname " : "",
		       o->soname ? o->soname : "",
		       o->has_symtab ? ".symtab" :
		       o->has_dynsym ? ".dynsym only (stripped)" :
				       "none (stripped)",
		       dw, o->n_cus, o->n_cus == 1 ? "" : "s");
		text_checkable(o);
		text_languages(o, opt);
		text_bindings(o, opt);
		text_boundary(o, opt);
	}
}

/* ------------------------------------------------------------ json */

static void js_str(const char *s)
{
	if (!s) {
		fputs("null", stdout);
		return;
	}
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned c = *p;

		if (c == '"' || c == '\\') {
			putchar('\\');
			putchar(c);
		} else if (c == '\n') {
			fputs("\\n", stdout);
		} else if (c < 0x20 || c >= 0x7f) {
			/* bytes as Latin-1 code points: always valid JSON */
			printf("\\u%04x", c);
		} else {
			putchar(c);
		}
	}
	putchar('"');
}

static void js_key(const char *k, bool *first)
{
	printf("%s", *first ? "" : ",");
	*first = false;
	js_str(k);
	putchar(':');
}

static void js_strlist(const struct strlist *l)
{
	putchar('[');
	for (int i = 0; i < l->n; i++) {
		if (i)
			putchar(',');
		js_str(l->v[i]);
	}
	putchar(']');
}

static void js_sides(unsigned bits)
{
	bool first = true;

	putchar('[');
	for (int l = 0; l < LANG_COUNT; l++) {
		if (!(bits & (1u << l)))
			continue;
		printf("%s", first ? "" : ",");
		first = false;
		js_str(lang_name(l));
	}
	putchar(']');
}

static void js_evidence(unsigned ev)
{
	static const char *const names[] = {
		"dwarf-call-site", "code", "export", "address-taken",
	};
	bool first = true;

	putchar('[');
	for (int i = 0; i < 4; i++) {
		if (!(ev & (1u << i)))
			continue;
		printf("%s", first ? "" : ",");
		first = false;
		js_str(names[i]);
	}
	putchar(']');
}

static void js_proto(const struct func *f)
{
	const struct proto *pr = f->proto;
	bool first = true;

	if (!pr) {
		fputs("null", stdout);
		return;
	}
	putchar('{');
	js_key("return", &first);
	js_str(pr->ret);
	js_key("variadic", &first);
	fputs(pr->variadic ? "true" : "false", stdout);
	js_key("params", &first);
	putchar('[');
	for (int i = 0; i < pr->n_params; i++) {
		const struct param *p = &pr->params[i];
		bool f2 = true;

		printf("%s{", i ? "," : "");
		js_key("name", &f2);
		js_str(p->name);
		js_key("type", &f2);
		js_str(p->type);
		js_key("pointer", &f2);
		fputs(p->is_pointer ? "true" : "false", stdout);
		js_key("integer", &f2);
		fputs(p->is_integer ? "true" : "false", stdout);
		js_key("pointee_size", &f2);
		printf("%llu", (unsigned long long)p->pointee_size);
		putchar('}');
	}
	fputs("]}", stdout);
}

static void js_object(const struct object *o)
{
	bool first = true;

	putchar('{');
	js_key("path", &first);
	js_str(o->path);
	js_key("kind", &first);
	js_str(o->kind);
	js_key("machine", &first);
	js_str("x86-64");
	js_key("soname", &first);
	js_str(o->soname);
	js_key("symbols", &first);
	js_str(o->has_symtab ? "symtab" : o->has_dynsym ? "dynsym" : "none");
	js_key("debug_info", &first);
	fputs(o->has_debug_info ? "true" : "false", stdout);
	js_key("dwarf_versions", &first);
	putchar('[');
	for (int i = 0; i < o->dwarf_versions.n; i++)
		printf("%s%s", i ? "," : "", o->dwarf_versions.v[i]);
	putchar(']');
	js_key("comment", &first);
	js_strlist(&o->comments);
	js_key("gdb_scripts", &first);
	js_strlist(&o->gdb_scripts);

	js_key("checkable", &first);
	{
		bool f2 = true;

		putchar('{');
		js_key("verdict", &f2);
		js_str(verdict_name(o->verdict));
		js_key("rust", &f2);
		fputs(o->rust ? "true" : "false", stdout);
		js_key("ffican_sees_rust_allocations", &f2);
		fputs(verdict_sees_rust(o->verdict) ? "true" : "false", stdout);
		js_key("shim_form", &f2);
		js_str(o->n_shims ? fc_shim_form_name(o->shim_form) : NULL);
		js_key("has_rdl", &f2);
		fputs(o->has_rdl ? "true" : "false", stdout);
		js_key("has_rg", &f2);
		fputs(o->has_rg ? "true" : "false", stdout);
		js_key("shims", &f2);
		putchar('[');
		for (int i = 0; i < o->n_shims; i++) {
			const struct shim *s = &o->shims[i];
			bool f3 = true;

			printf("%s{", i ? "," : "");
			js_key("op", &f3);
			js_str(fc_shim_op_name(s->op));
			js_key("symbol", &f3);
			js_str(s->sym);
			js_key("form", &f3);
			js_str(fc_shim_form_name(s->form));
			js_key("address", &f3);
			printf("%llu", (unsigned long long)s->addr);
			js_key("jumps_to", &f3);
			js_str(s->has_target ? (s->target_sym ? s->target_sym :
						"?") : NULL);
			js_key("default", &f3);
			fputs(s->is_default ? "true" : "false", stdout);
			putchar('}');
		}
		putchar(']');
		js_key("findings", &f2);
		putchar('[');
		for (int i = 0; i < o->n_findings; i++) {
			bool f3 = true;

			printf("%s{", i ? "," : "");
			js_key("kind", &f3);
			js_str(o->findings[i].kind);
			js_key("message", &f3);
			js_str(o->findings[i].message);
			js_key("advice", &f3);
			js_str(o->findings[i].advice);
			putchar('}');
		}
		fputs("]}", stdout);
	}

	js_key("languages", &first);
	putchar('[');
	{
		bool f2 = true;

		for (int exact = 1; exact >= 0; exact--) {
			for (int l = 0; l < LANG_COUNT; l++) {
				const struct lang_tally *t = exact ?
					&o->langs[l] : &o->guess[l];
				bool f3 = true;

				if (exact ? !t->cus : !t->funcs)
					continue;
				printf("%s{", f2 ? "" : ",");
				f2 = false;
				js_key("language", &f3);
				js_str(lang_name(l));
				js_key("exact", &f3);
				fputs(exact ? "true" : "false", stdout);
				js_key("source", &f3);
				js_str(exact ? "dwarf" : "symbols");
				js_key("compile_units", &f3);
				printf("%u", t->cus);
				js_key("functions", &f3);
				printf("%u", t->funcs);
				js_key("code_bytes", &f3);
				printf("%llu}", (unsigned long long)t->bytes);
			}
		}
	}
	putchar(']');

	js_key("compile_units", &first);
	putchar('[');
	for (int i = 0; i < o->n_cus; i++) {
		const struct cu *cu = &o->cus[i];
		bool f2 = true;

		printf("%s{", i ? "," : "");
		js_key("name", &f2);
		js_str(cu->name);
		js_key("language", &f2);
		js_str(lang_name(cu->lang));
		js_key("dw_lang", &f2);
		if (cu->dw_lang >= 0)
			printf("%d", cu->dw_lang);
		else
			fputs("null", stdout);
		js_key("dw_lang_name", &f2);
		if (cu->dw_lang_name >= 0)
			printf("%d", cu->dw_lang_name);
		else
			fputs("null", stdout);
		js_key("language_from_producer", &f2);
		fputs(cu->lang_from_producer ? "true" : "false", stdout);
		js_key("producer", &f2);
		js_str(cu->producer);
		js_key("dwarf_version", &f2);
		printf("%d", cu->version);
		js_key("functions", &f2);
		printf("%u", cu->n_funcs);
		js_key("code_bytes", &f2);
		printf("%llu}", (unsigned long long)cu->code_bytes);
	}
	putchar(']');

	js_key("bindings", &first);
	{
		bool f2 = true;

		putchar('{');
		js_key("sys_crates", &f2);
		js_strlist(&o->sys_crates);
		js_key("bindings", &f2);
		putchar('[');
		for (int i = 0; i < o->bindings.n; i++) {
			bool f3 = true;

			printf("%s{", i ? "," : "");
			js_key("name", &f3);
			js_str(o->bindings.v[i]);
			js_key("evidence", &f3);
			js_str(o->binding_evidence.v[i]);
			putchar('}');
		}
		putchar(']');
		js_key("crates", &f2);
		js_strlist(&o->crates);
		js_key("needed", &f2);
		putchar('[');
		for (int i = 0; i < o->needed.n; i++) {
			bool f3 = true;

			printf("%s{", i ? "," : "");
			js_key("name", &f3);
			js_str(o->needed.v[i]);
			js_key("system", &f3);
			fputs(import_is_system("", NULL, o->needed.v[i]) ?
			      "true}" : "false}", stdout);
		}
		putchar(']');
		js_key("static_c_sources", &f2);
		js_strlist(&o->static_c_sources);
		putchar('}');
	}

	js_key("boundary", &first);
	putchar('[');
	{
		bool f2 = true;

		for (int i = 0; i < o->n_funcs; i++) {
			const struct func *f = &o->funcs[i];
			bool f3 = true;

			if (!f->boundary)
				continue;
			printf("%s{", f2 ? "" : ",");
			f2 = false;
			js_key("function", &f3);
			js_str(f->name ? f->name : f->sym);
			js_key("symbol", &f3);
			js_str(f->sym);
			js_key("address", &f3);
			printf("%llu", (unsigned long long)f->addr);
			js_key("defined", &f3);
			js_str("here");
			js_key("defined_side", &f3);
			js_str(lang_name(f->lang));
			js_key("side_exact", &f3);
			fputs(f->lang_exact ? "true" : "false", stdout);
			js_key("compile_unit", &f3);
			js_str(f->cu >= 0 ? o->cus[f->cu].name : NULL);
			js_key("callers_sides", &f3);
			js_sides(f->called_from);
			js_key("entry_point", &f3);
			fputs(f->entry_point ? "true" : "false", stdout);
			js_key("evidence", &f3);
			js_evidence(f->evidence);
			js_key("prototype", &f3);
			js_proto(f);
			js_key("buffers", &f3);
			putchar('[');
			for (int b = 0; b < f->n_buffers; b++) {
				const struct buffer_proposal *bp =
					&f->buffers[b];
				bool f4 = true;

				printf("%s{", b ? "," : "");
				js_key("ptr", &f4);
				printf("%d", bp->ptr);
				js_key("len", &f4);
				printf("%d", bp->len);
				js_key("ptr_name", &f4);
				js_str(f->proto->params[bp->ptr].name);
				js_key("len_name", &f4);
				js_str(f->proto->params[bp->len].name);
				js_key("elem_size", &f4);
				printf("%llu", (unsigned long long)bp->elem_size);
				js_key("proposal", &f4);
				fputs("true", stdout);
				js_key("why", &f4);
				js_str(bp->why);
				putchar('}');
			}
			fputs("]}", stdout);
		}
		for (int i = 0; i < o->n_imports; i++) {
			const struct import *im = &o->imports[i];
			bool f3 = true;

			if (!im->boundary)
				continue;
			printf("%s{", f2 ? "" : ",");
			f2 = false;
			js_key("function", &f3);
			js_str(im->name);
			js_key("symbol", &f3);
			js_str(im->name);
			js_key("defined", &f3);
			js_str(im->def_obj ? im->def_obj->path : "elsewhere");
			js_key("defined_side", &f3);
			js_str(im->def_obj ?
			       lang_name(im->def_obj->funcs[im->def_func].lang) :
			       NULL);
			js_key("callers_sides", &f3);
			js_sides(im->called_from);
			js_key("evidence", &f3);
			js_evidence(im->evidence);
			js_key("library", &f3);
			js_str(im->library);
			putchar('}');
		}
	}
	fputs("]}", stdout);
}

void report_json(struct object **objs, int n, const struct options *opt,
		 const struct strlist *errors, int status)
{
	bool first = true;

	(void)opt;
	putchar('{');
	js_key("schema", &first);
	js_str(SCAN_SCHEMA);
	js_key("version", &first);
	js_str(SCAN_VERSION);
	js_key("exit_status", &first);
	printf("%d", status);
	js_key("objects", &first);
	putchar('[');
	for (int i = 0; i < n; i++) {
		if (i)
			putchar(',');
		js_object(objs[i]);
	}
	putchar(']');
	js_key("errors", &first);
	putchar('[');
	for (int i = 0; i + 1 < errors->n; i += 2) {
		bool f2 = true;

		printf("%s{", i ? "," : "");
		js_key("path", &f2);
		js_str(errors->v[i]);
		js_key("message", &f2);
		js_str(errors->v[i + 1]);
		putchar('}');
	}
	fputs("]}\n", stdout);
}

/* ------------------------------------------------------------ boundary */

static bool valid_fn_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!(*s == '_' || *s == ':' || *s == '$' || *s == '.' ||
		      (*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= 'A' && *s <= 'Z')))
			return false;
	return true;
}

static bool valid_pattern(const char *s)
{
	for (; *s; s++)
		if (*s == '#' || *s == '*' || *s == '?' || *s == ' ' ||
		    *s == '\t' || *s == '=')
			return false;
	return true;
}

static bool valid_arg_name(const char *s)
{
	if (!s || !*s || (*s >= '0' && *s <= '9'))
		return false;
	for (; *s; s++)
		if (!(*s == '_' || (*s >= '0' && *s <= '9') ||
		      (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
			return false;
	return true;
}

/* The name the boundary file gives argument i ("_" if unusable). */
static const char *arg_name(const struct func *f, int i)
{
	const char *n = f->proto->params[i].name;

	if (!valid_arg_name(n) || strcmp(n, "_") == 0)
		return "_";
	for (int j = 0; j < i; j++)
		if (f->proto->params[j].name &&
		    strcmp(f->proto->params[j].name, n) == 0)
			return "_";
	return n;
}

static void boundary_buffers(const struct func *f)
{
	int n = f->proto->n_params < 6 ? f->proto->n_params : 6;
	const struct buffer_proposal *b0 = &f->buffers[0];
	bool short_form = f->n_buffers == 1 && n == 2 && b0->ptr == 0 &&
			  b0->len == 1 && strcmp(arg_name(f, 0), "_") &&
			  strcmp(arg_name(f, 1), "_");

	for (int b = 0; b < f->n_buffers; b++) {
		const struct buffer_proposal *bp = &f->buffers[b];

		printf("# proposed: %s may touch %s[0..%s)%s%s, found as %s; "
		       "review\n", f->sym, param_name(f, bp->ptr),
		       param_name(f, bp->len),
		       bp->elem_size > 1 ? " elements of " : " bytes",
		       bp->elem_size > 1 ? f->proto->params[bp->ptr].type :
					   "", bp->why);
	}
	printf("buffer %s(", f->sym);
	for (int i = 0; i < n; i++)
		printf("%s%s", i ? ", " : "", arg_name(f, i));
	printf(")");
	for (int b = 0; b < f->n_buffers; b++) {
		const struct buffer_proposal *bp = &f->buffers[b];
		const char *p = arg_name(f, bp->ptr);
		const char *l = arg_name(f, bp->len);

		if (!short_form) {
			printf(" ");
			if (strcmp(p, "_"))
				printf("%s", p);
			else
				printf("%d", bp->ptr);
			printf("[");
			if (strcmp(l, "_"))
				printf("%s", l);
			else
				printf("%d", bp->len);
			printf("]");
		}
		if (bp->elem_size > 1 && bp->elem_size <= 1048576)
			printf(" elements %llu",
			       (unsigned long long)bp->elem_size);
	}
	printf("\n");
}

void report_boundary(struct object **objs, int n)
{
	printf("# Boundary file written by ffican-scan %s: use it with\n"
	       "#   valgrind --tool=ffican --boundary=THIS_FILE PROGRAM\n"
	       "# Rules pin each boundary function to the side its DWARF "
	       "says (the\n# built-in sides Rust, C, C++ need no 'side' "
	       "line). 'buffer' lines are\n# proposals from parameter names "
	       "and types: review each one.\n", SCAN_VERSION);
	for (int k = 0; k < n; k++) {
		const struct object *o = objs[k];
		int n_rules = 0;

		printf("\n# object %s (%s)\n", o->path,
		       verdict_name(o->verdict));
		for (int i = 0; i < o->n_funcs; i++) {
			const struct func *f = &o->funcs[i];
			char sides[64];

			if (!f->boundary)
				continue;
			sides_text(f->called_from, sides, sizeof(sides));
			if (!f->lang_exact || !valid_pattern(f->sym)) {
				printf("# %s: %s (a guess), called from %s: "
				       "no rule written\n", f->sym,
				       lang_name(f->lang), sides);
				continue;
			}
			printf("function %s = %s   # called from %s\n", f->sym,
			       lang_name(f->lang), sides);
			n_rules++;
		}
		for (int i = 0; i < o->n_funcs; i++) {
			const struct func *f = &o->funcs[i];

			if (!f->boundary || !f->n_buffers)
				continue;
			if (!valid_fn_name(f->sym) ||
			    fc_sym_scheme(f->sym) != FC_SYM_PLAIN) {
				printf("# %s: buffer proposals skipped: ffican "
				       "matches buffers by the demangled name; "
				       "write them by hand\n", f->sym);
				continue;
			}
			boundary_buffers(f);
		}
		for (int i = 0; i < o->n_imports; i++) {
			const struct import *im = &o->imports[i];

			if (im->boundary && !im->def_obj)
				printf("# %s: imported%s%s, no prototype here; "
				       "scan the library that defines it (or "
				       "use --deps)\n", im->name,
				       im->library ? " from " : "",
				       im->library ? im->library : "");
		}
		if (!n_rules)
			printf("# no boundary function with a known side\n");
	}
}
