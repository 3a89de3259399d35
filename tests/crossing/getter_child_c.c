/* C side of getter_child.rs: a parent that owns a child; the getter
   returns a pointer to the child, which the parent still owns. */
#include <stdlib.h>

struct gc_child { int value; };
struct gc_parent { struct gc_child *child; };

struct gc_parent *gc_parent_new(int value)
{
    struct gc_parent *p = malloc(sizeof *p);
    if (!p)
        abort();
    p->child = malloc(sizeof *p->child);
    if (!p->child)
        abort();
    p->child->value = value;
    return p;
}

struct gc_child *gc_parent_child(struct gc_parent *p)
{
    return p->child;
}

void gc_child_free(struct gc_child *c)
{
    free(c);
}

void gc_parent_free(struct gc_parent *p)
{
    free(p->child);
    free(p);
}

/* The bug of mode c-leak: the child is forgotten. */
void gc_parent_free_shallow(struct gc_parent *p)
{
    free(p);
}
