/* C side of vec_c_realloc.rs: appends n values to a Rust-owned buffer. */
#include <stdlib.h>

struct buf { unsigned *ptr; size_t len, cap; };

void rust_buf_grow(struct buf *b, size_t additional);  /* Rust side */

void c_append(struct buf *b, size_t n, int use_rust_grow)
{
    for (size_t i = 0; i < n; i++) {
        if (b->len == b->cap) {
            if (use_rust_grow) {
                rust_buf_grow(b, 1);                    /* right */
            } else {
                size_t cap = b->cap * 2;
                b->ptr = realloc(b->ptr, cap * sizeof *b->ptr);  /* wrong */
                if (!b->ptr)
                    abort();
                b->cap = cap;
            }
        }
        b->ptr[b->len++] = (unsigned)(i + 10);
    }
}
