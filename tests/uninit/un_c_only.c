/* A C-only uninitialised read: no boundary involved.
     bug:   main mallocs a struct, sets `count` but not `limit`, and branches
            on `limit` -> UninitRead: C code's conditional jump depends on
            uninitialised bytes of a C-allocated block (malloc, 8 bytes),
            shown with --report=all only; the default --report=crossing
            shows nothing
     fixed: `limit` set -> clean */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct unc_counter {
    int count;
    int limit;
};

static volatile int unc_sink;

__attribute__((noinline)) static void unc_note(int v)
{
    unc_sink = v;
}

int main(int argc, char **argv)
{
    int fixed = argc > 1 && strcmp(argv[1], "fixed") == 0;
    struct unc_counter *c = malloc(sizeof *c);
    c->count = 5;
    if (fixed)
        c->limit = 10;
    if (c->limit < c->count)        /* bug: limit never set */
        unc_note(1);
    printf("count %d\n", c->count);
    free(c);
    return 0;
}
