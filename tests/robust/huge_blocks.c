/* Huge blocks (issue 17, item 4): calloc(1, 8 GiB) must cost neither
   8 GB of memory nor a minute, and the shortcuts that make it cheap
   (zeros from the kernel instead of written zeros; a shared shadow for a
   whole released 64 KiB) must not change what is reported.

   Usage: huge_blocks zero | uaf | uaf_fixed | reuse | reuse_fixed
     zero        blocks filled with 0xAB and released until the arena
                 reuses their memory, then calloc'd blocks over it: every
                 byte must read 0; then calloc(1, 8 GiB), touched at both
                 ends and the middle.  A correct program: no report.
     uaf         a 16 MiB block (under the quarantine's 20 MB) read after its release: UseAfterFree.
     uaf_fixed   the same read before the release: clean.
     reuse       a 64 MiB block released, the quarantine flushed, then a
                 new malloc'd 64 MiB block (undefined) over the same
                 memory branched on before it is written: UninitRead.
     reuse_fixed the new block written first: clean. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MiB ((size_t)1 << 20)

static int check_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i += 61)   /* every page, several times */
        if (p[i] != 0)
            return 0;
    return p[n - 1] == 0;
}

static int do_zero(void)
{
    int ok = 1;
    for (int round = 0; round < 12; round++) {
        unsigned char *dirty = malloc(8 * MiB + 100);
        if (!dirty)
            return 1;
        memset(dirty, 0xAB, 8 * MiB + 100);
        free(dirty);
        unsigned char *z = calloc(1, 8 * MiB + 100);
        if (!z)
            return 1;
        ok &= check_zero(z, 8 * MiB + 100);
        free(z);
    }
    size_t big = (size_t)8 << 30;
    unsigned char *h = calloc(1, big);
    if (!h)
        return 1;
    ok &= h[0] == 0 && h[big / 2] == 0 && h[big - 1] == 0;
    h[0] = 1;
    h[big - 1] = 2;
    ok &= h[0] + h[big - 1] == 3;
    free(h);
    printf("zero: %s\n", ok ? "all zero" : "NOT ZERO");
    return ok ? 0 : 2;
}

static int do_uaf(int fixed)
{
    size_t n = 16 * MiB;
    /* Natively from the heap, and kept mapped after the release, so that
       the native run reads what ffican's does instead of crashing. */
    mallopt(M_MMAP_THRESHOLD, 64 * MiB);
    mallopt(M_TRIM_THRESHOLD, 256 * MiB);
    volatile unsigned char *p = calloc(1, n);
    if (!p)
        return 1;
    unsigned char v = 0;
    if (fixed)
        v = p[n / 2 + 8];
    free((void *)p);
    if (!fixed)
        v = p[n / 2 + 8];   /* after the release */
    printf("read %d\n", v);
    return 0;
}

static int do_reuse(int fixed)
{
    size_t n = 64 * MiB;
    unsigned char *old = malloc(n);
    if (!old)
        return 1;
    memset(old, 1, n);
    free(old);
    for (int i = 0; i < 40; i++)   /* push it out of the quarantine */
        free(malloc(MiB));
    unsigned char *p = malloc(n);
    if (!p)
        return 1;
    if (fixed)
        memset(p, 0, n);
    int hits = 0;
    if (p[n / 2 + 3] == 7)   /* undefined unless fixed */
        hits++;
    printf("reuse: %d\n", hits);
    free(p);
    return 0;
}

int main(int argc, char **argv)
{
    const char *m = argc > 1 ? argv[1] : "";
    if (strcmp(m, "zero") == 0)
        return do_zero();
    if (strcmp(m, "uaf") == 0 || strcmp(m, "uaf_fixed") == 0)
        return do_uaf(m[3] == '_');
    if (strcmp(m, "reuse") == 0 || strcmp(m, "reuse_fixed") == 0)
        return do_reuse(m[5] == '_');
    fprintf(stderr, "usage: huge_blocks zero|uaf|uaf_fixed|reuse|reuse_fixed\n");
    return 2;
}
