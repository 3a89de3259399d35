/* C side of extent.rs: writes n bytes, plus `extra` more when buggy;
   c_peek reads the first byte. */
#include <stddef.h>

static size_t c_extra;

void c_set_extra(size_t extra)
{
    c_extra = extra;
}

void c_fill_bytes(unsigned char *buf, size_t n)
{
    for (size_t i = 0; i < n + c_extra; i++)
        buf[i] = (unsigned char)(i + 1);
}

unsigned char c_peek(const unsigned char *buf)
{
    return buf[0];
}
