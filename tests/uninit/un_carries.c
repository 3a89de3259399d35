/* Exact carries: adds and subs whose operands have undefined low bits,
   where only the bits a carry or borrow can reach become undefined.
   Built -O0, so every value goes through memory between operations.
     bug:   branches on a bit the borrow from the undefined bit reaches
            (0x1000 - 0x2A or 0x2B: bits 0 and 1 differ) ->
            one UninitRead at line 37 (origin: the stack, the value
            having been stored there)
     fixed: branches only on bits no carry or borrow can reach
            (lines 32-35) -> clean; the cheap rule (every bit above the
            lowest undefined one spoiled) would report each of them */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct unk_flags {
    unsigned char low : 1;   /* never set */
    unsigned char rest : 7;
};

static volatile int unk_sink;

int main(int argc, char **argv)
{
    int bug = argc > 1 && strcmp(argv[1], "bug") == 0;
    struct unk_flags *f = malloc(sizeof *f);
    f->rest = 0x15;
    unsigned long word = *(unsigned char *)f;   /* bit 0 undefined */
    unsigned long sum = word + 0x100;           /* no carry out of bit 0 */
    unsigned long twice = word * 2 + 4;         /* bit 1 undefined only */
    unsigned long diff = 0x1000 - word;         /* borrows reach bit 1 */
    if (!bug) {
        if ((sum >> 1) == 0x95) unk_sink = 1;
        if ((twice >> 2) == 0x16) unk_sink = 2;
        if ((diff >> 12) == 0) unk_sink = 3;
        if (((sum - 0x100) & 0xFE) == 0x2A) unk_sink = 4;
    } else {
        if ((diff & 0x2) != 0) unk_sink = 5;
    }
    printf("sink %d\n", unk_sink);
    free(f);
    return 0;
}
