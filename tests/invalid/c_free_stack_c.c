/* C side of c_free_stack.rs. */
#include <stdlib.h>

struct config { unsigned verbose, level; };

unsigned c_read_config(struct config *cfg, int release)
{
    unsigned v = cfg->verbose * 10 + cfg->level;
    if (release)
        free(cfg);                   /* wrong: cfg lives on Rust's stack */
    return v;
}
