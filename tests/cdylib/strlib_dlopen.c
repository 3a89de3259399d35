/* C program loading the strlib cdylib (strlib.rs) with dlopen.
 * usage: strlib_dlopen LIBRARY bug|fixed
 *   bug:   frees the library's string with free()   -> ForeignFree
 *   fixed: gives it back to strlib_free()                                  */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s LIBRARY bug|fixed\n", argv[0]);
        return 2;
    }
    int fixed = strcmp(argv[2], "fixed") == 0;
    void *lib = dlopen(argv[1], RTLD_NOW);
    if (!lib) {
        fprintf(stderr, "dlopen: %s\n", dlerror());
        return 2;
    }
    char *(*greeting)(const char *) =
        (char *(*)(const char *))dlsym(lib, "strlib_greeting");
    void (*release)(char *) = (void (*)(char *))dlsym(lib, "strlib_free");
    if (!greeting || !release) {
        fprintf(stderr, "dlsym: %s\n", dlerror());
        return 2;
    }
    char *s = greeting("dlopen");
    printf("%s\n", s);
    if (fixed)
        release(s);
    else
        free(s);
    dlclose(lib);
    return 0;
}
