/* The C side of sm_rust.rs: plain libc string and memory calls on the
   buffers Rust hands over. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

size_t smc_copy_str(char *dst, const char *src)
{
    strcpy(dst, src);
    return strlen(src);
}

size_t smc_len(const char *s)
{
    return strlen(s);
}

void smc_fill(unsigned char *dst, size_t n, int byte)
{
    memset(dst, byte, n);
}

void smc_copy(unsigned char *dst, const unsigned char *src, size_t n)
{
    memcpy(dst, src, n);
}

int smc_compare(const char *a, const char *b)
{
    return strcmp(a, b);
}

long smc_find_last(const unsigned char *s, size_t n, int byte)
{
    const unsigned char *p = memchr(s, byte, n);
    const unsigned char *q = memrchr(s, byte, n);
    return p && p == q ? (long)(p - s) : -1;
}

char *smc_join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *r = malloc(la + 1 + lb + 1);
    memcpy(r, a, la);
    r[la] = '+';
    strcpy(r + la + 1, b);
    return r;
}

void smc_free(char *p)
{
    free(p);
}
