/* fc_rustsym.c: what a symbol name says about Rust (see fc_rustsym.h).
 *
 * Freestanding: only loops over the caller's strings, no libc.  It reads
 * names, it does not demangle them: the legacy scheme is recognised by its
 * `17h<hash>E` ending, v0 by `_R` and an upper-case path tag, and crate
 * names are found by walking just enough of the path grammar (nested
 * paths, generic arguments, impls, back references) to reach its root.
 *
 * Legacy `<T as Trait>` impls give T's crate only when T is a path
 * (`$LT$alloc..vec..Vec$LT$...`), not for generics or primitive types.
 *
 * Limits: v0 paths whose root hides behind a type other than a path or a
 * basic type (a `<[T] as Trait>` impl, say) give no crate; punycode crate
 * names are returned as they are encoded.
 *
 * Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later.
 */
#include "fc_rustsym.h"

static int rs_len(const char *s)
{
	int n = 0;

	while (s[n])
		n++;
	return n;
}

static int rs_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int rs_is_hex(char c)
{
	return rs_is_digit(c) || (c >= 'a' && c <= 'f');
}

static int rs_starts(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return 0;
	return 1;
}

/* Length of sym without a trailing ".llvm.<digits>" (LTO's suffix). */
static int rs_core_len(const char *sym)
{
	int n = rs_len(sym);

	for (int i = 0; i + 6 <= n; i++) {
		if (rs_starts(sym + i, ".llvm.")) {
			int j = i + 6;

			while (j < n && (rs_is_digit(sym[j]) || rs_is_hex(sym[j])))
				j++;
			if (j == n && j > i + 6)
				return i;
		}
	}
	return n;
}

/* Is sym[0..n) a legacy Rust symbol: _ZN ... 17h<16 hex>E ? */
static int rs_is_legacy(const char *sym, int n)
{
	if (n < 3 + 20 || !rs_starts(sym, "_ZN") || sym[n - 1] != 'E')
		return 0;
	if (sym[n - 20] != '1' || sym[n - 19] != '7' || sym[n - 18] != 'h')
		return 0;
	for (int i = n - 17; i < n - 1; i++)
		if (!rs_is_hex(sym[i]))
			return 0;
	return 1;
}

enum fc_sym_scheme fc_sym_scheme(const char *sym)
{
	int n = rs_core_len(sym);

	if (sym[0] == '_' && sym[1] == 'R' &&
	    ((sym[2] >= 'A' && sym[2] <= 'Z') || rs_is_digit(sym[2])))
		return FC_SYM_RUST_V0;
	if (rs_is_legacy(sym, n))
		return FC_SYM_RUST_LEGACY;
	if (sym[0] == '_' && sym[1] == 'Z')
		return FC_SYM_ITANIUM;
	return FC_SYM_PLAIN;
}

const char *fc_sym_scheme_name(enum fc_sym_scheme scheme)
{
	switch (scheme) {
	case FC_SYM_RUST_LEGACY:
		return "rust-legacy";
	case FC_SYM_RUST_V0:
		return "rust-v0";
	case FC_SYM_ITANIUM:
		return "itanium";
	default:
		return "plain";
	}
}

/* ------------------------------------------------------------ shims */

struct rs_shim_name {
	const char *name;
	enum fc_shim_form form;
	enum fc_shim_op op;
};

static const struct rs_shim_name rs_shim_names[] = {
	{ "__rust_alloc", FC_SHIM_PLAIN, FC_SHIM_OP_ALLOC },
	{ "__rust_dealloc", FC_SHIM_PLAIN, FC_SHIM_OP_DEALLOC },
	{ "__rust_realloc", FC_SHIM_PLAIN, FC_SHIM_OP_REALLOC },
	{ "__rust_alloc_zeroed", FC_SHIM_PLAIN, FC_SHIM_OP_ALLOC_ZEROED },
	{ "__rdl_alloc", FC_SHIM_RDL, FC_SHIM_OP_ALLOC },
	{ "__rdl_dealloc", FC_SHIM_RDL, FC_SHIM_OP_DEALLOC },
	{ "__rdl_realloc", FC_SHIM_RDL, FC_SHIM_OP_REALLOC },
	{ "__rdl_alloc_zeroed", FC_SHIM_RDL, FC_SHIM_OP_ALLOC_ZEROED },
	{ "__rg_alloc", FC_SHIM_RG, FC_SHIM_OP_ALLOC },
	{ "__rg_dealloc", FC_SHIM_RG, FC_SHIM_OP_DEALLOC },
	{ "__rg_realloc", FC_SHIM_RG, FC_SHIM_OP_REALLOC },
	{ "__rg_alloc_zeroed", FC_SHIM_RG, FC_SHIM_OP_ALLOC_ZEROED },
};

#define RS_N_SHIM_NAMES \
	((int)(sizeof(rs_shim_names) / sizeof(rs_shim_names[0])))

/* Does s[0..n) equal the NUL-terminated name? */
static int rs_equal_n(const char *s, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (name[i] != s[i])
			return 0;
	return name[i] == 0;
}

/*
 * Is sym[0..n) a v0 path ending in the identifier name: "<len>[_]name"
 * at its end, with len the decimal length of name?
 */
static int rs_v0_ends_with_ident(const char *sym, int n, const char *name)
{
	int len = rs_len(name);
	int p = n - len;
	int end, val, mul;

	if (p < 3 || !rs_equal_n(sym + p, len, name))
		return 0;
	if (sym[p - 1] == '_' && rs_is_digit(sym[p - 2]))
		p--;	/* separator before a name starting with '_' */
	end = p;
	while (p > 2 && rs_is_digit(sym[p - 1]))
		p--;
	if (p == end)
		return 0;
	val = 0;
	mul = 1;
	for (int i = end - 1; i >= p; i--, mul *= 10)
		val += (sym[i] - '0') * mul;
	return val == len;
}

enum fc_shim_form fc_rust_shim(const char *sym, enum fc_shim_op *op)
{
	int n = rs_core_len(sym);
	int v0 = fc_sym_scheme(sym) == FC_SYM_RUST_V0;

	for (int i = 0; i < RS_N_SHIM_NAMES; i++) {
		const struct rs_shim_name *s = &rs_shim_names[i];
		enum fc_shim_form form;

		if (rs_equal_n(sym, n, s->name))
			form = s->form;
		else if (v0 && rs_v0_ends_with_ident(sym, n, s->name))
			form = s->form == FC_SHIM_PLAIN ? FC_SHIM_MANGLED
							: s->form;
		else
			continue;
		if (op)
			*op = s->op;
		return form;
	}
	if (op)
		*op = FC_SHIM_OP_NONE;
	return FC_SHIM_NONE;
}

const char *fc_shim_form_name(enum fc_shim_form form)
{
	switch (form) {
	case FC_SHIM_PLAIN:
		return "plain";
	case FC_SHIM_MANGLED:
		return "v0-mangled";
	case FC_SHIM_RDL:
		return "rdl";
	case FC_SHIM_RG:
		return "rg";
	default:
		return "none";
	}
}

const char *fc_shim_op_name(enum fc_shim_op op)
{
	switch (op) {
	case FC_SHIM_OP_ALLOC:
		return "alloc";
	case FC_SHIM_OP_DEALLOC:
		return "dealloc";
	case FC_SHIM_OP_REALLOC:
		return "realloc";
	case FC_SHIM_OP_ALLOC_ZEROED:
		return "alloc_zeroed";
	default:
		return "none";
	}
}

/* ------------------------------------------------------------ crates */

/* Copies s[0..n) into out (cut to outsz - 1), returns n. */
static int rs_put(const char *s, int n, char *out, int outsz)
{
	int k = 0;

	if (outsz <= 0)
		return n;
	for (; k < n && k < outsz - 1; k++)
		out[k] = s[k];
	out[k] = 0;
	return n;
}

static int rs_fail(char *out, int outsz)
{
	if (outsz > 0)
		out[0] = 0;
	return -1;
}

/* Reads a decimal number at sym[*p], at most 9 digits; -1 if none. */
static int rs_decimal(const char *sym, int n, int *p)
{
	int v = 0, k = 0;

	while (*p < n && rs_is_digit(sym[*p])) {
		if (++k > 9)
			return -1;
		v = v * 10 + (sym[(*p)++] - '0');
	}
	return k ? v : -1;
}

/*
 * Legacy: _ZN <len><ident> ... E.  The crate is the first identifier, or
 * for `_$LT$T$u20$as$u20$Trait$GT$` (and `$LT$...`) the path of T, whose
 * components are separated by "..".
 */
static int rs_legacy_crate(const char *sym, int n, char *out, int outsz)
{
	int p = 3;
	int len = rs_decimal(sym, n, &p);
	int start, end;

	if (len <= 0 || p + len > n)
		return rs_fail(out, outsz);
	start = p;
	end = p + len;
	if (sym[start] == '_' && start + 1 < end && sym[start + 1] == '$')
		start++;
	if (rs_starts(sym + start, "$LT$")) {
		start += 4;
		int i = start;

		while (i < end && sym[i] != '$' && sym[i] != '.')
			i++;
		/* a path (crate..item), not a generic or primitive type */
		if (i == start || i + 1 >= end || sym[i] != '.' ||
		    sym[i + 1] != '.')
			return rs_fail(out, outsz);
		return rs_put(sym + start, i - start, out, outsz);
	}
	return rs_put(sym + start, end - start, out, outsz);
}

static int rs_is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/* Skips a base-62 number ending in '_' at sym[*p]; 0 if malformed. */
static int rs_skip_base62(const char *sym, int n, int *p, long *value)
{
	long v = 0;
	int digits = 0;

	while (*p < n && sym[*p] != '_') {
		char c = sym[*p];
		int d;

		if (rs_is_digit(c))
			d = c - '0';
		else if (c >= 'a' && c <= 'z')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'Z')
			d = c - 'A' + 36;
		else
			return 0;
		if (v < 0x1000000L)	/* large values (hashes) saturate */
			v = v * 62 + d;
		digits++;
		(*p)++;
	}
	if (*p >= n)
		return 0;
	v = digits ? v + 1 : 0;	/* "_" is 0, "0_" is 1, ... */
	(*p)++;
	if (value)
		*value = v;
	return 1;
}

/*
 * The crate root of the v0 path at sym[p]; base is where the path after
 * "_R" (and the version) starts, for back references.  depth bounds the
 * recursion of back references and nesting.
 */
static int rs_v0_crate_at(const char *sym, int n, int p, int base,
			  int depth, char *out, int outsz)
{
	while (p < n && depth < 64) {
		char tag = sym[p];
		long off;
		int len;

		depth++;
		switch (tag) {
		case 'C':	/* crate root: [s<base62>_] <ident> */
			p++;
			if (p < n && sym[p] == 's') {
				p++;
				if (!rs_skip_base62(sym, n, &p, 0))
					return rs_fail(out, outsz);
			}
			if (p < n && sym[p] == 'u')
				p++;
			len = rs_decimal(sym, n, &p);
			if (len <= 0)
				return rs_fail(out, outsz);
			if (p < n && sym[p] == '_')
				p++;
			if (p + len > n)
				return rs_fail(out, outsz);
			return rs_put(sym + p, len, out, outsz);
		case 'N':	/* nested: N <ns> <path> <ident> */
			p += 2;
			break;
		case 'I':	/* generic args: I <path> {<arg>} E */
			p++;
			break;
		case 'M':	/* inherent impl: M <impl-path> <type> */
		case 'X':	/* trait impl: X <impl-path> <type> <path> */
			p++;
			if (p < n && sym[p] == 's') {
				p++;
				if (!rs_skip_base62(sym, n, &p, 0))
					return rs_fail(out, outsz);
			}
			break;
		case 'Y':	/* <type as trait>: Y <type> <path> */
			p++;
			if (p < n && rs_is_lower(sym[p]))
				p++;	/* a basic type: the trait's crate */
			break;
		case 'B':	/* back reference: B <base62> */
			p++;
			if (!rs_skip_base62(sym, n, &p, &off) ||
			    base + off >= n)
				return rs_fail(out, outsz);
			p = base + (int)off;
			break;
		default:
			return rs_fail(out, outsz);
		}
	}
	return rs_fail(out, outsz);
}

int fc_rust_crate(const char *sym, char *out, int outsz)
{
	int n = rs_core_len(sym);
	enum fc_sym_scheme scheme = fc_sym_scheme(sym);
	int p;

	if (scheme == FC_SYM_RUST_LEGACY)
		return rs_legacy_crate(sym, n, out, outsz);
	if (scheme != FC_SYM_RUST_V0)
		return rs_fail(out, outsz);
	p = 2;
	while (p < n && rs_is_digit(sym[p]))
		p++;	/* encoding version */
	return rs_v0_crate_at(sym, n, p, 2, 0, out, outsz);
}

/* ------------------------------------------------------------ code */

/*
 * A decoder of the few x86-64 instructions a shim may start with.  It
 * tracks the values of registers set from constants or from the
 * instruction pointer (the large code model computes addresses so), one
 * bit per register in `known`.
 */
struct rs_decode {
	const unsigned char *code;
	unsigned long avail, addr, at;	/* at: offset of the next byte */
	unsigned long reg[16];
	unsigned known;		/* reg[r] is known */
	unsigned loaded;	/* ... and is the address of a slot that
				   holds r's value (mov disp(%rip),%r) */
};

#define RS_MAX_INSNS 16

static unsigned long rs_le(const unsigned char *p, int n)
{
	unsigned long v = 0;

	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* The signed 32-bit displacement at offset off. */
static long rs_disp32(const struct rs_decode *d, unsigned long off)
{
	return (long)(int)(unsigned int)rs_le(d->code + off, 4);
}

/* Length of a nop (90, 66 90, [66|2E]* 0F 1F /0) at d->at, or 0. */
static unsigned long rs_nop_len(const struct rs_decode *d)
{
	const unsigned char *c = d->code + d->at;
	unsigned long left = d->avail - d->at, p = 0;
	unsigned modrm, mod, rm, len;

	while (p < left && p < 8 && (c[p] == 0x66 || c[p] == 0x2E))
		p++;
	if (p < left && c[p] == 0x90)
		return p + 1;
	if (p + 3 > left || c[p] != 0x0F || c[p + 1] != 0x1F)
		return 0;
	modrm = c[p + 2];
	mod = modrm >> 6;
	rm = modrm & 7;
	len = p + 3;
	if (mod != 3 && rm == 4)
		len++;		/* SIB */
	if (mod == 1)
		len += 1;
	else if (mod == 2 || (mod == 0 && rm == 5))
		len += 4;
	return len <= left ? len : 0;
}

/*
 * Decodes one instruction at d->at.  Returns 1 to go on, 0 to stop with
 * nothing found, 2 when a jump or call was found (*kind, *target, *call).
 */
static int rs_step(struct rs_decode *d, enum fc_target_kind *kind,
		   unsigned long *target, int *call)
{
	const unsigned char *c = d->code + d->at;
	unsigned long left = d->avail - d->at;
	unsigned long next;
	unsigned rex = 0, n;

	if (left == 0)
		return 0;
	if (left >= 4 && c[0] == 0xF3 && c[1] == 0x0F && c[2] == 0x1E &&
	    c[3] == 0xFA) {
		d->at += 4;	/* endbr64 */
		return 1;
	}
	if ((n = rs_nop_len(d)) != 0) {
		d->at += n;
		return 1;
	}
	if (c[0] == 0x55 || c[0] == 0x5D) {
		d->at += 1;	/* push %rbp, pop %rbp */
		return 1;
	}
	if (left >= 3 && c[0] == 0x48 &&
	    ((c[1] == 0x89 && c[2] == 0xE5) || (c[1] == 0x8B && c[2] == 0xEC))) {
		d->at += 3;	/* mov %rsp,%rbp */
		return 1;
	}
	if (c[0] == 0xF2 && left >= 2 && (c[1] == 0xE9 || c[1] == 0xFF)) {
		c++;		/* bnd prefix */
		left--;
		d->at++;
	}
	if ((c[0] == 0xE9 || c[0] == 0xE8) && left >= 5) {
		next = d->addr + d->at + 5;
		*target = next + (unsigned long)rs_disp32(d, d->at + 1);
		*kind = FC_TARGET_DIRECT;
		*call = c[0] == 0xE8;
		return 2;
	}
	if (c[0] == 0xEB && left >= 2) {
		next = d->addr + d->at + 2;
		*target = next + (unsigned long)(long)(signed char)c[1];
		*kind = FC_TARGET_DIRECT;
		*call = 0;
		return 2;
	}
	if (c[0] == 0xFF && left >= 6 && (c[1] == 0x25 || c[1] == 0x15)) {
		next = d->addr + d->at + 6;	/* jmp/call *disp(%rip) */
		*target = next + (unsigned long)rs_disp32(d, d->at + 2);
		*kind = FC_TARGET_SLOT;
		*call = c[1] == 0x15;
		return 2;
	}
	if ((c[0] & 0xF0) == 0x40) {
		rex = c[0];
		c++;
		left--;
	}
	if (left == 0)
		return 0;
	unsigned w = rex & 8, r = rex & 4 ? 8 : 0, b = rex & 1 ? 8 : 0;
	unsigned ilen = rex ? 1 : 0;

	/* jmp *%reg, call *%reg: FF /4, FF /2 with mod 11 */
	if (c[0] == 0xFF && left >= 2 && (c[1] >> 6) == 3 &&
	    (((c[1] >> 3) & 7) == 4 || ((c[1] >> 3) & 7) == 2)) {
		unsigned reg = (c[1] & 7) | b;

		if (!(d->known & 1u << reg))
			return 0;
		*target = d->reg[reg];
		*kind = d->loaded & 1u << reg ? FC_TARGET_SLOT
					      : FC_TARGET_DIRECT;
		*call = ((c[1] >> 3) & 7) == 2;
		return 2;
	}
	if (!w)
		return 0;
	/* lea disp32(%rip),%reg */
	if (c[0] == 0x8D && left >= 6 && (c[1] & 0xC7) == 0x05) {
		unsigned reg = ((c[1] >> 3) & 7) | r;

		next = d->addr + d->at + ilen + 6;
		d->reg[reg] = next + (unsigned long)rs_disp32(d, d->at + ilen + 2);
		d->known |= 1u << reg;
		d->loaded &= ~(1u << reg);
		d->at += ilen + 6;
		return 1;
	}
	/* mov disp32(%rip),%reg: the register holds what the slot holds */
	if (c[0] == 0x8B && left >= 6 && (c[1] & 0xC7) == 0x05) {
		unsigned reg = ((c[1] >> 3) & 7) | r;

		next = d->addr + d->at + ilen + 6;
		d->reg[reg] = next + (unsigned long)rs_disp32(d, d->at + ilen + 2);
		d->known |= 1u << reg;
		d->loaded |= 1u << reg;
		d->at += ilen + 6;
		return 1;
	}
	/* movabs $imm64,%reg */
	if (c[0] >= 0xB8 && c[0] <= 0xBF && left >= 9) {
		unsigned reg = (c[0] - 0xB8) | b;

		d->reg[reg] = rs_le(c + 1, 8);
		d->known |= 1u << reg;
		d->loaded &= ~(1u << reg);
		d->at += ilen + 9;
		return 1;
	}
	/* add %src,%dst (01 /r, mod 11) */
	if (c[0] == 0x01 && left >= 2 && (c[1] >> 6) == 3) {
		unsigned src = ((c[1] >> 3) & 7) | r, dst = (c[1] & 7) | b;

		if ((d->known & 1u << src) && (d->known & 1u << dst) &&
		    !(d->loaded & (1u << src | 1u << dst)))
			d->reg[dst] += d->reg[src];
		else
			d->known &= ~(1u << dst);
		d->at += ilen + 2;
		return 1;
	}
	return 0;
}

enum fc_target_kind fc_code_target(const unsigned char *code,
				   unsigned long avail, unsigned long addr,
				   unsigned long *target, int *is_call)
{
	struct rs_decode d;
	enum fc_target_kind kind = FC_TARGET_NONE;
	int call = 0;

	d.code = code;
	d.avail = avail;
	d.addr = addr;
	d.at = 0;
	d.known = 0;
	d.loaded = 0;
	for (int i = 0; i < RS_MAX_INSNS; i++) {
		int r = rs_step(&d, &kind, target, &call);

		if (r == 0)
			return FC_TARGET_NONE;
		if (r == 2) {
			if (is_call)
				*is_call = call;
			return kind;
		}
	}
	return FC_TARGET_NONE;
}

int fc_jump_target(const unsigned char *code, unsigned long avail,
		   unsigned long addr, unsigned long *target)
{
	unsigned long t;
	int call;

	if (fc_code_target(code, avail, addr, &t, &call) != FC_TARGET_DIRECT ||
	    call)
		return 0;
	*target = t;
	return 1;
}

/* ------------------------------------------------------------ rustc */

int fc_rustc_generated(const char *sym)
{
	static const char *const exact[] = {
		"rust_eh_personality", "rust_begin_unwind", "rust_panic",
	};
	static const char *const prefix[] = { "__rust_", "__rdl_", "__rg_" };
	int n = rs_core_len(sym);

	for (unsigned i = 0; i < sizeof(exact) / sizeof(exact[0]); i++)
		if (rs_equal_n(sym, n, exact[i]))
			return 1;
	for (unsigned i = 0; i < sizeof(prefix) / sizeof(prefix[0]); i++)
		if (rs_starts(sym, prefix[i]))
			return 1;
	return 0;
}
