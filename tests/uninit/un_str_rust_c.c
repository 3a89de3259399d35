/* C side of un_str_rust.rs: trusts the string to be terminated. */
#include <string.h>

int unsr_is_long(const char *s)
{
    size_t n = strlen(s);
    if (n > 11)                 /* branches on strlen's result */
        return 1;
    return 0;
}
