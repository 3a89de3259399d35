/* Four C threads allocating with malloc and asking a Rust library
 * (c_pthreads_rs.rs) for strings, each given back to Rust. Clean. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *rs_make_label(unsigned thread, unsigned seq);
void rs_free_label(char *s);

static void *worker(void *arg)
{
    unsigned t = (unsigned)(size_t)arg;
    size_t total = 0;
    for (unsigned seq = 0; seq < 200; seq++) {
        char *label = rs_make_label(t, seq);
        char *copy = malloc(strlen(label) + 1);
        strcpy(copy, label);
        total += strlen(copy);
        rs_free_label(label);
        copy = realloc(copy, 64);
        free(copy);
    }
    return (void *)total;
}

int main(void)
{
    pthread_t th[4];
    for (size_t i = 0; i < 4; i++)
        pthread_create(&th[i], NULL, worker, (void *)i);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(th[i], &r);
        printf("thread %d: %zu bytes\n", i, (size_t)r);
    }
    return 0;
}
