/* A C program and a Rust library (mixed_clean_rs.rs) exchanging memory
 * correctly in both directions; nothing to report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *rs_upper(const char *s);            /* returns a CString::into_raw */
void rs_string_free(char *s);
size_t rs_consume_c_string(char *s);      /* copies, then frees with free() */
unsigned *rs_numbers(size_t n, size_t *cap);
void rs_numbers_free(unsigned *p, size_t len, size_t cap);

int main(void)
{
    char *up = rs_upper("mixed memory");
    printf("%s\n", up);
    rs_string_free(up);

    char *mine = malloc(32);
    strcpy(mine, "owned by C, freed by libc");
    printf("%zu\n", rs_consume_c_string(mine));

    size_t cap;
    unsigned *nums = rs_numbers(5, &cap);
    printf("%u %u\n", nums[0], nums[4]);
    rs_numbers_free(nums, 5, cap);
    return 0;
}
