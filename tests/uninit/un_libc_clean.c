/* glibc's own routines keep uninitialised memory in buffers and only copy
   it: stdio buffers, qsort's temporary, float formatting and parsing,
   getline's growing buffer, time formatting, realloc growth, calloc.
     clean -> clean, also under --report=all */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int unl_cmp(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

int main(void)
{
    /* qsort (a malloc'd temporary for large arrays: merge sort) */
    size_t n = 20000;
    long *v = malloc(n * sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = (long)((i * 2654435761u) % 100003);
    qsort(v, n, sizeof *v, unl_cmp);

    /* floats printed and parsed */
    char buf[256];
    int k = snprintf(buf, sizeof buf, "%f %.17g %e %a", 3.141592653589793,
                     0.1, 1e300, 2.5);
    double d = strtod("2.718281828459045", NULL);

    /* stdio round trip through a file, getline growing its buffer */
    char path[64];
    snprintf(path, sizeof path, "/tmp/ffican-uninit-libc-%d.txt", (int)getpid());
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 500; i++)
        fprintf(f, "line %d %.*s\n", i, i % 300, "");
    for (int i = 0; i < 50; i++)
        fprintf(f, "%0*d\n", 200 + i, i);
    fclose(f);
    f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long total = 0;
    while ((len = getline(&line, &cap, f)) != -1)
        total += len;
    rewind(f);
    char chunk[100];
    size_t got = fread(chunk, 1, sizeof chunk, f);
    int c3 = fscanf(f, "%99s", chunk);
    fclose(f);
    free(line);
    unlink(path);

    /* realloc growth and calloc */
    char *grow = NULL;
    size_t used = 0;
    for (int i = 0; i < 100; i++) {
        grow = realloc(grow, used + 13);
        memcpy(grow + used, "abcdefghijkl", 13);
        used += 12;
    }
    int *z = calloc(1000, sizeof *z);
    long zs = 0;
    for (int i = 0; i < 1000; i++)
        zs += z[i];

    /* time formatting */
    time_t t = 86400 * 365;
    struct tm tmv;
    gmtime_r(&t, &tmv);
    char tb[64];
    size_t tl = strftime(tb, sizeof tb, "%Y-%m-%d %H:%M:%S %a %b", &tmv);

    if (v[0] > v[n - 1] || k <= 0 || d < 2.0 || total < 1000 || got != 100 ||
        zs != 0 || tl == 0)
        puts("unexpected");
    printf("%ld %ld %s\n%.15f %d\n%ld %zu %d %zu %s\n", v[0], v[n - 1], buf,
           d, k, total, got, c3, strlen(grow), tb);
    free(v);
    free(grow);
    free(z);
    return 0;
}
