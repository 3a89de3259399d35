/* c_churn: the pure-C allocation benchmark workload.
 *
 * A doubly linked list of nodes with malloc'd payloads that are grown and
 * shrunk with realloc, and a chained hash table with malloc'd string keys
 * whose bucket array is calloc'd and rebuilt as it grows. Entries are
 * inserted, updated and removed at random (fixed seed); everything is freed
 * before exit. Output: one line of counts and a checksum.
 * Optional argument: the number of iterations. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 0x2545f4914f6cdd1dULL;

static uint64_t rng(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p)
        abort();
    return p;
}

/* ---- list ---- */

struct node {
    struct node *prev, *next;
    unsigned char *data; /* malloc'd, len bytes */
    size_t len;
};

struct list {
    struct node head; /* sentinel: head.next is the first node */
    size_t count;
};

static void list_init(struct list *l)
{
    l->head.prev = l->head.next = &l->head;
    l->count = 0;
}

static void list_push(struct list *l, size_t len, unsigned char fill)
{
    struct node *n = xmalloc(sizeof *n);
    n->len = len;
    n->data = xmalloc(len);
    memset(n->data, fill, len);
    n->next = &l->head;
    n->prev = l->head.prev;
    l->head.prev->next = n;
    l->head.prev = n;
    l->count++;
}

static uint64_t list_unlink(struct list *l, struct node *n)
{
    uint64_t s = n->len + n->data[0];
    n->prev->next = n->next;
    n->next->prev = n->prev;
    free(n->data);
    free(n);
    l->count--;
    return s;
}

/* Walk k nodes from the front; resize the payload of the one reached. */
static uint64_t list_touch(struct list *l, size_t k, size_t newlen)
{
    struct node *n = l->head.next;
    while (k-- && n != &l->head)
        n = n->next;
    if (n == &l->head)
        return 0;
    unsigned char *d = realloc(n->data, newlen);
    if (!d)
        abort();
    if (newlen > n->len)
        memset(d + n->len, 0x5a, newlen - n->len);
    n->data = d;
    n->len = newlen;
    return d[newlen - 1];
}

/* ---- hash table ---- */

struct entry {
    struct entry *next;
    char *key; /* malloc'd copy */
    uint64_t value;
};

struct table {
    struct entry **buckets; /* calloc'd, nbuckets long */
    size_t nbuckets, count;
};

static uint64_t hash_key(const char *k)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *k; k++)
        h = (h ^ (unsigned char)*k) * 1099511628211ULL;
    return h;
}

static void table_init(struct table *t, size_t n)
{
    t->buckets = calloc(n, sizeof *t->buckets);
    if (!t->buckets)
        abort();
    t->nbuckets = n;
    t->count = 0;
}

static void table_grow(struct table *t)
{
    struct table bigger;
    table_init(&bigger, t->nbuckets * 2);
    for (size_t i = 0; i < t->nbuckets; i++)
        for (struct entry *e = t->buckets[i], *nx; e; e = nx) {
            nx = e->next;
            size_t b = hash_key(e->key) % bigger.nbuckets;
            e->next = bigger.buckets[b];
            bigger.buckets[b] = e;
        }
    bigger.count = t->count;
    free(t->buckets);
    *t = bigger;
}

static void table_put(struct table *t, const char *key, uint64_t value)
{
    size_t b = hash_key(key) % t->nbuckets;
    for (struct entry *e = t->buckets[b]; e; e = e->next)
        if (strcmp(e->key, key) == 0) {
            e->value = value;
            return;
        }
    struct entry *e = xmalloc(sizeof *e);
    size_t n = strlen(key) + 1;
    e->key = xmalloc(n);
    memcpy(e->key, key, n);
    e->value = value;
    e->next = t->buckets[b];
    t->buckets[b] = e;
    if (++t->count > 2 * t->nbuckets)
        table_grow(t);
}

static uint64_t table_del(struct table *t, const char *key)
{
    struct entry **pp = &t->buckets[hash_key(key) % t->nbuckets];
    for (struct entry *e = *pp; e; pp = &e->next, e = *pp)
        if (strcmp(e->key, key) == 0) {
            uint64_t v = e->value;
            *pp = e->next;
            free(e->key);
            free(e);
            t->count--;
            return v;
        }
    return 0;
}

static uint64_t table_free(struct table *t)
{
    uint64_t s = 0;
    for (size_t i = 0; i < t->nbuckets; i++)
        for (struct entry *e = t->buckets[i], *nx; e; e = nx) {
            nx = e->next;
            s += e->value;
            free(e->key);
            free(e);
        }
    free(t->buckets);
    return s;
}

int main(int argc, char **argv)
{
    unsigned long iters = argc > 1 ? strtoul(argv[1], NULL, 10) : 150000;
    struct list l;
    struct table t;
    uint64_t sum = 0;
    char key[32];

    list_init(&l);
    table_init(&t, 16);
    for (unsigned long i = 0; i < iters; i++) {
        size_t len = (i % 128 == 0) ? 2048 + rng() % 8192 : 1 + rng() % 160;
        list_push(&l, len, (unsigned char)i);
        if (l.count > 512)
            sum += list_unlink(&l, l.head.next);
        if (i % 3 == 0)
            sum += list_touch(&l, rng() % 64, 1 + rng() % 256);

        snprintf(key, sizeof key, "k%lu", (unsigned long)(rng() % 20000));
        table_put(&t, key, i);
        if (i % 2 == 0) {
            snprintf(key, sizeof key, "k%lu", (unsigned long)(rng() % 20000));
            sum += table_del(&t, key);
        }
    }
    size_t left = l.count, entries = t.count, nbuckets = t.nbuckets;
    while (l.head.next != &l.head)
        sum += list_unlink(&l, l.head.next);
    sum += table_free(&t);
    printf("c_churn iters=%lu list=%zu table=%zu buckets=%zu checksum=%016llx\n",
           iters, left, entries, nbuckets, (unsigned long long)sum);
    return 0;
}
