/* cside.c: the C half of the alloc_mix benchmark workload.
 *
 * Reads blocks Rust lends it, keeps Rust-owned strings and buffers in two
 * rings and gives each back to Rust (rust_release_*) when its slot is
 * reused or at the end, and does its own malloc/calloc/realloc/free work.
 * Every block is released by the family that allocated it. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Exported by main.rs. */
extern uint64_t rust_release_cstring(char *s);
extern uint64_t rust_release_buffer(unsigned char *p, size_t len, size_t cap);
extern unsigned char *rust_alloc_scratch(size_t n);
extern void rust_free_scratch(unsigned char *p, size_t n);

#define STR_RING 64
#define BUF_RING 32

/* Rust CStrings C owns for now; NULL = empty slot. */
static char *str_ring[STR_RING];
static unsigned str_next;

/* Rust Vec<u8> parts C owns for now; p == NULL = empty slot. */
static struct {
    unsigned char *p;
    size_t len, cap;
} buf_ring[BUF_RING];
static unsigned buf_next;

/* Sum of what the rust_release_* calls returned. */
static uint64_t released;

uint64_t cside_sum_bytes(const unsigned char *p, size_t n)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++)
        s += p[i] * (uint64_t)(i + 1);
    return s;
}

uint64_t cside_hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h >> 40;
}

void cside_keep_string(char *s)
{
    char **slot = &str_ring[str_next++ % STR_RING];
    if (*slot)
        released += rust_release_cstring(*slot);
    *slot = s;
}

void cside_keep_buffer(unsigned char *p, size_t len, size_t cap)
{
    unsigned k = buf_next++ % BUF_RING;
    if (buf_ring[k].p)
        released += rust_release_buffer(buf_ring[k].p, buf_ring[k].len, buf_ring[k].cap);
    buf_ring[k].p = p;
    buf_ring[k].len = len;
    buf_ring[k].cap = cap;
}

/* A record of n words: malloc, grow with realloc, a calloc'd index, and a
 * scratch copy in a buffer borrowed from Rust. */
uint64_t cside_record(uint64_t seed, size_t n)
{
    uint64_t *r = malloc(n * sizeof *r);
    uint64_t s = 0;
    if (!r)
        abort();
    for (size_t i = 0; i < n; i++)
        r[i] = seed ^ (i * 0x9e3779b97f4a7c15ULL);
    uint64_t *g = realloc(r, 2 * n * sizeof *r);
    if (!g)
        abort();
    r = g;
    memcpy(r + n, r, n * sizeof *r);
    unsigned *idx = calloc(n, sizeof *idx);
    if (!idx)
        abort();
    for (size_t i = 0; i < n; i++)
        idx[i] = (unsigned)((r[i] >> 7) % (2 * n));
    unsigned char *scratch = rust_alloc_scratch(n * sizeof *r);
    memcpy(scratch, r + n, n * sizeof *r);
    for (size_t i = 0; i < n; i++)
        s += r[idx[i]] + scratch[i];
    rust_free_scratch(scratch, n * sizeof *r);
    free(idx);
    free(r);
    return s;
}

/* A malloc'd string grown with realloc, part by part. */
char *cside_build_text(uint64_t seed, int parts)
{
    size_t cap = 16, len = 0;
    char *t = malloc(cap);
    if (!t)
        abort();
    t[0] = '\0';
    for (int i = 0; i < parts; i++) {
        char part[48];
        int n = snprintf(part, sizeof part, "%s%llu:%d", i ? "," : "",
                         (unsigned long long)seed, i);
        while (len + (size_t)n + 1 > cap) {
            cap *= 2;
            char *g = realloc(t, cap);
            if (!g)
                abort();
            t = g;
        }
        memcpy(t + len, part, (size_t)n + 1);
        len += (size_t)n;
    }
    return t;
}

void cside_free_text(char *p)
{
    free(p);
}

/* Give every block C still holds back to Rust; return the release sum. */
uint64_t cside_drain(void)
{
    for (unsigned k = 0; k < STR_RING; k++)
        if (str_ring[k]) {
            released += rust_release_cstring(str_ring[k]);
            str_ring[k] = NULL;
        }
    for (unsigned k = 0; k < BUF_RING; k++)
        if (buf_ring[k].p) {
            released += rust_release_buffer(buf_ring[k].p, buf_ring[k].len, buf_ring[k].cap);
            buf_ring[k].p = NULL;
        }
    return released;
}
