/* scan_analyze.c: from what scan_elf.c and scan_dwarf.c read to answers.
 *
 * - The language (side) of each function: its compile unit's (exact), or
 *   the one its symbol's mangling suggests (a guess: Rust for legacy and
 *   v0, C++ for Itanium, C for plain names).
 * - Whether ffican can see the object's Rust allocations: the verdict
 *   follows the tool's own rules (tool/fc_objects.c): both __rust_alloc
 *   and __rust_dealloc present and each a plain jump to __rdl_* is
 *   visible; some shims only is fat LTO; none at all in a Rust object is
 *   stripped (no .symtab) or inlined/dropped; a shim leading elsewhere is
 *   a #[global_allocator].
 * - Bindings: crates from Rust symbols and rustc's CU names (`/@/crate.`),
 *   -sys crates among them; DT_NEEDED libraries; C and C++ compile units.
 * - The boundary: calls whose caller and callee are on different sides
 *   (Rust, C, C++), calls from a side to a non-system import, exported
 *   Rust functions with C names in shared objects (callable from C), and
 *   same-side functions whose address is taken just before crossing
 *   (callbacks, a guess).  For each boundary function defined here its
 *   prototype comes from DWARF, and pointer/length parameter pairs are
 *   proposed as buffer extents from their names and types.
 *
 * Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scan.h"
#include "fc_rustsym.h"
#include "fc_bindtab.h"

const char *lang_name(enum lang lang)
{
	static const char *const names[LANG_COUNT] = {
		"unknown", "Rust", "C", "C++", "assembly", "other",
	};

	return lang < LANG_COUNT ? names[lang] : "unknown";
}

void finding_add(struct object *obj, const char *kind, const char *advice,
		 const char *fmt, ...)
{
	va_list ap;
	struct finding *f;

	grow((void **)&obj->findings, &obj->cap_findings,
	     obj->n_findings + 1, sizeof(*obj->findings));
	f = &obj->findings[obj->n_findings++];
	f->kind = kind;
	f->advice = advice;
	va_start(ap, fmt);
	if (vasprintf(&f->message, fmt, ap) < 0)
		f->message = xstrdup(fmt);
	va_end(ap);
}

static bool has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

bool is_system_library(const char *lib)
{
	static const char *const sys[] = {
		"libc.so", "libm.so", "libpthread.so", "libdl.so", "librt.so",
		"libutil.so", "libgcc_s.so", "ld-linux", "libstdc++.so",
		"libresolv.so", "libanl.so", "libmvec.so", "linux-vdso",
	};

	if (!lib)
		return false;
	for (unsigned i = 0; i < sizeof(sys) / sizeof(sys[0]); i++)
		if (has_prefix(lib, sys[i]))
			return true;
	return false;
}

bool import_is_system(const char *name, const char *version,
		      const char *library)
{
	if (library && is_system_library(library))
		return true;
	if (version && (has_prefix(version, "GLIBC_") ||
			has_prefix(version, "GCC_") ||
			has_prefix(version, "GLIBCXX_") ||
			has_prefix(version, "CXXABI_")))
		return true;
	return has_prefix(name, "_ITM_") || strcmp(name, "__gmon_start__") == 0;
}

/* The side of a language: assembly and unknown code count as C. */
static enum lang side_of(enum lang l)
{
	return l == LANG_RUST || l == LANG_CXX ? l : LANG_C;
}

static enum lang lang_of_symbol(const char *sym)
{
	switch (fc_sym_scheme(sym)) {
	case FC_SYM_RUST_LEGACY:
	case FC_SYM_RUST_V0:
		return LANG_RUST;
	case FC_SYM_ITANIUM:
		return LANG_CXX;
	default:
		return LANG_C;
	}
}

static int cu_of_addr(const struct object *obj, uint64_t addr)
{
	int lo = 0, hi = obj->n_ranges - 1, best = -1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;

		if (obj->ranges[mid].lo <= addr) {
			best = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	/* ranges may nest: look back a little for one that covers addr */
	for (int i = best; i >= 0 && i > best - 8; i--)
		if (addr >= obj->ranges[i].lo && addr < obj->ranges[i].hi)
			return obj->ranges[i].cu;
	return -1;
}

static bool has_rust_cu(const struct object *obj)
{
	for (int i = 0; i < obj->n_cus; i++)
		if (obj->cus[i].lang == LANG_RUST)
			return true;
	return false;
}

static void assign_languages(struct object *obj)
{
	for (int i = 0; i < obj->n_funcs; i++) {
		struct func *f = &obj->funcs[i];

		if (f->cu < 0)
			f->cu = cu_of_addr(obj, f->addr);
		if (f->cu >= 0 && obj->cus[f->cu].lang != LANG_UNKNOWN) {
			f->lang = obj->cus[f->cu].lang;
			f->lang_exact = true;
		} else {
			f->lang = lang_of_symbol(f->sym);
			f->lang_exact = false;
			obj->guess[f->lang].funcs++;
			obj->guess[f->lang].bytes += f->size;
		}
	}
	/* rustc writes a C `main` without DWARF that calls (with LTO:
	 * holds) the Rust main: Rust too, when the object has Rust code */
	int m = func_by_sym(obj, "main");

	if (m >= 0 && !obj->funcs[m].lang_exact &&
	    (obj->guess[LANG_RUST].funcs || obj->rustc_comment ||
	     has_rust_cu(obj))) {
		obj->guess[obj->funcs[m].lang].funcs--;
		obj->guess[obj->funcs[m].lang].bytes -= obj->funcs[m].size;
		obj->funcs[m].lang = LANG_RUST;
		obj->guess[LANG_RUST].funcs++;
		obj->guess[LANG_RUST].bytes += obj->funcs[m].size;
	}
	for (int i = 0; i < obj->n_cus; i++) {
		struct cu *cu = &obj->cus[i];
		struct lang_tally *t = &obj->langs[cu->lang];

		t->cus++;
		t->funcs += cu->n_funcs;
		t->bytes += cu->code_bytes;
	}
}

/* ------------------------------------------------------------ bindings */

/* rustc names a CU "<source>/@/<crate>.<hash>-cgu.<n>" */
static void crate_of_cu_name(const char *name, char *out, size_t sz)
{
	const char *at = name ? strstr(name, "/@/") : NULL;
	size_t n = 0;

	out[0] = 0;
	if (!at)
		return;
	at += 3;
	while (at[n] && at[n] != '.' && at[n] != '/')
		n++;
	if (n && n < sz) {
		memcpy(out, at, n);
		out[n] = 0;
	}
}

/*
 * Newer rustc names a codegen unit by a hash ("0qb8vwc3vufuu7fqrafxqznwh",
 * base 36) instead of "<crate>.<hash>-cgu.<n>": no crate to read there.
 */
static bool is_cgu_hash(const char *c)
{
	int digits = 0, n = 0;

	for (; c[n]; n++) {
		if (isdigit((unsigned char)c[n]))
			digits++;
		else if (!islower((unsigned char)c[n]))
			return false;
	}
	return n >= 20 && digits >= 2;
}

/* The binding named by evidence, once (the first evidence is kept). */
static void add_binding(struct object *obj, const char *name,
			const char *evidence)
{
	if (!name || strlist_has(&obj->bindings, name))
		return;
	strlist_add(&obj->bindings, name);
	strlist_add(&obj->binding_evidence, evidence);
}

/*
 * The bindings the object links, by common/fc_bindtab.c's rules (the ones
 * the tool's --bindings=auto uses): -sys crates; in Rust code, the C
 * libraries it needs or has built in.
 */
static void find_binding_names(struct object *obj)
{
	char name[128], why[256];

	for (int i = 0; i < obj->sys_crates.n; i++) {
		fc_binding_of_crate(obj->sys_crates.v[i], name, sizeof(name));
		snprintf(why, sizeof(why), "crate %s", obj->sys_crates.v[i]);
		add_binding(obj, name, why);
	}
	if (!obj->rust)
		return;
	for (int i = 0; i < obj->needed.n; i++) {
		snprintf(why, sizeof(why), "needs %s", obj->needed.v[i]);
		add_binding(obj, fc_binding_of_library(obj->needed.v[i]), why);
	}
	for (int i = 0; i < obj->n_funcs; i++) {
		snprintf(why, sizeof(why), "defines %s", obj->funcs[i].sym);
		add_binding(obj, fc_binding_of_symbol(obj->funcs[i].sym), why);
	}
}

static void find_bindings(struct object *obj)
{
	struct strlist all = { 0 };
	char crate[128];
	const char *last = "";

	for (int i = 0; i < obj->n_funcs; i++) {
		if (fc_rust_crate(obj->funcs[i].sym, crate, sizeof(crate)) > 0 &&
		    strcmp(crate, last) != 0) {
			strlist_add(&all, crate);
			last = all.v[all.n - 1];
		}
	}
	for (int i = 0; i < obj->n_imports; i++)
		if (fc_rust_crate(obj->imports[i].name, crate,
				  sizeof(crate)) > 0)
			strlist_add(&all, crate);
	for (int i = 0; i < obj->n_cus; i++) {
		struct cu *cu = &obj->cus[i];

		if (cu->lang == LANG_RUST) {
			crate_of_cu_name(cu->name, crate, sizeof(crate));
			if (crate[0])
				strlist_add(&all, crate);
		} else if ((cu->lang == LANG_C || cu->lang == LANG_CXX) &&
			   cu->name) {
			strlist_add_unique(&obj->static_c_sources, cu->name);
		}
	}
	strlist_sort(&all);
	for (int i = 0; i < all.n; i++) {
		if (strcmp(all.v[i], "__rustc") == 0)
			continue;	/* the allocator shims' own "crate" */
		if (i > 0 && strcmp(all.v[i], all.v[i - 1]) == 0)
			continue;
		if (is_cgu_hash(all.v[i]))
			continue;
		strlist_add(&obj->crates, all.v[i]);
		if (fc_binding_of_crate(all.v[i], crate, sizeof(crate)) > 0)
			strlist_add(&obj->sys_crates, all.v[i]);
	}
	strlist_free(&all);
}

/* ------------------------------------------------------------ verdict */

static const char ADVICE_STRIP[] =
	"rebuild without stripping symbols: -C strip=none (Cargo: "
	"strip = false in the profile); a distribution's stripped binary "
	"cannot be checked for Rust allocator rules";
static const char ADVICE_LTO[] =
	"rebuild with debug info (-C debuginfo=1; Cargo: debug = 1) or with "
	"thin or no LTO: -C lto=thin or -C lto=off (Cargo: lto = \"thin\" or "
	"lto = false in the profile)";
static const char ADVICE_LTO_SITES[] =
	"for every check (a Layout's alignment, releases through function "
	"pointers or tail calls): -C lto=thin at opt-level 0 or -C lto=off "
	"(Cargo: lto = false in the profile)";
static const char ADVICE_GA[] =
	"to check Rust's allocator rules, run a build without the "
	"#[global_allocator] (for example behind a cargo feature); ffican "
	"still checks the C side and sees what the allocator calls";

/* Does the object have debug information for Rust code of its own, not
   only for the standard library rustc ships precompiled (compile
   directory /rustc/<hash> or /rust/deps/..., sources under library/)?
   The tool needs it to tell the program's inlined allocations apart. */
static bool own_rust_debug_info(const struct object *obj)
{
	for (int i = 0; i < obj->n_cus; i++) {
		const struct cu *cu = &obj->cus[i];

		if (cu->lang != LANG_RUST)
			continue;
		if (cu->comp_dir && (strncmp(cu->comp_dir, "/rustc/", 7) == 0 ||
				     strncmp(cu->comp_dir, "/rust/", 6) == 0))
			continue;
		if (cu->name && strstr(cu->name, "library/") == cu->name)
			continue;
		return true;
	}
	return false;
}

/* Shims inlined away by LTO in an object with debug information: the
   tool reads the inlined callers of its malloc/free calls
   (tool/fc_allocsite.c) and tells Rust's allocations apart by them. */
static void lto_sites(struct object *obj, const char *ops)
{
	obj->verdict = V_LTO_SITES;
	finding_add(obj, "lto-sites", ADVICE_LTO_SITES,
		    "LTO inlined the allocator shims (surviving: %s); ffican "
		    "tells Rust's allocations apart by the inlined callers "
		    "of each malloc/free call in the debug information, "
		    "without the Layout's alignment, and accepts either "
		    "release where a call goes through a pointer or a tail "
		    "call", ops);
}

/* A GlobalAlloc implementation the shim at addr calls, if the code
 * scan saw one (its symbol names the trait). */
static const char *global_alloc_callee(const struct object *obj,
				       uint64_t addr)
{
	int f = func_at(obj, addr);

	for (int i = 0; f >= 0 && i < obj->n_edges; i++) {
		const struct edge *e = &obj->edges[i];

		if (e->caller == f && e->callee >= 0 &&
		    strstr(obj->funcs[e->callee].sym, "GlobalAlloc"))
			return obj->funcs[e->callee].sym;
	}
	return NULL;
}

/*
 * With -C prefer-dynamic (and in rustc itself) the shims live in the
 * shared libstd-*.so and the object imports them: ffican sees them there.
 */
static bool imports_shims(const struct object *obj)
{
	const unsigned core = FC_SHIM_OP_ALLOC | FC_SHIM_OP_DEALLOC;
	unsigned ops = 0;
	enum fc_shim_op op;

	for (int i = 0; i < obj->n_imports; i++)
		if (fc_rust_shim(obj->imports[i].name, &op) != FC_SHIM_NONE)
			ops |= op;
	return (ops & core) == core;
}

static void decide_verdict(struct object *obj)
{
	const unsigned core = FC_SHIM_OP_ALLOC | FC_SHIM_OP_DEALLOC;
	bool rust_code = obj->langs[LANG_RUST].cus > 0 ||
			 obj->guess[LANG_RUST].funcs > 0;
	bool rust_mark = obj->rustc_comment;

	for (int i = 0; i < obj->gdb_scripts.n; i++)
		if (strstr(obj->gdb_scripts.v[i], "rust"))
			rust_mark = true;
	obj->rust = rust_code || rust_mark || obj->n_shims > 0 ||
		    obj->has_rdl || obj->has_rg;
	if (!obj->rust) {
		obj->verdict = V_NO_RUST;
		return;
	}
	if ((obj->shim_ops & core) == core) {
		char ops[128] = "", where[256] = "";

		obj->verdict = V_VISIBLE;
		for (int i = 0; i < obj->n_shims; i++) {
			struct shim *s = &obj->shims[i];
			size_t n = strlen(ops);

			if (s->is_default)
				continue;
			obj->verdict = V_GLOBAL_ALLOCATOR;
			snprintf(ops + n, sizeof(ops) - n, "%s%s", n ? ", " : "",
				 fc_shim_op_name(s->op));
			if (!where[0] && s->has_target)
				snprintf(where, sizeof(where), "jumps to %s",
					 s->target_sym ? s->target_sym :
					 "an unnamed address");
			if (!where[0]) {
				const char *ga = global_alloc_callee(obj, s->addr);

				if (ga)
					snprintf(where, sizeof(where),
						 "calls %s", ga);
			}
		}
		if (!where[0])
			snprintf(where, sizeof(where), "%s",
				 obj->has_rg ? "calls a #[global_allocator]'s "
					       "__rg_* entry points" :
					       "is not a plain jump");
		if (obj->verdict == V_GLOBAL_ALLOCATOR)
			finding_add(obj, "global-allocator", ADVICE_GA,
				    "the allocator shims (%s) do not lead to "
				    "Rust's default allocator (__rdl_*): the "
				    "first %s; a #[global_allocator] replaces "
				    "it, so ffican runs the shims as they are "
				    "and sees only what they call", ops, where);
		return;
	}
	if (obj->shim_ops) {
		char ops[128] = "";

		for (unsigned op = 1; op <= FC_SHIM_OP_ALLOC_ZEROED; op <<= 1) {
			size_t n = strlen(ops);

			if (obj->shim_ops & op)
				snprintf(ops + n, sizeof(ops) - n, "%s%s",
					 n ? ", " : "", fc_shim_op_name(op));
		}
		if (own_rust_debug_info(obj)) {
			lto_sites(obj, ops);
			return;
		}
		obj->verdict = V_LTO;
		finding_add(obj, "lto", ADVICE_LTO,
			    "only some allocator shims survive (%s): the "
			    "others were inlined away (fat LTO?) and its Rust "
			    "code has no debug info to tell them apart, so "
			    "ffican runs the survivors as they are and cannot "
			    "check Rust allocations", ops);
		return;
	}
	if (!obj->has_symtab) {
		obj->verdict = V_STRIPPED;
		finding_add(obj, "stripped", ADVICE_STRIP,
			    "Rust object (%s) without a symbol table: "
			    "stripped, so ffican cannot find Rust's "
			    "allocator shims and sees its allocations as "
			    "plain malloc/free",
			    obj->rustc_comment ? "rustc in .comment" :
			    rust_code ? "Rust code" : ".debug_gdb_scripts");
		return;
	}
	if (imports_shims(obj)) {
		obj->verdict = V_IMPORTED;
		return;
	}
	if (own_rust_debug_info(obj)) {
		lto_sites(obj, "none");
		return;
	}
	obj->verdict = V_NO_SHIMS;
	finding_add(obj, "no-shims", ADVICE_LTO,
		    "Rust object with a symbol table but no allocator shim: "
		    "fat LTO inlined them all, or the linker dropped them, "
		    "so ffican sees its allocations as plain malloc/free");
}

const char *verdict_name(enum verdict v)
{
	switch (v) {
	case V_NO_RUST:
		return "no-rust";
	case V_VISIBLE:
		return "visible";
	case V_GLOBAL_ALLOCATOR:
		return "global-allocator";
	case V_LTO:
		return "lto";
	case V_LTO_SITES:
		return "lto-sites";
	case V_STRIPPED:
		return "stripped";
	case V_IMPORTED:
		return "imported";
	default:
		return "no-shims";
	}
}

bool verdict_sees_rust(enum verdict v)
{
	return v == V_VISIBLE || v == V_IMPORTED || v == V_LTO_SITES;
}

/* ------------------------------------------------------------ boundary */

static enum lang callee_side(const struct object *obj, int callee,
			     bool *system)
{
	*system = false;
	if (callee >= 0)
		return side_of(obj->funcs[callee].lang);
	const struct import *im = &obj->imports[-callee - 1];

	*system = im->system;
	return side_of(lang_of_symbol(im->name));
}

/* Functions the runtime itself calls across languages: never reported. */
static bool is_runtime_name(const char *s)
{
	return has_prefix(s, "__rust_") || has_prefix(s, "__rdl_") ||
	       has_prefix(s, "__rg_") || has_prefix(s, "rust_eh_") ||
	       has_prefix(s, "rust_begin_unwind") || strcmp(s, "_start") == 0 ||
	       strcmp(s, "_init") == 0 || strcmp(s, "_fini") == 0 ||
	       has_prefix(s, "_GLOBAL_") || has_prefix(s, "__libc_") ||
	       strcmp(s, "frame_dummy") == 0 ||
	       strcmp(s, "register_tm_clones") == 0 ||
	       strcmp(s, "deregister_tm_clones") == 0 ||
	       strcmp(s, "__do_global_dtors_aux") == 0;
}

static bool callee_is_runtime(const struct object *obj, int callee)
{
	return is_runtime_name(callee >= 0 ? obj->funcs[callee].sym :
				obj->imports[-callee - 1].name);
}

static void mark_callback(struct object *obj, int func, int target)
{
	struct func *t = &obj->funcs[target];
	struct func *f = &obj->funcs[func];

	if (side_of(t->lang) != side_of(f->lang) || t->boundary ||
	    is_runtime_name(t->sym) || !t->lang_exact)
		return;
	/* f crosses to some other side: that side may call t back */
	for (int s = 0; s < LANG_COUNT; s++)
		if (f->evidence & (1u << 16 << s))
			t->called_from |= 1u << s;
	if (!t->called_from)
		return;
	t->boundary = true;
	t->evidence |= EV_ADDRESS_TAKEN;
}

static void find_boundary(struct object *obj)
{
	bool shared = obj->ehdr.e_type == ET_DYN &&
		      strcmp(obj->kind, "pie-executable") != 0;

	for (int i = 0; i < obj->n_edges; i++) {
		struct edge *e = &obj->edges[i];
		struct func *caller = &obj->funcs[e->caller];
		enum lang from = side_of(caller->lang);
		bool system;
		enum lang to = callee_side(obj, e->callee, &system);

		if (system || is_runtime_name(caller->sym) ||
		    callee_is_runtime(obj, e->callee))
			continue;
		if (e->callee < 0) {	/* for --deps: who calls the import */
			obj->imports[-e->callee - 1].called_from |= 1u << from;
			obj->imports[-e->callee - 1].evidence |= e->evidence;
		}
		if (from == to)
			continue;
		if (e->callee >= 0) {
			struct func *f = &obj->funcs[e->callee];

			f->boundary = true;
			f->called_from |= 1u << from;
			f->evidence |= e->evidence;
		} else {
			struct import *im = &obj->imports[-e->callee - 1];

			im->boundary = true;
			im->evidence |= e->evidence;
		}
		/* remember on the caller which sides it calls (bits 16+) */
		caller->evidence |= 1u << 16 << to;
	}
	/* callbacks: same-side functions whose address a crossing caller
	 * loads */
	for (int i = 0; i < obj->n_funcs; i++)
		if (obj->funcs[i].evidence >> 16)
			scan_address_taken(obj, i, mark_callback);
	if (shared) {
		for (int i = 0; i < obj->n_funcs; i++) {
			struct func *f = &obj->funcs[i];

			if (!f->exported || f->lang != LANG_RUST ||
			    fc_sym_scheme(f->sym) != FC_SYM_PLAIN ||
			    is_runtime_name(f->sym))
				continue;
			f->boundary = true;
			f->entry_point = true;
			f->evidence |= EV_EXPORT;
			f->called_from |= 1u << LANG_C;
		}
	}
	for (int i = 0; i < obj->n_funcs; i++) {
		obj->funcs[i].evidence &= 0xffff;
		if (obj->funcs[i].boundary)
			obj->n_boundary++;
	}
	for (int i = 0; i < obj->n_imports; i++)
		if (obj->imports[i].boundary)
			obj->n_boundary++;
}

/* ------------------------------------------------------------ buffers */

static bool name_in(const char *n, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(n, *list) == 0)
			return true;
	return false;
}

static const char *const generic_len[] = {
	"len", "length", "size", "n", "count", "cnt", "num", "nbytes",
	"nmemb", "nelem", "nelems", "nitems", "sz", "bytes", "cap",
	"capacity", "buflen", "buf_len", "bufsize", "buf_size", "size_bytes",
	"num_bytes", "n_bytes", "len_bytes", NULL,
};

static const char *const bufferish[] = {
	"buf", "buffer", "data", "ptr", "p", "dst", "dest", "src", "source",
	"out", "output", "in", "input", "bytes", "mem", "b", "d", "v", "vec",
	"arr", "array", "items", "elems", "values", "vals", "recs",
	"records", "base", "addr", "block", "chunk", "outbuf", "inbuf",
	"target", NULL,
};

static bool names_pair(const char *p, const char *l)
{
	static const char *const suffixes[] = {
		"_len", "len", "_size", "size", "_length", "length", "_count",
		"count", "_n", "_bytes", "_cap", "cap", "_sz", NULL,
	};
	static const char *const prefixes[] = {
		"n", "n_", "num_", "len_", "nb_", NULL,
	};
	size_t pl = strlen(p);

	for (int i = 0; suffixes[i]; i++)
		if (strncmp(l, p, pl) == 0 && strcmp(l + pl, suffixes[i]) == 0)
			return true;
	for (int i = 0; prefixes[i]; i++) {
		size_t k = strlen(prefixes[i]);

		if (strncmp(l, prefixes[i], k) == 0 && strcmp(l + k, p) == 0)
			return true;
	}
	return false;
}

static bool counts_bytes(const char *l)
{
	return strstr(l, "byte") || strcmp(l, "size") == 0 ||
	       strcmp(l, "sz") == 0 || strstr(l, "bufsize") ||
	       strstr(l, "buf_size") || strstr(l, "_size");
}

static void propose(struct func *f, int ptr, int len, const char *why)
{
	const struct param *p = &f->proto->params[ptr];
	const struct param *l = &f->proto->params[len];

	f->buffers = xrealloc(f->buffers,
			      (f->n_buffers + 1) * sizeof(*f->buffers));
	struct buffer_proposal *b = &f->buffers[f->n_buffers++];

	b->ptr = ptr;
	b->len = len;
	b->why = why;
	b->elem_size = 1;
	if (p->pointee_size > 1 && !counts_bytes(l->name))
		b->elem_size = p->pointee_size;
}

static void propose_buffers(struct func *f)
{
	struct proto *pr = f->proto;
	int n = pr->n_params < 6 ? pr->n_params : 6;
	int n_ptrs = 0;

	for (int i = 0; i < n; i++)
		if (pr->params[i].is_pointer && pr->params[i].name)
			n_ptrs++;
	for (int i = 0; i < n; i++) {
		const struct param *p = &pr->params[i];
		int best = -1;
		const char *why = NULL;

		if (!p->is_pointer || !p->name)
			continue;
		for (int j = 0; j < n && best < 0; j++) {
			const struct param *l = &pr->params[j];

			if (j != i && l->is_integer && l->name &&
			    names_pair(p->name, l->name)) {
				best = j;
				why = "its own length (name pair)";
			}
		}
		if (best < 0 && (n_ptrs == 1 || name_in(p->name, bufferish))) {
			/* the nearest generic length after it, else before */
			for (int j = i + 1; j < n && best < 0; j++)
				if (pr->params[j].is_integer &&
				    pr->params[j].name &&
				    name_in(pr->params[j].name, generic_len))
					best = j;
			for (int j = i - 1; j >= 0 && best < 0; j--)
				if (pr->params[j].is_integer &&
				    pr->params[j].name &&
				    name_in(pr->params[j].name, generic_len))
					best = j;
			why = "a length parameter by its name";
		}
		if (best >= 0)
			propose(f, i, best, why);
	}
	/* an argument cannot be both a buffer and a length */
	for (int a = 0; a < f->n_buffers; a++)
		for (int b = 0; b < f->n_buffers; b++)
			if (f->buffers[a].len == f->buffers[b].ptr) {
				f->n_buffers = 0;
				return;
			}
}

void object_analyze(struct object *obj)
{
	assign_languages(obj);
	find_bindings(obj);
	decide_verdict(obj);
	find_binding_names(obj);
	find_boundary(obj);
	for (int i = 0; i < obj->n_funcs; i++) {
		struct func *f = &obj->funcs[i];

		if (!f->boundary || !f->die)
			continue;
		f->proto = read_proto(obj, f->die);
		if (f->proto && f->called_from)
			propose_buffers(f);
	}
}

/* With --deps: an import of one object that another scanned object
 * defines (and exports) is resolved to it, so that the defining side and
 * the prototype are known and the function counts as a boundary function
 * of the defining object too. */
void resolve_across(struct object **objs, int n)
{
	for (int a = 0; a < n; a++) {
		struct object *o = objs[a];

		for (int i = 0; i < o->n_imports; i++) {
			struct import *im = &o->imports[i];

			for (int b = 0; b < n && !im->def_obj; b++) {
				struct object *d = objs[b];

				if (d == o)
					continue;
				for (int k = 0; k < d->n_funcs; k++) {
					struct func *f = &d->funcs[k];

					if (!f->exported ||
					    strcmp(f->sym, im->name) != 0)
						continue;
					im->def_obj = d;
					im->def_func = k;
					break;
				}
			}
			if (!im->def_obj || !im->called_from)
				continue;
			struct func *f = &im->def_obj->funcs[im->def_func];

			if (!(im->called_from & ~(1u << side_of(f->lang))))
				continue;	/* same side on both ends */
			if (!im->boundary)
				o->n_boundary++;
			im->boundary = true;
			if (!f->boundary)
				im->def_obj->n_boundary++;
			f->boundary = true;
			f->called_from |= im->called_from &
					  ~(1u << side_of(f->lang));
			f->evidence |= EV_EXPORT;
			if (!f->proto && f->die) {
				f->proto = read_proto(im->def_obj, f->die);
				if (f->proto && f->called_from)
					propose_buffers(f);
			}
		}
	}
}
