/* Accesses at the tail of odd-sized heap blocks, whose last granule is
   only partly accessible (the shadow's prefix granules).  Every width
   (1, 2, 4, 8 bytes) is used at every offset that fits.
     fixed:    all accesses inside the blocks, all bytes written first -> clean
     overflow: a 2-byte read and a 1-byte write that reach one byte past
               a 13-byte block                -> InvalidRead, InvalidWrite
     uninit:   the last byte of a 13-byte block is never written, and a
               branch depends on it           -> one UninitRead (heap origin) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* volatile: each access is one load or store of exactly that width */
static uint64_t read_all_widths(volatile unsigned char *p, size_t n)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++)
        s += p[i];
    for (size_t i = 0; i + 2 <= n; i += 2)
        s += *(volatile uint16_t *)(p + i);
    for (size_t i = 0; i + 4 <= n; i += 4)
        s += *(volatile uint32_t *)(p + i);
    for (size_t i = 0; i + 8 <= n; i += 8)
        s += *(volatile uint64_t *)(p + i);
    return s;
}

static void write_all_widths(volatile unsigned char *p, size_t n)
{
    for (size_t i = 0; i + 8 <= n; i += 8)
        *(volatile uint64_t *)(p + i) = 0x0101010101010101ULL * i;
    for (size_t i = 0; i + 4 <= n; i += 4)
        *(volatile uint32_t *)(p + i) = 0x01010101u * (unsigned)i;
    for (size_t i = 0; i + 2 <= n; i += 2)
        *(volatile uint16_t *)(p + i) = (uint16_t)(0x0101u * i);
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i + n);
}

static uint64_t clean_blocks(void)
{
    uint64_t s = 0;
    for (size_t n = 1; n <= 24; n++) {
        unsigned char *p = malloc(n);
        write_all_widths(p, n);
        s += read_all_widths(p, n);
        if (p[n - 1] == (unsigned char)(2 * n - 1))   /* a real use */
            s++;
        free(p);
    }
    return s;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "fixed";
    uint64_t s = clean_blocks();
    volatile unsigned char *p = malloc(13);
    if (strcmp(mode, "overflow") == 0) {
        write_all_widths(p, 13);
        s += *(volatile uint16_t *)(p + 12);   /* bytes 12..13 of 13 */
        p[13] = 1;
    } else if (strcmp(mode, "uninit") == 0) {
        write_all_widths(p, 12);
        s += read_all_widths(p, 12);
        if (p[12] == 7)   /* never written */
            s++;
    } else {
        write_all_widths(p, 13);
        s += read_all_widths(p, 13);
    }
    free((void *)p);
    printf("sum %llu\n", (unsigned long long)s);
    return 0;
}
