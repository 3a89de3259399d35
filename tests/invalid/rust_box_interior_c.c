/* C side of rust_box_interior.rs: linear search. */
#include <stddef.h>

unsigned long long *c_find(unsigned long long *a, size_t n,
                           unsigned long long value)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] == value)
            return &a[i];
    return NULL;
}
