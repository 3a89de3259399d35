/* Blocks and mempool chunks a program declares in its own stack (a
   MALLOCLIKE block in a local array, a mempool carved from one), as
   Memcheck's custom_alloc and mempool2 tests do.  ffican follows them
   while their frame lives and drops them when it dies.  The mode
   (argv[1]):
     redzone   a 24-byte block with 8-byte redzones in a local array; C
               writes the byte just past it: OverflowWrite, the block
               described with its MALLOCLIKE stack
     fixed     the same block used within bounds, and the array's bytes
               around the redzones (a 6-byte redzone ends inside an
               8-byte granule) written and read: nothing to report
     reuse     the block FREELIKE'd, its function returns, and deeper
               frames then write and read that stack: nothing to report
     live      the block not released when its function returns: the
               stack reused as above reports nothing, and the leak search
               at exit finds 24 bytes definitely lost (as Memcheck)
     late      the block's function returns, then its caller FREELIKEs
               the address: silent, and nothing lost
     pool      a mempool in a local array, one 10-byte chunk with 8-byte
               redzones; the byte before the chunk is read: OverflowRead
     pool_fixed the chunk read within bounds, the pool destroyed, the
               stack reused: nothing to report */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <valgrind/valgrind.h>

#define RZ 8

static unsigned char *volatile keep;   /* an address kept past its frame */

static unsigned sum(const unsigned char *p, size_t n)
{
    unsigned s = 0;
    for (size_t i = 0; i < n; i++)
        s += p[i];
    return s;
}

/* Deeper frames over the stack a returned function used: every byte
   written, then read. */
static __attribute__((noinline)) unsigned reuse_stack(void)
{
    unsigned char big[512];
    memset(big, 7, sizeof big);
    return sum(big, sizeof big);
}

static __attribute__((noinline)) void declare(int mode)
{
    _Alignas(16) unsigned char arena[64];
    _Alignas(16) unsigned char arena2[48];   /* not in a nested scope:
                                                 its slot is not reused */
    unsigned char *p = arena + 16;
    memset(arena, 1, sizeof arena);
    VALGRIND_MALLOCLIKE_BLOCK(p, 24, RZ, 0);
    memset(p, 2, 24);
    if (mode == 'r')
        p[24] = 3;                              /* in the redzone */
    volatile unsigned s = sum(p, 24);
    if (mode == 'f') {
        arena[0] = arena[7] = 4;                /* before the redzone */
        arena[48] = arena[63] = 4;              /* after it */
        s += sum(arena, 8) + sum(arena + 48, 16);
        unsigned char *q = arena2 + 16;
        memset(arena2, 1, sizeof arena2);
        VALGRIND_MALLOCLIKE_BLOCK(q, 20, 6, 0); /* redzone to q + 26 */
        memset(q, 5, 20);
        q[26] = q[31] = 6;                      /* past it, same granule */
        q[-7] = q[-8] = 6;                      /* before it, same granule */
        s += sum(q, 20) + q[26] + q[31] + q[-7] + q[-8];
        VALGRIND_FREELIKE_BLOCK(q, 6);
    }
    (void)s;
    keep = p;
    if (mode != 'l' && mode != 'L')
        VALGRIND_FREELIKE_BLOCK(p, RZ);
}

static __attribute__((noinline)) void pool(int fixed)
{
    unsigned char superblock[100];
    memset(superblock, 0, sizeof superblock);
    VALGRIND_CREATE_MEMPOOL(superblock, RZ, 0);
    VALGRIND_MEMPOOL_ALLOC(superblock, superblock + 32, 10);
    volatile unsigned s = superblock[32] + superblock[41];
    if (!fixed)
        s += superblock[31];                    /* in the redzone */
    s += superblock[20] + superblock[50];       /* past the redzones */
    (void)s;
    VALGRIND_DESTROY_MEMPOOL(superblock);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "fixed";
    unsigned r = 0;
    if (strcmp(mode, "pool") == 0 || strcmp(mode, "pool_fixed") == 0) {
        pool(strcmp(mode, "pool_fixed") == 0);
    } else {
        int m = strcmp(mode, "redzone") == 0 ? 'r'
              : strcmp(mode, "live") == 0 ? 'l'
              : strcmp(mode, "late") == 0 ? 'L'
              : strcmp(mode, "reuse") == 0 ? 'u' : 'f';
        declare(m);
        if (m == 'L')
            VALGRIND_FREELIKE_BLOCK(keep, RZ);  /* its frame is gone */
        keep = NULL;
    }
    r = reuse_stack();
    printf("done %u\n", r);
    return 0;
}
