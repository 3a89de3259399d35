/* bnd_app.c: a C program using the C library bnd_lib.c (libbndlib.so)
   across a declared boundary (bnd_app.boundary: sides app and lib).
   Modes:
     clean         the app frees the name the library allocated, and the
                   library frees the buffer the app handed over: nothing
                   to report (same malloc family on both sides)
     double        the app frees a buffer the library already freed
                   -> DoubleFree: app-allocated, first released by lib
     double_fixed  the app leaves the release to the library
     interior      the app hands the library a pointer into its block,
                   which the library frees -> InvalidFree by lib code */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *bl_copy_name(const char *s);
void bl_take(char *buf);
void bl_fill(char *buf, size_t n);

static char *app_buffer(size_t n)
{
    char *b = malloc(n);
    if (!b)
        abort();
    bl_fill(b, n - 1);
    b[n - 1] = 0;
    return b;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "clean";
    char *name = bl_copy_name("bnd");
    char *buf = app_buffer(16);
    printf("%s %s\n", name, buf);
    free(name);
    if (strcmp(mode, "interior") == 0) {
        bl_take(buf + 4);
        free(buf);
    } else {
        bl_take(buf);
        if (strcmp(mode, "double") == 0)
            free(buf);
    }
    printf("done\n");
    return 0;
}
