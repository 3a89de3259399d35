/* C side of rust_threads.rs. */
#include <stdlib.h>

struct item { unsigned long long thread, seq; };

unsigned long long c_roundtrip(struct item *it, void (*release)(struct item *))
{
    unsigned long long v = it->thread * 1000 + it->seq;
    release(it);                     /* right: back to Rust */
    return v;
}

void c_drop_item(struct item *it)
{
    free(it);                        /* wrong: C free() of a Rust block */
}
