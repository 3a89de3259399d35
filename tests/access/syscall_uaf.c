/* A system call reading a released block: write() of a freed buffer (to
   /dev/null, so the output is the same natively).
     bug:   write after free   -> UseAfterFree by the system call
     fixed: write before free */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int fixed = argc > 1 && strcmp(argv[1], "fixed") == 0;
    int fd = open("/dev/null", O_WRONLY);
    char *buf = malloc(32);
    memset(buf, 'x', 32);
    if (fixed)
        (void)!write(fd, buf, 32);
    free(buf);
    if (!fixed)
        (void)!write(fd, buf, 32);
    close(fd);
    puts("done");
    return 0;
}
