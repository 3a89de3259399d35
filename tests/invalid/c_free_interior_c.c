/* C side of c_free_interior.rs. */
#include <stdlib.h>

void rust_array_free(unsigned *a);   /* Rust side */

unsigned c_sum_and_release(unsigned *a, size_t n, int give_back)
{
    unsigned s = 0;
    for (size_t i = 0; i < n; i++)
        s += a[i];
    if (give_back)
        rust_array_free(a);          /* right */
    else
        free(a + 1);                 /* wrong: not the start of the block */
    return s;
}
