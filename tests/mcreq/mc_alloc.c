/* A program's own allocator: fixed-size slots in a static arena, each
   block declared with VALGRIND_MALLOCLIKE_BLOCK and released with
   VALGRIND_FREELIKE_BLOCK (valgrind.h), with a 16-byte redzone on each
   side, as allocators written for Memcheck do.  The mode (argv[1]):
     fixed     allocate, use every byte, free, reuse a slot, resize in
               place (grow and shrink) within bounds: nothing to report
     overflow  C writes the byte just past a 24-byte block: OverflowWrite
     uaf       C reads a block after freeing it: UseAfterFree
     resize    a block shrunk in place to 8 bytes, then its byte 8 is
               read: OverflowRead
     bad       requests that make no sense: FREELIKE of an address that
               is no block (InvalidFree), FREELIKE twice (DoubleFree),
               RESIZEINPLACE of no block and with a wrong old size,
               MALLOCLIKE of an impossible size (warnings); the program
               runs on to its end (blocks on the stack: mc_stack.c)
     unaligned a block at an 8-byte boundary, as many allocators place
               them: followed as a region (a note, once), so a read after
               its FREELIKE is reported as an access to memory the program
               marked inaccessible */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <valgrind/valgrind.h>

#define RZ    16
#define SLOT  64                     /* RZ + up to 32 bytes + RZ */
#define NSLOT 16

static _Alignas(16) unsigned char arena[NSLOT * SLOT];
static int used[NSLOT];

static void *pool_alloc(size_t n)
{
    if (n > SLOT - 2 * RZ)
        return NULL;
    for (int i = 0; i < NSLOT; i++) {
        if (!used[i]) {
            used[i] = 1;
            unsigned char *p = arena + i * SLOT + RZ;
            VALGRIND_MALLOCLIKE_BLOCK(p, n, RZ, 0);
            return p;
        }
    }
    return NULL;
}

static void pool_free(void *p)
{
    used[((unsigned char *)p - arena) / SLOT] = 0;
    VALGRIND_FREELIKE_BLOCK(p, RZ);
}

static void fill(unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)i;
}

static unsigned sum(const unsigned char *p, size_t n)
{
    unsigned s = 0;
    for (size_t i = 0; i < n; i++)
        s += p[i];
    return s;
}

static void fixed(void)
{
    unsigned char *a = pool_alloc(24);
    unsigned char *b = pool_alloc(32);
    fill(a, 24);
    fill(b, 32);
    printf("sums %u %u\n", sum(a, 24), sum(b, 32));
    pool_free(a);
    unsigned char *c = pool_alloc(16);        /* a's slot again */
    fill(c, 16);
    VALGRIND_RESIZEINPLACE_BLOCK(c, 16, 32, RZ);
    fill(c, 32);
    VALGRIND_RESIZEINPLACE_BLOCK(c, 32, 4, RZ);
    printf("reused %s, sum %u\n", c == a ? "yes" : "no", sum(c, 4));
    pool_free(c);
    pool_free(b);
}

static void overflow(void)
{
    unsigned char *a = pool_alloc(24);
    fill(a, 25);                              /* one byte too many */
    pool_free(a);
}

static void uaf(void)
{
    unsigned char *a = pool_alloc(24);
    fill(a, 24);
    pool_free(a);
    volatile unsigned s = sum(a, 1);          /* read after release */
    (void)s;
}

static void resize(void)
{
    unsigned char *a = pool_alloc(24);
    fill(a, 24);
    VALGRIND_RESIZEINPLACE_BLOCK(a, 24, 8, RZ);
    volatile unsigned s = sum(a, 9);          /* byte 8 is gone */
    (void)s;
    pool_free(a);
}

static void bad(void)
{
    unsigned char *never = arena + 5 * SLOT + RZ;
    VALGRIND_FREELIKE_BLOCK(never, RZ);                   /* InvalidFree */
    unsigned char *a = pool_alloc(8);
    pool_free(a);
    VALGRIND_FREELIKE_BLOCK(a, RZ);                       /* DoubleFree */
    VALGRIND_RESIZEINPLACE_BLOCK(never, 8, 16, RZ);       /* warning */
    unsigned char *b = pool_alloc(8);
    VALGRIND_RESIZEINPLACE_BLOCK(b, 99, 16, RZ);          /* warning */
    unsigned char local[64];
    /* (A MALLOCLIKE block in this stack array, once refused with a
       warning, is now followed: mc_stack.c tests it.) */
    fill(local, sizeof local);
    VALGRIND_MALLOCLIKE_BLOCK(b, (size_t)-64, RZ, 0);     /* warning */
    fill(b, 8);
    pool_free(b);
    printf("still running: %u\n", sum(local, sizeof local));
}

static void unaligned(void)
{
    unsigned char *p = arena + 8;
    VALGRIND_MALLOCLIKE_BLOCK(p, 16, 8, 0);
    fill(p, 16);
    VALGRIND_FREELIKE_BLOCK(p, 8);
    volatile unsigned s = sum(p, 1);          /* read after release */
    (void)s;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "fixed";
    if (strcmp(mode, "overflow") == 0)
        overflow();
    else if (strcmp(mode, "uaf") == 0)
        uaf();
    else if (strcmp(mode, "resize") == 0)
        resize();
    else if (strcmp(mode, "bad") == 0)
        bad();
    else if (strcmp(mode, "unaligned") == 0)
        unaligned();
    else
        fixed();
    printf("done\n");
    return 0;
}
