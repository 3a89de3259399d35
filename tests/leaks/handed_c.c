/* C side of handed.rs: takes what Rust hands over and keeps, forgets or
   returns it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rust_name_free(char *s);           /* exported by handed.rs */

struct settings { int64_t level, verbose; };
struct widget { int id; char label[20]; };

static struct settings *kept_settings;  /* C owns it from now on */
static uint64_t *kept_inside;           /* points into a Rust buffer */
static const uint64_t *kept_shared;     /* an Arc::into_raw pointer */

int c_name_length(char *s, int give_back)
{
    int n = (int)strlen(s);
    if (give_back)
        rust_name_free(s);              /* right: back to Rust */
    return n;                           /* wrong: forgotten */
}

int64_t c_keep_settings(struct settings *p)
{
    kept_settings = p;
    return p->level;
}

struct widget *c_widget_new(int id)
{
    struct widget *w = malloc(sizeof *w);
    w->id = id;
    snprintf(w->label, sizeof w->label, "widget %d", id);
    return w;
}

int c_widget_id(const struct widget *w)
{
    return w->id;
}

void c_widget_free(struct widget *w)
{
    free(w);
}

uint64_t c_keep_inside(uint64_t *buf, size_t len)
{
    kept_inside = buf + len / 2;
    return *kept_inside;
}

int c_forget(void *p)
{
    return p != NULL;
}

uint64_t c_keep_shared(const uint64_t *p)
{
    kept_shared = p;
    return *p;
}
