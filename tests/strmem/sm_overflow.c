/* C code overflowing C heap blocks through the replaced functions: each
   case writes or reads exactly one byte past (or, for memchr, runs past)
   the end of its block.  ffican shows these only with --report=all (no
   boundary is involved); the replacement's own load or store is the one
   reported, so the report names the byte and the block precisely.
     sm_overflow <case> bug     the overflow
     sm_overflow all fixed      every case at its exact bound: clean
   Cases: strcpy strcat strncpy memcpy_dst memcpy_src memset strlen
          strcmp memcmp memchr */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *heap_copy(const char *s, size_t size)
{
    char *p = malloc(size);
    for (size_t i = 0; i < size; i++)
        p[i] = s[i];
    return p;
}

/* over = 1 for the bug, 0 for the exact bound */
static void run(const char *c, int over)
{
    const char *text = "sixteen chars!!!";        /* 16 + NUL */
    size_t n = 16;
    if (strcmp(c, "strcpy") == 0) {
        char *d = malloc(n + 1 - over);
        strcpy(d, text);
        printf("strcpy %.16s\n", d);
        free(d);
    } else if (strcmp(c, "strcat") == 0) {
        char *d = malloc(4 + n + 1 - over);
        d[0] = 'a'; d[1] = 'b'; d[2] = 'c'; d[3] = '-'; d[4] = 0;
        strcat(d, text);
        printf("strcat %.20s\n", d);
        free(d);
    } else if (strcmp(c, "strncpy") == 0) {
        char *d = malloc(24 - over);
        strncpy(d, text, 24);           /* pads with NULs up to 24 */
        printf("strncpy %s\n", d);
        free(d);
    } else if (strcmp(c, "memcpy_dst") == 0) {
        char *s = heap_copy(text, n + 1);
        char *d = malloc(n + 1 - over);
        memcpy(d, s, n + 1);
        printf("memcpy %.16s\n", d);
        free(d);
        free(s);
    } else if (strcmp(c, "memcpy_src") == 0) {
        char *s = heap_copy(text, n);   /* no NUL */
        char *d = malloc(n + 1);
        memcpy(d, s, n + over);
        d[n] = 0;
        printf("memcpy %.16s\n", d);
        free(d);
        free(s);
    } else if (strcmp(c, "memset") == 0) {
        char *d = malloc(40 - over);
        memset(d, 'x', 40);
        printf("memset %c\n", d[0]);
        free(d);
    } else if (strcmp(c, "strlen") == 0) {
        char *s = heap_copy(text, n + 1 - over);   /* bug: no NUL */
        size_t len = strlen(s);
        printf("strlen %s\n", len >= n ? ">= 16" : "short");
        free(s);
    } else if (strcmp(c, "strcmp") == 0) {
        char *a = heap_copy(text, n + 1 - over);   /* bug: no NUL */
        char *b = heap_copy("sixteen chars!!!?", n + 2);
        printf("strcmp %d\n", strcmp(a, b) != 0);
        free(b);
        free(a);
    } else if (strcmp(c, "memcmp") == 0) {
        char *a = heap_copy(text, n - over);
        char *b = heap_copy(text, n);
        printf("memcmp %d\n", memcmp(a, b, n) != 0);   /* equal but a is short */
        free(b);
        free(a);
    } else if (strcmp(c, "memchr") == 0) {
        char *s = heap_copy(text, n);
        /* bug: asks for 17 bytes of a 16-byte block; '#' is absent */
        printf("memchr %s\n", memchr(s, '#', n + over) ? "found" : "absent");
        free(s);
    } else {
        fprintf(stderr, "unknown case %s\n", c);
        exit(2);
    }
}

int main(int argc, char **argv)
{
    static const char *all[] = { "strcpy", "strcat", "strncpy", "memcpy_dst",
                                 "memcpy_src", "memset", "strlen", "strcmp",
                                 "memcmp", "memchr" };
    if (argc < 3)
        return 2;
    int over = strcmp(argv[2], "bug") == 0;
    if (strcmp(argv[1], "all") == 0) {
        for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
            run(all[i], over);
    } else {
        run(argv[1], over);
    }
    return 0;
}
