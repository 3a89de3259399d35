/* leak_search: a heap of a million live blocks searched for leaks.
 *
 * Builds 1,000,000 small blocks (by default) in three shapes that the leak
 * search must walk: a singly linked list from a global head (a reachability
 * chain as deep as the list), a balanced binary tree from a global root,
 * and an array block of pointers to the rest: a third plain pointers, a
 * third interior pointers (possibly lost), a third hidden (XOR-masked, so
 * definitely lost at the search: a chain of blocks linked to each other, one
 * clique of indirect blocks).  Then asks for a leak search through Memcheck's client request
 * VALGRIND_DO_QUICK_LEAK_CHECK (a summary: Memcheck and ffican both search
 * the whole heap; a no-op natively and under --tool=none), and frees
 * everything.  Output: the block count and a checksum.
 * Optional argument: the number of blocks. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <valgrind/memcheck.h>

struct lnode { struct lnode *next; uint64_t value; };
struct tnode { struct tnode *left, *right; uint64_t value; };
struct item { uint64_t key; uint64_t value; struct item *link; char pad[8]; };

#define HIDE ((uintptr_t)0x5a5a5a5a5a5a5a5aULL)   /* masks hidden pointers */

static struct lnode *list_head;
static struct tnode *tree_root;
static char **items;            /* pointers to items, some interior */
static size_t n_items;

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p)
        abort();
    return p;
}

static struct tnode *build_tree(size_t n, uint64_t *next_value)
{
    if (n == 0)
        return NULL;
    struct tnode *t = xmalloc(sizeof *t);
    size_t left = (n - 1) / 2;
    t->left = build_tree(left, next_value);
    t->value = (*next_value)++;
    t->right = build_tree(n - 1 - left, next_value);
    return t;
}

static uint64_t sum_tree(const struct tnode *t)
{
    return t ? t->value * 3 + sum_tree(t->left) + sum_tree(t->right) : 0;
}

static void free_tree(struct tnode *t)
{
    if (t) {
        free_tree(t->left);
        free_tree(t->right);
        free(t);
    }
}

int main(int argc, char **argv)
{
    size_t total = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
    size_t n_list = total / 4, n_tree = total / 4;
    n_items = total - n_list - n_tree - 1;   /* the array is a block too */
    uint64_t check = 0, value = 1;

    for (size_t i = 0; i < n_list; i++) {
        struct lnode *l = xmalloc(sizeof *l);
        l->value = value++;
        l->next = list_head;
        list_head = l;
    }
    tree_root = build_tree(n_tree, &value);
    items = xmalloc(n_items * sizeof *items);
    struct item *prev_hidden = NULL;
    for (size_t i = 0; i < n_items; i++) {
        struct item *it = xmalloc(sizeof *it);
        it->key = i;
        it->value = value++;
        it->link = NULL;
        if (i % 3 == 2) {            /* hidden, linked from the last one */
            if (prev_hidden)
                prev_hidden->link = it;
            prev_hidden = it;
            items[i] = (char *)((uintptr_t)it ^ HIDE);
        } else {
            items[i] = (char *)it + (i % 3 == 1 ? 8 : 0);
        }
    }
    prev_hidden = NULL;

    VALGRIND_DO_QUICK_LEAK_CHECK;

    for (struct lnode *l = list_head, *next; l; l = next) {
        next = l->next;
        check = check * 31 + l->value;
        free(l);
    }
    check += sum_tree(tree_root);
    free_tree(tree_root);
    for (size_t i = 0; i < n_items; i++) {
        struct item *it = i % 3 == 2
            ? (struct item *)((uintptr_t)items[i] ^ HIDE)
            : (struct item *)(items[i] - (i % 3 == 1 ? 8 : 0));
        check = check * 7 + it->value + it->key;
        free(it);
    }
    free(items);
    printf("%zu blocks, checksum %016llx\n", total,
           (unsigned long long)check);
    return 0;
}
