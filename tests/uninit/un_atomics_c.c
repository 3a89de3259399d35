/* C side of un_atomics.rs: atomic read-modify-writes of every size, and a
   SeqCst fence as a locked OR on stack memory that nothing wrote. */
#include <stdint.h>
#include <stdlib.h>

uint64_t una_rmw_all(void)
{
    uint8_t *b = malloc(1);
    uint16_t *h = malloc(2);
    uint32_t *w = malloc(4);
    uint64_t *q = malloc(8);
    uint8_t sb = 0;
    uint16_t sh = 0;
    *b = 1;
    *h = 2;
    *w = 3;
    *q = 4;
    uint64_t r = 0;
    r += __atomic_exchange_n(b, 7, __ATOMIC_SEQ_CST);
    r += __atomic_fetch_add(h, 1, __ATOMIC_SEQ_CST);
    r += __atomic_fetch_or(w, 0x10, __ATOMIC_SEQ_CST);
    r += __atomic_exchange_n(q, 9, __ATOMIC_SEQ_CST);
    uint8_t e8 = 7;
    r += __atomic_compare_exchange_n(b, &e8, 8, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    uint16_t e16 = 99;      /* fails */
    r += __atomic_compare_exchange_n(h, &e16, 8, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    r += e16;
    r += __atomic_fetch_add(&sb, 3, __ATOMIC_SEQ_CST);
    r += __atomic_exchange_n(&sh, 5, __ATOMIC_SEQ_CST);
    r += *b + *h + *w + *q + sb + sh;
    free(b);
    free(h);
    free(w);
    free(q);
    return r;
}

void una_fence(void)
{
    /* What LLVM emits for a SeqCst fence is a locked OR of 0 into stack
       memory below the stack pointer, usually never written. Here: a
       local nothing writes, in a fresh frame. */
    char unwritten[4096];
    __asm__ volatile("lock orl $0, %0" : "+m"(*(int *)&unwritten[2048])
                     : : "memory", "cc");
}
