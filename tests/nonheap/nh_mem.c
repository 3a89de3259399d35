/* Memory outside heap blocks, as Memcheck checks it (issue 16, item 4).
   One mode per behaviour, each with a _fixed twin that must be clean:
     unmapped:  a write to a page the program unmapped -> UnmappedAccess
                (the fault is caught, as natively); fixed: the page is
                mapped again (mmap MAP_FIXED, then mremap'd elsewhere)
                before the write
     syscall:   writev given an iovec whose buffer is not mapped, writev
                and readv given an iovec pointer that is not mapped, read
                into an unmapped page, open of a name at address 1 ->
                UnmappedAccess by the system call (each fails with EFAULT
                natively); fixed: the same calls with good buffers
     stack:     VALGRIND_MAKE_MEM_NOACCESS on a stack array, then a write
                to it -> OverflowWrite "marked inaccessible by the
                program"; fixed: a frame that marks its array and returns
                without unmarking it (Memcheck's rule: the mark dies with
                the frame), then frames that use that stack again
     fishy:     malloc, calloc and realloc given sizes negative as signed
                numbers -> FishySize, each call failing with NULL;
                fixed: sane sizes
     vbits:     VALGRIND_GET_VBITS of a buffer with an undefined byte,
                VALGRIND_SET_VBITS onto a defined one, a branch on it ->
                UninitRead; fixed: the source buffer fully written
     bigfree:   run with --freelist-vol=1000000 --freelist-big-blocks=50000:
                a small block freed, then big blocks freed past the
                volume, blocks of its size allocated, then the small one
                read -> UseAfterFree (the big ones left the quarantine
                first, so its memory was not handed out again); fixed:
                nothing read
   Natively every client request answers 0; the program prints only what
   is the same natively and under ffican, except in vbits mode, whose
   answers are printed (its .vgtest compares a .stdout.exp). */
#define _GNU_SOURCE   /* mremap */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>
#include <valgrind/memcheck.h>

static sigjmp_buf nh_jump;

static void nh_on_fault(int sig)
{
    siglongjmp(nh_jump, sig);
}

/* Writes c at p; says whether it faulted. */
static void nh_poke(volatile char *p, char c)
{
    struct sigaction sa, old_segv, old_bus;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = nh_on_fault;
    sigaction(SIGSEGV, &sa, &old_segv);
    sigaction(SIGBUS, &sa, &old_bus);
    if (sigsetjmp(nh_jump, 1) == 0) {
        *p = c;
        puts("write: no fault");
    } else {
        puts("write: fault caught");
    }
    sigaction(SIGSEGV, &old_segv, NULL);
    sigaction(SIGBUS, &old_bus, NULL);
}

static void nh_unmapped(int fixed)
{
    long pg = sysconf(_SC_PAGESIZE);
    char *m = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        return;
    m[0] = 'a';
    munmap(m + pg, 2 * pg);
    if (fixed) {
        /* Mapped again in place, and a mapping moved by mremap. */
        mmap(m + pg, pg, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        nh_poke(m + pg + 8, 'x');
        char *n = mremap(m + pg, pg, 2 * pg, MREMAP_MAYMOVE);
        if (n != MAP_FAILED)
            nh_poke(n + pg + 16, 'y');   /* the grown part */
        else
            puts("write: no fault");
        return;
    }
    nh_poke(m + 2 * pg + 8, 'x');
    nh_poke(m + 8, 'z');   /* still mapped: fine */
}

static void nh_syscall(int fixed)
{
    long pg = sysconf(_SC_PAGESIZE);
    int fd = open("/dev/null", O_RDWR);
    char good[64];
    memset(good, 'g', sizeof good);
    char *gone = mmap(NULL, pg, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(gone, pg);
    struct iovec iov[1];
    iov[0].iov_base = fixed ? good : gone;
    iov[0].iov_len = sizeof good;
    ssize_t r1 = writev(fd, iov, 1);
    const struct iovec *bad_iov = fixed ? iov : (const struct iovec *)8;
    ssize_t r2 = writev(fd, bad_iov, 1);
    ssize_t r3 = readv(fd, (struct iovec *)bad_iov, 1);
    int in = open("/proc/self/cmdline", O_RDONLY);
    ssize_t r4 = read(in, fixed ? good : gone, 16);
    close(in);
    const char *name = fixed ? "/dev/null" : (const char *)1;
    int r5 = open(name, O_RDONLY);
    printf("syscalls: %s %s %s %s %s\n", r1 < 0 ? "EFAULT" : "ok",
           r2 < 0 ? "EFAULT" : "ok", r3 < 0 ? "EFAULT" : "ok",
           r4 < 0 ? "EFAULT" : "ok", r5 < 0 ? "EFAULT" : "ok");
    if (r5 >= 0)
        close(r5);
    close(fd);
}

__attribute__((noinline)) static void nh_stack_bug(void)
{
    char zone[256];
    VALGRIND_MAKE_MEM_NOACCESS(zone, sizeof zone);
    ((volatile char *)zone)[10] = 'x';
    VALGRIND_MAKE_MEM_UNDEFINED(zone, sizeof zone);
}

__attribute__((noinline)) static void nh_stack_mark_and_return(void)
{
    char zone[4096];
    VALGRIND_MAKE_MEM_NOACCESS(zone, sizeof zone);
    __asm__ volatile("" : : "r"(zone) : "memory");
}

__attribute__((noinline)) static unsigned nh_stack_use(int depth)
{
    char buf[1024];
    memset(buf, depth, sizeof buf);
    unsigned s = 0;
    for (size_t i = 0; i < sizeof buf; i++)
        s += (unsigned char)((volatile char *)buf)[i];
    return depth > 0 ? s + nh_stack_use(depth - 1) : s;
}

static void nh_stack(int fixed)
{
    if (fixed)
        nh_stack_mark_and_return();
    else
        nh_stack_bug();
    printf("stack sum %u\n", nh_stack_use(6));
}

static void nh_fishy(int fixed)
{
    volatile size_t neg = fixed ? 16 : (size_t)-16;
    char *a = malloc(neg);
    char *b = calloc(1, neg);
    char *c = malloc(8);
    char *d = realloc(c, neg);
    printf("fishy: %s %s %s\n", a ? "block" : "NULL", b ? "block" : "NULL",
           d ? "block" : "NULL");
    free(a);
    free(b);
    free(d ? d : c);
}

static void nh_vbits(int fixed)
{
    int *src = malloc(4 * sizeof(int));
    int *dst = malloc(4 * sizeof(int));
    unsigned char bits[4 * sizeof(int)];
    for (int i = 0; i < 4; i++) {
        if (fixed || i != 2)
            src[i] = i;
        dst[i] = 0;
    }
    memset(bits, 0x55, sizeof bits);
    unsigned g = VALGRIND_GET_VBITS(src, bits, sizeof bits);
    unsigned s = VALGRIND_SET_VBITS(dst, bits, sizeof bits);
    printf("vbits: get %u set %u, bits of int 2: %02x %02x\n", g, s,
           bits[8], bits[11]);
    int sum = 0;
    for (int i = 0; i < 4; i++)
        sum += dst[i];
    if (sum == 12345)
        puts("unlikely");
    free(src);
    /* A range that may not be touched (a released block): 3, no copy. */
    unsigned g3 = VALGRIND_GET_VBITS(src, bits, sizeof bits);
    printf("vbits of a freed block: %u\n", g3);
    free(dst);
}

static void nh_bigfree(int fixed)
{
    char *small = malloc(1000);
    memset(small, 1, 1000);
    free(small);
    for (int i = 0; i < 4; i++)
        free(malloc(400000));   /* 1.6 MB of big blocks released */
    /* Blocks of the small one's size: its memory, once out of the
       quarantine, is handed out again, and then reading it is no error. */
    char *again[16];
    for (int i = 0; i < 16; i++) {
        again[i] = malloc(1000);
        memset(again[i], 2, 1000);
    }
    if (!fixed && ((volatile char *)small)[10] == 42)
        puts("unlikely");
    for (int i = 0; i < 16; i++)
        free(again[i]);
    puts("bigfree done");
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    size_t n = strlen(mode);
    int fixed = n > 6 && strcmp(mode + n - 6, "_fixed") == 0;
    if (strncmp(mode, "unmapped", 8) == 0)
        nh_unmapped(fixed);
    else if (strncmp(mode, "syscall", 7) == 0)
        nh_syscall(fixed);
    else if (strncmp(mode, "stack", 5) == 0)
        nh_stack(fixed);
    else if (strncmp(mode, "fishy", 5) == 0)
        nh_fishy(fixed);
    else if (strncmp(mode, "vbits", 5) == 0)
        nh_vbits(fixed);
    else if (strncmp(mode, "bigfree", 7) == 0)
        nh_bigfree(fixed);
    else
        return 2;
    return 0;
}
