/* C side of un_cross.rs. */
#include <stdbool.h>
#include <stdlib.h>

struct ucx_rec {
    int id;
    int extra;
};

/* Ignores its second argument. */
int ucx_take(int a, int b)
{
    (void)b;
    return a * 2;
}

struct ucx_rec *ucx_new(int complete)
{
    struct ucx_rec *r = malloc(sizeof *r);
    r->id = 3;
    if (complete)
        r->extra = 5;
    /* otherwise extra is left uninitialised */
    return r;
}

int ucx_extra(const struct ucx_rec *r)
{
    return r->extra;
}

void ucx_free(struct ucx_rec *r)
{
    free(r);
}

struct ucx_small {
    unsigned char tag;
    int value;
};

struct ucx_small ucx_small_make(int v)
{
    struct ucx_small s;         /* its padding is never written */
    s.tag = 1;
    s.value = v;
    return s;
}

int ucx_small_sum(struct ucx_small s, unsigned char flag, short w)
{
    return s.tag + s.value + flag + w;
}

_Bool ucx_is_even(int v)
{
    return v % 2 == 0;
}
