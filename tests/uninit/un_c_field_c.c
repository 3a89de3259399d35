/* C side of un_c_field.rs: a constructor that forgets a field unless told. */
#include <stdlib.h>

struct unf_conf {
    int width;
    int height;
    unsigned flags;
};

struct unf_conf *unf_conf_new(int complete)
{
    struct unf_conf *c = malloc(sizeof *c);
    c->width = 80;
    c->height = 24;
    if (complete)
        c->flags = 1;
    /* bug: otherwise flags is left uninitialised */
    return c;
}

void unf_conf_free(struct unf_conf *c)
{
    free(c);
}
