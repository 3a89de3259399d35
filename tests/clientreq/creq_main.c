/* The client requests of ffican.h used from C; creq_lib.rs is the Rust
   side.  Prints what each request answers.  Modes (argv[1]):
     owner              FFICAN_RUNNING, FFICAN_OWNER, FFICAN_OWNER_NAME
     handover           FFICAN_HAND_OVER, FFICAN_HANDED_TO, FFICAN_TAKE_BACK
     buffer             FFICAN_DECLARE_BUFFER before calls into Rust
     bad                requests with bad pointers and side names
     report_handed      a C block handed to Rust, then freed twice by C
     report_taken_back  the same, taken back before the frees
     all                owner, handover and buffer */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../include/ffican.h"

unsigned long long *creq_rust_box_new(unsigned long long v);
void creq_rust_box_free(unsigned long long *p);
size_t creq_rust_checksum(const unsigned char *buf, size_t len);

static int a_static;

static const char *side(int owner)
{
    switch (owner) {
    case FFICAN_OWNER_NONE: return "none";
    case FFICAN_OWNER_C:    return "C";
    case FFICAN_OWNER_CXX:  return "C++";
    case FFICAN_OWNER_RUST: return "Rust";
    default:                return "a declared side";
    }
}

static void owner(void)
{
    char *c = malloc(32);
    unsigned long long *r = creq_rust_box_new(7);
    int on_stack = 0;
    char name[16] = "-", small[3] = "-";
    int len;

    printf("running under ffican: %d\n", FFICAN_RUNNING());
    printf("owner of a malloc block: %s\n", side(FFICAN_OWNER(c)));
    printf("owner of its last byte: %s\n", side(FFICAN_OWNER(c + 31)));
    printf("owner of one past its end: %s\n", side(FFICAN_OWNER(c + 32)));
    printf("owner of a Rust Box: %s\n", side(FFICAN_OWNER(r)));
    len = FFICAN_OWNER_NAME(r, name, sizeof name);
    printf("owner name of the Rust Box: %s (length %d)\n", name, len);
    len = FFICAN_OWNER_NAME(r, small, sizeof small);
    printf("the same into 3 bytes: %s (length %d)\n", small, len);
    len = FFICAN_OWNER_NAME(c, name, sizeof name);
    printf("owner name of the malloc block: %s (length %d)\n", name, len);
    printf("owner of a stack variable: %s\n", side(FFICAN_OWNER(&on_stack)));
    printf("owner of a static: %s\n", side(FFICAN_OWNER(&a_static)));
    printf("owner of NULL: %s\n", side(FFICAN_OWNER(NULL)));
    free(c);
    printf("owner of the freed malloc block: %s\n", side(FFICAN_OWNER(c)));
    creq_rust_box_free(r);
}

static void handover(void)
{
    unsigned long long *r = creq_rust_box_new(7);
    char *c = malloc(16);

    printf("hand the malloc block to the other side: %d\n",
           FFICAN_HAND_OVER(c, NULL));
    printf("it is handed to: %s\n", side(FFICAN_HANDED_TO(c)));
    printf("its owner is still: %s\n", side(FFICAN_OWNER(c)));
    printf("hand it to C, its owner: %d\n", FFICAN_HAND_OVER(c, "C"));
    printf("take it back: %d\n", FFICAN_TAKE_BACK(c));
    printf("it is handed to: %s\n", side(FFICAN_HANDED_TO(c)));
    printf("take it back again: %d\n", FFICAN_TAKE_BACK(c));
    printf("hand it to C, its owner: %d\n", FFICAN_HAND_OVER(c, "C"));
    printf("it is handed to: %s\n", side(FFICAN_HANDED_TO(c)));
    printf("hand it to C++ through an inner pointer: %d\n",
           FFICAN_HAND_OVER(c + 10, "C++"));
    printf("it is handed to: %s\n", side(FFICAN_HANDED_TO(c)));
    printf("take it back: %d\n", FFICAN_TAKE_BACK(c + 15));
    free(c);

    printf("hand the Rust Box to C: %d\n", FFICAN_HAND_OVER(r, "C"));
    printf("it is handed to: %s\n", side(FFICAN_HANDED_TO(r)));
    printf("hand it to Rust meanwhile: %d\n", FFICAN_HAND_OVER(r, "Rust"));
    printf("take it back: %d\n", FFICAN_TAKE_BACK(r));
    printf("it is handed to: %s\n", side(FFICAN_HANDED_TO(r)));
    creq_rust_box_free(r);
}

static void buffer(void)
{
    unsigned char on_stack[64];
    unsigned char *h = malloc(100);
    size_t sum;

    memset(on_stack, 1, sizeof on_stack);
    memset(h, 2, 100);
    printf("declare a stack buffer: %d\n",
           FFICAN_DECLARE_BUFFER(on_stack, sizeof on_stack));
    sum = creq_rust_checksum(on_stack, sizeof on_stack);
    printf("Rust's checksum of it: %zu\n", sum);
    printf("declare 100 heap bytes: %d\n", FFICAN_DECLARE_BUFFER(h, 100));
    printf("declare 50 of them instead: %d\n", FFICAN_DECLARE_BUFFER(h, 50));
    sum = creq_rust_checksum(h, 50);
    printf("Rust's checksum of them: %zu\n", sum);
    printf("declare it again: %d\n", FFICAN_DECLARE_BUFFER(h, 50));
    printf("withdraw it: %d\n", FFICAN_DECLARE_BUFFER(h, 0));
    free(h);
}

static void bad(void)
{
    int on_stack = 0;
    char *c = malloc(8);
    char *long_name = malloc(300);
    char *freed = malloc(8);
    int i;

    for (i = 0; i < 2; i++)   /* one warning for both */
        printf("hand over a stack variable: %d\n",
               FFICAN_HAND_OVER(&on_stack, NULL));
    printf("take back a static: %d\n", FFICAN_TAKE_BACK(&a_static));
    free(freed);
    printf("hand over a freed block: %d\n", FFICAN_HAND_OVER(freed, NULL));
    printf("hand to side Go: %d\n", FFICAN_HAND_OVER(c, "Go"));
    printf("hand to side system: %d\n", FFICAN_HAND_OVER(c, "system"));
    printf("side name at address 16: %d\n",
           FFICAN_HAND_OVER(c, (const char *)16));
    memset(long_name, 'x', 299);
    long_name[299] = 0;
    printf("side name of 299 bytes: %d\n", FFICAN_HAND_OVER(c, long_name));
    printf("it is handed to: %s\n", side(FFICAN_HANDED_TO(c)));
    printf("declare a buffer across the end of memory: %d\n",
           FFICAN_DECLARE_BUFFER((void *)-16, 64));
    printf("owner name into a read-only string: %d\n",
           FFICAN_OWNER_NAME(c, (char *)"read-only", 10));
    free(long_name);
    free(c);
}

/* A C block freed twice by C: only the hand-over makes ffican report it
   under the default --report=crossing. */
static void report(int take_back)
{
    char *c = malloc(16);
    printf("hand a malloc block to Rust: %d\n", FFICAN_HAND_OVER(c, "Rust"));
    if (take_back)
        printf("take it back: %d\n", FFICAN_TAKE_BACK(c));
    free(c);
    free(c);
    printf("freed it twice\n");
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "all";
    if (!strcmp(mode, "owner") || !strcmp(mode, "all"))
        owner();
    if (!strcmp(mode, "handover") || !strcmp(mode, "all"))
        handover();
    if (!strcmp(mode, "buffer") || !strcmp(mode, "all"))
        buffer();
    if (!strcmp(mode, "bad"))
        bad();
    if (!strcmp(mode, "report_handed"))
        report(0);
    if (!strcmp(mode, "report_taken_back"))
        report(1);
    return 0;
}
