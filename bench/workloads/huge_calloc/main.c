/* huge_calloc: issue 17's huge block, calloc(1, 8 GiB), touched once per
 * MiB, summed and released.  Under Memcheck every page of it is written
 * (its calloc clears the block), so it costs 8 GB of memory and tens of
 * seconds; the point of the workload is what a tool pays for memory the
 * program barely touches.  Optional argument: the number of rounds.
 * Output: the checksum. */

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 1;
    size_t size = (size_t)8 << 30, step = (size_t)1 << 20;
    unsigned long sum = 0;
    for (int r = 0; r < rounds; r++) {
        unsigned char *p = calloc(1, size);
        if (p == NULL) {
            puts("calloc failed");
            return 1;
        }
        for (size_t i = 0; i < size; i += step)
            p[i] = (unsigned char)(i >> 20);
        for (size_t i = 0; i < size; i += step / 2)
            sum += p[i];
        free(p);
    }
    printf("huge_calloc: %lu\n", sum);
    return 0;
}
