// rowGemvInt8 (row_gemv.h): one decode step's products on int8 weights, dequantised in registers.
//
// Each weight is read as one byte, widened to fp32 exactly (an int8 is exact in fp32) and multiplied
// by x in fp32; the row's scale multiplies the finished sum once. So the result is the fp32 dot
// product of the dequantised row (q * scale) with x, to fp32 rounding — the same function the
// chunked dequantise-then-matmul path of prefill computes (quantized_linear.cpp), which the
// kernel test checks against double sums.
//
// AVX2 + FMA only: this build machine has no AVX-512, so an AVX-512 / VNNI variant could not be run
// here and is not shipped untested (docs/NOTES.md). AVX-512 CPUs run this one (they have AVX2).
#include "inference/torch/row_gemv.h"

#include <stdexcept>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include "inference/torch/avx2.h"
#define LEOPARD_INT8_X86 1
#endif

namespace leopard::model {

#if LEOPARD_INT8_X86
namespace {

using avx2::sum8;

// 8 int8 weights at p widened to 8 fp32.
LEOPARD_AVX2 inline __m256 widenInt8(const std::int8_t *p)
{
    const __m128i b = _mm_loadl_epi64(reinterpret_cast<const __m128i *>(p));
    return _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(b));
}

// One row at a time (one sequential stream for the prefetchers, as rowGemvBf16), four accumulators:
// 32 weights per iteration, four independent FMA chains.
LEOPARD_AVX2 void gemvInt8Avx2(const std::int8_t *w, std::int64_t stride, std::int64_t cols, const float *x,
                               const float *scale, std::int64_t r0, std::int64_t r1, float *y)
{
    for (std::int64_t r = r0; r < r1; ++r) {
        const std::int8_t *row = w + r * stride;
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
        std::int64_t k = 0;
        for (; k + 32 <= cols; k += 32) {
            a0 = _mm256_fmadd_ps(widenInt8(row + k), _mm256_loadu_ps(x + k), a0);
            a1 = _mm256_fmadd_ps(widenInt8(row + k + 8), _mm256_loadu_ps(x + k + 8), a1);
            a2 = _mm256_fmadd_ps(widenInt8(row + k + 16), _mm256_loadu_ps(x + k + 16), a2);
            a3 = _mm256_fmadd_ps(widenInt8(row + k + 24), _mm256_loadu_ps(x + k + 24), a3);
        }
        for (; k + 8 <= cols; k += 8)
            a0 = _mm256_fmadd_ps(widenInt8(row + k), _mm256_loadu_ps(x + k), a0);
        float s = sum8(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)));
        for (; k < cols; ++k)
            s += float(row[k]) * x[k];
        y[r] = s * scale[r];
    }
}

} // namespace

void rowGemvInt8(GemvLevel level, const std::int8_t *w, std::int64_t rowStride, std::int64_t cols, const float *x,
                 const float *scale, std::int64_t rowBegin, std::int64_t rowEnd, float *y)
{
    if (level == GemvLevel::None || level > rowGemvLevel())
        throw std::logic_error("rowGemvInt8 called at a level this CPU does not run");
    gemvInt8Avx2(w, rowStride, cols, x, scale, rowBegin, rowEnd, y);
}

#else

void rowGemvInt8(GemvLevel, const std::int8_t *, std::int64_t, std::int64_t, const float *, const float *,
                 std::int64_t, std::int64_t, float *)
{
    throw std::logic_error("rowGemvInt8 is not built for this CPU");
}

#endif

} // namespace leopard::model
