/* One leak of the kind given as the mode, for --errors-for-leak-kinds and
 * --error-exitcode (and --leak-resolution):
 *   definite:  a block whose only pointer is dropped
 *   indirect:  a block reachable only from a definitely lost one (which
 *              is then a definite leak too)
 *   possible:  a block pointed to only 5 bytes inside (no heuristic's
 *              offset)
 *   reachable: a block still pointed to by a global at exit
 *   none:      everything released
 *   two-paths: two definite leaks made by one helper called from two
 *              functions: their stacks differ from the third frame on */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *volatile mo_global;

static __attribute__((noinline)) void *mo_alloc_one(size_t n)
{
    return malloc(n);
}

static __attribute__((noinline)) void mo_path_a(void)
{
    void *volatile p = mo_alloc_one(24);
    p = NULL;
}

static __attribute__((noinline)) void mo_path_b(void)
{
    void *volatile p = mo_alloc_one(40);
    p = NULL;
}

static __attribute__((noinline)) void mo_definite(void)
{
    void *volatile p = malloc(16);
    p = NULL;
}

static __attribute__((noinline)) void mo_indirect(void)
{
    void **volatile outer = malloc(sizeof(void *));
    outer[0] = malloc(32);
    outer = NULL;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "none";
    if (strcmp(mode, "definite") == 0) {
        mo_definite();
    } else if (strcmp(mode, "indirect") == 0) {
        mo_indirect();
    } else if (strcmp(mode, "possible") == 0) {
        mo_global = (char *)malloc(64) + 5;
    } else if (strcmp(mode, "reachable") == 0) {
        mo_global = malloc(48);
    } else if (strcmp(mode, "two-paths") == 0) {
        mo_path_a();
        mo_path_b();
    }
    printf("%s\n", mode);
    return 0;
}
