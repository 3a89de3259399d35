/* scan.h: the data ffican-scan gathers about one ELF object.
 *
 * ffican-scan reads an executable or shared object with libelf (symbols,
 * dynamic section, relocations, code bytes) and libdw (compile units,
 * functions, call sites, prototypes) and says whether ffican can see its
 * Rust allocations, which languages built it, which bindings it links and
 * where its Rust/C boundary runs.  One struct object per file; the parts:
 *   scan_elf.c     opening, checking, symbols, imports, code scan, shims
 *   scan_dwarf.c   compile units, subprograms, call sites, prototypes
 *   scan_analyze.c sides, boundary edges, bindings, verdicts, buffers
 *   scan_report.c  the text report, --json, the boundary file
 *   scan_main.c    options, --deps, exit status
 * Rust symbol knowledge is common/fc_rustsym.c, shared with the tool.
 *
 * Assumes x86-64 ELF (checked when opening).  Memory: the symbol table,
 * one record per compile unit and per function, and the edges found;
 * DWARF is read through libdw's mmap, never copied.
 *
 * Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later.
 */
#ifndef SCAN_H
#define SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <gelf.h>
#include <elfutils/libdw.h>

#define SCAN_VERSION "1.0"
#define SCAN_SCHEMA "ffican-scan/1"

enum lang {
	LANG_UNKNOWN,
	LANG_RUST,
	LANG_C,
	LANG_CXX,
	LANG_ASM,
	LANG_OTHER,
	LANG_COUNT,
};

const char *lang_name(enum lang lang);

/* A parameter or return type as the prototype shows it. */
struct param {
	char *name;		/* NULL when DWARF has none */
	char *type;		/* "unsigned char *", "usize", ... */
	bool is_pointer;
	bool is_integer;	/* an integer passed by value */
	uint64_t pointee_size;	/* 0: unknown or void */
};

struct proto {
	char *ret;		/* "void" when there is no return type */
	struct param *params;
	int n_params;
	bool variadic;
};

/* A proposed buffer extent for a boundary function's argument. */
struct buffer_proposal {
	int ptr;		/* parameter positions */
	int len;
	uint64_t elem_size;	/* 1: bytes */
	const char *why;	/* the rule that matched */
};

struct func {
	char *sym;		/* symbol (linkage) name */
	char *name;		/* DWARF name or the symbol */
	uint64_t addr;
	uint64_t size;
	enum lang lang;
	bool lang_exact;	/* from DWARF (the compile unit) */
	int cu;			/* index in object.cus, -1: none */
	Dwarf_Off die;		/* its DW_TAG_subprogram, 0: none */
	bool global;
	bool exported;		/* defined in .dynsym */
	struct proto *proto;	/* for boundary functions only */
	struct buffer_proposal *buffers;
	int n_buffers;
	/* boundary, filled by analysis */
	unsigned called_from;	/* bit per enum lang of callers, other side */
	unsigned evidence;	/* EV_* bits */
	bool entry_point;	/* exported, callable from outside */
	bool boundary;
};

/* An imported function (undefined in .dynsym, reached via PLT or GOT). */
struct import {
	char *name;
	char *version;		/* GLIBC_2.2.5, ... or NULL */
	char *library;		/* from the version's file, or NULL */
	bool system;		/* libc, libgcc, ... */
	unsigned called_from;	/* bit per enum lang of callers */
	unsigned evidence;
	bool boundary;
	/* resolved with --deps: the object and function defining it */
	struct object *def_obj;
	int def_func;
};

enum evidence {
	EV_DWARF_CALL_SITE = 1,	/* DW_TAG_call_site / GNU_call_site */
	EV_CODE = 2,		/* call/jmp rel32 or via the GOT in code */
	EV_EXPORT = 4,		/* exported from a shared object */
	EV_ADDRESS_TAKEN = 8,	/* its address loaded by other-side code */
};

struct cu {
	char *name;
	char *comp_dir;
	char *producer;
	enum lang lang;
	int dw_lang;		/* DW_AT_language, -1: absent */
	int dw_lang_name;	/* DW_AT_language_name (DWARF 6), -1: absent */
	bool lang_from_producer;
	int version;		/* DWARF version */
	unsigned n_funcs;
	uint64_t code_bytes;
};

/* An address range of a compile unit, for address -> CU lookups. */
struct cu_range {
	uint64_t lo, hi;
	int cu;
};

struct edge {
	int caller;		/* index in funcs */
	int callee;		/* >= 0: funcs index; < 0: -(imports index)-1 */
	unsigned evidence;
};

struct shim {
	char *sym;
	uint64_t addr;
	int form;		/* enum fc_shim_form */
	int op;			/* enum fc_shim_op */
	bool has_target;
	uint64_t target;
	char *target_sym;	/* the symbol at the target, or NULL */
	bool is_default;	/* a plain jump to __rdl_* */
};

enum verdict {
	V_NO_RUST,		/* no Rust code: nothing to see */
	V_VISIBLE,		/* shims visible, default allocator */
	V_GLOBAL_ALLOCATOR,	/* shims lead to a #[global_allocator] */
	V_LTO,			/* some shims inlined away */
	V_LTO_SITES,		/* shims inlined away, debug info: ffican tells
				   Rust's allocations by their call sites */
	V_STRIPPED,		/* no symbol table */
	V_NO_SHIMS,		/* symbols, Rust, but no shim at all */
	V_IMPORTED,		/* shims imported (std as a shared object) */
};

struct finding {
	const char *kind;	/* short word, for --json */
	char *message;
	const char *advice;	/* NULL: none */
};

struct lang_tally {
	unsigned cus;
	unsigned funcs;
	uint64_t bytes;
};

struct strlist {
	char **v;
	int n, cap;
};

struct object {
	char *path;
	int fd;
	Elf *elf;
	Dwarf *dwarf;
	GElf_Ehdr ehdr;
	const char *kind;	/* "executable", "pie-executable", ... */
	char *soname;
	struct strlist needed;
	struct strlist runpath;		/* DT_RUNPATH / DT_RPATH entries */
	struct strlist comments;	/* .comment strings */
	struct strlist gdb_scripts;	/* .debug_gdb_scripts entries */
	bool has_symtab;
	bool has_dynsym;
	bool has_debug_info;		/* .debug_info with units */
	bool rustc_comment;
	struct strlist dwarf_versions;

	struct func *funcs;	/* sorted by address */
	int n_funcs, cap_funcs;
	struct import *imports;
	int n_imports, cap_imports;
	struct cu *cus;
	int n_cus, cap_cus;
	struct cu_range *ranges;
	int n_ranges, cap_ranges;
	struct edge *edges;
	int n_edges, cap_edges;

	/* GOT slot -> import, PLT stub -> import (sorted by address) */
	struct addr_map *got;
	int n_got, cap_got;
	struct addr_map *plt;
	int n_plt, cap_plt;
	/* GOT slot -> local function (its address, relocated or not) */
	struct addr_map *got_local;
	int n_got_local, cap_got_local;

	struct shim *shims;
	int n_shims, cap_shims;
	unsigned shim_ops;	/* __rust_* shim ops present (fc_shim_op bits) */
	int shim_form;		/* form of the __rust_* shims seen */
	bool has_rdl, has_rg;
	bool rust;
	enum verdict verdict;
	struct finding *findings;
	int n_findings, cap_findings;

	struct lang_tally langs[LANG_COUNT];	/* from DWARF: exact */
	struct lang_tally guess[LANG_COUNT];	/* from symbols: guesses */
	struct strlist crates;
	struct strlist sys_crates;
	struct strlist bindings;	/* fc_bindtab.h: "openssl-sys", ... */
	struct strlist binding_evidence;	/* each one's first evidence */
	struct strlist static_c_sources;
	int n_boundary;
};

struct addr_map {
	uint64_t addr;
	int import;
};

struct options {
	bool json;
	bool boundary;
	bool deps;
	bool verbose;
	int max_list;		/* rows per section in the text report */
};

/* scan_util.c */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void grow(void **v, int *cap, int need, size_t size);
void strlist_add(struct strlist *l, const char *s);
bool strlist_has(const struct strlist *l, const char *s);
void strlist_add_unique(struct strlist *l, const char *s);
void strlist_sort(struct strlist *l);
void strlist_free(struct strlist *l);

/* scan_elf.c */
int object_open(struct object *obj, const char *path, char *err,
		size_t errsz);
void object_close(struct object *obj);
int object_read_elf(struct object *obj, char *err, size_t errsz);
int func_at(const struct object *obj, uint64_t addr);	/* start == addr */
int func_containing(const struct object *obj, uint64_t addr);
int func_by_sym(const struct object *obj, const char *sym);
const unsigned char *code_at(const struct object *obj, uint64_t addr,
			     uint64_t *avail);
void object_scan_code(struct object *obj);
void scan_address_taken(struct object *obj, int func,
			void (*found)(struct object *, int, int));
void object_check_shims(struct object *obj);
void add_edge(struct object *obj, int caller, int callee,
	      unsigned evidence);
int import_by_name(const struct object *obj, const char *name);

/* scan_dwarf.c */
void object_read_dwarf(struct object *obj);
struct proto *read_proto(struct object *obj, Dwarf_Off die);

/* scan_analyze.c */
void object_analyze(struct object *obj);
void resolve_across(struct object **objs, int n);
void finding_add(struct object *obj, const char *kind, const char *advice,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));
bool import_is_system(const char *name, const char *version,
		      const char *library);
bool is_system_library(const char *lib);

/* scan_report.c */
void report_text(struct object **objs, int n, const struct options *opt);
void report_json(struct object **objs, int n, const struct options *opt,
		 const struct strlist *errors, int status);
void report_boundary(struct object **objs, int n);
const char *verdict_name(enum verdict v);
bool verdict_sees_rust(enum verdict v);

#endif /* SCAN_H */
