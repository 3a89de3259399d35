/* C side of un_maybe_uninit.rs: fills a struct the caller allocated. */
struct unm_point {
    int x;
    int y;
    double w;
    char tag;
};

void unm_fill(struct unm_point *p, int complete)
{
    p->x = 3;
    p->y = -4;
    p->w = 2.5;
    if (complete)
        p->tag = 'k';
    /* otherwise tag is left uninitialised */
}
