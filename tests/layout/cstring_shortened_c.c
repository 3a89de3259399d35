/* C side of cstring_shortened.rs. */
#include <string.h>

void c_edit(char *s, int truncate)
{
    char *slash = strchr(s, '/');
    if (slash)
        *slash = '\\';
    if (truncate)
        s[6] = '\0';    /* wrong: changes the length of a CString */
}
