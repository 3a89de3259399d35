/* Bitfield updates leave the other bitfields of the word uninitialised.
   A heap struct of bitfields is set one bitfield per statement (each a
   read-modify-write of the word that holds uninitialised bits); `level`
   and `spare` are never set. Built at -O0 (un_bitfields) and -O2
   (un_bitfields_o2).
     fixed: branches only on the bitfields that were set -> clean
     bug:   also branches on `level`, never set
            -> UninitRead: C code's conditional jump depends on uninitialised
               bytes of a C-allocated block (malloc, 4 bytes), in unb_check
               (shown with --report=all: no boundary involved) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct unb_flags {
    unsigned ready : 1;
    unsigned mode : 3;
    unsigned level : 4;     /* never set */
    unsigned spare : 5;     /* never set */
    unsigned kind : 3;
    unsigned count : 16;
};

static volatile int unb_sink;

__attribute__((noinline, noipa)) static void unb_note(int v)
{
    unb_sink = v;
}

__attribute__((noinline, noipa)) static void unb_set(struct unb_flags *f)
{
    f->ready = 1;
    f->mode = 5;
    f->kind = 2;
    f->count = 1234;
}

__attribute__((noinline, noipa)) static void unb_toggle(struct unb_flags *f)
{
    f->ready = !f->ready;
    f->mode = f->mode + 1;
    f->count = f->count - 34;
}

__attribute__((noinline, noipa)) static int unb_check(const struct unb_flags *f,
                                                      int bug)
{
    int score = 0;
    if (f->ready)
        unb_note(score += 1);
    if (f->mode == 6)
        unb_note(score += 2);
    if (f->kind == 2)
        unb_note(score += 4);
    if (f->count > 1000)
        unb_note(score += 8);
    if (bug && f->level > 7)        /* bug: level was never set */
        unb_note(score += 16);
    return score;
}

int main(int argc, char **argv)
{
    int bug = argc > 1 && strcmp(argv[1], "bug") == 0;
    struct unb_flags *f = malloc(sizeof *f);
    unb_set(f);
    unb_toggle(f);
    unb_toggle(f);
    unb_toggle(f);
    int score = unb_check(f, bug);
    if (bug)
        puts("checked");
    else
        printf("ready=%u mode=%u kind=%u count=%u score=%d\n",
               f->ready, f->mode, f->kind, f->count, score);
    free(f);
    return 0;
}
