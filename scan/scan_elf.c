/* scan_elf.c: the ELF side of ffican-scan, through libelf.
 *
 * Opens and checks a file (ELF, 64-bit, x86-64, executable or shared
 * object), then reads: the symbol table (.symtab, else .dynsym) into
 * functions sorted by address; .dynamic (DT_NEEDED, DT_SONAME); imported
 * functions with their symbol versions, and which GOT slot and PLT stub
 * lead to each (from the JUMP_SLOT/GLOB_DAT relocations, and from each
 * PLT stub's own `jmp *slot(%rip)`); .comment and .debug_gdb_scripts.
 *
 * The code scan looks for direct calls and jumps (E8/E9 rel32) whose
 * target is the start of a known function, and indirect ones through a GOT
 * slot (FF 15/FF 25 disp32): no disassembler, so a byte pattern inside
 * another instruction could in principle match, which is why a target must
 * be exactly a function's start or a known slot.  Edges it finds are
 * marked EV_CODE (a guess); DWARF call sites (scan_dwarf.c) are exact.
 *
 * The shims: each Rust allocator symbol is classified by fc_rustsym, and
 * a __rust_* shim's first jump decoded with fc_code_target to see
 * whether it is a plain jump to __rdl_* (the default allocator), the same
 * test the tool makes at run time.
 *
 * Copyright (C) 2026 the ffican authors.  GPL-2.0-or-later.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "scan.h"
#include "fc_rustsym.h"

#define ERR(...) (snprintf(err, errsz, __VA_ARGS__), -1)

int object_open(struct object *obj, const char *path, char *err,
		size_t errsz)
{
	struct stat st;

	memset(obj, 0, sizeof(*obj));
	obj->fd = -1;
	obj->path = xstrdup(path);
	/* the type first: opening a FIFO would wait for a writer */
	if (stat(path, &st) != 0)
		return ERR("cannot open: %s", strerror(errno));
	if (S_ISDIR(st.st_mode))
		return ERR("is a directory, not an ELF file");
	if (!S_ISREG(st.st_mode))
		return ERR("is not a regular file");
	obj->fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (obj->fd < 0)
		return ERR("cannot open: %s", strerror(errno));
	if (fstat(obj->fd, &st) != 0 || !S_ISREG(st.st_mode))
		return ERR("is not a regular file");
	if (st.st_size == 0)
		return ERR("is empty, not an ELF file");
	obj->elf = elf_begin(obj->fd, ELF_C_READ_MMAP, NULL);
	if (!obj->elf)
		return ERR("cannot read as ELF: %s", elf_errmsg(-1));
	switch (elf_kind(obj->elf)) {
	case ELF_K_ELF:
		break;
	case ELF_K_AR:
		return ERR("is an ar archive (a static library); scan the "
			   "program or shared object it is linked into");
	default:
		return ERR("is not an ELF file");
	}
	if (gelf_getclass(obj->elf) != ELFCLASS64)
		return ERR("is a 32-bit ELF object; ffican checks x86-64 "
			   "(64-bit) programs only");
	if (!gelf_getehdr(obj->elf, &obj->ehdr))
		return ERR("has a bad ELF header (truncated?): %s",
			   elf_errmsg(-1));
	if (obj->ehdr.e_machine != EM_X86_64)
		return ERR("is for another machine (ELF e_machine %u); ffican "
			   "checks x86-64 programs only",
			   obj->ehdr.e_machine);
	switch (obj->ehdr.e_type) {
	case ET_EXEC:
		obj->kind = "executable";
		break;
	case ET_DYN:
		obj->kind = "shared-object";	/* PIE: decided later */
		break;
	case ET_REL:
		return ERR("is a relocatable object (.o); scan the linked "
			   "program or shared object");
	case ET_CORE:
		return ERR("is a core dump, not a program");
	default:
		return ERR("has an unknown ELF type %u", obj->ehdr.e_type);
	}
	return 0;
}

void object_close(struct object *obj)
{
	if (obj->dwarf)
		dwarf_end(obj->dwarf);
	if (obj->elf)
		elf_end(obj->elf);
	if (obj->fd >= 0)
		close(obj->fd);
	obj->dwarf = NULL;
	obj->elf = NULL;
	obj->fd = -1;
}

/* ------------------------------------------------------------ lookups */

int func_at(const struct object *obj, uint64_t addr)
{
	int lo = 0, hi = obj->n_funcs - 1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;

		if (obj->funcs[mid].addr < addr)
			lo = mid + 1;
		else if (obj->funcs[mid].addr > addr)
			hi = mid - 1;
		else
			return mid;
	}
	return -1;
}

int func_containing(const struct object *obj, uint64_t addr)
{
	int lo = 0, hi = obj->n_funcs - 1, best = -1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;

		if (obj->funcs[mid].addr <= addr) {
			best = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	if (best >= 0 && addr < obj->funcs[best].addr +
				 (obj->funcs[best].size ?
				  obj->funcs[best].size : 1))
		return best;
	return -1;
}

int func_by_sym(const struct object *obj, const char *sym)
{
	/* Linear: used for the few names DWARF call sites give. */
	for (int i = 0; i < obj->n_funcs; i++)
		if (strcmp(obj->funcs[i].sym, sym) == 0)
			return i;
	return -1;
}

int import_by_name(const struct object *obj, const char *name)
{
	for (int i = 0; i < obj->n_imports; i++)
		if (strcmp(obj->imports[i].name, name) == 0)
			return i;
	return -1;
}

static int map_find(const struct addr_map *m, int n, uint64_t addr)
{
	int lo = 0, hi = n - 1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;

		if (m[mid].addr < addr)
			lo = mid + 1;
		else if (m[mid].addr > addr)
			hi = mid - 1;
		else
			return m[mid].import;
	}
	return -1;
}

/* The bytes of the allocated section holding addr (NOBITS: none). */
const unsigned char *code_at(const struct object *obj, uint64_t addr,
			     uint64_t *avail)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;

	while ((scn = elf_nextscn(obj->elf, scn))) {
		if (!gelf_getshdr(scn, &sh) || !(sh.sh_flags & SHF_ALLOC) ||
		    sh.sh_type == SHT_NOBITS)
			continue;
		if (addr < sh.sh_addr || addr >= sh.sh_addr + sh.sh_size)
			continue;
		Elf_Data *d = elf_getdata(scn, NULL);

		if (!d || !d->d_buf || d->d_size != sh.sh_size)
			return NULL;
		*avail = sh.sh_addr + sh.sh_size - addr;
		return (const unsigned char *)d->d_buf + (addr - sh.sh_addr);
	}
	return NULL;
}

/* ------------------------------------------------------------ symbols */

static int cmp_func(const void *a, const void *b)
{
	const struct func *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	/* aliases: globals first, then sized, then by name */
	if (x->global != y->global)
		return x->global ? -1 : 1;
	if ((x->size != 0) != (y->size != 0))
		return x->size ? -1 : 1;
	return strcmp(x->sym, y->sym);
}

static Elf_Scn *find_section(Elf *elf, const char *name, GElf_Shdr *out)
{
	size_t shstrndx;
	Elf_Scn *scn = NULL;

	if (elf_getshdrstrndx(elf, &shstrndx) != 0)
		return NULL;
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		const char *n;

		if (!gelf_getshdr(scn, &sh))
			continue;
		n = elf_strptr(elf, shstrndx, sh.sh_name);
		if (n && strcmp(n, name) == 0) {
			if (out)
				*out = sh;
			return scn;
		}
	}
	return NULL;
}

static Elf_Scn *find_section_type(Elf *elf, Elf64_Word type,
				  GElf_Shdr *out)
{
	Elf_Scn *scn = NULL;

	while ((scn = elf_nextscn(elf, scn))) {
		if (gelf_getshdr(scn, out) && out->sh_type == type)
			return scn;
	}
	return NULL;
}

/* Adds the defined functions of a symbol table section. */
static int read_symbols(struct object *obj, Elf_Scn *scn, GElf_Shdr *sh,
			bool dynamic, char *err, size_t errsz)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t n;

	if (!d)
		return ERR("has an unreadable symbol table (truncated?): %s",
			   elf_errmsg(-1));
	n = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;
	for (size_t i = 1; i < n; i++) {
		GElf_Sym sym;
		const char *name;
		int t;

		if (!gelf_getsym(d, (int)i, &sym))
			return ERR("has a truncated symbol table");
		t = GELF_ST_TYPE(sym.st_info);
		if ((t != STT_FUNC && t != STT_GNU_IFUNC) ||
		    sym.st_shndx == SHN_UNDEF)
			continue;
		name = elf_strptr(obj->elf, sh->sh_link, sym.st_name);
		if (!name || !*name)
			continue;
		grow((void **)&obj->funcs, &obj->cap_funcs, obj->n_funcs + 1,
		     sizeof(*obj->funcs));
		struct func *f = &obj->funcs[obj->n_funcs++];

		memset(f, 0, sizeof(*f));
		f->sym = xstrdup(name);
		f->addr = sym.st_value;
		f->size = sym.st_size;
		f->cu = -1;
		f->global = GELF_ST_BIND(sym.st_info) != STB_LOCAL;
		f->exported = dynamic && f->global &&
			      GELF_ST_VISIBILITY(sym.st_other) == STV_DEFAULT;
	}
	return 0;
}

/* Marks the functions that .dynsym exports (when .symtab was read). */
static void mark_exports(struct object *obj, Elf_Scn *scn, GElf_Shdr *sh)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t n = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;

	if (!d)
		return;
	for (size_t i = 1; i < n; i++) {
		GElf_Sym sym;
		int t, f;

		if (!gelf_getsym(d, (int)i, &sym))
			return;
		t = GELF_ST_TYPE(sym.st_info);
		if ((t != STT_FUNC && t != STT_GNU_IFUNC) ||
		    sym.st_shndx == SHN_UNDEF ||
		    GELF_ST_BIND(sym.st_info) == STB_LOCAL)
			continue;
		f = func_at(obj, sym.st_value);
		/* the alias with this name, among those at the address */
		while (f > 0 && obj->funcs[f - 1].addr == sym.st_value)
			f--;
		const char *name = elf_strptr(obj->elf, sh->sh_link,
					      sym.st_name);

		for (; f >= 0 && f < obj->n_funcs &&
		       obj->funcs[f].addr == sym.st_value; f++)
			if (name && strcmp(obj->funcs[f].sym, name) == 0)
				obj->funcs[f].exported = true;
	}
}

/* Keeps one function per address (the first after sorting: a global,
 * sized one), merging the exported mark of its aliases. */
static void dedupe_funcs(struct object *obj)
{
	int w = 0;

	qsort(obj->funcs, obj->n_funcs, sizeof(*obj->funcs), cmp_func);
	for (int r = 0; r < obj->n_funcs; r++) {
		if (w > 0 && obj->funcs[w - 1].addr == obj->funcs[r].addr) {
			obj->funcs[w - 1].exported |= obj->funcs[r].exported;
			if (!obj->funcs[w - 1].size)
				obj->funcs[w - 1].size = obj->funcs[r].size;
			free(obj->funcs[r].sym);
			continue;
		}
		obj->funcs[w++] = obj->funcs[r];
	}
	obj->n_funcs = w;
}

/* ------------------------------------------------------------ imports */

struct versions {
	/* version index -> (name, file) from SHT_GNU_verneed */
	const char **name;
	const char **file;
	int n;
};

static void read_verneed(struct object *obj, struct versions *v)
{
	GElf_Shdr sh;
	Elf_Scn *scn = find_section_type(obj->elf, SHT_GNU_verneed, &sh);
	Elf_Data *d;
	size_t off = 0;

	memset(v, 0, sizeof(*v));
	if (!scn || !(d = elf_getdata(scn, NULL)))
		return;
	for (unsigned i = 0; i < sh.sh_info; i++) {
		GElf_Verneed need;
		size_t aoff;

		if (!gelf_getverneed(d, (int)off, &need))
			return;
		aoff = off + need.vn_aux;
		for (unsigned j = 0; j < need.vn_cnt; j++) {
			GElf_Vernaux aux;
			int idx;

			if (!gelf_getvernaux(d, (int)aoff, &aux))
				return;
			idx = aux.vna_other & 0x7fff;
			if (idx < 0x8000) {
				if (idx >= v->n) {
					int n = idx + 1;

					v->name = xrealloc(v->name,
							   n * sizeof(char *));
					v->file = xrealloc(v->file,
							   n * sizeof(char *));
					for (int k = v->n; k < n; k++)
						v->name[k] = v->file[k] = NULL;
					v->n = n;
				}
				v->name[idx] = elf_strptr(obj->elf, sh.sh_link,
							  aux.vna_name);
				v->file[idx] = elf_strptr(obj->elf, sh.sh_link,
							  need.vn_file);
			}
			if (!aux.vna_next)
				break;
			aoff += aux.vna_next;
		}
		if (!need.vn_next)
			break;
		off += need.vn_next;
	}
}

/* Reads the undefined functions of .dynsym into imports; returns the
 * dynsym index -> import index table (-1: not an imported function). */
static int *read_imports(struct object *obj, size_t *n_syms)
{
	GElf_Shdr sh, vsh;
	Elf_Scn *scn = find_section_type(obj->elf, SHT_DYNSYM, &sh);
	Elf_Scn *vscn = find_section_type(obj->elf, SHT_GNU_versym, &vsh);
	Elf_Data *d, *vd = vscn ? elf_getdata(vscn, NULL) : NULL;
	struct versions ver;
	int *map;
	size_t n;

	*n_syms = 0;
	if (!scn || !(d = elf_getdata(scn, NULL)))
		return NULL;
	n = sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;
	map = xmalloc((n + 1) * sizeof(int));
	read_verneed(obj, &ver);
	for (size_t i = 0; i < n; i++) {
		GElf_Sym sym;
		const char *name;
		int t;

		map[i] = -1;
		if (i == 0 || !gelf_getsym(d, (int)i, &sym))
			continue;
		t = GELF_ST_TYPE(sym.st_info);
		if (sym.st_shndx != SHN_UNDEF ||
		    (t != STT_FUNC && t != STT_NOTYPE && t != STT_GNU_IFUNC))
			continue;
		name = elf_strptr(obj->elf, sh.sh_link, sym.st_name);
		if (!name || !*name)
			continue;
		grow((void **)&obj->imports, &obj->cap_imports,
		     obj->n_imports + 1, sizeof(*obj->imports));
		struct import *im = &obj->imports[obj->n_imports];

		memset(im, 0, sizeof(*im));
		im->name = xstrdup(name);
		im->def_func = -1;
		if (vd) {
			GElf_Versym vs;

			if (gelf_getversym(vd, (int)i, &vs)) {
				int idx = vs & 0x7fff;

				if (idx > 1 && idx < ver.n && ver.name[idx]) {
					im->version = xstrdup(ver.name[idx]);
					im->library = xstrdup(ver.file[idx]);
				}
			}
		}
		im->system = import_is_system(im->name, im->version,
					      im->library);
		map[i] = obj->n_imports++;
	}
	free(ver.name);
	free(ver.file);
	*n_syms = n;
	return map;
}

static int cmp_map(const void *a, const void *b)
{
	const struct addr_map *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* GOT slots of imports: JUMP_SLOT and GLOB_DAT relocations. */
static void read_got(struct object *obj, const int *symmap, size_t n_syms)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;

	while ((scn = elf_nextscn(obj->elf, scn))) {
		Elf_Data *d;
		size_t n;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_RELA ||
		    !(d = elf_getdata(scn, NULL)) || !sh.sh_entsize)
			continue;
		n = sh.sh_size / sh.sh_entsize;
		for (size_t i = 0; i < n; i++) {
			GElf_Rela r;
			size_t s;
			int t;

			if (!gelf_getrela(d, (int)i, &r))
				break;
			t = GELF_R_TYPE(r.r_info);
			s = GELF_R_SYM(r.r_info);
			if ((t != R_X86_64_JUMP_SLOT &&
			     t != R_X86_64_GLOB_DAT) ||
			    s >= n_syms || symmap[s] < 0)
				continue;
			grow((void **)&obj->got, &obj->cap_got, obj->n_got + 1,
			     sizeof(*obj->got));
			obj->got[obj->n_got].addr = r.r_offset;
			obj->got[obj->n_got].import = symmap[s];
			obj->n_got++;
		}
	}
	qsort(obj->got, obj->n_got, sizeof(*obj->got), cmp_map);
}

/* PLT stubs: each 16-byte entry of .plt/.plt.sec/.plt.got holding a
 * `jmp *disp32(%rip)` (FF 25) to a known GOT slot. */
static void read_plt(struct object *obj)
{
	static const char *const names[] = { ".plt", ".plt.sec", ".plt.got" };

	for (unsigned k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		GElf_Shdr sh;
		Elf_Scn *scn = find_section(obj->elf, names[k], &sh);
		Elf_Data *d;

		if (!scn || sh.sh_type == SHT_NOBITS ||
		    !(d = elf_getdata(scn, NULL)) || d->d_size != sh.sh_size)
			continue;
		const unsigned char *b = d->d_buf;

		for (uint64_t e = 0; e + 16 <= sh.sh_size; e += 16) {
			for (uint64_t i = e; i + 6 <= e + 16; i++) {
				if (b[i] != 0xFF || b[i + 1] != 0x25)
					continue;
				int32_t disp = (int32_t)((uint32_t)b[i + 2] |
					(uint32_t)b[i + 3] << 8 |
					(uint32_t)b[i + 4] << 16 |
					(uint32_t)b[i + 5] << 24);
				uint64_t slot = sh.sh_addr + i + 6 + disp;
				int im = map_find(obj->got, obj->n_got, slot);

				if (im >= 0) {
					grow((void **)&obj->plt, &obj->cap_plt,
					     obj->n_plt + 1, sizeof(*obj->plt));
					obj->plt[obj->n_plt].addr =
						sh.sh_addr + e;
					obj->plt[obj->n_plt].import = im;
					obj->n_plt++;
				}
				break;
			}
		}
	}
	qsort(obj->plt, obj->n_plt, sizeof(*obj->plt), cmp_map);
}

/* GOT slots holding a local function's address: R_X86_64_RELATIVE
 * relocations of .got slots (PIE, shared objects) or the slot's own
 * contents (position-dependent executables).  Rust code at opt-level 0
 * calls even local functions through such slots. */
static void read_got_local(struct object *obj)
{
	GElf_Shdr gsh, sh;
	Elf_Scn *got = find_section(obj->elf, ".got", &gsh);
	Elf_Scn *scn = NULL;
	Elf_Data *gd;

	if (!got || gsh.sh_type == SHT_NOBITS ||
	    !(gd = elf_getdata(got, NULL)) || gd->d_size != gsh.sh_size)
		return;
	while ((scn = elf_nextscn(obj->elf, scn))) {
		Elf_Data *d;
		size_t n;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_RELA ||
		    !(d = elf_getdata(scn, NULL)) || !sh.sh_entsize)
			continue;
		n = sh.sh_size / sh.sh_entsize;
		for (size_t i = 0; i < n; i++) {
			GElf_Rela r;
			int f;

			if (!gelf_getrela(d, (int)i, &r))
				break;
			if (GELF_R_TYPE(r.r_info) != R_X86_64_RELATIVE ||
			    r.r_offset < gsh.sh_addr ||
			    r.r_offset >= gsh.sh_addr + gsh.sh_size)
				continue;
			f = func_at(obj, (uint64_t)r.r_addend);
			if (f < 0)
				continue;
			grow((void **)&obj->got_local, &obj->cap_got_local,
			     obj->n_got_local + 1, sizeof(*obj->got_local));
			obj->got_local[obj->n_got_local].addr = r.r_offset;
			obj->got_local[obj->n_got_local].import = f;
			obj->n_got_local++;
		}
	}
	if (obj->ehdr.e_type == ET_EXEC) {
		const unsigned char *b = gd->d_buf;

		for (uint64_t o = 0; o + 8 <= gsh.sh_size; o += 8) {
			uint64_t v = 0;
			int f;

			for (int k = 7; k >= 0; k--)
				v = v << 8 | b[o + k];
			f = v ? func_at(obj, v) : -1;
			if (f < 0)
				continue;
			grow((void **)&obj->got_local, &obj->cap_got_local,
			     obj->n_got_local + 1, sizeof(*obj->got_local));
			obj->got_local[obj->n_got_local].addr = gsh.sh_addr + o;
			obj->got_local[obj->n_got_local].import = f;
			obj->n_got_local++;
		}
	}
	qsort(obj->got_local, obj->n_got_local, sizeof(*obj->got_local),
	      cmp_map);
}

/* ------------------------------------------------------------ notes */

static void read_dynamic(struct object *obj)
{
	GElf_Shdr sh;
	Elf_Scn *scn = find_section_type(obj->elf, SHT_DYNAMIC, &sh);
	Elf_Data *d;
	size_t n;
	bool pie = false;

	if (!scn || !(d = elf_getdata(scn, NULL)) || !sh.sh_entsize)
		return;
	n = sh.sh_size / sh.sh_entsize;
	for (size_t i = 0; i < n; i++) {
		GElf_Dyn dyn;
		const char *s;

		if (!gelf_getdyn(d, (int)i, &dyn) || dyn.d_tag == DT_NULL)
			break;
		if (dyn.d_tag == DT_FLAGS_1 && (dyn.d_un.d_val & DF_1_PIE))
			pie = true;
		if (dyn.d_tag != DT_NEEDED && dyn.d_tag != DT_SONAME &&
		    dyn.d_tag != DT_RUNPATH && dyn.d_tag != DT_RPATH)
			continue;
		s = elf_strptr(obj->elf, sh.sh_link, dyn.d_un.d_val);
		if (!s)
			continue;
		if (dyn.d_tag == DT_NEEDED) {
			strlist_add(&obj->needed, s);
		} else if (dyn.d_tag == DT_SONAME) {
			free(obj->soname);
			obj->soname = xstrdup(s);
		} else {
			char *copy = xstrdup(s), *save, *tok;

			for (tok = strtok_r(copy, ":", &save); tok;
			     tok = strtok_r(NULL, ":", &save))
				strlist_add(&obj->runpath, tok);
			free(copy);
		}
	}
	if (obj->ehdr.e_type == ET_DYN && pie)
		obj->kind = "pie-executable";
}

/* NUL-separated strings of a section into a list. */
static void read_strings(struct object *obj, const char *name,
			 struct strlist *out, bool gdb_scripts)
{
	GElf_Shdr sh;
	Elf_Scn *scn = find_section(obj->elf, name, &sh);
	Elf_Data *d;

	if (!scn || sh.sh_type == SHT_NOBITS || !(d = elf_getdata(scn, NULL)))
		return;
	const char *p = d->d_buf, *end = p + d->d_size;

	while (p < end) {
		size_t len = strnlen(p, end - p);

		/* .debug_gdb_scripts entries start with a kind byte */
		if (gdb_scripts && len > 1 && (unsigned char)p[0] < 8)
			strlist_add_unique(out, p + 1);
		else if (!gdb_scripts && len > 0)
			strlist_add_unique(out, p);
		p += len + 1;
	}
}

int object_read_elf(struct object *obj, char *err, size_t errsz)
{
	GElf_Shdr sh, dsh;
	Elf_Scn *symtab, *dynsym;
	size_t shnum, n_syms;
	int *symmap;

	if (elf_getshdrnum(obj->elf, &shnum) != 0)
		return ERR("has unreadable section headers (truncated?): %s",
			   elf_errmsg(-1));
	{
		/* Every section's bytes must be inside the file. */
		Elf_Scn *scn = NULL;
		size_t fsize;

		if (!elf_rawfile(obj->elf, &fsize))
			return ERR("cannot be mapped: %s", elf_errmsg(-1));
		if (obj->ehdr.e_shoff + (uint64_t)obj->ehdr.e_shnum *
					obj->ehdr.e_shentsize > fsize)
			return ERR("is truncated: its section headers end "
				   "past its last byte (%zu bytes)", fsize);
		while ((scn = elf_nextscn(obj->elf, scn))) {
			if (!gelf_getshdr(scn, &sh))
				return ERR("has a bad section header "
					   "(truncated?)");
			if (sh.sh_type != SHT_NOBITS &&
			    sh.sh_offset + sh.sh_size > fsize)
				return ERR("is truncated: a section ends at "
					   "byte %llu, the file has %zu bytes",
					   (unsigned long long)(sh.sh_offset +
								sh.sh_size),
					   fsize);
		}
		if (shnum == 0)
			return ERR("has no section headers; cannot be "
				   "scanned");
	}
	symtab = find_section_type(obj->elf, SHT_SYMTAB, &sh);
	dynsym = find_section_type(obj->elf, SHT_DYNSYM, &dsh);
	obj->has_symtab = symtab != NULL;
	obj->has_dynsym = dynsym != NULL;
	if (symtab && read_symbols(obj, symtab, &sh, false, err, errsz))
		return -1;
	if (!symtab && dynsym &&
	    read_symbols(obj, dynsym, &dsh, true, err, errsz))
		return -1;
	dedupe_funcs(obj);
	if (symtab && dynsym)
		mark_exports(obj, dynsym, &dsh);
	read_dynamic(obj);
	symmap = read_imports(obj, &n_syms);
	if (symmap) {
		read_got(obj, symmap, n_syms);
		free(symmap);
	}
	read_plt(obj);
	read_got_local(obj);
	read_strings(obj, ".comment", &obj->comments, false);
	read_strings(obj, ".debug_gdb_scripts", &obj->gdb_scripts, true);
	for (int i = 0; i < obj->comments.n; i++)
		if (strstr(obj->comments.v[i], "rustc version"))
			obj->rustc_comment = true;
	return 0;
}

/* ------------------------------------------------------------ edges */

static uint64_t edge_key(int caller, int callee)
{
	return ((uint64_t)(uint32_t)caller << 32) | (uint32_t)callee;
}

/* Edges are kept unique with a small open-addressing set. */
static uint64_t *edge_set;
static int *edge_slot;
static size_t edge_set_cap;
static const struct object *edge_set_obj;

void add_edge(struct object *obj, int caller, int callee, unsigned evidence)
{
	uint64_t key = edge_key(caller, callee);
	size_t h;

	if (edge_set_obj != obj || (size_t)obj->n_edges * 2 >= edge_set_cap) {
		size_t cap = edge_set_cap < 1024 ? 1024 : edge_set_cap;

		while ((size_t)obj->n_edges * 2 >= cap)
			cap *= 2;
		free(edge_set);
		free(edge_slot);
		edge_set = xmalloc(cap * sizeof(*edge_set));
		edge_slot = xmalloc(cap * sizeof(*edge_slot));
		memset(edge_slot, 0xff, cap * sizeof(*edge_slot));
		edge_set_cap = cap;
		edge_set_obj = obj;
		for (int i = 0; i < obj->n_edges; i++) {
			uint64_t k = edge_key(obj->edges[i].caller,
					      obj->edges[i].callee);

			h = (k * 0x9E3779B97F4A7C15ull) >> 20;
			while (edge_slot[h % cap] >= 0)
				h++;
			edge_set[h % cap] = k;
			edge_slot[h % cap] = i;
		}
	}
	h = (key * 0x9E3779B97F4A7C15ull) >> 20;
	for (;; h++) {
		size_t s = h % edge_set_cap;

		if (edge_slot[s] < 0) {
			grow((void **)&obj->edges, &obj->cap_edges,
			     obj->n_edges + 1, sizeof(*obj->edges));
			obj->edges[obj->n_edges].caller = caller;
			obj->edges[obj->n_edges].callee = callee;
			obj->edges[obj->n_edges].evidence = evidence;
			edge_set[s] = key;
			edge_slot[s] = obj->n_edges++;
			return;
		}
		if (edge_set[s] == key) {
			obj->edges[edge_slot[s]].evidence |= evidence;
			return;
		}
	}
}

static int32_t rd32(const unsigned char *p)
{
	return (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 |
			 (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
}

/* The callee a code address names: a function start, a PLT stub. */
static int callee_at(const struct object *obj, uint64_t target)
{
	int f = func_at(obj, target);
	int im;

	if (f >= 0)
		return f;
	im = map_find(obj->plt, obj->n_plt, target);
	return im >= 0 ? -im - 1 : INT32_MIN;
}

void object_scan_code(struct object *obj)
{
	for (int i = 0; i < obj->n_funcs; i++) {
		struct func *f = &obj->funcs[i];
		uint64_t avail;
		const unsigned char *c;

		if (!f->size)
			continue;
		c = code_at(obj, f->addr, &avail);
		if (!c)
			continue;
		uint64_t n = f->size < avail ? f->size : avail;

		for (uint64_t k = 0; k + 5 <= n; k++) {
			int callee = INT32_MIN;

			if (c[k] == 0xE8 || c[k] == 0xE9) {
				uint64_t t = f->addr + k + 5 + rd32(c + k + 1);

				if (t != f->addr)
					callee = callee_at(obj, t);
			} else if (c[k] == 0xFF && k + 6 <= n &&
				   (c[k + 1] == 0x15 || c[k + 1] == 0x25)) {
				uint64_t slot = f->addr + k + 6 +
						rd32(c + k + 2);
				int im = map_find(obj->got, obj->n_got, slot);

				if (im >= 0)
					callee = -im - 1;
				else
					callee = map_find(obj->got_local,
							  obj->n_got_local,
							  slot);
				if (callee == -1)
					callee = INT32_MIN;
			} else if ((c[k] == 0x48 || c[k] == 0x4C) &&
				   (c[k + 1] == 0x8B || c[k + 1] == 0x8D) &&
				   k + 9 <= n && (c[k + 2] & 0xC7) == 0x05) {
				/* mov slot(%rip), reg; call *reg (or the lea
				 * the linker relaxes that mov to) */
				int reg = ((c[k + 2] >> 3) & 7) |
					  (c[k] == 0x4C ? 8 : 0);
				uint64_t slot = f->addr + k + 7 +
						rd32(c + k + 3);
				const unsigned char *nx = c + k + 7;
				bool call = reg < 8 ?
					(nx[0] == 0xFF && nx[1] == 0xD0 + reg) :
					(k + 10 <= n && nx[0] == 0x41 &&
					 nx[1] == 0xFF && nx[2] == 0xD0 + reg - 8);

				if (call && c[k + 1] == 0x8D) {
					callee = callee_at(obj, slot);
				} else if (call) {
					int im = map_find(obj->got, obj->n_got,
							  slot);
					int lf = map_find(obj->got_local,
							  obj->n_got_local,
							  slot);

					if (im >= 0)
						callee = -im - 1;
					else if (lf >= 0)
						callee = lf;
				}
			}
			if (callee != INT32_MIN && callee != i)
				add_edge(obj, i, callee, EV_CODE);
		}
	}
}

/* ------------------------------------------------------------ shims */

void object_check_shims(struct object *obj)
{
	for (int i = 0; i < obj->n_funcs; i++) {
		struct func *f = &obj->funcs[i];
		enum fc_shim_op op;
		enum fc_shim_form form = fc_rust_shim(f->sym, &op);

		if (form == FC_SHIM_NONE)
			continue;
		if (form == FC_SHIM_RDL) {
			obj->has_rdl = true;
			continue;
		}
		if (form == FC_SHIM_RG) {
			obj->has_rg = true;
			continue;
		}
		grow((void **)&obj->shims, &obj->cap_shims, obj->n_shims + 1,
		     sizeof(*obj->shims));
		struct shim *s = &obj->shims[obj->n_shims++];
		uint64_t avail;
		const unsigned char *c = code_at(obj, f->addr, &avail);
		unsigned long t;

		memset(s, 0, sizeof(*s));
		s->sym = xstrdup(f->sym);
		s->addr = f->addr;
		s->form = form;
		s->op = op;
		obj->shim_ops |= op;
		obj->shim_form = form;
		enum fc_target_kind k = c ? fc_code_target(c, avail, f->addr,
							   &t, NULL)
					  : FC_TARGET_NONE;

		if (k == FC_TARGET_DIRECT) {
			int tf = func_at(obj, t);
			int im = map_find(obj->plt, obj->n_plt, t);

			s->has_target = true;
			s->target = t;
			if (tf >= 0)
				s->target_sym = xstrdup(obj->funcs[tf].sym);
			else if (im >= 0)
				s->target_sym = xstrdup(obj->imports[im].name);
		} else if (k == FC_TARGET_SLOT) {
			/* through a GOT slot: its local function or import */
			int lf = map_find(obj->got_local, obj->n_got_local, t);
			int im = map_find(obj->got, obj->n_got, t);

			s->has_target = lf >= 0 || im >= 0;
			if (lf >= 0) {
				s->target = obj->funcs[lf].addr;
				s->target_sym = xstrdup(obj->funcs[lf].sym);
			} else if (im >= 0) {
				s->target_sym = xstrdup(obj->imports[im].name);
			}
		}
		s->is_default = s->target_sym &&
				fc_rust_shim(s->target_sym, NULL) ==
					FC_SHIM_RDL;
	}
}

/* Calls found(obj, func, target) for each function whose address func
 * loads with a RIP-relative lea (REX.W 8D /r, mod 00, r/m 101). */
void scan_address_taken(struct object *obj, int func,
			void (*found)(struct object *, int, int))
{
	const struct func *f = &obj->funcs[func];
	uint64_t avail;
	const unsigned char *c;

	if (!f->size || !(c = code_at(obj, f->addr, &avail)))
		return;
	uint64_t n = f->size < avail ? f->size : avail;

	for (uint64_t k = 0; k + 7 <= n; k++) {
		uint64_t a;
		int t;

		if ((c[k] != 0x48 && c[k] != 0x4C) ||
		    (c[k + 1] != 0x8D && c[k + 1] != 0x8B) ||
		    (c[k + 2] & 0xC7) != 0x05)
			continue;
		/* only into an argument register (rdi rsi rdx rcx r8 r9),
		 * and not when the next instruction calls it */
		int reg = ((c[k + 2] >> 3) & 7) | (c[k] == 0x4C ? 8 : 0);

		if (reg != 7 && reg != 6 && reg != 2 && reg != 1 &&
		    reg != 8 && reg != 9)
			continue;
		if (k + 9 <= n && ((c[k + 7] == 0xFF &&
				    c[k + 8] == 0xD0 + (reg & 7)) ||
				   (c[k + 7] == 0x41 && c[k + 8] == 0xFF)))
			continue;
		a = f->addr + k + 7 + rd32(c + k + 3);
		if (c[k + 1] == 0x8D)		/* lea fn(%rip), reg */
			t = func_at(obj, a);
		else				/* mov slot(%rip), reg */
			t = map_find(obj->got_local, obj->n_got_local, a);
		if (t >= 0 && t != func)
			found(obj, func, t);
	}
}
