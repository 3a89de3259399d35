/* C program linked against the strlib cdylib (strlib.rs).
 *   bug:   frees the library's string with free()   -> ForeignFree
 *   fixed: gives it back to strlib_free()                                  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *strlib_greeting(const char *name);
void strlib_free(char *s);

int main(int argc, char **argv)
{
    int fixed = argc > 1 && strcmp(argv[1], "fixed") == 0;
    char *s = strlib_greeting("linked");
    printf("%s\n", s);
    if (fixed)
        strlib_free(s);
    else
        free(s);
    return 0;
}
