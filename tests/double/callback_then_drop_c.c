/* C side of callback_then_drop.rs: reads a node, then releases it through
 * the callback the Rust side gave. */
struct node { unsigned long long id, weight; struct node *next; };

unsigned long long c_visit_and_release(struct node *n,
                                       void (*release)(struct node *))
{
    unsigned long long w = n->id * n->weight;
    release(n);
    return w;
}
