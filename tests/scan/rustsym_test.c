/* rustsym_test.c: unit test of common/fc_rustsym.c on real symbol names
 * (taken from binaries built by Debian's rustc 1.63, stable and nightly
 * rustc, g++) and on near misses that must not match.  Prints one line
 * per failed check and a summary; exit status 1 if any check failed.
 *
 * Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later.
 */
#include <stdio.h>
#include <string.h>
#include "fc_rustsym.h"

static int failures, checks;

static void check_str(const char *what, const char *got, const char *want)
{
	checks++;
	if (strcmp(got, want) != 0) {
		printf("FAIL %s: got '%s', want '%s'\n", what, got, want);
		failures++;
	}
}

static void check_int(const char *what, long got, long want)
{
	checks++;
	if (got != want) {
		printf("FAIL %s: got %ld, want %ld\n", what, got, want);
		failures++;
	}
}

static void scheme(const char *sym, const char *want)
{
	check_str(sym, fc_sym_scheme_name(fc_sym_scheme(sym)), want);
}

static void shim(const char *sym, const char *form, const char *op)
{
	enum fc_shim_op o;
	enum fc_shim_form f = fc_rust_shim(sym, &o);

	check_str(sym, fc_shim_form_name(f), form);
	check_str(sym, fc_shim_op_name(o), op);
}

static void crate(const char *sym, const char *want)
{
	char out[64];
	int n = fc_rust_crate(sym, out, sizeof(out));

	check_str(sym, out, want);
	check_int(sym, n, want[0] ? (long)strlen(want) : -1);
}

int main(void)
{
	char small[4];

	/* mangling schemes */
	scheme("_ZN1a4main17h1854dee5fd9945b4E", "rust-legacy");
	scheme("_ZN3std2rt10lang_start28_$u7b$$u7b$closure$u7d$$u7d$17he39bdf0230cb3880E",
	       "rust-legacy");
	scheme("_ZN3foo3bar17h0123456789abcdefE.llvm.12345", "rust-legacy");
	scheme("_RNvCsfLfy6EI15iL_7___rustc12___rust_alloc", "rust-v0");
	scheme("_RINvNtCs8NwYtU1Mohg_4core3ptr9drop_glueINtNtCsbEht8wFNRx7_5alloc3vec3VechEECskFybzSCucbF_1a",
	       "rust-v0");
	scheme("_ZNSt6vectorIiSaIiEE9push_backERKi", "itanium");
	scheme("_ZN3foo3barEv", "itanium");
	scheme("_ZN3foo3bar17hXYZ456789abcdefE", "itanium");	/* not hex */
	scheme("_Z3addii", "itanium");
	scheme("main", "plain");
	scheme("c_fill_bytes", "plain");
	scheme("_Rust_like", "plain");
	scheme("", "plain");

	/* allocator shims: Debian 1.63 (plain), stable/nightly (v0) */
	shim("__rust_alloc", "plain", "alloc");
	shim("__rust_dealloc", "plain", "dealloc");
	shim("__rust_realloc", "plain", "realloc");
	shim("__rust_alloc_zeroed", "plain", "alloc_zeroed");
	shim("__rdl_alloc", "rdl", "alloc");
	shim("__rdl_alloc_zeroed", "rdl", "alloc_zeroed");
	shim("__rg_dealloc", "rg", "dealloc");
	shim("_RNvCsfLfy6EI15iL_7___rustc12___rust_alloc", "v0-mangled",
	     "alloc");
	shim("_RNvCsfLfy6EI15iL_7___rustc19___rust_alloc_zeroed",
	     "v0-mangled", "alloc_zeroed");
	shim("_RNvCseulmdZsCeCG_7___rustc14___rust_dealloc", "v0-mangled",
	     "dealloc");
	shim("_RNvCsfLfy6EI15iL_7___rustc11___rdl_alloc", "rdl", "alloc");
	shim("_RNvCsfLfy6EI15iL_7___rustc10___rg_alloc", "rg", "alloc");
	shim("_RNvCsfLfy6EI15iL_7___rustc12___rust_alloc.llvm.42",
	     "v0-mangled", "alloc");
	/* near misses */
	shim("__rust_alloc_error_handler", "none", "none");
	shim("_RNvCsfLfy6EI15iL_7___rustc26___rust_alloc_error_handler",
	     "none", "none");
	shim("__rust_alloc_error_handler_should_panic", "none", "none");
	shim("my__rust_alloc", "none", "none");
	shim("_RNvCsfLfy6EI15iL_7___rustc13___rust_alloc", "none", "none");
	shim("_ZN5alloc5alloc12__rust_alloc17h0123456789abcdefE", "none",
	     "none");
	shim("__rust_allocx", "none", "none");
	shim("", "none", "none");

	/* crates */
	crate("_ZN1a4main17h1854dee5fd9945b4E", "a");
	crate("_ZN11openssl_sys4init17h0123456789abcdefE", "openssl_sys");
	crate("_ZN73_$LT$alloc..vec..Vec$LT$T$C$A$GT$$u20$as$u20$core..ops..drop..Drop$GT$4drop17h0123456789abcdefE",
	      "alloc");
	crate("_RNvCsfLfy6EI15iL_7___rustc12___rust_alloc", "__rustc");
	crate("_ZN50_$LT$T$u20$as$u20$core..convert..Into$LT$U$GT$$GT$4into17h0123456789abcdefE",
	      "");	/* a generic, not a crate */
	crate("_ZN44_$LT$char$u20$as$u20$core..fmt..Display$GT$3fmt17h0123456789abcdefE",
	      "");
	crate("_RNvNtCs1234_14libsqlite3_sys5inner4open", "libsqlite3_sys");
	crate("_RINvNtCs8NwYtU1Mohg_4core3ptr9drop_glueINtNtCsbEht8wFNRx7_5alloc3vec3VechEECskFybzSCucbF_1a",
	      "core");
	crate("_RINvMNtNtCs8NwYtU1Mohg_4core3fmt2rtNtB3_8Argument9new_debugINtNtCsbEht8wFNRx7_5alloc3vec3VechEECskFybzSCucbF_1a",
	      "core");
	crate("_RNvXs_NtCs1_8libz_sys1aNtB4_3FooNtNtCs2_4core5clone5Clone5clone",
	      "libz_sys");
	crate("_RNvYNtCs9_7mycrate3FooNtCs8_4core3Bar3baz", "mycrate");
	crate("_RNvYhNtCs8_4core3Bar3baz", "core");
	crate("_RNvB5_3foo", "");		/* back reference out of range */
	crate("_ZN3foo3barEv", "");		/* C++ */
	crate("strlen", "");
	crate("_RNvC", "");			/* truncated */
	crate("_RNvCs123", "");			/* truncated */
	crate("_ZN999999999999a4mainE", "");	/* absurd length */

	/* cut to fit */
	checks++;
	if (fc_rust_crate("_ZN11openssl_sys4init17h0123456789abcdefE", small,
			  sizeof(small)) != 11 || strcmp(small, "ope") != 0) {
		printf("FAIL cut to fit: '%s'\n", small);
		failures++;
	}

	/* jump targets: endbr64 + jmp rel32, jmp rel32, jmp rel8, call */
	{
		static const unsigned char endbr_jmp[] = {
			0xf3, 0x0f, 0x1e, 0xfa, 0xe9, 0x10, 0x00, 0x00, 0x00 };
		static const unsigned char jmp_back[] = {
			0xe9, 0xfb, 0xff, 0xff, 0xff };
		static const unsigned char jmp8[] = { 0xeb, 0x02 };
		static const unsigned char call[] = {
			0xe8, 0x00, 0x00, 0x00, 0x00 };
		unsigned long t = 0;

		check_int("endbr+jmp", fc_jump_target(endbr_jmp, 9, 0x1000, &t),
			  1);
		check_int("endbr+jmp target", (long)t, 0x1000 + 9 + 0x10);
		check_int("jmp back", fc_jump_target(jmp_back, 5, 0x2000, &t), 1);
		check_int("jmp back target", (long)t, 0x2000);
		check_int("jmp8", fc_jump_target(jmp8, 2, 0x3000, &t), 1);
		check_int("jmp8 target", (long)t, 0x3004);
		check_int("call", fc_jump_target(call, 5, 0x1000, &t), 0);
		check_int("short", fc_jump_target(jmp_back, 4, 0x1000, &t), 0);
	}

	/* decoded shims, bytes from real builds (rustc 1.95 and 1.63) */
	{
		/* -C force-frame-pointers=yes: push %rbp; mov %rsp,%rbp;
		 * pop %rbp; jmp __rdl_alloc */
		static const unsigned char fp[] = {
			0x55, 0x48, 0x89, 0xe5, 0x5d, 0xe9, 0x96, 0x5f, 0x01,
			0x00 };
		/* -C code-model=large: lea -7(%rip),%rax; movabs $0x524d8,%rcx;
		 * add %rcx,%rax; movabs $-0x2b308,%rcx; add %rcx,%rax;
		 * jmp *%rax: __rdl_alloc at 0x2efb0, from 0x7de0 */
		static const unsigned char large[] = {
			0x48, 0x8d, 0x05, 0xf9, 0xff, 0xff, 0xff,
			0x48, 0xb9, 0xd8, 0x24, 0x05, 0, 0, 0, 0, 0,
			0x48, 0x01, 0xc8,
			0x48, 0xb9, 0xf8, 0x4c, 0xfd, 0xff, 0xff, 0xff, 0xff,
			0xff,
			0x48, 0x01, 0xc8,
			0xff, 0xe0 };
		/* the same through r8 (__rust_realloc: rcx is an argument) */
		static const unsigned char large_r8[] = {
			0x48, 0x8d, 0x05, 0xf9, 0xff, 0xff, 0xff,
			0x49, 0xb8, 0x78, 0x24, 0x05, 0, 0, 0, 0, 0,
			0x4c, 0x01, 0xc0,
			0x49, 0xb8, 0x68, 0x4d, 0xfd, 0xff, 0xff, 0xff, 0xff,
			0xff,
			0x4c, 0x01, 0xc0,
			0xff, 0xe0 };
		/* a #[global_allocator]'s shim: sub $0x18,%rsp first */
		static const unsigned char galloc[] = {
			0x48, 0x83, 0xec, 0x18, 0x48, 0x89, 0x7c, 0x24, 0x08 };
		/* jmp *slot(%rip), bnd-prefixed, after endbr64 */
		static const unsigned char slot[] = {
			0xf3, 0x0f, 0x1e, 0xfa, 0xf2, 0xff, 0x25, 0x10, 0, 0,
			0 };
		/* nopw %cs:0(%rax,%rax,1); call rel32 */
		static const unsigned char nop_call[] = {
			0x66, 0x2e, 0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0,
			0xe8, 0x00, 0x01, 0x00, 0x00 };
		/* -C lto=thin -C opt-level=0: mov slot(%rip),%rax; jmp *%rax */
		static const unsigned char got_reg[] = {
			0x48, 0x8b, 0x05, 0xd1, 0x77, 0x09, 0x00, 0xff, 0xe0 };
		unsigned long t = 0;
		int call = -1;

		check_int("got reg", fc_code_target(got_reg, sizeof(got_reg),
						    0x11f90, &t, &call),
			  FC_TARGET_SLOT);
		check_int("got reg slot", (long)t, 0xa9768);
		check_int("fp jump", fc_jump_target(fp, sizeof(fp), 0x16490,
						    &t), 1);
		check_int("fp target", (long)t, 0x2c430);
		check_int("large", fc_code_target(large, sizeof(large), 0x7de0,
						  &t, &call), FC_TARGET_DIRECT);
		check_int("large target", (long)t, 0x7de0 + 0x524d8 - 0x2b308);
		check_int("large is a jump", call, 0);
		check_int("large r8", fc_jump_target(large_r8, sizeof(large_r8),
						     0x7e40, &t), 1);
		check_int("large r8 target", (long)t,
			  0x7e40 + 0x52478 - 0x2b298);
		check_int("large cut", fc_code_target(large, sizeof(large) - 1,
						      0x7de0, &t, 0),
			  FC_TARGET_NONE);
		check_int("galloc", fc_code_target(galloc, sizeof(galloc),
						   0x1000, &t, 0),
			  FC_TARGET_NONE);
		check_int("slot", fc_code_target(slot, sizeof(slot), 0x1000,
						 &t, &call), FC_TARGET_SLOT);
		check_int("slot address", (long)t, 0x1000 + 11 + 0x10);
		check_int("slot no jump target",
			  fc_jump_target(slot, sizeof(slot), 0x1000, &t), 0);
		check_int("nop call", fc_code_target(nop_call, sizeof(nop_call),
						     0x1000, &t, &call),
			  FC_TARGET_DIRECT);
		check_int("nop call target", (long)t, 0x1000 + 15 + 0x100);
		check_int("nop call is a call", call, 1);
	}

	/* compiler-generated Rust functions with plain names */
	check_int("__rust_try", fc_rustc_generated("__rust_try"), 1);
	check_int("rust_eh_personality",
		  fc_rustc_generated("rust_eh_personality"), 1);
	check_int("__rdl_alloc", fc_rustc_generated("__rdl_alloc"), 1);
	check_int("__rust_alloc.llvm",
		  fc_rustc_generated("__rust_alloc.llvm.123"), 1);
	check_int("malloc", fc_rustc_generated("malloc"), 0);
	check_int("rust_callback", fc_rustc_generated("rust_callback"), 0);
	check_int("_rust_try", fc_rustc_generated("_rust_try"), 0);

	printf("fc_rustsym: %d checks, %d failed\n", checks, failures);
	return failures ? 1 : 0;
}
