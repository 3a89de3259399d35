/* Robustness under ffican: fork, signals, a large heap, many threads, exec.
   A correct program: ffican must report nothing and the program must do
   exactly what it does natively.  Usage: robust fork|signal|bigheap|threads|exec */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t hits;
static char *sig_buf;

static void on_signal(int sig)
{
    (void)sig;
    sig_buf[hits % 64] = 'x';     /* heap access from a handler */
    hits++;
}

static int do_fork(void)
{
    char *p = malloc(100);
    strcpy(p, "parent and child");
    pid_t pid = fork();
    if (pid == 0) {
        char *q = malloc(50);
        memcpy(q, p, 17);
        free(q);
        free(p);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("child exited %d: %s\n", WEXITSTATUS(status), p);
    free(p);
    return 0;
}

static int do_signal(void)
{
    sig_buf = malloc(64);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGUSR1, &sa, NULL);
    for (int i = 0; i < 100; i++)
        raise(SIGUSR1);
    printf("handled %d signals\n", (int)hits);
    free(sig_buf);
    return 0;
}

static int do_bigheap(void)
{
    enum { N = 96 };
    char *blocks[N];
    size_t total = 0;
    for (int i = 0; i < N; i++) {       /* 96 x 16 MiB = 1.5 GiB */
        blocks[i] = malloc((size_t)16 << 20);
        if (!blocks[i])
            return 1;
        blocks[i][0] = 1;
        blocks[i][((size_t)16 << 20) - 1] = 2;
        total += 16;
    }
    for (int i = 0; i < N; i++)
        free(blocks[i]);
    printf("allocated %zu MiB\n", total);
    return 0;
}

static void *worker(void *arg)
{
    long sum = 0;
    for (int i = 0; i < 2000; i++) {
        long *p = malloc(sizeof(long) * (1 + i % 32));
        p[i % 32 % (1 + i % 32)] = i;
        sum += p[i % 32 % (1 + i % 32)];
        free(p);
    }
    *(long *)arg = sum;
    return NULL;
}

static int do_threads(void)
{
    enum { T = 16 };
    pthread_t th[T];
    long sums[T];
    for (int i = 0; i < T; i++)
        pthread_create(&th[i], NULL, worker, &sums[i]);
    long total = 0;
    for (int i = 0; i < T; i++) {
        pthread_join(th[i], NULL);
        total += sums[i];
    }
    printf("threads total %ld\n", total);
    return 0;
}

static int do_exec(void)
{
    char *p = malloc(8);
    free(p);
    fflush(stdout);
    execl("/bin/echo", "echo", "exec'd", (char *)NULL);
    return 1;
}

int main(int argc, char **argv)
{
    const char *m = argc > 1 ? argv[1] : "";
    if (!strcmp(m, "fork")) return do_fork();
    if (!strcmp(m, "signal")) return do_signal();
    if (!strcmp(m, "bigheap")) return do_bigheap();
    if (!strcmp(m, "threads")) return do_threads();
    if (!strcmp(m, "exec")) return do_exec();
    return 2;
}
