/* C side of un_write.rs: writes a buffer to a temporary file in /tmp and
   removes it. */
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>

int unw_write_file(const unsigned char *buf, size_t len)
{
    char path[] = "/tmp/ffican-uninit-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, buf, len);
    close(fd);
    unlink(path);
    return n == (ssize_t)len ? 0 : -1;
}
