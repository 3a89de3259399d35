/* bnd_lib.c: a small C library, built as a shared object (libbndlib.so),
   used by bnd_app.c.  Both are C: only a boundary file can tell ffican
   that they are two sides.  Its contract: bl_copy_name returns a block
   the caller frees; bl_take takes over a block the caller allocated and
   frees it; bl_fill writes n bytes. */
#include <stdlib.h>
#include <string.h>

char *bl_copy_name(const char *s)
{
    char *p = malloc(strlen(s) + 1);
    if (!p)
        abort();
    strcpy(p, s);
    return p;
}

void bl_take(char *buf)
{
    free(buf);
}

void bl_fill(char *buf, size_t n)
{
    memset(buf, 'x', n);
}
