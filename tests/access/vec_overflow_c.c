/* C side of vec_overflow.rs: trusts the caller's element counts. */
#include <stddef.h>
#include <stdint.h>

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
