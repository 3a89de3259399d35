/* Every client request that takes an address, given bad ones: NULL, a
   low address, an unmapped page, a read-only page (for requests that
   write), a non-canonical (kernel) address, and ranges that wrap around
   the address space.  ffican must warn or report, answer "failure" where
   the request has an answer, and never crash.  Mode "bad" makes all the
   requests; mode "good" makes the same requests on good memory (nothing
   to report).  Every answer is printed, so a request that started to
   write somewhere it should not would show up natively too (natively
   every request answers its default). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <valgrind/valgrind.h>
#include <valgrind/memcheck.h>
#include "../../include/ffican.h"
#include "../../common/fc_preload_requests.h"

#define REQ(name, req, a1, a2, a3, a4, a5)                                   \
   printf("%-22s %s\n", name,                                                \
          VALGRIND_DO_CLIENT_REQUEST_EXPR(0, req, a1, a2, a3, a4, a5)        \
             != 0 ? "nonzero" : "0")

/* blk: where ffican's requests expect a heap block; p: memory. */
static void requests(const char *what, uintptr_t blk, uintptr_t p,
                     uintptr_t ro, size_t len)
{
   printf("-- %s\n", what);
   REQ("HAND_OVER", FFICAN_REQ_HAND_OVER, blk, 0, 0, 0, 0);
   REQ("TAKE_BACK", FFICAN_REQ_TAKE_BACK, blk, 0, 0, 0, 0);
   REQ("DECLARE_BUFFER", FFICAN_REQ_DECLARE_BUFFER, blk, len, 0, 0, 0);
   REQ("DECLARE_BUFFER(0)", FFICAN_REQ_DECLARE_BUFFER, 0, 0, 0, 0, 0);
   REQ("OWNER", FFICAN_REQ_OWNER, blk, 0, 0, 0, 0);
   REQ("HANDED_TO", FFICAN_REQ_HANDED_TO, blk, 0, 0, 0, 0);
   REQ("MAKE_MEM_DEFINED", VG_USERREQ__MAKE_MEM_DEFINED, p, len, 0, 0, 0);
   REQ("MAKE_MEM_UNDEFINED", VG_USERREQ__MAKE_MEM_UNDEFINED, p, len, 0, 0, 0);
   REQ("MAKE_MEM_NOACCESS", VG_USERREQ__MAKE_MEM_NOACCESS, p, len, 0, 0, 0);
   REQ("DEFINED_IF_ADDRESSABLE", VG_USERREQ__MAKE_MEM_DEFINED_IF_ADDRESSABLE,
       p, len, 0, 0, 0);
   REQ("MAKE_MEM_DEFINED", VG_USERREQ__MAKE_MEM_DEFINED, p, len, 0, 0, 0);
   REQ("CHECK_ADDRESSABLE", VG_USERREQ__CHECK_MEM_IS_ADDRESSABLE, p, len,
       0, 0, 0);
   REQ("CHECK_DEFINED", VG_USERREQ__CHECK_MEM_IS_DEFINED, p, len, 0, 0, 0);
   REQ("CREATE_BLOCK", VG_USERREQ__CREATE_BLOCK, p, len, p, 0, 0);
   REQ("GET_VBITS", VG_USERREQ__GET_VBITS, p, ro, len, 0, 0);
   REQ("SET_VBITS", VG_USERREQ__SET_VBITS, p, p, len, 0, 0);
   REQ("COUNT_LEAKS", VG_USERREQ__COUNT_LEAKS, ro, ro, p, p, 0);
   REQ("COUNT_LEAK_BLOCKS", VG_USERREQ__COUNT_LEAK_BLOCKS, ro, p, ro, p, 0);
   REQ("MALLOCLIKE_BLOCK", VG_USERREQ__MALLOCLIKE_BLOCK, p, len, 0, 0, 0);
   REQ("RESIZEINPLACE_BLOCK", VG_USERREQ__RESIZEINPLACE_BLOCK, p, len, 1, 0, 0);
   REQ("FREELIKE_BLOCK", VG_USERREQ__FREELIKE_BLOCK, p, 0, 0, 0, 0);
   uintptr_t pool = p + 256;   /* the anchor: any address */
   REQ("CREATE_MEMPOOL", VG_USERREQ__CREATE_MEMPOOL, pool, 0, 0, 0, 0);
   REQ("MEMPOOL_ALLOC", VG_USERREQ__MEMPOOL_ALLOC, pool, p, len, 0, 0);
   REQ("MEMPOOL_TRIM", VG_USERREQ__MEMPOOL_TRIM, pool, p, len, 0, 0);
   REQ("MEMPOOL_CHANGE", VG_USERREQ__MEMPOOL_CHANGE, pool, p, p + 16, len, 0);
   REQ("MEMPOOL_FREE", VG_USERREQ__MEMPOOL_FREE, pool, p + 16, 0, 0, 0);
   REQ("MOVE_MEMPOOL", VG_USERREQ__MOVE_MEMPOOL, pool, pool + 64, 0, 0, 0);
   REQ("MEMPOOL_EXISTS", VG_USERREQ__MEMPOOL_EXISTS, pool + 64, 0, 0, 0, 0);
   REQ("DESTROY_MEMPOOL", VG_USERREQ__DESTROY_MEMPOOL, pool + 64, 0, 0, 0, 0);
}

/* The preload's internal requests (fc_preload_requests.h), forged: a bad
   allocator shim address (before: a SIGSEGV in the tool, which read the
   shim's code), and bad blocks for sized delete and reallocarray (an
   InvalidFree each, as for free()). */
static void internal_requests(const char *what, uintptr_t p)
{
   printf("-- %s, internal requests\n", what);
   REQ("RUST_ALLOC", FC_REQ_RUST_ALLOC, 16, 8, 0, p, 0);
   REQ("RUST_DEALLOC", FC_REQ_RUST_DEALLOC, 0, 16, 8, p, 0);
   REQ("RUST_REALLOC", FC_REQ_RUST_REALLOC, 0, 16, 8, 32, p);
   if (p != 0) {
      REQ("SIZED_DELETE", FC_REQ_SIZED_DELETE, p, 16, 0, 0, 0);
      REQ("REALLOCARRAY", FC_REQ_REALLOCARRAY, p, 2, 8, 0, 0);
   }
}

/* The requests that name a block plus a side name or a name buffer. */
static void block_requests(const char *what, uintptr_t name, uintptr_t buf,
                           uintptr_t ro)
{
   char *b = malloc(16);
   printf("-- %s, on a live block\n", what);
   REQ("HAND_OVER(name)", FFICAN_REQ_HAND_OVER, b, name,
       FFICAN_NUL_TERMINATED, 0, 0);
   REQ("HAND_OVER(name, len)", FFICAN_REQ_HAND_OVER, b, name, 4, 0, 0);
   REQ("OWNER_NAME", FFICAN_REQ_OWNER_NAME, b, buf, 32, 0, 0);
   REQ("OWNER_NAME(ro)", FFICAN_REQ_OWNER_NAME, b, ro, 32, 0, 0);
   REQ("OWNER_NAME(huge)", FFICAN_REQ_OWNER_NAME, b, buf, (size_t)-1, 0, 0);
   free(b);
}

int main(int argc, char **argv)
{
   int bad = argc > 1 && strcmp(argv[1], "bad") == 0;
   long pg = sysconf(_SC_PAGESIZE);
   char *ro = mmap(NULL, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   char *gone = mmap(NULL, pg, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   if (ro == MAP_FAILED || gone == MAP_FAILED)
      return 1;
   munmap(gone, pg);
   if (!bad) {   /* a page of its own: no heap block, not the stack */
      char *good = mmap(NULL, pg, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      size_t counts[4];
      if (good == MAP_FAILED)
         return 1;
      char *blk = malloc(64);
      requests("good memory", (uintptr_t)blk, (uintptr_t)good,
               (uintptr_t)counts, 64);
      free(blk);
      block_requests("good memory", (uintptr_t)"Rust", (uintptr_t)good,
                     (uintptr_t)good);
      printf("done\n");
      return 0;
   }
   const struct { const char *what; uintptr_t p; size_t len; } cases[] = {
      { "NULL", 0, 16 },
      { "address 1", 1, 16 },
      { "unmapped page", (uintptr_t)gone, 64 },
      { "read-only page", (uintptr_t)ro, 64 },
      { "kernel address", (uintptr_t)0xffff800000001000ULL, 64 },
      { "non-canonical", (uintptr_t)0x0000900000000000ULL, 64 },
      { "wrapping range", (uintptr_t)-64, 4096 },
      { "huge length", (uintptr_t)gone, (size_t)1 << 62 },
   };
   for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      requests(cases[i].what, cases[i].p, cases[i].p, (uintptr_t)ro,
               cases[i].len);
      block_requests(cases[i].what, cases[i].p, cases[i].p, (uintptr_t)ro);
      internal_requests(cases[i].what, cases[i].p);
   }
   printf("done\n");
   return 0;
}
