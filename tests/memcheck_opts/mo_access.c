/* For --ignore-ranges and --undef-value-errors (modes):
 *   overflow: prints the address just past a 16-byte block, then writes
 *             one byte there (an overflow: OverflowWrite, Memcheck's
 *             "Invalid write")
 *   uninit:   branches on a byte of a malloc'd block never written
 *             (UninitRead, Memcheck's "Conditional jump ... uninitialised") */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "overflow";
    char *p = malloc(16);
    if (strcmp(mode, "overflow") == 0) {
        printf("%p\n", (void *)(p + 16));
        fflush(stdout);
        ((volatile char *)p)[16] = 1;
    } else {
        if (((volatile char *)p)[3] == 7)
            printf("seven\n");
        else
            printf("not seven\n");
    }
    free(p);
    return 0;
}
