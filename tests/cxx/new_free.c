/* C program using a C++ object made with new (cxx_counter.cc).
 *   bug:   releases it with free()        -> ForeignFree (new block, C free)
 *   fixed: releases it through cxx_destroy_counter() (delete)           */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Counter;
struct Counter *cxx_make_counter(long step);
long cxx_bump(struct Counter *c);
void cxx_destroy_counter(struct Counter *c);

int main(int argc, char **argv)
{
    int fixed = argc > 1 && strcmp(argv[1], "fixed") == 0;
    struct Counter *c = cxx_make_counter(3);
    cxx_bump(c);
    printf("counter %ld\n", cxx_bump(c));
    if (fixed)
        cxx_destroy_counter(c);
    else
        free(c);
    return 0;
}
