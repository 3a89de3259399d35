/* C side of dangling_as_ptr.rs: its own loop, not libc's strlen. */
#include <stddef.h>

size_t c_length(const char *s)
{
    size_t n = 0;
    while (s[n] != '\0' && n < 64)
        n++;
    return n;
}
