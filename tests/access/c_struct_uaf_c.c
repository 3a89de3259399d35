/* C side of c_struct_uaf.rs. */
#include <stdlib.h>

struct record { int id; int count; long total; };

struct record *c_record_new(int id)
{
    struct record *r = malloc(sizeof *r);
    r->id = id;
    r->count = 3;
    r->total = 42;
    return r;
}

void c_record_destroy(struct record *r)
{
    free(r);
}
