/* C side of c_string_rust_drop.rs: returns a malloc'd string. */
#include <stdlib.h>
#include <string.h>

char *c_make_greeting(const char *who)
{
    static const char hello[] = "hello, ";
    size_t n = strlen(hello) + strlen(who) + 1;
    char *s = malloc(n);
    if (!s)
        abort();
    memcpy(s, hello, sizeof hello - 1);
    memcpy(s + sizeof hello - 1, who, strlen(who) + 1);
    return s;
}
