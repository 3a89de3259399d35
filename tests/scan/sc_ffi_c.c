/* C side of sc_ffi.rs: fills a buffer (len bytes, plus sc_extra more in
 * the "bug" mode), sums typed items, keeps a Rust callback and calls it
 * and an exported Rust function. */
#include <stddef.h>
#include <stdint.h>

int sc_rust_exported(int x);

static size_t sc_extra;
static int (*sc_cb)(int);

void sc_set_extra(size_t extra)
{
	sc_extra = extra;
}

void sc_fill(unsigned char *buf, size_t len)
{
	for (size_t i = 0; i < len + sc_extra; i++)
		buf[i] = (unsigned char)(i + 1);
}

uint32_t sc_sum(const uint32_t *items, size_t count)
{
	uint32_t s = 0;

	for (size_t i = 0; i < count; i++)
		s += items[i];
	return s;
}

void sc_register(int (*cb)(int))
{
	sc_cb = cb;
}

int sc_call(int x)
{
	return sc_cb(x) + sc_rust_exported(x);
}
