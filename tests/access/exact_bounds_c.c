/* C side of exact_bounds.rs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void c_fill(uint32_t *buf, size_t n)
{
    for (size_t i = 0; i < n; i++)
        buf[i] = (uint32_t)(i * 3 + 1);
}

uint64_t c_sum(const uint32_t *buf, size_t n)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++)
        s += buf[i];
    return s;
}

unsigned char *c_odd_block(size_t n)
{
    unsigned char *p = malloc(n);
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)i;
    return p;
}

unsigned char c_last_byte(const unsigned char *buf, size_t n)
{
    return buf[n - 1];
}
