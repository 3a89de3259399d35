/* C side of rust_free_c_interior.rs: objects with a 16-byte header. */
#include <stdlib.h>
#include <string.h>

struct header { size_t size; size_t magic; };

unsigned char *c_obj_new(size_t payload)
{
    struct header *h = malloc(sizeof *h + payload);
    if (!h)
        abort();
    h->size = payload;
    h->magic = 0xf1f1;
    memset(h + 1, 0, payload);
    return (unsigned char *)(h + 1);
}

void c_obj_release(unsigned char *obj)
{
    free((struct header *)obj - 1);
}
