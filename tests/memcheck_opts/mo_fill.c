/* --malloc-fill and --free-fill, seen by the program (modes):
 *   malloc:  the bytes of a fresh malloc'd block
 *   realloc: a 4-byte block grown to 8: the old bytes kept, the new filled
 *   calloc:  a calloc'd block (zeroed, never filled)
 *   free:    a released block's bytes, read after free (a use after free,
 *            on purpose: the fill is what it shows)
 * The bytes are made defined with Memcheck's client request (ffican takes
 * it too) so that printing them is no uninitialised use. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <valgrind/memcheck.h>

static void mo_show(const char *what, const unsigned char *p, int n)
{
    printf("%s:", what);
    for (int i = 0; i < n; i++)
        printf(" %02x", p[i]);
    printf("\n");
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "malloc";
    if (strcmp(mode, "malloc") == 0) {
        unsigned char *p = malloc(8);
        VALGRIND_MAKE_MEM_DEFINED(p, 8);
        mo_show("malloc", p, 8);
        free(p);
    } else if (strcmp(mode, "realloc") == 0) {
        unsigned char *p = malloc(4);
        memset(p, 0x22, 4);
        p = realloc(p, 8);
        VALGRIND_MAKE_MEM_DEFINED(p, 8);
        mo_show("realloc", p, 8);
        free(p);
    } else if (strcmp(mode, "calloc") == 0) {
        unsigned char *p = calloc(1, 8);
        mo_show("calloc", p, 8);
        free(p);
    } else {
        unsigned char *p = malloc(8);
        memset(p, 0x11, 8);
        free(p);
        unsigned char copy[8];
        for (int i = 0; i < 8; i++)
            copy[i] = ((volatile unsigned char *)p)[i];
        VALGRIND_MAKE_MEM_DEFINED(copy, 8);
        mo_show("free", copy, 8);
    }
    return 0;
}
