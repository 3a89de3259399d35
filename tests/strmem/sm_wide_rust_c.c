/* C side of sm_wide_rust.rs: wide searches and comparisons of n elements. */
#include <stddef.h>
#include <wchar.h>

long wide_c_check(const wchar_t *a, const wchar_t *b, size_t n)
{
    long r = 0;
    r += wmemchr(a, L'#', n) == NULL;           /* absent: reads all n */
    r += wmemchr(a, a[0] + (wchar_t)(n - 1), n) - a;
    r += wmemcmp(a, b, n) != 0;   /* a sign only is promised */
    r += wcsncmp(a, b, n) != 0;
    return r;
}
