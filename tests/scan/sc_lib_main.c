/* C program using the Rust cdylib sc_lib.rs (libsclib.so). */
#include <stdio.h>
#include <stddef.h>

size_t sc_lib_fill(unsigned char *dst, size_t dst_len);
char *sc_lib_name(void);
void sc_lib_free(char *name);

int main(void)
{
	unsigned char buf[4];
	char *name = sc_lib_name();

	printf("%zu %s\n", sc_lib_fill(buf, sizeof(buf)), name);
	sc_lib_free(name);
	return 0;
}
