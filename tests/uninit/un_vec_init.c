/* Vector stores (16 and 32 bytes) that initialise fresh heap memory at
   every offset: the bytes they write become defined, their neighbours
   stay undefined.
     fixed: branches only on the bytes the stores wrote -> clean
     bug:   a 16-byte store at offset 3 of a fresh block, then branches on
            the byte before it and the byte after it   -> two UninitReads
            (lines 53 and 55), each naming the block */
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void store16(unsigned char *p, char c)
{
    _mm_storeu_si128((__m128i *)p, _mm_set1_epi8(c));
}

__attribute__((target("avx2"))) static void store32_avx(unsigned char *p,
                                                        char c)
{
    _mm256_storeu_si256((__m256i *)p, _mm256_set1_epi8(c));
}

/* 32 bytes in one store where the CPU can, else in two */
static void store32(unsigned char *p, char c)
{
    if (__builtin_cpu_supports("avx2")) {
        store32_avx(p, c);
    } else {
        store16(p, c);
        store16(p + 16, c);
    }
}

static unsigned count_written(const unsigned char *p, size_t from, size_t n,
                              unsigned char c)
{
    unsigned k = 0;
    for (size_t i = from; i < from + n; i++)
        if (p[i] == c)   /* a use of each written byte */
            k++;
    return k;
}

int main(int argc, char **argv)
{
    int bug = argc > 1 && strcmp(argv[1], "bug") == 0;
    unsigned k = 0;
    if (bug) {
        unsigned char *p = malloc(64);
        store16(p + 3, 7);
        k += count_written(p, 3, 16, 7);
        if (p[2] == 7)    /* before the store: never written */
            k += 100;
        if (p[19] == 7)   /* after it: never written */
            k += 1000;
        free(p);
    } else {
        for (size_t off = 0; off < 16; off++) {
            unsigned char *p = malloc(64);
            store16(p + off, 7);
            store32(p + off + 16, 9);
            k += count_written(p, off, 16, 7);
            k += count_written(p, off + 16, 32, 9);
            free(p);
        }
    }
    printf("%u\n", k);
    return 0;
}
