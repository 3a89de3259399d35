/* Leak search cases in plain C.  The mode (first argument) picks one:
     hello       prints a line: nothing leaks
     tree        a tree of 7 blocks whose root pointer is dropped: the root
                 definitely lost, the 6 others indirectly lost
     interior    only a pointer 16 bytes into a block survives: possibly lost
     dead-stack  the only pointer to a block is in a returned function's
                 frame, below the stack pointer: definitely lost (searched
                 on request, right after the return)
     red-zone    the only pointer to a block is in a returned function's
                 small frame, inside the 128-byte red zone below the stack
                 pointer: definitely lost too (as in Memcheck)
     leaf-red-zone  a leaf function holds the only pointer to a block in
                 its red zone while it asks for a search: not lost
     mmap-eof    a file mapping longer than its file (reading its tail
                 faults) and one lost block: the search skips the tail
     on-demand   Memcheck's leak requests mid-run: full, added, the counts
                 and quick */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <valgrind/memcheck.h>

struct tnode { struct tnode *left, *right; long value; };

static char *inside_only;

static struct tnode *lk_tree(int depth, long value)
{
    struct tnode *n = malloc(sizeof *n);
    n->value = value;
    n->left = depth > 0 ? lk_tree(depth - 1, value * 2) : NULL;
    n->right = depth > 0 ? lk_tree(depth - 1, value * 2 + 1) : NULL;
    return n;
}

static long lk_sum(const struct tnode *n)
{
    return n ? n->value + lk_sum(n->left) + lk_sum(n->right) : 0;
}

static void lk_drop_tree(void)
{
    struct tnode *root = lk_tree(2, 1);
    printf("tree sum %ld\n", lk_sum(root));
    root = NULL;
}

static void lk_keep_inside(void)
{
    char *p = malloc(64);
    strcpy(p, "0123456789abcdefghij");
    inside_only = p + 16;
    printf("inside: %s\n", inside_only);
}

/* The pointer sits at the bottom of a frame bigger than the 128-byte red
   zone below the stack pointer, so once the function returns it is in
   dead stack. */
static int __attribute__((noinline)) lk_lose_in_frame(void)
{
    struct { char *volatile p; char pad[256]; } frame;
    frame.p = malloc(40);
    frame.p[0] = 1;
    memset(frame.pad, 0, sizeof frame.pad);
    return 2;
}

/* A frame smaller than the red zone: once the function returns, its
   pointer lies within 128 bytes below the caller's stack pointer. */
static void *volatile lk_sink;
static int __attribute__((noinline)) lk_lose_in_red_zone(void)
{
    char *volatile p = malloc(24);
    p[0] = 1;
    lk_sink = NULL;
    return 3;
}

/* Scratch registers may still hold a dead function's pointers: zero them
   (the leak search treats registers as roots). */
#if defined(__x86_64__)
#define LK_CLEAR_SCRATCH_REGISTERS \
    __asm__ volatile("xor %%eax, %%eax\n\txor %%ecx, %%ecx\n\t" \
                     "xor %%edx, %%edx\n\txor %%esi, %%esi\n\t" \
                     "xor %%edi, %%edi\n\txor %%r8d, %%r8d\n\t" \
                     "xor %%r9d, %%r9d\n\txor %%r10d, %%r10d\n\t" \
                     "xor %%r11d, %%r11d" \
                     ::: "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", \
                         "r10", "r11", "memory")
#else
#define LK_CLEAR_SCRATCH_REGISTERS do { } while (0)
#endif
static inline void lk_clear_scratch_registers(void)
{
    LK_CLEAR_SCRATCH_REGISTERS;
}

/* A leaf function (no call: gcc -O0 keeps its locals in the red zone,
   below the stack pointer) whose local is the only pointer to p's block
   when it asks for a search. */
static char *__attribute__((noinline)) lk_leaf_search(char *p)
{
    char *volatile q = p;
    LK_CLEAR_SCRATCH_REGISTERS;   /* inline: a call would end the leaf */
    VALGRIND_DO_LEAK_CHECK;
    q[0] = 2;
    return q;
}

static void lk_mmap_eof(void)
{
    int fd = open("lk_mmap_eof.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || write(fd, "ten bytes!", 10) != 10) {
        perror("lk_mmap_eof.tmp");
        exit(1);
    }
    long page = sysconf(_SC_PAGESIZE);
    void *m = mmap(NULL, 3 * page, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) {
        perror("mmap");
        exit(1);
    }
    close(fd);
    char *lost = malloc(32);
    memcpy(lost, m, 10);
    printf("mapped: %.10s\n", lost);
    lost = NULL;
}

/* Dead frames below the caller's stack pointer: overwrite them anyway. */
static void __attribute__((noinline)) lk_scrub_stack(void)
{
    volatile char junk[2048];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = 0;
}

/* Two trees lost from the same stacks: the full search shows the first,
   the "added" search the increase, then the counts and a quick search. */
static void lk_on_demand(void)
{
    unsigned long leaked, dubious, reachable, suppressed;
    for (int round = 0; round < 2; round++) {
        lk_drop_tree();
        lk_scrub_stack();
        lk_clear_scratch_registers();
        if (round == 0)
            VALGRIND_DO_LEAK_CHECK;
        else
            VALGRIND_DO_ADDED_LEAK_CHECK;
    }
    VALGRIND_COUNT_LEAKS(leaked, dubious, reachable, suppressed);
    printf("leaked %lu, dubious %lu, suppressed %lu\n", leaked, dubious,
           suppressed);
    VALGRIND_COUNT_LEAK_BLOCKS(leaked, dubious, reachable, suppressed);
    printf("blocks: leaked %lu, dubious %lu, suppressed %lu\n", leaked,
           dubious, suppressed);
    (void)reachable;
    VALGRIND_DO_QUICK_LEAK_CHECK;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    if (strcmp(mode, "hello") == 0) {
        printf("hello\n");
    } else if (strcmp(mode, "tree") == 0) {
        lk_drop_tree();
    } else if (strcmp(mode, "interior") == 0) {
        lk_keep_inside();
    } else if (strcmp(mode, "dead-stack") == 0) {
        int r = lk_lose_in_frame();
        lk_clear_scratch_registers();
        VALGRIND_DO_LEAK_CHECK;
        printf("returned %d\n", r);
    } else if (strcmp(mode, "red-zone") == 0) {
        int r = lk_lose_in_red_zone();
        lk_clear_scratch_registers();
        VALGRIND_DO_LEAK_CHECK;
        printf("returned %d\n", r);
    } else if (strcmp(mode, "leaf-red-zone") == 0) {
        free(lk_leaf_search(malloc(24)));
    } else if (strcmp(mode, "mmap-eof") == 0) {
        lk_mmap_eof();
    } else if (strcmp(mode, "on-demand") == 0) {
        lk_on_demand();
    } else {
        fprintf(stderr, "unknown mode %s\n", mode);
        return 2;
    }
    return 0;
}
