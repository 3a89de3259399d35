/* C side of un_origins.rs, built at -O2: sums of a buffer's bytes whose
   partial results live in callee-saved registers, on the stack and in
   return values before Rust looks at them. */
#include <stddef.h>
#include <stdint.h>

/* A call that saves and restores the callee-saved registers (the partial
   sums live in them across the call): its pops load the undefined sums
   back from the stack. */
__attribute__((noinline)) void uno_tick(int round)
{
    static volatile int rounds;
    rounds += round;
    __asm__ volatile("" ::: "rbx", "rbp", "r12", "r13", "r14", "r15");
}

/* Six accumulators, kept across the calls to uno_tick. */
uint64_t uno_sum(const unsigned char *buf, size_t len)
{
    uint64_t a = 0, b = 0, c = 0, d = 0, e = 0, f = 0;
    for (size_t i = 0; i + 6 <= len; i += 6) {
        a += buf[i];
        b += buf[i + 1];
        c += buf[i + 2];
        d += buf[i + 3];
        e += buf[i + 4];
        f += buf[i + 5];
        if (i % 48 == 0)
            uno_tick((int)i);
    }
    uno_tick(0);
    return a + b + c + d + e + f;
}

/* The sum kept in a stack slot across a call, then reloaded. */
uint64_t uno_sum_spilled(const unsigned char *buf, size_t len)
{
    volatile uint64_t slot;
    uint64_t s = 0;
    for (size_t i = 0; i < len; i++)
        s += buf[i];
    slot = s;
    uno_tick(1);
    return slot;
}

/* The sum through two C returns (uno_sum's, then this one's). */
__attribute__((noinline)) uint64_t uno_sum_inner(const unsigned char *buf,
                                                 size_t len)
{
    uint64_t s = uno_sum(buf, len);
    uno_tick(2);
    return s + 1;
}

uint64_t uno_sum_twice(const unsigned char *buf, size_t len)
{
    uint64_t s = uno_sum_inner(buf, len);
    uno_tick(3);
    return s * 2 + 1;
}
