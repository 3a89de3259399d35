/* Scalar floating-point operations (addss/mulss, addsd/mulsd, movss and
   movsd between registers) work on the low lane of an SSE register and
   keep the other lanes: their definedness must follow the same split.
     bug_low:   a float read by the scalar loop was never set: the low
                lane of the accumulator is undefined -> UninitRead where
                fpl_check branches on it
     bug_upper: the accumulator's upper lanes came from a malloc'd block
                whose last three floats were never set; the scalar loop
                keeps them: branching on lane 2 afterwards -> UninitRead
     bug_move:  the same through movsd/movss register moves: the moved-in
                low lane is defined, the kept upper lane is not
     fixed:     the same loops, branching only on the defined low lanes
                (the undefined upper lanes must not leak into them) ->
                clean
   All shown with --report=all (C only). */
#include <emmintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int fpl_sink;

__attribute__((noinline)) static void fpl_check(float v)
{
    if (v > 100.0f)   /* the branch that uses the value */
        fpl_sink = 1;
}

__attribute__((noinline)) static __m128 fpl_sum_ss(__m128 acc, const float *x,
                                                   int n)
{
    for (int i = 0; i < n; i++)
        acc = _mm_add_ss(acc, _mm_mul_ss(_mm_load_ss(&x[i]),
                                         _mm_set_ss(1.5f)));
    return acc;
}

__attribute__((noinline)) static __m128d fpl_sum_sd(__m128d acc,
                                                    const double *x, int n)
{
    for (int i = 0; i < n; i++)
        acc = _mm_add_sd(acc, _mm_mul_sd(_mm_load_sd(&x[i]),
                                         _mm_set_sd(0.5)));
    return acc;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "fixed";
    float *x = malloc(8 * sizeof *x);
    double *d = malloc(8 * sizeof *d);
    float *start = malloc(4 * sizeof *start);   /* only start[0] is set */
    double *dstart = malloc(2 * sizeof *dstart); /* only dstart[0] is set */
    for (int i = 0; i < 8; i++) {
        if (i != 5 || strcmp(mode, "bug_low") != 0)
            x[i] = (float)i;
        d[i] = i * 2.0;
    }
    start[0] = 1.0f;
    dstart[0] = 2.0;

    __m128 acc = fpl_sum_ss(_mm_loadu_ps(start), x, 8);
    __m128d dacc = fpl_sum_sd(_mm_loadu_pd(dstart), d, 8);
    float lanes[4];
    double dlanes[2];
    if (strcmp(mode, "bug_upper") == 0) {
        _mm_storeu_ps(lanes, acc);
        fpl_check(lanes[2]);
    } else if (strcmp(mode, "bug_move") == 0) {
        /* movsd: low lane from the defined sum, high lane from dstart */
        __m128d moved = _mm_move_sd(_mm_loadu_pd(dstart), dacc);
        _mm_storeu_pd(dlanes, moved);
        fpl_check((float)dlanes[0]);   /* defined: silent */
        fpl_check((float)dlanes[1]);   /* undefined: reported */
    } else {
        fpl_check(_mm_cvtss_f32(acc));
        fpl_check((float)_mm_cvtsd_f64(dacc));
        __m128 moved = _mm_move_ss(_mm_loadu_ps(start), acc);
        fpl_check(_mm_cvtss_f32(moved));
        __m128d dmoved = _mm_move_sd(_mm_loadu_pd(dstart), dacc);
        fpl_check((float)_mm_cvtsd_f64(dmoved));
        /* the values too: stdout must match a native run (movss/movsd
           loads zero the upper lanes, ffican rewrites how) */
        if (strcmp(mode, "fixed") != 0)
            goto out;   /* bug_low: the sums are undefined */
        __m128 z = _mm_load_ss(&x[3]);
        __m128d dz = _mm_load_sd(&d[3]);
        _mm_storeu_ps(lanes, z);
        _mm_storeu_pd(dlanes, dz);
        printf("sums %g %g, loads %g %g %g %g, %g %g\n", _mm_cvtss_f32(acc),
               _mm_cvtsd_f64(dacc), lanes[0], lanes[1], lanes[2], lanes[3],
               dlanes[0], dlanes[1]);
    }
out:
    printf("%s done\n", mode);
    free(x);
    free(d);
    free(start);
    free(dstart);
    return 0;
}
