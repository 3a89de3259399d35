/* Every replaced string and memory function on heap blocks of exact size:
   strings that end at their block's last byte, copies that fill a block,
   searches that find (or miss) the last byte, unterminated buffers given
   an exact length.  Correct code: ffican must report nothing, even with
   --report=all.  The program prints every result, so the run-tests check
   "stdout under ffican equals native stdout" also checks that the
   replacements return what glibc returns.  Built with -fno-builtin so
   that each call reaches libc.  Argument: a family (str, cmp, search,
   mem, wide, span) or nothing for all. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

/* A heap copy of s in a block of exactly strlen(s) + 1 bytes (no libc
   string function involved). */
static char *exact_str(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    char *p = malloc(n + 1);
    for (size_t i = 0; i <= n; i++)
        p[i] = s[i];
    return p;
}

/* A block of exactly n bytes holding n copies of a letter pattern and no
   terminator. */
static char *exact_unterminated(size_t n)
{
    char *p = malloc(n ? n : 1);
    for (size_t i = 0; i < n; i++)
        p[i] = (char)('a' + i % 23);
    return p;
}

static unsigned sum(const void *p, size_t n)
{
    const unsigned char *b = p;
    unsigned h = 7;
    for (size_t i = 0; i < n; i++)
        h = h * 31 + b[i];
    return h;
}

static int sign(int r)
{
    return (r > 0) - (r < 0);
}

static void strings(void)
{
    /* lengths 0..40: every alignment of the terminator */
    for (size_t n = 0; n <= 40; n++) {
        char *s = exact_unterminated(n + 1);
        s[n] = 0;
        char *d = malloc(n + 1);
        char *e = stpcpy(d, s);
        char *d2 = malloc(n + 1);
        strcpy(d2, s);
        printf("len %zu: strlen %zu strnlen %zu stpcpy+%td sum %u %u\n", n,
               strlen(s), strnlen(s, n + 8), e - d, sum(d, n + 1),
               sum(d2, n + 1));
        free(d2);
        free(d);
        free(s);
    }
    /* strnlen of an unterminated block, limit = its size */
    char *u = exact_unterminated(13);
    printf("strnlen unterminated %zu\n", strnlen(u, 13));

    /* strncpy / stpncpy: source shorter (padding) and longer (no NUL) */
    char *src = exact_str("fifteen chars!!");
    char *d = malloc(20);
    char *e = stpncpy(d, src, 20);
    printf("stpncpy pad +%td sum %u\n", e - d, sum(d, 20));
    char *d8 = malloc(8);
    strncpy(d8, src, 8);
    e = stpncpy(d8, src, 8);
    printf("strncpy trunc sum %u stpncpy +%td\n", sum(d8, 8), e - d8);

    /* strcat / strncat filling the block to its last byte */
    char *cat = malloc(5 + 15 + 1);
    strcpy(cat, "hello");
    strcat(cat, src);
    printf("strcat '%s' %zu\n", cat, strlen(cat));
    char *ncat = malloc(3 + 13 + 1);
    strcpy(ncat, "abc");
    strncat(ncat, u, 13);       /* u holds 13 bytes and no NUL */
    printf("strncat '%s'\n", ncat);
    char *ncat2 = malloc(3 + 4 + 1);
    strcpy(ncat2, "xyz");
    strncat(ncat2, src, 4);
    printf("strncat short '%s'\n", ncat2);

    /* memccpy stopping at the source's last byte */
    char *mc = malloc(16);
    char *r = memccpy(mc, src, '!', 16);
    printf("memccpy +%td sum %u\n", r - mc, sum(mc, r - mc));
    r = memccpy(mc, src, '#', 15);
    printf("memccpy absent %s\n", r ? "found" : "NULL");

    free(mc); free(ncat2); free(ncat); free(cat); free(d8); free(d);
    free(src); free(u);
}

static void compares(void)
{
    const char *words[] = { "", "a", "b", "ab", "abc", "abd", "ABC",
                            "Abd", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
                            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzy",
                            "\xe9t\xe9", "\xc9T\xc9", "hello world",
                            "Hello World" };
    size_t nw = sizeof words / sizeof words[0];
    for (size_t i = 0; i < nw; i++) {
        char *a = exact_str(words[i]);
        for (size_t j = 0; j < nw; j++) {
            char *b = exact_str(words[j]);
            printf("%zu,%zu: cmp %d ncmp %d %d case %d ncase %d %d\n", i, j,
                   strcmp(a, b), strncmp(a, b, 3), strncmp(a, b, 100),
                   strcasecmp(a, b), strncasecmp(a, b, 2),
                   strncasecmp(a, b, 100));
            free(b);
        }
        free(a);
    }
    /* strncmp of unterminated blocks, limit = their size */
    char *u1 = exact_unterminated(9), *u2 = exact_unterminated(9);
    printf("strncmp unterminated %d\n", strncmp(u1, u2, 9));
    u2[8] = 'Z';
    printf("strncmp last byte %d\n", strncmp(u1, u2, 9));

    /* memcmp / bcmp over whole blocks: equal, last byte differs */
    for (size_t n = 0; n <= 40; n++) {
        char *a = exact_unterminated(n), *b = exact_unterminated(n);
        int eq = memcmp(a, b, n), beq = bcmp(a, b, n);
        if (n > 0)
            b[n - 1] ^= 0x40;
        printf("memcmp %zu: %d %d last %d %d\n", n, eq, beq,
               sign(memcmp(a, b, n)), bcmp(a, b, n) != 0);
        free(a);
        free(b);
    }
    /* misaligned starts inside exact blocks */
    char *a = exact_unterminated(37), *b = exact_unterminated(40);
    printf("memcmp misaligned %d %d\n", sign(memcmp(a + 1, b + 4, 36)),
           sign(memcmp(a + 3, b + 3, 34)));
    free(a); free(b); free(u1); free(u2);
}

static void searches(void)
{
    char *s = exact_str("the quick brown fox jumps over the lazy dog");
    size_t n = strlen(s);
    printf("strchr g +%td, NUL +%td, absent %p\n", strchr(s, 'g') - s,
           strchr(s, 0) - s, (void *)strchr(s, '#'));
    printf("index +%td rindex +%td\n", index(s, 'o') - s, rindex(s, 'o') - s);
    printf("strrchr t +%td NUL +%td absent %p\n", strrchr(s, 't') - s,
           strrchr(s, 0) - s, (void *)strrchr(s, '#'));
    printf("strchrnul g +%td absent +%td\n", strchrnul(s, 'g') - s,
           strchrnul(s, '#') - s);
    printf("rawmemchr g +%td NUL +%td\n", (char *)rawmemchr(s, 'g') - s,
           (char *)rawmemchr(s, 0) - s);

    /* memchr / memrchr over an unterminated block */
    for (size_t k = 1; k <= 24; k++) {
        char *u = exact_unterminated(k);
        char last = u[k - 1];
        char *hit = memchr(u, last, k);
        char *miss = memchr(u, '#', k);
        char *rhit = memrchr(u, u[0], k);
        printf("memchr %zu: +%td %p memrchr +%td\n", k, hit - u,
               (void *)miss, rhit - u);
        free(u);
    }
    printf("memchr NUL at end +%td\n", (char *)memchr(s, 0, n + 1) - s);
    free(s);
}

static void memory(void)
{
    for (size_t n = 1; n <= 100; n += 3) {
        char *src = exact_unterminated(n);
        char *dst = malloc(n);
        memcpy(dst, src, n);
        unsigned c1 = sum(dst, n);
        memset(dst, 0x5a, n);
        unsigned c2 = sum(dst, n);
        char *end = mempcpy(dst, src, n);
        /* overlapping moves inside the exact block, both directions */
        char *m = malloc(n);
        memcpy(m, src, n);
        memmove(m + n / 3, m, n - n / 3);
        unsigned c3 = sum(m, n);
        memcpy(m, src, n);
        memmove(m, m + n / 3, n - n / 3);
        unsigned c4 = sum(m, n);
        printf("mem %zu: %u %u +%td %u %u\n", n, c1, c2, end - dst, c3, c4);
        free(m);
        free(dst);
        free(src);
    }
    /* misaligned destination and source inside exact blocks */
    char *a = exact_unterminated(301), *b = malloc(301);
    memset(b, 0, 301);
    memcpy(b + 3, a + 1, 298);
    memmove(b + 1, b + 2, 299);
    memmove(b + 5, b + 1, 296);
    memset(b + 7, 'q', 294);
    printf("misaligned %u\n", sum(b, 301));
    free(a);
    free(b);
}

static void wide(void)
{
    const wchar_t *w = L"wide chars, \x20ac and more";
    size_t n = wcslen(w);
    wchar_t *a = malloc((n + 1) * sizeof *a);
    wcscpy(a, w);
    wchar_t *b = malloc((n + 1) * sizeof *b);
    wcscpy(b, a);
    printf("wcslen %zu wcsnlen %zu %zu\n", wcslen(a), wcsnlen(a, n + 4),
           wcsnlen(a, 3));
    printf("wcscmp %d", wcscmp(a, b));
    b[n - 1] = L'a';
    printf(" %d %d", wcscmp(a, b), wcscmp(b, a));
    b[2] = (wchar_t)-5;
    printf(" neg %d\n", wcscmp(a, b));
    printf("wcschr e +%td NUL +%td absent %p wcsrchr e +%td\n",
           wcschr(a, L'e') - a, wcschr(a, 0) - a, (void *)wcschr(a, L'#'),
           wcsrchr(a, L'e') - a);
    free(a);
    free(b);
}

static void spans(void)
{
    char *s = exact_str("  \t key=value;more");
    char *ws = exact_str(" \t");
    char *stop = exact_str(";=");
    printf("strspn %zu strcspn %zu strpbrk +%td\n", strspn(s, ws),
           strcspn(s, stop), strpbrk(s, stop) - s);
    printf("strcspn none %zu strpbrk none %p\n", strcspn(s, "#"),
           (void *)strpbrk(s, "#"));
    char *needle = exact_str("more");
    printf("strstr end +%td empty +%td absent %p\n", strstr(s, needle) - s,
           strstr(s, "") - s, (void *)strstr(s, "mored"));
    free(needle); free(stop); free(ws); free(s);
}

int main(int argc, char **argv)
{
    const char *only = argc > 1 ? argv[1] : "";
    struct { const char *name; void (*fn)(void); } fams[] = {
        { "str", strings }, { "cmp", compares }, { "search", searches },
        { "mem", memory }, { "wide", wide }, { "span", spans },
    };
    for (size_t i = 0; i < sizeof fams / sizeof fams[0]; i++)
        if (!*only || strcmp(only, fams[i].name) == 0)
            fams[i].fn();
    return 0;
}
