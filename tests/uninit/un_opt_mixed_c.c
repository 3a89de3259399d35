/* C side of un_opt_mixed.rs, built with -O3: vectorised loops. */
#include <stddef.h>

void unom_fill(unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        b[i] = (unsigned char)((i * 7 + 3) % 251);
}

unsigned unom_sum(const unsigned char *b, size_t n)
{
    unsigned s = 0;
    for (size_t i = 0; i < n; i++)
        s += b[i];
    return s;
}

size_t unom_count(const unsigned char *b, size_t n, unsigned char c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += b[i] == c;
    return k;
}
