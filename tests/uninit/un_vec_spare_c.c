/* C side of un_vec_spare.rs: counts the spaces of a buffer, branching on
   each byte. */
#include <stddef.h>

size_t unv_count_spaces(const unsigned char *buf, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (buf[i] == ' ')          /* the conditional jump */
            n++;
    return n;
}
