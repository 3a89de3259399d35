/* glibc's own callers of the string functions, on heap strings of exact
   size: printf and friends, strdup/strndup, strtok/strsep, sscanf, the
   environment, file names, getline, qsort with strcmp, dlopen with a heap
   path (the dynamic linker's own copies).  glibc calls the replaced
   functions internally (through its IFUNC slots, which the core redirects
   too), so correct code stays clean: ffican must report nothing, even with
   --report=all. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *exact_str(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    char *p = malloc(n + 1);
    for (size_t i = 0; i <= n; i++)
        p[i] = s[i];
    return p;
}

static int by_strcmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    char *words[] = { exact_str("pear"), exact_str("apple"), exact_str("fig"),
                      exact_str("banana"), exact_str("kiwi"), exact_str("x") };
    size_t nw = sizeof words / sizeof words[0];

    /* stdio formatting of heap strings */
    printf("%s|%-8s|%.3s|%5s\n", words[0], words[1], words[3], words[5]);
    fputs(words[2], stdout);
    putchar('\n');
    puts(words[4]);
    char *fmt = exact_str("fmt %s %d\n");
    printf(fmt, words[0], 42);
    char *buf = malloc(12);             /* "apple:banana" needs 13 */
    int w = snprintf(buf, 12, "%s:%s", words[1], words[3]);
    printf("snprintf %d '%s'\n", w, buf);
    char *as = NULL;
    if (asprintf(&as, "%s-%s", words[2], words[4]) < 0)
        return 1;
    printf("asprintf '%s'\n", as);

    /* duplication */
    char *d = strdup(words[3]);
    char *nd = strndup(words[3], 3);
    char *nd2 = strndup(words[5], 10);
    printf("strdup %s strndup %s %s\n", d, nd, nd2);

    /* tokenising and parsing */
    char *line = exact_str("alpha,beta;;gamma");
    char *save = NULL;
    for (char *t = strtok_r(line, ",;", &save); t; t = strtok_r(NULL, ",;", &save))
        printf("tok '%s'\n", t);
    char *line2 = exact_str("k=v,x=y");
    char *p = line2;
    for (char *t; (t = strsep(&p, ",")) != NULL;)
        printf("sep '%s'\n", t);
    char *nums = exact_str("17 abc 2.5");
    int n; char word[8]; double f;
    if (sscanf(nums, "%d %7s %lf", &n, word, &f) == 3)
        printf("sscanf %d %s %.1f\n", n, word, f);
    printf("strtol %ld\n", strtol(nums, NULL, 10));

    /* sorting with strcmp */
    qsort(words, nw, sizeof words[0], by_strcmp);
    for (size_t i = 0; i < nw; i++)
        printf("%s ", words[i]);
    printf("\n");

    /* environment */
    char *val = exact_str("value-of-var");
    setenv("FFICAN_SM_VAR", val, 1);
    char *kv = exact_str("FFICAN_SM_KV=1");
    putenv(kv);
    printf("getenv %s %s\n", getenv("FFICAN_SM_VAR"), getenv("FFICAN_SM_KV"));
    unsetenv("FFICAN_SM_KV");           /* environ no longer points to kv */
    unsetenv("FFICAN_SM_VAR");
    free(kv);

    /* file names and lines read from a file */
    char *path = exact_str("sm_glibc.txt");
    FILE *fp = fopen(path, "w+");
    if (!fp)
        return 1;
    fprintf(fp, "%s\n%s\n", words[0], words[1]);
    rewind(fp);
    char *ln = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&ln, &cap, fp)) > 0)
        printf("line %zd %s", got, ln);
    fclose(fp);
    unlink(path);

    /* the dynamic linker copies names and searches paths with its own
       string functions */
    char *lib = exact_str("libm.so.6");
    void *h = dlopen(lib, RTLD_NOW);
    char *sym = exact_str("cos");
    printf("dlopen %s dlsym %s\n", h ? "ok" : dlerror(),
           h && dlsym(h, sym) ? "ok" : "missing");
    if (h)
        dlclose(h);

    free(sym); free(lib); free(ln); free(path); free(val); free(nums);
    free(line2); free(line); free(nd2); free(nd); free(d); free(as);
    free(buf); free(fmt);
    for (size_t i = 0; i < nw; i++)
        free(words[i]);
    return 0;
}
