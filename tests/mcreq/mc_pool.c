/* A program's own pool allocator, declared with Valgrind's mempool
   requests (valgrind.h): a bump allocator over a static superblock that
   the program first marks inaccessible (VALGRIND_MAKE_MEM_NOACCESS), as
   Memcheck's manual suggests; chunks have 16-byte redzones.  The mode
   (argv[1]):
     clean      create, allocate, use every byte, free, resize and move a
                chunk (MEMPOOL_CHANGE), trim (one chunk kept, one cut,
                one dropped), move the pool (MOVE_MEMPOOL), ask
                MEMPOOL_EXISTS, destroy: nothing to report
     uaf        a chunk read after MEMPOOL_FREE: UseAfterFree
     overflow   a chunk written one byte past its end: OverflowWrite
     trimmed    a chunk written after MEMPOOL_TRIM dropped it: UseAfterFree
     destroyed  a chunk read after DESTROY_MEMPOOL: UseAfterFree
     bad        requests that make no sense (warnings, one DoubleFree);
                the program runs on to its end
     malloced   the superblock comes from malloc(): ffican follows the
                chunks' addressability but not as blocks of their own
                (a warning); a read after MEMPOOL_FREE is reported as an
                access to memory the program marked inaccessible
     metapool   a METAPOOL | AUTO_FREE pool whose chunk holds objects
                declared with VALGRIND_MALLOCLIKE_BLOCK; freeing the
                chunk frees the objects still in it: nothing to report
     metapool_uaf  the same, then an object read after its chunk was
                freed: UseAfterFree */
#include <stdint.h>
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
static char not_a_pool;

static void pool_init(struct pool *p, unsigned char *mem)
{
    p->base = mem;
    p->used = 0;
    VALGRIND_MAKE_MEM_NOACCESS(mem, SUPER);
    VALGRIND_CREATE_MEMPOOL(p, RZ, 0);
}

/* 16-byte aligned chunks with RZ bytes of redzone on each side. */
static void *pool_alloc(struct pool *p, size_t n)
{
    size_t start = p->used + RZ;
    size_t end = (start + n + RZ + 15) & ~(size_t)15;
    if (end > SUPER)
        return NULL;
    p->used = end;
    VALGRIND_MEMPOOL_ALLOC(p, p->base + start, n);
    return p->base + start;
}

static void pool_free(struct pool *p, void *c)
{
    VALGRIND_MEMPOOL_FREE(p, c);
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

static void clean(void)
{
    struct pool pool;
    pool_init(&pool, superblock);
    unsigned char *a = pool_alloc(&pool, 32);
    unsigned char *b = pool_alloc(&pool, 48);
    unsigned char *c = pool_alloc(&pool, 24);
    unsigned char *d = pool_alloc(&pool, 16);
    fill(a, 32); fill(b, 48); fill(c, 24); fill(d, 16);
    printf("sums %u %u %u %u\n", sum(a, 32), sum(b, 48), sum(c, 24),
           sum(d, 16));
    pool_free(&pool, d);
    VALGRIND_MEMPOOL_CHANGE(&pool, a, a, 40);           /* grow in place */
    fill(a, 40);
    unsigned char *c2 = c + 16;                         /* move c by 16 */
    VALGRIND_MEMPOOL_CHANGE(&pool, c, c2, 16);
    memmove(c2, c, 16);               /* the old place is still readable */
    printf("moved %u\n", sum(c2, 16));
    /* keep a, cut b to its first 24 bytes, drop c2 */
    VALGRIND_MEMPOOL_TRIM(&pool, a, (size_t)(b + 24 - a));
    printf("kept %u %u\n", sum(a, 40), sum(b, 24));
    struct pool moved = pool;                           /* the pool moves */
    VALGRIND_MOVE_MEMPOOL(&pool, &moved);
    printf("exists: old %u new %u\n", VALGRIND_MEMPOOL_EXISTS(&pool),
           VALGRIND_MEMPOOL_EXISTS(&moved));
    pool_free(&moved, a);
    VALGRIND_DESTROY_MEMPOOL(&moved);
    printf("exists after destroy: %u\n", VALGRIND_MEMPOOL_EXISTS(&moved));
}

static void use_after(const char *mode)
{
    struct pool pool;
    pool_init(&pool, superblock);
    unsigned char *a = pool_alloc(&pool, 32);
    unsigned char *b = pool_alloc(&pool, 32);
    fill(a, 32);
    fill(b, 32);
    volatile unsigned s = 0;
    if (strcmp(mode, "uaf") == 0) {
        pool_free(&pool, a);
        s = sum(a, 1);                                  /* UseAfterFree */
    } else if (strcmp(mode, "overflow") == 0) {
        fill(b, 33);                                    /* OverflowWrite */
    } else if (strcmp(mode, "trimmed") == 0) {
        VALGRIND_MEMPOOL_TRIM(&pool, a, 32);            /* b dropped */
        fill(b, 1);                                     /* UseAfterFree */
    } else if (strcmp(mode, "destroyed") == 0) {
        VALGRIND_DESTROY_MEMPOOL(&pool);
        s = sum(b, 1);                                  /* UseAfterFree */
        return;
    }
    (void)s;
    VALGRIND_DESTROY_MEMPOOL(&pool);
}

static void bad(void)
{
    struct pool pool, other;
    pool_init(&pool, superblock);
    unsigned char *a = pool_alloc(&pool, 32);
    VALGRIND_MEMPOOL_ALLOC(&other, superblock + 512, 16);   /* no pool */
    VALGRIND_MEMPOOL_FREE(&pool, a + 8);                  /* not a chunk */
    VALGRIND_MEMPOOL_FREE(&pool, a);
    VALGRIND_MEMPOOL_FREE(&pool, a);                      /* DoubleFree */
    VALGRIND_DESTROY_MEMPOOL(&other);                     /* no pool */
    VALGRIND_CREATE_MEMPOOL(&pool, RZ, 0);                /* exists */
    VALGRIND_CREATE_MEMPOOL(&other, 0, 0);
    VALGRIND_MOVE_MEMPOOL(&pool, &other);                 /* onto other */
    VALGRIND_MEMPOOL_CHANGE(&pool, a, a, 8);              /* not a chunk */
    VALGRIND_MEMPOOL_TRIM(&not_a_pool, superblock, 8);    /* no pool */
    unsigned char *b = pool_alloc(&pool, 16);
    VALGRIND_MEMPOOL_FREE(&other, b);                     /* other pool */
    VALGRIND_FREELIKE_BLOCK(b, 0);                        /* a chunk */
    int flags = VALGRIND_MEMPOOL_AUTO_FREE;               /* no METAPOOL */
    VALGRIND_CREATE_MEMPOOL_EXT(&flags, 0, 0, flags);
    VALGRIND_DESTROY_MEMPOOL(&flags);
    VALGRIND_DESTROY_MEMPOOL(&other);
    VALGRIND_DESTROY_MEMPOOL(&pool);
    printf("still running\n");
}

/* The superblock comes from malloc(): the chunks are inside a block
   ffican allocated. */
static void malloced(void)
{
    struct pool pool;
    unsigned char *mem = malloc(SUPER);
    pool_init(&pool, mem);
    unsigned char *a = pool_alloc(&pool, 32);
    unsigned char *b = pool_alloc(&pool, 32);
    fill(a, 32);
    fill(b, 32);
    printf("sums %u %u\n", sum(a, 32), sum(b, 32));
    pool_free(&pool, a);
    volatile unsigned s = sum(a, 1);                    /* reported */
    (void)s;
    VALGRIND_DESTROY_MEMPOOL(&pool);
    VALGRIND_MAKE_MEM_UNDEFINED(mem, SUPER);            /* hand it back */
    free(mem);
}

/* Objects of 48 bytes in a chunk of a metapool: the chunk is a
   superblock, the objects are the blocks. */
static void metapool(int bug)
{
    struct pool meta = { superblock, 0 };
    VALGRIND_MAKE_MEM_NOACCESS(superblock, SUPER);
    VALGRIND_CREATE_MEMPOOL_EXT(&meta, 0, 0,
        VALGRIND_MEMPOOL_METAPOOL | VALGRIND_MEMPOOL_AUTO_FREE);
    unsigned char *chunk = superblock + 256;
    VALGRIND_MEMPOOL_ALLOC(&meta, chunk, 512);
    unsigned char *o1 = chunk, *o2 = chunk + 64;
    VALGRIND_MALLOCLIKE_BLOCK(o1, 48, 0, 0);
    VALGRIND_MALLOCLIKE_BLOCK(o2, 48, 0, 0);
    fill(o1, 48);
    fill(o2, 48);
    printf("objects %u %u\n", sum(o1, 48), sum(o2, 48));
    VALGRIND_FREELIKE_BLOCK(o1, 0);
    VALGRIND_MEMPOOL_FREE(&meta, chunk);                /* frees o2 too */
    if (bug) {
        volatile unsigned s = sum(o2, 1);               /* UseAfterFree */
        (void)s;
    }
    VALGRIND_DESTROY_MEMPOOL(&meta);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "clean";
    if (strcmp(mode, "bad") == 0)
        bad();
    else if (strcmp(mode, "malloced") == 0)
        malloced();
    else if (strncmp(mode, "metapool", 8) == 0)
        metapool(strcmp(mode, "metapool_uaf") == 0);
    else if (strcmp(mode, "clean") == 0)
        clean();
    else
        use_after(mode);
    printf("done\n");
    return 0;
}
