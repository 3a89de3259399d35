/* The stack cache (tool/fc_stacks.c) must never answer with another
   stack than the one an unwind would give.  alloc_here() is called from
   via_a() and via_b(), whose frames have the same size, from the same
   stack depth: malloc starts from the same instruction and the same stack
   pointer every time, and only the return addresses on the stack differ.
   Each path leaks its blocks (a 16-byte and a 48-byte size), and frees
   one block twice, so the leak records and the double-free report must
   name via_a and via_b each with their own blocks and stacks.
   Usage: stack_cache [rounds] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile unsigned long count_a, count_b;
static void *kept_a[64], *kept_b[64];

__attribute__((noinline)) static void *alloc_here(size_t n)
{
    return malloc(n);
}

__attribute__((noinline)) static void release_here(void *p)
{
    free(p);
}

__attribute__((noinline)) static void *via_a(size_t n)
{
    void *p = alloc_here(n);
    count_a += 1;
    return p;
}

__attribute__((noinline)) static void *via_b(size_t n)
{
    void *p = alloc_here(n);
    count_b += 3;
    return p;
}

__attribute__((noinline)) static void free_a(void *p)
{
    release_here(p);
    count_a += 5;
}

__attribute__((noinline)) static void free_b(void *p)
{
    release_here(p);
    count_b += 7;
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 40;
    for (int i = 0; i < rounds && i < 64; i++) {
        kept_a[i] = via_a(16);
        kept_b[i] = via_b(48);
        free_a(via_a(16));
        free_b(via_b(48));
    }
    free_b(kept_b[0]);
    free_a(kept_a[0]);
    free_a(kept_a[0]);   /* a double free on the a path */
    memset(kept_a, 0, sizeof kept_a);   /* the rest leak */
    memset(kept_b, 0, sizeof kept_b);
    printf("%lu %lu\n", count_a, count_b);
    return 0;
}
