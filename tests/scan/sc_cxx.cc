// C++ side of the C++/C scan test: calls a C function with a buffer and
// exports a hook C calls back.
#include <cstdio>
#include <cstddef>
#include <vector>

extern "C" void sc_c_copy(char *dst, const char *src, size_t n);
extern "C" int sc_c_twice(int x);

extern "C" int sc_cxx_hook(int x)
{
	return x + 100;
}

int main()
{
	std::vector<char> v(8, 'a');
	const char src[8] = "abcdefg";

	sc_c_copy(v.data(), src, v.size());
	std::printf("%c %d\n", v[3], sc_c_twice(1));
	return 0;
}
