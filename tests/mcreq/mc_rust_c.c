/* C side of mc_rust.rs: fills a buffer it is given and keeps a pointer
   to it for later. */
#include <stddef.h>

static const unsigned char *kept;

void c_fill(unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i + 1);
}

void c_keep(const unsigned char *p)
{
    kept = p;
}

unsigned c_peek_kept(void)
{
    return kept[0];
}
