/* scan_main.c: ffican-scan's command line.
 *
 * ffican-scan [options] FILE...: reads each ELF file (and with --deps the
 * non-system shared libraries they need, found through DT_RUNPATH/DT_RPATH
 * with $ORIGIN, LD_LIBRARY_PATH and the usual system directories), and
 * prints a report, a JSON document (--json) or a boundary file
 * (--boundary).  A file that cannot be scanned gets one line on stderr
 * naming it and the problem; the others are still scanned.
 *
 * Exit status: 0 ffican can see the Rust allocations of every object
 * scanned (or there are none), 1 some Rust object's allocations are
 * hidden from it (stripped, LTO without Rust debug information, own
 * #[global_allocator]), 2 bad
 * usage or a file that could not be scanned.
 *
 * Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later.
 */
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "scan.h"

static void usage(FILE *f)
{
	fprintf(f,
"usage: ffican-scan [options] FILE...\n"
"\n"
"Reads x86-64 ELF executables and shared objects (Rust, C, C++) and says\n"
"whether ffican can check their Rust allocations, which languages built\n"
"them, which bindings they link, and which functions cross between Rust\n"
"and C.\n"
"\n"
"options:\n"
"  --json            one JSON document (schema " SCAN_SCHEMA ", see\n"
"                    docs/scan.md) instead of the report\n"
"  --boundary        write a boundary file for ffican's --boundary=FILE\n"
"                    (sides of the boundary functions, proposed buffer\n"
"                    extents) instead of the report\n"
"  --deps            also scan the non-system shared libraries each FILE\n"
"                    needs (DT_NEEDED), and resolve calls between them\n"
"  --max-list=N      rows per list in the report (default 20; 0: all)\n"
"  -v, --verbose     complete lists in the report\n"
"  -h, --help        this text\n"
"  --version         the version\n"
"\n"
"exit status: 0 ffican can see the Rust allocations of every object (or\n"
"there is no Rust code), 1 some Rust object hides them (stripped, LTO\n"
"without Rust debug info, #[global_allocator]), 2 bad usage or a file\n"
"that cannot be scanned.\n");
}

struct run {
	struct object **objs;
	int n, cap;
	struct strlist errors;	/* path, message pairs */
};

static bool already(struct run *r, const char *path)
{
	char real[PATH_MAX];

	if (!realpath(path, real))
		return false;
	for (int i = 0; i < r->n; i++) {
		char other[PATH_MAX];

		if (realpath(r->objs[i]->path, other) &&
		    strcmp(real, other) == 0)
			return true;
	}
	return false;
}

static struct object *scan_one(struct run *r, const char *path)
{
	struct object *obj = xcalloc(1, sizeof(*obj));
	char err[512];

	if (object_open(obj, path, err, sizeof(err)) != 0 ||
	    object_read_elf(obj, err, sizeof(err)) != 0) {
		fprintf(stderr, "ffican-scan: %s: %s\n", path, err);
		strlist_add(&r->errors, path);
		strlist_add(&r->errors, err);
		object_close(obj);
		free(obj->path);
		free(obj);
		return NULL;
	}
	object_read_dwarf(obj);
	object_scan_code(obj);
	object_check_shims(obj);
	object_analyze(obj);
	grow((void **)&r->objs, &r->cap, r->n + 1, sizeof(*r->objs));
	r->objs[r->n++] = obj;
	return obj;
}

/* Where the loader would find lib for obj (NULL: not found). */
static char *find_library(const struct object *obj, const char *lib)
{
	static const char *const sysdirs[] = {
		"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
		"/lib64", "/usr/lib64", "/lib", "/usr/lib",
		"/usr/local/lib", NULL,
	};
	char *origin_buf = xstrdup(obj->path);
	const char *origin = dirname(origin_buf);
	struct strlist dirs = { 0 };
	char *found = NULL;
	const char *llp = getenv("LD_LIBRARY_PATH");

	if (strchr(lib, '/')) {
		free(origin_buf);
		return access(lib, R_OK) == 0 ? xstrdup(lib) : NULL;
	}
	for (int i = 0; i < obj->runpath.n; i++) {
		const char *d = obj->runpath.v[i];

		char *p = NULL;

		if (strncmp(d, "$ORIGIN", 7) == 0)
			p = xasprintf("%s%s", origin, d + 7);
		else if (strncmp(d, "${ORIGIN}", 9) == 0)
			p = xasprintf("%s%s", origin, d + 9);
		strlist_add(&dirs, p ? p : d);
		free(p);
	}
	if (llp) {
		char *copy = xstrdup(llp), *save, *tok;

		for (tok = strtok_r(copy, ":", &save); tok;
		     tok = strtok_r(NULL, ":", &save))
			strlist_add(&dirs, tok);
		free(copy);
	}
	for (int i = 0; sysdirs[i]; i++)
		strlist_add(&dirs, sysdirs[i]);
	for (int i = 0; i < dirs.n && !found; i++) {
		char *p = xasprintf("%s/%s", dirs.v[i], lib);

		if (access(p, R_OK) == 0)
			found = p;
		else
			free(p);
	}
	strlist_free(&dirs);
	free(origin_buf);
	return found;
}

static void scan_deps(struct run *r, int first)
{
	/* breadth first over the objects added so far, and their deps */
	for (int k = first; k < r->n; k++) {
		struct object *obj = r->objs[k];

		for (int i = 0; i < obj->needed.n; i++) {
			const char *lib = obj->needed.v[i];
			char *path;

			if (is_system_library(lib))
				continue;
			path = find_library(obj, lib);
			if (!path) {
				fprintf(stderr, "ffican-scan: %s: needed library "
					"%s not found; not scanned\n",
					obj->path, lib);
				continue;
			}
			if (!already(r, path))
				scan_one(r, path);
			free(path);
		}
	}
}

int main(int argc, char **argv)
{
	static const struct option long_opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "boundary", no_argument, NULL, 'b' },
		{ "deps", no_argument, NULL, 'd' },
		{ "max-list", required_argument, NULL, 'm' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct options opt = { .max_list = 20 };
	struct run r = { 0 };
	int c, status = 0;

	while ((c = getopt_long(argc, argv, "vh", long_opts, NULL)) != -1) {
		switch (c) {
		case 'j':
			opt.json = true;
			break;
		case 'b':
			opt.boundary = true;
			break;
		case 'd':
			opt.deps = true;
			break;
		case 'm': {
			char *end;
			long v = strtol(optarg, &end, 10);

			if (*end || end == optarg || v < 0 || v > 1000000) {
				fprintf(stderr, "ffican-scan: --max-list needs "
					"a number 0-1000000, not '%s'\n",
					optarg);
				return 2;
			}
			opt.max_list = (int)v;
			break;
		}
		case 'v':
			opt.verbose = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("ffican-scan %s (output schema %s)\n",
			       SCAN_VERSION, SCAN_SCHEMA);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (opt.json && opt.boundary) {
		fprintf(stderr, "ffican-scan: --json and --boundary exclude "
			"each other\n");
		return 2;
	}
	if (optind >= argc) {
		fprintf(stderr, "ffican-scan: no FILE given\n");
		usage(stderr);
		return 2;
	}
	if (elf_version(EV_CURRENT) == EV_NONE) {
		fprintf(stderr, "ffican-scan: libelf is too old\n");
		return 2;
	}
	for (int i = optind; i < argc; i++)
		scan_one(&r, argv[i]);
	if (opt.deps)
		scan_deps(&r, 0);
	resolve_across(r.objs, r.n);
	for (int i = 0; i < r.n; i++)
		if (r.objs[i]->rust && !verdict_sees_rust(r.objs[i]->verdict))
			status = 1;
	if (r.errors.n)
		status = 2;
	if (opt.json)
		report_json(r.objs, r.n, &opt, &r.errors, status);
	else if (opt.boundary)
		report_boundary(r.objs, r.n);
	else
		report_text(r.objs, r.n, &opt);
	for (int i = 0; i < r.n; i++)
		object_close(r.objs[i]);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("ffican-scan: writing the output");
		return 2;
	}
	return status;
}
