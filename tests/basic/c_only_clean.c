/* Pure C allocation patterns; nothing to report. */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char *a = malloc(10);
    int *b = calloc(16, sizeof *b);
    strcpy(a, "abc");
    a = realloc(a, 1000);
    a = realloc(a, 5);
    char *d = strdup("duplicate");
    void *m = NULL;
    if (posix_memalign(&m, 64, 256) != 0)
        return 1;
    void *al = aligned_alloc(128, 512);
    void *mm = memalign(32, 100);
    char *z = realloc(NULL, 30);     /* realloc as malloc */
    printf("%s %d %s %d\n", a, b[3], d, (int)(((size_t)m | (size_t)al) % 64));
    free(z);
    free(mm);
    free(al);
    free(m);
    free(d);
    free(b);
    free(a);
    free(NULL);
    return 0;
}
