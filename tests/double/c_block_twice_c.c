/* C side of c_block_twice.rs: creates a record and frees it when done. */
#include <stdlib.h>
#include <string.h>

unsigned char *c_new_record(size_t len)
{
    unsigned char *r = malloc(len);
    if (!r)
        abort();
    memset(r, 42, len);
    return r;
}

void c_record_done(unsigned char *r)
{
    free(r);
}
