/* C side of un_copy.rs: copies a buffer into a block of its own, looks at
   the copy, and frees it; the copy never leaves C. */
#include <stdlib.h>
#include <string.h>

static size_t unc2_count_zeros(const unsigned char *buf, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (buf[i] == 0)            /* the conditional jump */
            n++;
    return n;
}

size_t unc2_copy_count(const unsigned char *buf, size_t len)
{
    unsigned char *copy = malloc(len);
    memcpy(copy, buf, len);
    size_t n = unc2_count_zeros(copy, len);
    free(copy);
    return n;
}
