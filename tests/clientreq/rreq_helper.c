/* C half of rreq_main.rs: a malloc block for Rust, its release, and a
   function reading a buffer Rust passes. */
#include <stdlib.h>
#include <string.h>

char *rreq_c_block(size_t n)
{
    char *p = malloc(n);
    memset(p, 0, n);
    return p;
}

void rreq_c_release(void *p)
{
    free(p);
}

size_t rreq_c_sum(const unsigned char *buf, size_t len)
{
    size_t s = 0;
    for (size_t i = 0; i < len; i++)
        s += buf[i];
    return s;
}
