/* The fortified functions (-D_FORTIFY_SOURCE) at exact bounds, and one
   whose destination is too small.
     sm_chk fixed    every __*_chk function, destination of exact size:
                     clean, and the same results as glibc
     sm_chk bug      __strcpy_chk with a destination one byte short:
                     glibc's "*** buffer overflow detected ***" and
                     SIGABRT, exactly as natively (ffican's replacement
                     calls glibc's __chk_fail before writing anything)
   The calls are written out (rather than left to _FORTIFY_SOURCE) so that
   they do not depend on the optimisation level. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__memcpy_chk(void *d, const void *s, size_t n, size_t dlen);
void *__memmove_chk(void *d, const void *s, size_t n, size_t dlen);
void *__mempcpy_chk(void *d, const void *s, size_t n, size_t dlen);
void *__memset_chk(void *d, int c, size_t n, size_t dlen);
char *__strcpy_chk(char *d, const char *s, size_t dlen);
char *__stpcpy_chk(char *d, const char *s, size_t dlen);
char *__strcat_chk(char *d, const char *s, size_t dlen);
char *__strncpy_chk(char *d, const char *s, size_t n, size_t dlen);
char *__stpncpy_chk(char *d, const char *s, size_t n, size_t dlen);
char *__strncat_chk(char *d, const char *s, size_t n, size_t dlen);

static char *heap_copy(const char *s, size_t size)
{
    char *p = malloc(size);
    for (size_t i = 0; i < size; i++)
        p[i] = s[i];
    return p;
}

int main(int argc, char **argv)
{
    int bug = argc > 1 && strcmp(argv[1], "bug") == 0;
    char *src = heap_copy("twelve chars", 13);
    size_t n = 12;
    if (bug) {
        char *d = malloc(n);
        printf("copying 13 bytes into 12\n");
        fflush(stdout);
        __strcpy_chk(d, src, n);
        printf("not reached\n");
        return 0;
    }
    char *d = malloc(n + 1);
    printf("memcpy_chk %d\n", __memcpy_chk(d, src, n + 1, n + 1) == d);
    printf("memmove_chk %d\n", __memmove_chk(d + 1, d, n, n) == d + 1);
    printf("mempcpy_chk +%td\n", (char *)__mempcpy_chk(d, src, n + 1, n + 1) - d);
    printf("memset_chk %d\n", __memset_chk(d, 'm', n + 1, n + 1) == d);
    printf("strcpy_chk %s\n", __strcpy_chk(d, src, n + 1));
    printf("stpcpy_chk +%td\n", __stpcpy_chk(d, src, n + 1) - d);
    char *cat = malloc(4 + n + 1);
    cat[0] = 'p'; cat[1] = 'r'; cat[2] = 'e'; cat[3] = ':'; cat[4] = 0;
    printf("strcat_chk %s\n", __strcat_chk(cat, src, 4 + n + 1));
    char *pad = malloc(20);
    printf("strncpy_chk %s\n", __strncpy_chk(pad, src, 20, 20));
    printf("stpncpy_chk +%td\n", __stpncpy_chk(pad, src, 20, 20) - pad);
    cat[4] = 0;
    printf("strncat_chk %s\n", __strncat_chk(cat, src, 50, 4 + n + 1));
    free(pad); free(cat); free(d); free(src);
    return 0;
}
