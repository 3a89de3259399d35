/* C side of sc_cxx.cc: copies n bytes, calls the C++ hook. */
#include <stddef.h>

int sc_cxx_hook(int x);

void sc_c_copy(char *dst, const char *src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = src[i];
}

int sc_c_twice(int x)
{
	return 2 * sc_cxx_hook(x);
}
