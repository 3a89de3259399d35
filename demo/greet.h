/* greet.h: libgreet, a tiny C library that formats greetings.
 * Part of the ffican demo: see main.rs for the Rust binding that uses it
 * and the bugs it contains. */
#ifndef GREET_H
#define GREET_H

#include <stddef.h>

struct greeter;

/* Creates a greeter for `name`. Takes ownership of `name`, which must come
 * from malloc(): greeter_free() releases it with free(). */
struct greeter *greeter_new(char *name);

/* Sets the greeting word ("Hello" by default); copies `word`. */
void greeter_set_word(struct greeter *g, const char *word);

/* Writes "<word>, <name>!" into buf (cap bytes, NUL-terminated, truncated
 * if needed) and returns the length of the text without the NUL. */
size_t greeter_render(struct greeter *g, char *buf, size_t cap);

/* Calls done(ctx) once the greeter has greeted `times` times; `done` owns
 * `ctx` from then on and is expected to release it. */
typedef void (*greeter_done_fn)(void *ctx);
void greeter_repeat(struct greeter *g, unsigned times, greeter_done_fn done, void *ctx);

/* How many greetings were rendered or repeated so far. */
unsigned greeter_count(const struct greeter *g);

/* Releases the greeter and its name. */
void greeter_free(struct greeter *g);

#endif
