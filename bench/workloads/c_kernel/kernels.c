/* kernels.c: the C half of the c_kernel workload.
 *
 * Compute kernels over buffers that Rust allocated and owns; each takes
 * pointers and the lengths Rust passed, and touches exactly those elements
 * (every kernel reaches the last element of every buffer it is given).
 * Nothing here allocates on the heap. */

#include <stddef.h>
#include <stdint.h>

#define BLOCK 48

static size_t min_sz(size_t a, size_t b) { return a < b ? a : b; }

/* c[m x n] += a[m x k] * b[k x n], row-major, in BLOCK-sized tiles (the
 * dimensions need not be multiples of BLOCK). */
void ck_dgemm(size_t m, size_t k, size_t n,
              const double *a, const double *b, double *c)
{
    for (size_t i0 = 0; i0 < m; i0 += BLOCK) {
        size_t i1 = min_sz(i0 + BLOCK, m);
        for (size_t p0 = 0; p0 < k; p0 += BLOCK) {
            size_t p1 = min_sz(p0 + BLOCK, k);
            for (size_t j0 = 0; j0 < n; j0 += BLOCK) {
                size_t j1 = min_sz(j0 + BLOCK, n);
                for (size_t i = i0; i < i1; i++) {
                    double *ci = c + i * n;
                    for (size_t p = p0; p < p1; p++) {
                        double aip = a[i * k + p];
                        const double *bp = b + p * n;
                        for (size_t j = j0; j < j1; j++)
                            ci[j] += aip * bp[j];
                    }
                }
            }
        }
    }
}

/* One Jacobi step of a 5-point stencil over a w x h grid (w, h >= 2): each
 * interior point of dst becomes a weighted mean of src around it; the
 * border is copied unchanged. */
void ck_stencil(size_t w, size_t h, const float *src, float *dst)
{
    for (size_t x = 0; x < w; x++) {
        dst[x] = src[x];
        dst[(h - 1) * w + x] = src[(h - 1) * w + x];
    }
    for (size_t y = 1; y + 1 < h; y++) {
        const float *up = src + (y - 1) * w, *row = src + y * w, *down = src + (y + 1) * w;
        float *out = dst + y * w;
        out[0] = row[0];
        for (size_t x = 1; x + 1 < w; x++)
            out[x] = 0.5f * row[x] + 0.125f * (up[x] + down[x] + row[x - 1] + row[x + 1]);
        out[w - 1] = row[w - 1];
    }
}

/* Valid-mode FIR filter: y[i] = sum over t of x[i + t] * taps[t], for the
 * n - ntaps + 1 outputs (n >= ntaps >= 1). */
void ck_convolve(const float *x, size_t n, const float *taps, size_t ntaps, float *y)
{
    size_t outputs = n - ntaps + 1;
    for (size_t i = 0; i < outputs; i++) {
        float acc = 0.0f;
        for (size_t t = 0; t < ntaps; t++)
            acc += x[i + t] * taps[t];
        y[i] = acc;
    }
}

/* Adds the byte histogram of p[0..n) to bins[0..256), counting in four
 * interleaved sub-histograms on the stack. */
void ck_histogram(const uint8_t *p, size_t n, uint64_t *bins)
{
    uint32_t sub[4][256] = {{0}};
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        sub[0][p[i]]++;
        sub[1][p[i + 1]]++;
        sub[2][p[i + 2]]++;
        sub[3][p[i + 3]]++;
    }
    for (; i < n; i++)
        sub[0][p[i]]++;
    for (int b = 0; b < 256; b++)
        bins[b] += (uint64_t)sub[0][b] + sub[1][b] + sub[2][b] + sub[3][b];
}
