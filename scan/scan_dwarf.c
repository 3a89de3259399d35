/* scan_dwarf.c: the DWARF side of ffican-scan, through libdw.
 *
 * For each compile unit: its language (DW_AT_language, and DWARF 6's
 * DW_AT_language_name where present; the producer string when neither
 * is), producer, name, DWARF version and address ranges.  Then its
 * subprograms with code (a low_pc): each is matched to the symbol at its
 * address, which gives the function its exact compile unit and its DIE
 * (for the prototype, read later only for boundary functions).  Call
 * sites inside them (DW_TAG_call_site, DW_TAG_GNU_call_site) become exact
 * edges to the function their origin names.
 *
 * Limits: DWARF in a separate file (debuglink, build-id) is not looked
 * for; without a symbol table, functions known only to DWARF are not
 * added; type units are skipped (their types are still reached through
 * DW_AT_type references).
 *
 * Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later.
 */
#include <dwarf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scan.h"

#ifndef DW_AT_language_name
#define DW_AT_language_name 0x90	/* DWARF 6 */
#endif
#define DW_LNAME_C_ 0x0003
#define DW_LNAME_CXX_ 0x0004
#define DW_LNAME_RUST_ 0x0019
#define DW_LNAME_ASM_ 0x001d

static enum lang lang_of_dw_lang(int l)
{
	switch (l) {
	case DW_LANG_C89:
	case DW_LANG_C:
	case DW_LANG_C99:
	case DW_LANG_C11:
	case 0x002c:	/* DW_LANG_C17 */
		return LANG_C;
	case DW_LANG_C_plus_plus:
	case DW_LANG_C_plus_plus_03:
	case DW_LANG_C_plus_plus_11:
	case DW_LANG_C_plus_plus_14:
	case 0x002a:	/* DW_LANG_C_plus_plus_17 */
	case 0x002b:	/* DW_LANG_C_plus_plus_20 */
		return LANG_CXX;
	case DW_LANG_Rust:
		return LANG_RUST;
	case DW_LANG_Mips_Assembler:
		return LANG_ASM;
	default:
		return l < 0 ? LANG_UNKNOWN : LANG_OTHER;
	}
}

static enum lang lang_of_lname(int l)
{
	switch (l) {
	case DW_LNAME_C_:
		return LANG_C;
	case DW_LNAME_CXX_:
		return LANG_CXX;
	case DW_LNAME_RUST_:
		return LANG_RUST;
	case DW_LNAME_ASM_:
		return LANG_ASM;
	default:
		return l < 0 ? LANG_UNKNOWN : LANG_OTHER;
	}
}

static enum lang lang_of_producer(const char *p)
{
	if (!p)
		return LANG_UNKNOWN;
	if (strstr(p, "rustc"))
		return LANG_RUST;
	if (strncmp(p, "GNU C++", 7) == 0)
		return LANG_CXX;
	if (strncmp(p, "GNU C", 5) == 0)
		return LANG_C;
	if (strncmp(p, "GNU AS", 6) == 0)
		return LANG_ASM;
	return LANG_UNKNOWN;
}

static const char *attr_string(Dwarf_Die *die, int name)
{
	Dwarf_Attribute a;

	if (!dwarf_attr_integrate(die, name, &a))
		return NULL;
	return dwarf_formstring(&a);
}

static int attr_udata(Dwarf_Die *die, int name)
{
	Dwarf_Attribute a;
	Dwarf_Word w;

	if (!dwarf_attr(die, name, &a) || dwarf_formudata(&a, &w) != 0)
		return -1;
	return (int)(w & 0x7fffffff);
}

static bool attr_ref(Dwarf_Die *die, int name, Dwarf_Die *out)
{
	Dwarf_Attribute a;

	return dwarf_attr_integrate(die, name, &a) &&
	       dwarf_formref_die(&a, out) != NULL;
}

/* ------------------------------------------------------------ names */

/* A hash from symbol name to function index, for call-site origins. */
struct name_index {
	int *slot;
	size_t cap;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

static void index_build(struct name_index *ix, const struct object *obj)
{
	ix->cap = 64;
	while (ix->cap < (size_t)obj->n_funcs * 2)
		ix->cap *= 2;
	ix->slot = xmalloc(ix->cap * sizeof(int));
	memset(ix->slot, 0xff, ix->cap * sizeof(int));
	for (int i = 0; i < obj->n_funcs; i++) {
		size_t h = hash_str(obj->funcs[i].sym) & (ix->cap - 1);

		while (ix->slot[h] >= 0)
			h = (h + 1) & (ix->cap - 1);
		ix->slot[h] = i;
	}
}

static int index_find(const struct name_index *ix, const struct object *obj,
		      const char *name)
{
	size_t h = hash_str(name) & (ix->cap - 1);

	while (ix->slot[h] >= 0) {
		if (strcmp(obj->funcs[ix->slot[h]].sym, name) == 0)
			return ix->slot[h];
		h = (h + 1) & (ix->cap - 1);
	}
	return -1;
}

/* ------------------------------------------------------------ walk */

struct walk {
	struct object *obj;
	struct name_index ix;
	int cu;
};

/* The function or import a call site's origin DIE stands for. */
static int call_target(struct walk *w, Dwarf_Die *origin)
{
	Dwarf_Addr lo;
	const char *name;
	int f;

	if (dwarf_lowpc(origin, &lo) == 0) {
		f = func_at(w->obj, lo);
		if (f >= 0)
			return f;
	}
	name = attr_string(origin, DW_AT_linkage_name);
	if (!name)
		name = attr_string(origin, DW_AT_MIPS_linkage_name);
	if (!name)
		name = attr_string(origin, DW_AT_name);
	if (!name)
		return INT32_MIN;
	f = index_find(&w->ix, w->obj, name);
	if (f >= 0)
		return f;
	f = import_by_name(w->obj, name);
	return f >= 0 ? -f - 1 : INT32_MIN;
}

static void walk_children(struct walk *w, Dwarf_Die *parent, int func,
			  int depth);

static void walk_subprogram(struct walk *w, Dwarf_Die *die, int depth)
{
	Dwarf_Addr lo, hi;
	int f = -1;

	if (dwarf_lowpc(die, &lo) == 0) {
		f = func_at(w->obj, lo);
		if (f >= 0 && w->obj->funcs[f].die == 0) {
			struct func *fn = &w->obj->funcs[f];
			const char *name = attr_string(die, DW_AT_name);

			fn->die = dwarf_dieoffset(die);
			fn->cu = w->cu;
			if (name && !fn->name)
				fn->name = xstrdup(name);
			if (!fn->size && dwarf_highpc(die, &hi) == 0 && hi > lo)
				fn->size = hi - lo;
		}
		w->obj->cus[w->cu].n_funcs++;
	}
	walk_children(w, die, f, depth + 1);
}

static void walk_call_site(struct walk *w, Dwarf_Die *die, int func)
{
	Dwarf_Die origin;
	int callee;

	if (func < 0)
		return;
	if (!attr_ref(die, DW_AT_call_origin, &origin) &&
	    !attr_ref(die, DW_AT_abstract_origin, &origin))
		return;
	callee = call_target(w, &origin);
	if (callee != INT32_MIN && callee != func)
		add_edge(w->obj, func, callee, EV_DWARF_CALL_SITE);
}

static void walk_children(struct walk *w, Dwarf_Die *parent, int func,
			  int depth)
{
	Dwarf_Die child;

	if (depth > 64 || dwarf_child(parent, &child) != 0)
		return;
	do {
		switch (dwarf_tag(&child)) {
		case DW_TAG_subprogram:
			walk_subprogram(w, &child, depth);
			break;
		case DW_TAG_call_site:
		case DW_TAG_GNU_call_site:
			walk_call_site(w, &child, func);
			break;
		case DW_TAG_namespace:
		case DW_TAG_module:
		case DW_TAG_structure_type:
		case DW_TAG_class_type:
		case DW_TAG_union_type:
		case DW_TAG_lexical_block:
		case DW_TAG_inlined_subroutine:
			walk_children(w, &child, func, depth + 1);
			break;
		default:
			break;
		}
	} while (dwarf_siblingof(&child, &child) == 0);
}

static void add_range(struct object *obj, uint64_t lo, uint64_t hi, int cu)
{
	if (hi <= lo)
		return;
	grow((void **)&obj->ranges, &obj->cap_ranges, obj->n_ranges + 1,
	     sizeof(*obj->ranges));
	obj->ranges[obj->n_ranges].lo = lo;
	obj->ranges[obj->n_ranges].hi = hi;
	obj->ranges[obj->n_ranges].cu = cu;
	obj->n_ranges++;
	obj->cus[cu].code_bytes += hi - lo;
}

static int cmp_range(const void *a, const void *b)
{
	const struct cu_range *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static void read_cu(struct walk *w, Dwarf_Die *cudie, int version)
{
	struct object *obj = w->obj;
	struct cu *cu;
	Dwarf_Addr base, lo, hi;
	ptrdiff_t off = 0;
	const char *s;
	char vbuf[16];

	grow((void **)&obj->cus, &obj->cap_cus, obj->n_cus + 1,
	     sizeof(*obj->cus));
	w->cu = obj->n_cus++;
	cu = &obj->cus[w->cu];
	memset(cu, 0, sizeof(*cu));
	s = attr_string(cudie, DW_AT_name);
	cu->name = s ? xstrdup(s) : NULL;
	s = attr_string(cudie, DW_AT_comp_dir);
	cu->comp_dir = s ? xstrdup(s) : NULL;
	s = attr_string(cudie, DW_AT_producer);
	cu->producer = s ? xstrdup(s) : NULL;
	cu->version = version;
	cu->dw_lang = attr_udata(cudie, DW_AT_language);
	cu->dw_lang_name = attr_udata(cudie, DW_AT_language_name);
	if (cu->dw_lang_name >= 0)
		cu->lang = lang_of_lname(cu->dw_lang_name);
	else
		cu->lang = lang_of_dw_lang(cu->dw_lang);
	if (cu->lang == LANG_UNKNOWN) {
		cu->lang = lang_of_producer(cu->producer);
		cu->lang_from_producer = cu->lang != LANG_UNKNOWN;
	}
	snprintf(vbuf, sizeof(vbuf), "%d", version);
	strlist_add_unique(&obj->dwarf_versions, vbuf);
	while ((off = dwarf_ranges(cudie, off, &base, &lo, &hi)) > 0)
		add_range(obj, lo, hi, w->cu);
	walk_children(w, cudie, -1, 0);
}

void object_read_dwarf(struct object *obj)
{
	Dwarf_CU *cu = NULL;
	Dwarf_Die cudie, subdie;
	Dwarf_Half version;
	uint8_t unit_type;
	struct walk w = { .obj = obj };

	obj->dwarf = dwarf_begin_elf(obj->elf, DWARF_C_READ, NULL);
	if (!obj->dwarf)
		return;
	index_build(&w.ix, obj);
	while (dwarf_get_units(obj->dwarf, cu, &cu, &version, &unit_type,
			       &cudie, &subdie) == 0) {
		if (unit_type == DW_UT_type || unit_type == DW_UT_split_type)
			continue;
		if (dwarf_tag(&cudie) != DW_TAG_compile_unit &&
		    dwarf_tag(&cudie) != DW_TAG_partial_unit)
			continue;
		obj->has_debug_info = true;
		read_cu(&w, &cudie, version);
	}
	free(w.ix.slot);
	qsort(obj->ranges, obj->n_ranges, sizeof(*obj->ranges), cmp_range);
}

/* ------------------------------------------------------------ types */

struct type_info {
	bool is_pointer;
	bool is_integer;
	uint64_t pointee_size;
};

/* Skips typedefs and cv qualifiers. */
static bool peel(Dwarf_Die *t, Dwarf_Die *out)
{
	Dwarf_Die cur = *t;

	for (int i = 0; i < 16; i++) {
		int tag = dwarf_tag(&cur);

		if (tag != DW_TAG_typedef && tag != DW_TAG_const_type &&
		    tag != DW_TAG_volatile_type &&
		    tag != DW_TAG_restrict_type &&
		    tag != DW_TAG_atomic_type) {
			*out = cur;
			return true;
		}
		if (!attr_ref(&cur, DW_AT_type, &cur))
			return false;	/* const void */
	}
	return false;
}

static void type_name(Dwarf_Die *t, char *buf, size_t sz, int depth);

/* "RET (*)(P1, P2)" for a pointer to a subroutine type */
static void fn_pointer_name(Dwarf_Die *fn, char *buf, size_t sz, int depth)
{
	Dwarf_Die r, child;
	char part[256];
	size_t n;
	bool first = true;

	if (attr_ref(fn, DW_AT_type, &r))
		type_name(&r, part, sizeof(part), depth + 1);
	else
		snprintf(part, sizeof(part), "void");
	snprintf(buf, sz, "%s (*)(", part);
	if (dwarf_child(fn, &child) == 0) {
		do {
			int tag = dwarf_tag(&child);

			if (tag == DW_TAG_formal_parameter &&
			    attr_ref(&child, DW_AT_type, &r))
				type_name(&r, part, sizeof(part), depth + 1);
			else if (tag == DW_TAG_unspecified_parameters)
				snprintf(part, sizeof(part), "...");
			else
				continue;
			n = strlen(buf);
			snprintf(buf + n, sz - n, "%s%s", first ? "" : ", ",
				 part);
			first = false;
		} while (dwarf_siblingof(&child, &child) == 0);
	}
	n = strlen(buf);
	snprintf(buf + n, sz - n, ")");
}

static void type_name(Dwarf_Die *t, char *buf, size_t sz, int depth)
{
	const char *name = attr_string(t, DW_AT_name);
	Dwarf_Die inner;
	char ibuf[256];
	int tag = dwarf_tag(t);

	if (depth > 8) {
		snprintf(buf, sz, "...");
		return;
	}
	switch (tag) {
	case DW_TAG_pointer_type:
	case DW_TAG_reference_type:
	case DW_TAG_rvalue_reference_type:
		if (name) {
			snprintf(buf, sz, "%s", name);	/* Rust: "*mut u8" */
			return;
		}
		if (attr_ref(t, DW_AT_type, &inner) &&
		    dwarf_tag(&inner) == DW_TAG_subroutine_type) {
			fn_pointer_name(&inner, buf, sz, depth);
			return;
		}
		if (attr_ref(t, DW_AT_type, &inner))
			type_name(&inner, ibuf, sizeof(ibuf), depth + 1);
		else
			snprintf(ibuf, sizeof(ibuf), "void");
		snprintf(buf, sz, "%s %s", ibuf,
			 tag == DW_TAG_pointer_type ? "*" :
			 tag == DW_TAG_reference_type ? "&" : "&&");
		return;
	case DW_TAG_const_type:
	case DW_TAG_volatile_type:
		if (attr_ref(t, DW_AT_type, &inner))
			type_name(&inner, ibuf, sizeof(ibuf), depth + 1);
		else
			snprintf(ibuf, sizeof(ibuf), "void");
		snprintf(buf, sz, "%s %s",
			 tag == DW_TAG_const_type ? "const" : "volatile", ibuf);
		return;
	case DW_TAG_restrict_type:
	case DW_TAG_atomic_type:
		if (attr_ref(t, DW_AT_type, &inner))
			type_name(&inner, buf, sz, depth + 1);
		else
			snprintf(buf, sz, "void");
		return;
	case DW_TAG_structure_type:
	case DW_TAG_union_type:
	case DW_TAG_enumeration_type:
	case DW_TAG_class_type:
		if (name && dwarf_srclang(t) != DW_LANG_Rust &&
		    dwarf_srclang(t) != DW_LANG_C_plus_plus) {
			snprintf(buf, sz, "%s %s",
				 tag == DW_TAG_structure_type ? "struct" :
				 tag == DW_TAG_union_type ? "union" :
				 tag == DW_TAG_enumeration_type ? "enum" :
								  "class",
				 name);
			return;
		}
		break;
	case DW_TAG_array_type:
		if (attr_ref(t, DW_AT_type, &inner))
			type_name(&inner, ibuf, sizeof(ibuf), depth + 1);
		else
			snprintf(ibuf, sizeof(ibuf), "?");
		snprintf(buf, sz, "%s[]", ibuf);
		return;
	case DW_TAG_subroutine_type:
		snprintf(buf, sz, "%s", name ? name : "function");
		return;
	default:
		break;
	}
	snprintf(buf, sz, "%s", name ? name : "?");
}

static void type_info_of(Dwarf_Die *t, struct type_info *ti)
{
	Dwarf_Die p, pointee;
	Dwarf_Attribute a;
	Dwarf_Word enc, size;

	memset(ti, 0, sizeof(*ti));
	if (!peel(t, &p))
		return;
	switch (dwarf_tag(&p)) {
	case DW_TAG_pointer_type:
		ti->is_pointer = true;
		if (attr_ref(&p, DW_AT_type, &pointee) &&
		    peel(&pointee, &pointee) &&
		    dwarf_aggregate_size(&pointee, &size) == 0)
			ti->pointee_size = size;
		break;
	case DW_TAG_base_type:
		if (dwarf_attr(&p, DW_AT_encoding, &a) &&
		    dwarf_formudata(&a, &enc) == 0 &&
		    (enc == DW_ATE_signed || enc == DW_ATE_unsigned ||
		     enc == DW_ATE_signed_char ||
		     enc == DW_ATE_unsigned_char))
			ti->is_integer = true;
		break;
	default:
		break;
	}
}

static void add_param(struct proto *pr, Dwarf_Die *die)
{
	Dwarf_Die t;
	char buf[256];
	struct type_info ti;
	const char *name = attr_string(die, DW_AT_name);

	pr->params = xrealloc(pr->params,
			      (pr->n_params + 1) * sizeof(*pr->params));
	struct param *p = &pr->params[pr->n_params++];

	memset(p, 0, sizeof(*p));
	p->name = name ? xstrdup(name) : NULL;
	if (attr_ref(die, DW_AT_type, &t)) {
		type_name(&t, buf, sizeof(buf), 0);
		type_info_of(&t, &ti);
		p->is_pointer = ti.is_pointer;
		p->is_integer = ti.is_integer;
		p->pointee_size = ti.pointee_size;
	} else {
		snprintf(buf, sizeof(buf), "?");
	}
	p->type = xstrdup(buf);
}

/* Parameters of a subprogram DIE; false if it has none listed. */
static bool read_params(struct proto *pr, Dwarf_Die *die)
{
	Dwarf_Die child;
	bool any = false;

	if (dwarf_child(die, &child) != 0)
		return false;
	do {
		switch (dwarf_tag(&child)) {
		case DW_TAG_formal_parameter:
			add_param(pr, &child);
			any = true;
			break;
		case DW_TAG_unspecified_parameters:
			pr->variadic = true;
			any = true;
			break;
		default:
			break;
		}
	} while (dwarf_siblingof(&child, &child) == 0);
	return any;
}

struct proto *read_proto(struct object *obj, Dwarf_Off off)
{
	Dwarf_Die die, origin, t;
	struct proto *pr;
	char buf[256];

	if (!obj->dwarf || !off || !dwarf_offdie(obj->dwarf, off, &die))
		return NULL;
	pr = xcalloc(1, sizeof(*pr));
	if (attr_ref(&die, DW_AT_type, &t)) {
		type_name(&t, buf, sizeof(buf), 0);
		pr->ret = xstrdup(buf);
	} else {
		pr->ret = xstrdup("void");
	}
	if (!read_params(pr, &die) &&
	    (attr_ref(&die, DW_AT_abstract_origin, &origin) ||
	     attr_ref(&die, DW_AT_specification, &origin)))
		read_params(pr, &origin);
	return pr;
}
