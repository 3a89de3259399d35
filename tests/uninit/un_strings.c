/* glibc's string functions on partially initialised buffers. Built with
   -fno-builtin so that every call reaches libc.
     clean: a 64-byte malloc'd buffer holding only "hello world\0" (the other
            52 bytes never written): strlen, strnlen, strchr, strrchr, strcmp,
            strncmp, strcasecmp, strcasecmp_l, strncasecmp_l (glibc's own
            AVX2 versions compare whole vectors past the NUL), memchr,
            strcpy and strcat into another uninitialised
            64-byte buffer, strdup, snprintf, printf("%s"), puts; the results
            are branched on and printed -> clean (also under --report=all)
     bug:   the 11 characters are memcpy'd without their NUL, the rest of the
            buffer uninitialised, and strlen's result is branched on
            -> UninitRead: a conditional jump depending on uninitialised bytes
               of a C-allocated block (malloc, 64 bytes) allocated in main:
               strlen reads past the 11 bytes (shown with --report=all: no
               boundary involved) */
#define _GNU_SOURCE
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static volatile int uns_sink;

__attribute__((noinline)) static void uns_note(int v)
{
    uns_sink = v;
}

int main(int argc, char **argv)
{
    int bug = argc > 1 && strcmp(argv[1], "bug") == 0;
    char *buf = malloc(64);

    if (bug) {
        memcpy(buf, "hello world", 11);     /* bug: no terminator */
        size_t n = strlen(buf);
        if (n > 11)
            uns_note(1);
        puts("measured");
        free(buf);
        return 0;
    }

    memcpy(buf, "hello world", 12);         /* with its NUL; 52 bytes left */
    size_t n = strlen(buf);
    size_t nn = strnlen(buf, 64);
    char *o = strchr(buf, 'o');
    char *lo = strrchr(buf, 'o');
    char *none = strchr(buf, 'q');
    char *end = strchr(buf, '\0');
    int c1 = strcmp(buf, "hello world");
    int c2 = strcmp(buf, "hello world, longer");
    int c3 = strncmp(buf, "hello there", 6);
    int c4 = strncmp(buf, "hello world", 40);
    char *w = memchr(buf, 'w', 64);
    if (n != 11 || nn != 11 || !o || !w || none || end != buf + 11)
        uns_note(1);
    if (c1 != 0 || c2 >= 0 || c3 != 0 || c4 != 0)
        uns_note(2);
    locale_t loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    int c5 = strcasecmp(buf, "HELLO World");
    int c6 = strcasecmp_l(buf, "Hello WORLD", loc);
    int c7 = strncasecmp_l(buf, "HELLO THERE", 6, loc);
    if (c5 != 0 || c6 != 0 || c7 != 0)
        uns_note(4);
    freelocale(loc);

    char *dst = malloc(64);
    strcpy(dst, buf);
    strcat(dst, ", again");
    char *dup = strdup(buf);
    char small[32];
    int k = snprintf(small, sizeof small, "<%s>", buf);
    if (strlen(dst) != 18 || strcmp(dup, buf) != 0 || k != 13)
        uns_note(3);

    printf("%s|%zu|%zu|%ld|%ld|%ld\n", buf, n, nn, (long)(o - buf),
           (long)(lo - buf), (long)(w - buf));
    printf("%d %d %d %d\n", c1, c2 < 0, c3, c4);
    printf("%s|%s|%s\n", dst, dup, small);
    puts(dst);
    free(dup);
    free(dst);
    free(buf);
    return 0;
}
