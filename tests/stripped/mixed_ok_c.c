/* C side of mixed_ok.rs. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

char *c_shout(const char *s)
{
    size_t n = strlen(s);
    char *r = malloc(n + 2);
    if (!r)
        abort();
    for (size_t i = 0; i < n; i++)
        r[i] = (char)toupper((unsigned char)s[i]);
    r[n] = '!';
    r[n + 1] = 0;
    return r;
}

void c_keep_and_return(unsigned char *p, void (*release)(unsigned char *, size_t),
                       size_t len)
{
    p[0] ^= 1;
    release(p, len);
}
