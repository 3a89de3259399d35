/* greet.c: libgreet, a tiny C library that formats greetings (see greet.h).
 * Part of the ffican demo. The library itself is correct C: the bugs are in
 * how the Rust side (main.rs) hands memory to it. */

#include "greet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct greeter {
    char *name;     /* owned: malloc'd by the caller, freed here */
    char *word;     /* owned: our own strdup */
    unsigned count; /* greetings so far */
};

struct greeter *greeter_new(char *name)
{
    struct greeter *g = malloc(sizeof *g);
    if (!g)
        return NULL;
    g->name = name;
    g->word = strdup("Hello");
    g->count = 0;
    return g;
}

void greeter_set_word(struct greeter *g, const char *word)
{
    free(g->word);
    g->word = strdup(word);
}

size_t greeter_render(struct greeter *g, char *buf, size_t cap)
{
    int n = snprintf(buf, cap, "%s, %s!", g->word, g->name);
    g->count++;
    if (n < 0)
        return 0;
    return (size_t)n < cap ? (size_t)n : cap - 1;
}

void greeter_repeat(struct greeter *g, unsigned times, greeter_done_fn done, void *ctx)
{
    g->count += times;
    done(ctx); /* the callback owns ctx now */
}

unsigned greeter_count(const struct greeter *g)
{
    return g->count;
}

void greeter_free(struct greeter *g)
{
    free(g->word);
    free(g->name); /* BUG 1 lands here: this name came from Rust's CString::into_raw */
    free(g);
}
