/* C side of box_c_free.rs: uses a Rust-allocated point, then releases it. */
#include <stdlib.h>

struct point { long long x, y; };

void free_box(struct point *p);   /* exported by the Rust side */

long long c_consume_point(struct point *p, int give_back)
{
    long long sum = p->x + p->y;
    if (give_back)
        free_box(p);              /* right: Rust memory goes back to Rust */
    else
        free(p);                  /* wrong: C free() of a Rust block */
    return sum;
}
