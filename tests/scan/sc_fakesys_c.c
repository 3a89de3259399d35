/* The "bundled C library" of sc_fakesys.rs: copies min(dst_len, src_len)
 * bytes. */
#include <stddef.h>

size_t scfake_copy(unsigned char *dst, size_t dst_len,
		   const unsigned char *src, size_t src_len)
{
	size_t n = dst_len < src_len ? dst_len : src_len;

	for (size_t i = 0; i < n; i++)
		dst[i] = src[i];
	return n;
}
