/* C side of lto_mixed.rs: releases what it is given with free(), and
   makes a malloc'd text. */
#include <stdlib.h>
#include <string.h>

void lto_c_release(void *p)
{
    free(p);
}

char *lto_c_make_text(size_t n)
{
    char *s = malloc(n);
    if (!s)
        abort();
    memset(s, 'a', n - 1);
    s[n - 1] = 0;
    return s;
}
