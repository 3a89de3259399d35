/* C side of tailcall_alloc.rs, compiled with -O2 (programs.py): each
   wrapper is its own function that ends in a tail jump to the libc
   allocator (tests/crossing/tailcall_is_jmp checks the code). */
#include <stdlib.h>

__attribute__((noinline)) void *tc_malloc(size_t n)
{
    return malloc(n);
}

__attribute__((noinline)) void tc_free(void *p)
{
    free(p);
}
