/* Copying a padded struct whose padding was never written must be silent.
   A heap struct { char a; long b; char c; } (7 + 7 bytes of padding) is set
   field by field, then copied into other heap blocks with memcpy, with
   struct assignment, through realloc, as an array with memmove, and passed
   by value; every field of every copy is then branched on and printed.
   Built at -O0 (un_padded) and -O2 (un_padded_o2).
     clean -> no error, also under --report=all */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct unp_rec {
    char a;
    long b;
    char c;
};

static volatile int unp_sink;

__attribute__((noinline, noipa)) static void unp_note(int v)
{
    unp_sink = v;
}

__attribute__((noinline, noipa)) static void unp_set(struct unp_rec *r, char a,
                                                     long b, char c)
{
    r->a = a;
    r->b = b;
    r->c = c;
}

__attribute__((noinline, noipa)) static void unp_copy_memcpy(struct unp_rec *dst,
                                                             const struct unp_rec *src)
{
    memcpy(dst, src, sizeof *dst);
}

__attribute__((noinline, noipa)) static void unp_copy_assign(struct unp_rec *dst,
                                                             const struct unp_rec *src)
{
    *dst = *src;
}

__attribute__((noinline, noipa)) static long unp_by_value(struct unp_rec r)
{
    long s = 0;
    if (r.a == 'x')
        s += 1;
    if (r.b > 1000)
        s += 2;
    if (r.c == 'z')
        s += 4;
    return s;
}

__attribute__((noinline, noipa)) static long unp_check(const struct unp_rec *r)
{
    long s = 0;
    if (r->a == 'x') {
        unp_note(1);
        s += 1;
    }
    if (r->b > 1000) {
        unp_note(2);
        s += 2;
    }
    if (r->c == 'z') {
        unp_note(3);
        s += 4;
    }
    return s;
}

int main(void)
{
    struct unp_rec *orig = malloc(sizeof *orig);
    struct unp_rec *viamemcpy = malloc(sizeof *viamemcpy);
    struct unp_rec *viaassign = malloc(sizeof *viaassign);
    struct unp_rec *arr = malloc(4 * sizeof *arr);
    struct unp_rec *arr2 = malloc(4 * sizeof *arr2);
    long total = 0;

    unp_set(orig, 'x', 123456, 'z');
    unp_copy_memcpy(viamemcpy, orig);
    unp_copy_assign(viaassign, orig);
    for (int i = 0; i < 4; i++)
        unp_set(&arr[i], (char)('w' + i), 999 + i * 1000, (char)('z' - i));
    memmove(arr2, arr, 4 * sizeof *arr);
    /* realloc copies the block, padding and all */
    struct unp_rec *grown = malloc(sizeof *grown);
    unp_copy_assign(grown, orig);
    grown = realloc(grown, 3 * sizeof *grown);
    unp_copy_assign(&grown[1], &grown[0]);
    unp_copy_memcpy(&grown[2], &grown[1]);

    total += unp_check(orig);
    total += unp_check(viamemcpy);
    total += unp_check(viaassign);
    for (int i = 0; i < 4; i++)
        total += unp_check(&arr2[i]);
    for (int i = 0; i < 3; i++)
        total += unp_check(&grown[i]);
    total += unp_by_value(*viaassign);
    total += unp_by_value(arr2[1]);

    printf("%c %ld %c / %c %ld %c / %c %ld %c / total %ld\n",
           viamemcpy->a, viamemcpy->b, viamemcpy->c,
           viaassign->a, viaassign->b, viaassign->c,
           grown[2].a, grown[2].b, grown[2].c, total);
    free(orig);
    free(viamemcpy);
    free(viaassign);
    free(arr);
    free(arr2);
    free(grown);
    return 0;
}
