/* Custom allocators as Memcheck's own tests use them (memcheck/tests:
   mempool, mempool2, leak-autofreepool, custom_alloc, clireq_nofill):
   pools carved from malloc()'d superblocks, objects declared inside a
   pool's chunk, blocks resized in place.  The mode (argv[1]):
     pool_lost     three chunks of a pool in a malloc()'d superblock, their
                   pointers dropped: the chunks definitely lost (searched
                   as blocks, as in Memcheck), the superblock not reported
     pool_kept     the same chunks kept in a global: nothing lost
     free_twice    a chunk of a malloc()'d superblock freed twice: InvalidFree
     free_no_pool  MEMPOOL_FREE naming an address that is no pool: InvalidFree
     free_once     the fixed twin of both: freed once, nothing to report
     objects_lost  objects declared with MALLOCLIKE inside a chunk of a
                   plain pool (no AUTO_FREE), then the chunk freed: the
                   objects definitely lost
     objects_auto_freed  the same in a METAPOOL | AUTO_FREE pool: freeing
                   the chunk frees them, nothing lost
     grow_uninit   a block grown in place (RESIZEINPLACE) whose new bytes,
                   never written, decide a branch: UninitRead (grown bytes
                   are undefined, as in Memcheck)
     grow_written  the fixed twin: the new bytes written first
     resize_inside RESIZEINPLACE of an address inside a block, not its
                   start: InvalidFree (as Memcheck's), the block intact
     nested_lost   a block declared with MALLOCLIKE inside a malloc()'d
                   block, both pointers dropped: the declared block is
                   definitely lost, the malloc()'d one not reported
     nested_kept   the same kept in a global: nothing lost */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <valgrind/valgrind.h>
#include <valgrind/memcheck.h>

#define RZ    16
#define SUPER 4096

struct pool {
    unsigned char *base;
    size_t used;
};

static _Alignas(16) unsigned char superblock[SUPER];

static void pool_init(struct pool *p, unsigned char *mem)
{
    p->base = mem;
    p->used = 0;
    VALGRIND_MAKE_MEM_NOACCESS(mem, SUPER);
    VALGRIND_CREATE_MEMPOOL(p, RZ, 0);
}

static void *pool_alloc(struct pool *p, size_t n)
{
    size_t start = p->used + RZ;
    p->used = (start + n + RZ + 15) & ~(size_t)15;
    VALGRIND_MEMPOOL_ALLOC(p, p->base + start, n);
    return p->base + start;
}

static void fill(unsigned char *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        c[i] = (unsigned char)(i + 1);
}

static unsigned sum(const unsigned char *c, size_t n)
{
    unsigned s = 0;
    for (size_t i = 0; i < n; i++)
        s += c[i];
    return s;
}

/* Hands a malloc()'d superblock back to malloc: accessible again. */
static void super_free(unsigned char *mem)
{
    VALGRIND_MAKE_MEM_UNDEFINED(mem, SUPER);
    free(mem);
}

static unsigned char *kept[3];

static void pool_leak(int keep)
{
    static struct pool pool;
    unsigned char *mem = malloc(SUPER);
    pool_init(&pool, mem);
    for (int i = 0; i < 3; i++) {
        unsigned char *c = pool_alloc(&pool, 16 + 8 * i);
        fill(c, 16 + 8 * i);
        kept[i] = keep ? c : NULL;
    }
    VALGRIND_DO_LEAK_CHECK;
    for (int i = 0; i < 3; i++)
        kept[i] = NULL;
    VALGRIND_DESTROY_MEMPOOL(&pool);
    super_free(mem);
}

/* what: 0 a chunk freed once, 1 freed twice, 2 freed first through an
   address that is no pool. */
static void free_chunk(int what)
{
    struct pool pool;
    unsigned char *mem = malloc(SUPER);
    pool_init(&pool, mem);
    unsigned char *a = pool_alloc(&pool, 32);
    fill(a, 32);
    if (what == 2)
        VALGRIND_MEMPOOL_FREE(mem, a);                  /* no pool */
    VALGRIND_MEMPOOL_FREE(&pool, a);
    if (what == 1)
        VALGRIND_MEMPOOL_FREE(&pool, a);                /* twice */
    VALGRIND_DESTROY_MEMPOOL(&pool);
    super_free(mem);
}

/* Objects of 16 bytes declared with MALLOCLIKE inside a pool's chunk,
   not on 16-byte boundaries (a custom allocator that takes its
   superblocks from its own pool). */
static void *objects[4];
static void objects_in_chunk(int auto_free)
{
    static struct pool pool;
    VALGRIND_MAKE_MEM_NOACCESS(superblock, SUPER);
    VALGRIND_CREATE_MEMPOOL_EXT(&pool, 0, 0, auto_free
        ? VALGRIND_MEMPOOL_METAPOOL | VALGRIND_MEMPOOL_AUTO_FREE : 0);
    unsigned char *chunk = superblock + 256;
    VALGRIND_MEMPOOL_ALLOC(&pool, chunk, 512);
    for (int i = 0; i < 4; i++) {
        objects[i] = chunk + 1 + 16 * i;
        VALGRIND_MALLOCLIKE_BLOCK(objects[i], 16, 0, 0);
        fill(objects[i], 16);
    }
    for (int i = 0; i < 4; i++)
        objects[i] = NULL;
    VALGRIND_MEMPOOL_FREE(&pool, chunk);
    VALGRIND_DESTROY_MEMPOOL(&pool);
}

/* A block of the program's own in a slot of the static superblock. */
static unsigned char *slot_alloc(size_t n)
{
    unsigned char *p = superblock + 1024 + RZ;
    VALGRIND_MALLOCLIKE_BLOCK(p, n, RZ, 0);
    return p;
}

static void grow(int written)
{
    unsigned char *a = slot_alloc(8);
    fill(a, 8);
    VALGRIND_RESIZEINPLACE_BLOCK(a, 8, 24, RZ);
    if (written)
        fill(a, 24);
    if (a[20] == 21)                          /* undefined unless written */
        printf("grown and written\n");
    VALGRIND_FREELIKE_BLOCK(a, RZ);
}

static void resize_inside(void)
{
    unsigned char *a = slot_alloc(24);
    fill(a, 24);
    VALGRIND_RESIZEINPLACE_BLOCK(a + 8, 16, 8, RZ);       /* InvalidFree */
    printf("still whole: %u\n", sum(a, 24));
    VALGRIND_FREELIKE_BLOCK(a, RZ);
}

static unsigned char *nested;
static void nested_block(int keep)
{
    unsigned char *m = malloc(64);
    nested = m + 16;
    VALGRIND_MALLOCLIKE_BLOCK(nested, 32, 0, 0);
    fill(nested, 32);
    m = NULL;
    if (!keep)
        nested = NULL;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    if (strncmp(mode, "pool_", 5) == 0)
        pool_leak(strcmp(mode, "pool_kept") == 0);
    else if (strncmp(mode, "free_", 5) == 0)
        free_chunk(strcmp(mode, "free_twice") == 0 ? 1
                   : strcmp(mode, "free_no_pool") == 0 ? 2 : 0);
    else if (strncmp(mode, "objects_", 8) == 0)
        objects_in_chunk(strcmp(mode, "objects_auto_freed") == 0);
    else if (strncmp(mode, "grow_", 5) == 0)
        grow(strcmp(mode, "grow_written") == 0);
    else if (strcmp(mode, "resize_inside") == 0)
        resize_inside();
    else if (strncmp(mode, "nested_", 7) == 0)
        nested_block(strcmp(mode, "nested_kept") == 0);
    else {
        fprintf(stderr, "unknown mode %s\n", mode);
        return 2;
    }
    printf("done\n");
    return 0;
}
