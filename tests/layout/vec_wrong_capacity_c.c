/* C side of vec_wrong_capacity.rs: keeps a Rust buffer, then returns it. */
#include <stddef.h>

static unsigned *held;
static size_t held_len, held_cap;

void c_hold(unsigned *ptr, size_t len, size_t cap)
{
    held = ptr;
    held_len = len;
    held_cap = cap;
}

void c_give_back(void (*take)(unsigned *, size_t, size_t, int), int mode)
{
    unsigned *p = held;
    held = NULL;
    take(p, held_len, held_cap, mode);
}
