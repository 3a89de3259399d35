/* fc_bindtab.c: the bindings ffican knows (see fc_bindtab.h).
 *
 * The table lists, for each C library a shipped binding wraps, the start of
 * its file name (matched against a soname or a path's last part, so every
 * version suffix matches) and one function only that library defines,
 * chosen to be exported by every version in use.  GLib and GObject both
 * map to glib-sys: its file covers what either keeps (glib-sys.supp).
 * A binding added to suppressions/ gets a line here when it wraps a C
 * library; a -sys crate is recognised by its name alone.
 *
 * Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later.
 */
#include "fc_bindtab.h"

struct fc_bindtab_entry {
	const char *binding;	/* the -sys package: names its .supp file */
	const char *lib;	/* the library's file name, up to ".so" */
	const char *marker;	/* a function only that library defines */
};

static const struct fc_bindtab_entry fc_bindtab[] = {
	{ "openssl-sys", "libssl.so", "OPENSSL_init_ssl" },
	{ "openssl-sys", "libcrypto.so", "OPENSSL_init_crypto" },
	{ "libsqlite3-sys", "libsqlite3.so", "sqlite3_libversion" },
	{ "libz-sys", "libz.so", "zlibVersion" },
	{ "libgit2-sys", "libgit2.so", "git_libgit2_init" },
	{ "curl-sys", "libcurl.so", "curl_version_info" },
	{ "curl-sys", "libcurl-gnutls.so", 0 },
	{ "glib-sys", "libglib-2.0.so", "glib_check_version" },
	{ "glib-sys", "libgobject-2.0.so", "g_type_register_static" },
	{ "zstd-sys", "libzstd.so", "ZSTD_versionNumber" },
};

#define FC_BINDTAB_N (int)(sizeof(fc_bindtab) / sizeof(fc_bindtab[0]))

static int bt_equal(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static int bt_starts(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return 0;
	return 1;
}

static const char *bt_basename(const char *path)
{
	const char *base = path;

	for (; *path; path++)
		if (*path == '/')
			base = path + 1;
	return base;
}

int fc_binding_of_crate(const char *crate, char *out, int outsz)
{
	int n = 0;

	while (crate[n])
		n++;
	if (n <= 4 || !bt_equal(crate + n - 4, "_sys") || n >= outsz) {
		if (outsz > 0)
			out[0] = 0;
		return -1;
	}
	for (int i = 0; i < n; i++)
		out[i] = crate[i] == '_' ? '-' : crate[i];
	out[n] = 0;
	return n;
}

const char *fc_binding_of_library(const char *lib)
{
	const char *base = bt_basename(lib);

	for (int i = 0; i < FC_BINDTAB_N; i++)
		if (bt_starts(base, fc_bindtab[i].lib))
			return fc_bindtab[i].binding;
	return 0;
}

const char *fc_binding_of_symbol(const char *sym)
{
	for (int i = 0; i < FC_BINDTAB_N; i++)
		if (fc_bindtab[i].marker && bt_equal(sym, fc_bindtab[i].marker))
			return fc_bindtab[i].binding;
	return 0;
}
