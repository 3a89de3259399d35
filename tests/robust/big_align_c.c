/* C side of big_align.rs: over-aligned C allocations, and the poke. */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int aligned_ok(void *p, size_t align, size_t n)
{
   if (p == NULL || (uintptr_t)p % align != 0)
      return 0;
   memset(p, 0x5a, n);
   return ((unsigned char *)p)[n - 1] == 0x5a;
}

int big_align_c_checks(void)
{
   int ok = 0;
   size_t a32 = (size_t)1 << 25, a1g = (size_t)1 << 30;
   void *p = aligned_alloc(a32, 4096);
   ok += aligned_ok(p, a32, 4096);
   free(p);
   void *q = NULL;
   int r = posix_memalign(&q, a32, 64);
   ok += r == 0 && aligned_ok(q, a32, 64);
   free(q);
   r = posix_memalign(&q, a1g, 8);
   ok += r == 0 && aligned_ok(q, a1g, 8);
   free(q);
   q = memalign(a32, 16);
   ok += aligned_ok(q, a32, 16);
   free(q);
   /* not a power of two: EINVAL, as natively */
   q = (void *)1;
   r = posix_memalign(&q, a32 + 8, 64);
   ok += r == EINVAL && q == (void *)1;
   printf("posix_memalign(32 MiB + 8) = %s\n", r == EINVAL ? "EINVAL" : "?");
   return ok;   /* 5 when all is well */
}

void big_align_c_poke(unsigned char *p, size_t off)
{
   p[off] = 7;
}
