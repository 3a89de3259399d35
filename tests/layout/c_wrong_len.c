/* A C program using a Rust library's byte buffers (c_wrong_len_rs.rs).
 *   bug-size:  gives the buffer back with a wrong length
 *              -> LayoutMismatch (Rust block of 32 bytes released with size 31)
 *   bug-align: gives an aligned buffer back through the plain free function
 *              -> LayoutMismatch (align 64 block released with align 1)
 *   fixed:     right length, right function for each buffer                */
#include <stdio.h>
#include <string.h>

unsigned char *rs_buffer_new(size_t len);
void rs_buffer_free(unsigned char *p, size_t len);
unsigned char *rs_aligned_new(size_t len);
void rs_aligned_free(unsigned char *p, size_t len);

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "bug-size";
    size_t len = 32;
    unsigned char *b = rs_buffer_new(len);
    unsigned char *a = rs_aligned_new(len);
    memset(b, 7, len);
    memset(a, 9, len);
    printf("sum %d\n", b[0] + b[len - 1] + a[0] + a[len - 1]);
    fflush(stdout);
    if (strcmp(mode, "bug-size") == 0)
        rs_buffer_free(b, len - 1);          /* wrong: off by one */
    else
        rs_buffer_free(b, len);
    if (strcmp(mode, "bug-align") == 0)
        rs_buffer_free(a, len);              /* wrong: aligned buffer */
    else
        rs_aligned_free(a, len);
    return 0;
}
