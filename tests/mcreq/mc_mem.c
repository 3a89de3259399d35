/* Memcheck's memory requests (memcheck.h) under ffican, which tracks
   addressability but not definedness.  The mode (argv[1]):
     noaccess  the tail of a malloc'd buffer marked NOACCESS, then read:
               an OverflowRead of memory "marked inaccessible by the
               program"
     restore   NOACCESS undone by MAKE_MEM_DEFINED, and by
               MAKE_MEM_UNDEFINED, then every byte used; the answers of
               the other requests printed (checks of good memory 0,
               V-bits 0, block handles): nothing to report; a NOACCESS
               of a stack buffer and DISABLE_ADDR_ERROR_REPORTING_IN_RANGE
               only warn
     check     CHECK_MEM_IS_ADDRESSABLE over a 16-byte block and one byte
               more, CHECK_MEM_IS_DEFINED over a NOACCESS range, and
               CHECK_MEM_IS_ADDRESSABLE of address 0: three OverflowReads;
               the answers (the first bad byte) printed */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <valgrind/valgrind.h>
#include <valgrind/memcheck.h>

static unsigned sum(const unsigned char *p, size_t n)
{
    unsigned s = 0;
    for (size_t i = 0; i < n; i++)
        s += p[i];
    return s;
}

static void noaccess(void)
{
    unsigned char *buf = malloc(32);
    memset(buf, 1, 32);
    VALGRIND_MAKE_MEM_NOACCESS(buf + 16, 16);
    volatile unsigned s = sum(buf, 17);          /* byte 16 is off limits */
    (void)s;
    VALGRIND_MAKE_MEM_DEFINED(buf + 16, 16);
    free(buf);
}

static void restore(void)
{
    unsigned char *buf = malloc(32);
    memset(buf, 1, 32);
    long r1 = VALGRIND_MAKE_MEM_NOACCESS(buf, 32);
    long r2 = VALGRIND_MAKE_MEM_DEFINED(buf, 32);
    memset(buf, 2, 32);
    VALGRIND_MAKE_MEM_NOACCESS(buf + 8, 8);
    long r3 = VALGRIND_MAKE_MEM_UNDEFINED(buf + 8, 8);
    long r4 = VALGRIND_MAKE_MEM_DEFINED_IF_ADDRESSABLE(buf, 64);
    memset(buf, 3, 32);
    printf("make_mem: %ld %ld %ld %ld, sum %u\n", r1, r2, r3, r4,
           sum(buf, 32));

    unsigned long c1 = VALGRIND_CHECK_MEM_IS_ADDRESSABLE(buf, 32);
    unsigned long c2 = VALGRIND_CHECK_MEM_IS_DEFINED(buf, 32);
    printf("checks of good memory: %lu %lu\n", c1, c2);

    unsigned char vbits[32];
    memset(vbits, 0x55, sizeof vbits);
    int g = VALGRIND_GET_VBITS(buf, vbits, 32);
    int s = VALGRIND_SET_VBITS(buf, vbits, 32);
    printf("vbits: get %d set %d, bits %02x %02x\n", g, s, vbits[0],
           vbits[31]);

    unsigned h1 = VALGRIND_CREATE_BLOCK(buf, 32, "a buffer");
    unsigned h2 = VALGRIND_CREATE_BLOCK(buf, 16, "its first half");
    unsigned long d1 = VALGRIND_DISCARD(h1);
    unsigned long d2 = VALGRIND_DISCARD(h1);       /* again: 1 */
    unsigned long d3 = VALGRIND_DISCARD(h2);
    printf("blocks: %u %u, discard %lu %lu %lu\n", h1, h2, d1, d2, d3);

    unsigned char local[64];
    VALGRIND_MAKE_MEM_NOACCESS(local, sizeof local);
    VALGRIND_MAKE_MEM_UNDEFINED(local, sizeof local);   /* undone */
    memset(local, 4, sizeof local);
    printf("stack %u\n", sum(local, sizeof local));

    unsigned long dis =
        VALGRIND_DISABLE_ADDR_ERROR_REPORTING_IN_RANGE(buf, 32);
    printf("disable reporting: %lu\n", dis);
    free(buf);
}

static void check(void)
{
    unsigned char *buf = malloc(16);
    memset(buf, 1, 16);
    uintptr_t bad = VALGRIND_CHECK_MEM_IS_ADDRESSABLE(buf, 17);
    printf("first bad byte: buf+%lu\n", (unsigned long)(bad - (uintptr_t)buf));
    VALGRIND_MAKE_MEM_NOACCESS(buf + 8, 8);
    bad = VALGRIND_CHECK_MEM_IS_DEFINED(buf + 8, 8);
    printf("first bad byte: buf+%lu\n", (unsigned long)(bad - (uintptr_t)buf));
    VALGRIND_MAKE_MEM_DEFINED(buf + 8, 8);
    bad = VALGRIND_CHECK_MEM_IS_ADDRESSABLE(NULL, 8);
    printf("first bad byte of NULL: %lu\n", (unsigned long)bad);
    free(buf);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "restore";
    if (strcmp(mode, "noaccess") == 0)
        noaccess();
    else if (strcmp(mode, "check") == 0)
        check();
    else
        restore();
    printf("done\n");
    return 0;
}
