/* Values assembled from parts that cannot overlap: a masked word plus
   (or or'ed with) a zero-extended byte, the way code packs fields.  No
   carry can leave the byte, so the word's high bits stay defined when
   only the byte is undefined.
     bug:   branches on the undefined byte of the packed value (the
            record's `tag`, never set) -> UninitRead at the branch on
            line 31; the origin is the stack, where -O0 keeps the packed
            value
     fixed: branches only on the defined high bits (lines 34 and 36) ->
            clean; a carry rule that lets undefined low bits reach every
            bit above them would report both
   Built -O0 so the add and the or stay as written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct und_record {
    unsigned long word;
    unsigned char tag;   /* never set */
};

static volatile int und_sink;

int main(int argc, char **argv)
{
    int bug = argc > 1 && strcmp(argv[1], "bug") == 0;
    struct und_record *r = malloc(sizeof *r);
    r->word = 0x5a5a5a5a00000500UL;
    unsigned long added = (r->word & ~0xFFUL) + (unsigned long)r->tag;
    unsigned long ored = (r->word & ~0xFFUL) | (unsigned long)r->tag;
    if (bug) {
        if ((added & 0xFF) == 3)   /* the undefined byte */
            und_sink = 1;
    } else {
        if ((added >> 8) == 0x5a5a5a5a000005UL)
            und_sink = 2;
        if ((ored >> 8) == 0x5a5a5a5a000005UL)
            und_sink = 3;
    }
    printf("sink %d\n", und_sink);
    free(r);
    return 0;
}
