/* Optimised (vectorised) loops over a partially initialised heap buffer.
   A 1000-byte malloc'd buffer of which only the first 600 bytes are written.
   Built at -O2 (un_opt_loops_o2) and -O3 (un_opt_loops_o3, vectorised).
     fixed: sum, count, max, search and a 4-byte-word checksum over the first
            600 bytes only -> clean (also under --report=all)
     bug:   the sum runs over 640 bytes and its result is branched on
            -> UninitRead: C code's conditional jump depends on uninitialised
               bytes of a C-allocated block (malloc, 1000 bytes), in main
               (shown with --report=all: no boundary involved) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNO_SIZE 1000
#define UNO_INIT 600

static volatile int uno_sink;

__attribute__((noinline, noipa)) static void uno_note(int v)
{
    uno_sink = v;
}

__attribute__((noinline, noipa)) static void uno_fill(unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        b[i] = (unsigned char)((i * 7 + 3) % 251);
}

__attribute__((noinline, noipa)) static unsigned uno_sum(const unsigned char *b,
                                                         size_t n)
{
    unsigned s = 0;
    for (size_t i = 0; i < n; i++)
        s += b[i];
    return s;
}

__attribute__((noinline, noipa)) static size_t uno_count(const unsigned char *b,
                                                         size_t n, unsigned char c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += b[i] == c;
    return k;
}

__attribute__((noinline, noipa)) static unsigned char uno_max(const unsigned char *b,
                                                              size_t n)
{
    unsigned char m = 0;
    for (size_t i = 0; i < n; i++)
        m = b[i] > m ? b[i] : m;
    return m;
}

__attribute__((noinline, noipa)) static long uno_find(const unsigned char *b,
                                                      size_t n, unsigned char c)
{
    for (size_t i = 0; i < n; i++)
        if (b[i] == c)
            return (long)i;
    return -1;
}

__attribute__((noinline, noipa)) static uint32_t uno_xor32(const unsigned char *b,
                                                           size_t n)
{
    uint32_t x = 0;
    for (size_t i = 0; i + 4 <= n; i += 4) {
        uint32_t w;
        memcpy(&w, b + i, 4);
        x ^= w * 2654435761u;
    }
    return x;
}

int main(int argc, char **argv)
{
    int bug = argc > 1 && strcmp(argv[1], "bug") == 0;
    unsigned char *buf = malloc(UNO_SIZE);
    uno_fill(buf, UNO_INIT);
    if (bug) {
        unsigned s = uno_sum(buf, UNO_INIT + 40);   /* bug: 40 bytes too many */
        if (s & 1)
            uno_note(1);
        puts("summed");
    } else {
        unsigned s = uno_sum(buf, UNO_INIT);
        size_t k = uno_count(buf, UNO_INIT, 10);
        unsigned char m = uno_max(buf, UNO_INIT);
        long at = uno_find(buf, UNO_INIT, 52);
        long none = uno_find(buf, UNO_INIT, 252);
        uint32_t x = uno_xor32(buf, UNO_INIT);
        if (s & 1)
            uno_note(1);
        if (k > 2)
            uno_note(2);
        if (x & 1)
            uno_note(3);
        printf("sum %u count %zu max %u at %ld none %ld xor %08x\n",
               s, k, m, at, none, x);
    }
    free(buf);
    return 0;
}
