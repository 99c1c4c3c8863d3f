// rowGemvInt4 (row_gemv.h): one decode step's products on group-wise 4-bit weights.
//
// Layout (int4_weights.h): each row is packed in blocks of 32 weights, 16 bytes a block, byte j
// holding weight j in its low nibble and weight j + 16 in its high nibble (llama.cpp's Q4 order:
// one AND and one shift give two runs of 16). A group of G weights (G a multiple of 32) has a scale
// d and an offset m, fp16 bit patterns (widened with F16C): W = q * d + m, q in 0..15.
//
// So a row's product is sum_g (d_g * sum_{k in g} q_k x_k + m_g * X_g), X_g the sum of x over the
// group (computed once per call, shared by every row): the nibbles are widened to fp32 exactly and
// multiplied in fp32, no offset subtracted per weight.
//
// AVX2 + FMA (see row_gemv_int8.cpp for why no AVX-512 variant).
#include "inference/torch/row_gemv.h"

#include <stdexcept>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include "inference/torch/avx2.h"
#define LEOPARD_INT4_X86 1
#endif

namespace leopard::model {

#if LEOPARD_INT4_X86
namespace {

// The kernel also reads fp16 scales (F16C, which every AVX2 CPU has).
#define LEOPARD_AVX2_F16C __attribute__((target("avx2,fma,f16c")))

using avx2::sum8;

LEOPARD_AVX2 inline __m256 widenLow8(__m128i bytes) { return _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(bytes)); }
LEOPARD_AVX2 inline __m256 widenHigh8(__m128i bytes)
{
    return _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_srli_si128(bytes, 8)));
}

LEOPARD_AVX2_F16C void gemvInt4Avx2(const std::uint8_t *w, std::int64_t stride, std::int64_t cols, std::int64_t group,
                               const float *x, const float *xGroupSums, const std::uint16_t *scale, const std::uint16_t *offset,
                               std::int64_t r0, std::int64_t r1, float *y)
{
    const std::int64_t groups = cols / group;
    const __m128i low = _mm_set1_epi8(0x0F);
    for (std::int64_t r = r0; r < r1; ++r) {
        const std::uint8_t *row = w + r * stride;
        const std::uint16_t *d = scale + r * groups, *m = offset + r * groups;
        __m256 total = _mm256_setzero_ps();
        float offsets = 0;
        for (std::int64_t g = 0; g < groups; ++g) {
            __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
            for (std::int64_t k = g * group; k < (g + 1) * group; k += 32) {
                const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(row + k / 2));
                const __m128i lo = _mm_and_si128(b, low);                     // weights k .. k+15
                const __m128i hi = _mm_and_si128(_mm_srli_epi16(b, 4), low);  // weights k+16 .. k+31
                a0 = _mm256_fmadd_ps(widenLow8(lo), _mm256_loadu_ps(x + k), a0);
                a1 = _mm256_fmadd_ps(widenHigh8(lo), _mm256_loadu_ps(x + k + 8), a1);
                a2 = _mm256_fmadd_ps(widenLow8(hi), _mm256_loadu_ps(x + k + 16), a2);
                a3 = _mm256_fmadd_ps(widenHigh8(hi), _mm256_loadu_ps(x + k + 24), a3);
            }
            const __m256 sum = _mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3));
            total = _mm256_fmadd_ps(sum, _mm256_set1_ps(_cvtsh_ss(d[g])), total);
            offsets += _cvtsh_ss(m[g]) * xGroupSums[g];
        }
        y[r] = sum8(total) + offsets;
    }
}

} // namespace

void rowGemvInt4(GemvLevel level, const std::uint8_t *w, std::int64_t rowStride, std::int64_t cols, std::int64_t group,
                 const float *x, const float *xGroupSums, const std::uint16_t *scale, const std::uint16_t *offset,
                 std::int64_t rowBegin, std::int64_t rowEnd, float *y)
{
    if (level == GemvLevel::None || level > rowGemvLevel())
        throw std::logic_error("rowGemvInt4 called at a level this CPU does not run");
    if (group <= 0 || group % 32 != 0 || cols % group != 0)
        throw std::invalid_argument("rowGemvInt4: the group must be a multiple of 32 dividing the columns");
    gemvInt4Avx2(w, rowStride, cols, group, x, xGroupSums, scale, offset, rowBegin, rowEnd, y);
}

#else

void rowGemvInt4(GemvLevel, const std::uint8_t *, std::int64_t, std::int64_t, std::int64_t, const float *, const float *,
                 const std::uint16_t *, const std::uint16_t *, std::int64_t, std::int64_t, float *)
{
    throw std::logic_error("rowGemvInt4 is not built for this CPU");
}

#endif

} // namespace leopard::model
