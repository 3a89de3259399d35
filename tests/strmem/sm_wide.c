/* Wide-character functions at exact heap-block bounds (issue 16).
   glibc's AVX2/EVEX wmemchr, wmemcmp and wcsncmp (and wcslen, wcscmp,
   wcschr, wmemset...) load whole vectors and read past the end of an
   exact-size buffer; ffican replaces them with versions that read only
   the elements the standard lets them read.  Modes (argv[1]):
     exact            every wide function on buffers of exactly the size
                      it may touch (1 to 40 elements, unterminated ones
                      with an exact length): nothing to report; results
                      printed (compared with the native run)
     wmemchr|wmemcmp|wcsncmp|wmemset  (argv[2] bug|fixed)
                      bug: one element past an exact-size block (a real
                      OverflowRead or OverflowWrite); fixed: within it */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* glibc's fortified wmemset, called directly (no _FORTIFY_SOURCE here). */
wchar_t *__wmemset_chk(wchar_t *s, wchar_t c, size_t n, size_t dlen);

static unsigned long sum;   /* of every result, printed at the end */

static wchar_t *wbuf(size_t n, wchar_t first)
{
    wchar_t *p = malloc(n * sizeof *p);
    if (!p)
        abort();
    for (size_t i = 0; i < n; i++)
        p[i] = first + (wchar_t)i;
    return p;
}

static void note(long v)
{
    sum = sum * 31 + (unsigned long)v;
}

/* Comparisons are noted by sign: glibc's AVX2 wcsncmp sometimes answers
   2 where the others answer 1 (the C standard asks for a sign only). */
static int sign(int v)
{
    return (v > 0) - (v < 0);
}

/* Unterminated buffers of n elements, with exact lengths. */
static void exact_mem(size_t n)
{
    wchar_t *a = wbuf(n, L'a'), *b = wbuf(n, L'a');
    note(wmemchr(a, a[n - 1], n) - a);            /* found at the last */
    note(wmemchr(a, L'#', n) == NULL);             /* absent: reads all */
    note(sign(wmemcmp(a, b, n)));                   /* equal: reads all */
    b[n - 1] = -1;
    note(sign(wmemcmp(a, b, n)));                   /* differs at the last */
    note(sign(wcsncmp(a, b, n)));
    b[n - 1] = a[n - 1];
    note(sign(wcsncmp(a, b, n)));                   /* no NUL in n */
    wmemset(b, L'z', n);
    __wmemset_chk(b, L'y', n, n);
    wmemcpy(a, b, n);
    wmemmove(a, b, n);
    note(wmempcpy(a, b, n) - a);
    note(sign(wmemcmp(a, b, n)));
    free(a);
    free(b);
}

/* NUL-terminated strings filling their blocks (n elements, the NUL last). */
static void exact_str(size_t n)
{
    wchar_t *s = wbuf(n, L'A'), *t = wbuf(n, L'A'), *d = wbuf(n, L'x');
    s[n - 1] = t[n - 1] = 0;
    note(wcslen(s));
    note(wcsnlen(s, n + 8));
    note(sign(wcscmp(s, t)));
    note(sign(wcsncmp(s, t, n + 8)));
    note(wcschr(s, 0) - s);
    note(wcschr(s, L'#') == NULL);
    note(wcsrchr(s, L'A') == s);
    note(wcschrnul(s, L'#') - s);
    wcscpy(d, s);
    note(wcpcpy(d, s) - d);
    wcsncpy(d, s, n);
    note(wcpncpy(d, s, n) - d);
    d[0] = 0;
    wcscat(d, s);
    d[0] = 0;
    wcsncat(d, s, n);
    note(sign(wcscmp(d, s)));
    wchar_t *dup = wcsdup(s);
    note(sign(wcscmp(dup, s)));
    free(dup);
    free(s);
    free(t);
    free(d);
}

static int over(const char *fn, int bug)
{
    size_t n = 8, k = bug ? n + 1 : n;   /* bug: one element too many */
    wchar_t *a = wbuf(n, L'a'), *b = wbuf(n, L'a');
    if (strcmp(fn, "wmemchr") == 0)
        note(wmemchr(a, L'#', k) == NULL);
    else if (strcmp(fn, "wmemcmp") == 0)
        note(sign(wmemcmp(a, b, k)));
    else if (strcmp(fn, "wcsncmp") == 0)
        note(sign(wcsncmp(a, b, k)));
    else if (strcmp(fn, "wmemset") == 0)
        wmemset(a, L'z', k);
    else
        return 1;
    free(a);
    free(b);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "exact") == 0) {
        for (size_t n = 1; n <= 40; n++) {
            exact_mem(n);
            exact_str(n);
        }
    } else if (argc > 2) {
        if (over(argv[1], strcmp(argv[2], "bug") == 0))
            return 2;
        printf("%s %s done\n", argv[1], argv[2]);   /* results: UB */
        return 0;
    } else {
        return 2;
    }
    printf("sum %lu\n", sum);
    return 0;
}
