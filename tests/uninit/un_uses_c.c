/* C side of un_uses.rs, built with -O2: an address computed from a byte of
   the buffer, a conditional move on another, and a system call argument
   made of eight more. */
#include <string.h>
#include <unistd.h>

static volatile int unu_calls;

static const unsigned unu_table[256] = { [0] = 1, [60] = 61, [255] = 256 };

unsigned unu_lookup(const unsigned char *b)
{
    return unu_table[b[3]];             /* the address depends on b[3] */
}

unsigned unu_select(const unsigned char *b, unsigned x, unsigned y)
{
    return b[5] > 100 ? x : y;          /* a cmov at -O2 */
}

long unu_seek(const unsigned char *b)
{
    off_t off;
    memcpy(&off, b + 8, sizeof off);
    long r = (long)lseek(-1, off, SEEK_CUR);   /* a system call argument */
    unu_calls++;                    /* no tail call: unu_seek stays on the stack */
    return r;
}
