/* Memory that libc allocates for the caller, released with free() as its
 * manual says: strdup, strndup, asprintf, getline, open_memstream,
 * realpath, scandir. Nothing is to be reported. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char *a = strdup("alpha");
    char *b = strndup("bravo-charlie", 5);
    char *c = NULL;
    if (asprintf(&c, "%s+%s=%d", a, b, 42) < 0)
        return 1;

    char *buf = NULL;
    size_t cap = 0;
    FILE *in = fmemopen("line one\nline two\n", 18, "r");
    size_t lines = 0;
    while (getline(&buf, &cap, in) > 0)
        lines++;
    fclose(in);

    char *mem = NULL;
    size_t memlen = 0;
    FILE *out = open_memstream(&mem, &memlen);
    fprintf(out, "%s %s %zu", a, b, lines);
    fclose(out);

    char *real = realpath("/", NULL);

    struct dirent **names = NULL;
    int n = scandir("/", &names, NULL, alphasort);
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);

    printf("%s | %s | %s | %d\n", c, mem, real, n > 0);
    free(real);
    free(mem);
    free(buf);
    free(c);
    free(b);
    free(a);
    return 0;
}
