/* C side of cstring_c_free.rs: prints a Rust string, then releases it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rust_string_free(char *s);   /* exported by the Rust side */

int c_print_and_release(char *s, int give_back)
{
    int n = (int)strlen(s);
    printf("C got: %s\n", s);
    fflush(stdout);
    if (give_back)
        rust_string_free(s);      /* right */
    else
        free(s);                  /* wrong: C free() of a CString */
    return n;
}
