/* C side of outparam_open.rs: an object handed to the caller through a
   `**out` parameter, as libgit2's git_repository_open or sqlite3_open
   do; and a callback that hands C a Rust object the same way. */
#include <stdlib.h>
#include <string.h>

struct op_obj { char *name; size_t len; };

int op_open(const char *name, struct op_obj **out)
{
    struct op_obj *o = malloc(sizeof *o);
    if (!o)
        return -1;
    o->name = strdup(name);
    o->len = strlen(name);
    *out = o;
    return 0;
}

size_t op_name_len(const struct op_obj *o)
{
    return o->len;
}

void op_close(struct op_obj *o)
{
    free(o->name);
    free(o);
}

/* make() stores a new object into our slot; unless keep, we hand it back
   to release() when done; with keep we forget it (the bug). */
unsigned long long op_collect(void (*make)(unsigned long long **), int keep,
                              void (*release)(unsigned long long *))
{
    unsigned long long *slot = NULL;
    make(&slot);
    unsigned long long v = *slot + 1;
    if (!keep)
        release(slot);
    slot = NULL;
    return v;
}
