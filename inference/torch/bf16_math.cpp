#include "inference/torch/bf16_math.h"

#include "inference/torch/row_gemv.h"

#include <stdexcept>
#include <vector>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LEOPARD_BF16_MATH_X86 1
#include "inference/torch/avx512_bf16.h"
#endif

namespace leopard::model {

#if LEOPARD_BF16_MATH_X86
namespace {

using avx512::tailMask;
using avx512::widenBf16;

// fp32 -> bf16, round to nearest even (as c10::BFloat16); NaN stays a quiet NaN.
LEOPARD_AVX512 inline void store16(std::uint16_t *p, __m512 v, __mmask16 m)
{
    const __m512i bits = _mm512_castps_si512(v);
    const __m512i lsb = _mm512_and_si512(_mm512_srli_epi32(bits, 16), _mm512_set1_epi32(1));
    __m512i rounded = _mm512_srli_epi32(_mm512_add_epi32(bits, _mm512_add_epi32(lsb, _mm512_set1_epi32(0x7FFF))), 16);
    const __mmask16 nan = _mm512_cmp_ps_mask(v, v, _CMP_UNORD_Q);
    rounded = _mm512_mask_mov_epi32(rounded, nan, _mm512_set1_epi32(0x7FC0));
    _mm256_mask_storeu_epi16(p, m, _mm512_cvtepi32_epi16(rounded));
}

// e^x: x = n ln2 + r with |r| <= ln2/2, e^r by Cephes' expf polynomial, times 2^n by scalef.
// Inputs below -87.3 (e^x under fp32's normal range) give 0, -inf included; above 88.7, +inf.
LEOPARD_AVX512 inline __m512 exp16(__m512 x)
{
    const __mmask16 tiny = _mm512_cmp_ps_mask(x, _mm512_set1_ps(-87.3f), _CMP_LT_OQ);
    const __mmask16 huge = _mm512_cmp_ps_mask(x, _mm512_set1_ps(88.7f), _CMP_GT_OQ);
    x = _mm512_min_ps(x, _mm512_set1_ps(88.7f));
    x = _mm512_max_ps(x, _mm512_set1_ps(-87.3f));
    const __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504088896341f)),
                                          _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
    r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), r);
    __m512 y = _mm512_set1_ps(1.9875691500e-4f);
    y = _mm512_fmadd_ps(y, r, _mm512_set1_ps(1.3981999507e-3f));
    y = _mm512_fmadd_ps(y, r, _mm512_set1_ps(8.3334519073e-3f));
    y = _mm512_fmadd_ps(y, r, _mm512_set1_ps(4.1665795894e-2f));
    y = _mm512_fmadd_ps(y, r, _mm512_set1_ps(1.6666665459e-1f));
    y = _mm512_fmadd_ps(y, r, _mm512_set1_ps(5.0000001201e-1f));
    y = _mm512_fmadd_ps(y, _mm512_mul_ps(r, r), _mm512_add_ps(r, _mm512_set1_ps(1.0f)));
    const __m512 e = _mm512_maskz_mov_ps(__mmask16(~tiny), _mm512_scalef_ps(y, n));
    return _mm512_mask_mov_ps(e, huge, _mm512_set1_ps(__builtin_inff()));
}

// 0.5 x (1 + tanh(u)) = x / (1 + e^(-2u)), u = sqrt(2/pi) (x + 0.044715 x^3).
LEOPARD_AVX512 void geluAvx512(const std::uint16_t *in, std::uint16_t *out, std::int64_t count)
{
    const __m512 k = _mm512_set1_ps(-2.0f * 0.7978845608028654f), c = _mm512_set1_ps(0.044715f),
                 one = _mm512_set1_ps(1.0f);
    for (std::int64_t i = 0; i < count; i += 16) {
        const __mmask16 m = tailMask(count - i);
        const __m512 x = widenBf16(in + i, m);
        const __m512 inner = _mm512_mul_ps(x, _mm512_fmadd_ps(_mm512_mul_ps(c, x), x, one)); // x + c x^3
        const __m512 e = exp16(_mm512_mul_ps(k, inner));
        store16(out + i, _mm512_div_ps(x, _mm512_add_ps(one, e)), m);
    }
}

// x sigmoid(x) = x / (1 + e^-x).
LEOPARD_AVX512 void siluAvx512(const std::uint16_t *in, std::uint16_t *out, std::int64_t count)
{
    const __m512 one = _mm512_set1_ps(1.0f);
    for (std::int64_t i = 0; i < count; i += 16) {
        const __mmask16 m = tailMask(count - i);
        const __m512 x = widenBf16(in + i, m);
        const __m512 e = exp16(_mm512_sub_ps(_mm512_setzero_ps(), x));
        store16(out + i, _mm512_div_ps(x, _mm512_add_ps(one, e)), m);
    }
}

LEOPARD_AVX512 void softmaxAvx512(std::uint16_t *data, std::int64_t rows, std::int64_t cols)
{
    std::vector<float> e(static_cast<std::size_t>(cols + 16));
    for (std::int64_t row = 0; row < rows; ++row) {
        std::uint16_t *p = data + row * cols;
        __m512 mx = _mm512_set1_ps(-__builtin_inff());
        for (std::int64_t i = 0; i < cols; i += 16) {
            const __mmask16 m = tailMask(cols - i);
            mx = _mm512_mask_max_ps(mx, m, mx, widenBf16(p + i, m));
        }
        const float rowMax = _mm512_reduce_max_ps(mx);
        const __m512 shift = _mm512_set1_ps(rowMax == -__builtin_inff() ? 0.0f : rowMax);
        __m512 sum = _mm512_setzero_ps();
        for (std::int64_t i = 0; i < cols; i += 16) {
            const __mmask16 m = tailMask(cols - i);
            const __m512 v = _mm512_maskz_mov_ps(m, exp16(_mm512_sub_ps(widenBf16(p + i, m), shift)));
            _mm512_storeu_ps(e.data() + i, v);
            sum = _mm512_add_ps(sum, v);
        }
        const __m512 scale = _mm512_set1_ps(1.0f / _mm512_reduce_add_ps(sum));
        for (std::int64_t i = 0; i < cols; i += 16)
            store16(p + i, _mm512_mul_ps(_mm512_loadu_ps(e.data() + i), scale), tailMask(cols - i));
    }
}

void require()
{
    if (!bf16MathAvailable())
        throw std::logic_error("bf16 math kernels called on a CPU without AVX-512");
}

} // namespace

bool bf16MathAvailable()
{
    return rowGemvLevel() >= GemvLevel::Avx512; // the same CPU check, and LEOPARD_KERNELS lowers both
}

void geluTanhBf16(const std::uint16_t *in, std::uint16_t *out, std::int64_t count)
{
    require();
    geluAvx512(in, out, count);
}

void siluBf16(const std::uint16_t *in, std::uint16_t *out, std::int64_t count)
{
    require();
    siluAvx512(in, out, count);
}

void softmaxRowsBf16(std::uint16_t *data, std::int64_t rows, std::int64_t cols)
{
    require();
    softmaxAvx512(data, rows, cols);
}

#else

bool bf16MathAvailable() { return false; }
void geluTanhBf16(const std::uint16_t *, std::uint16_t *, std::int64_t)
{
    throw std::logic_error("bf16 math kernels are not built for this CPU");
}
void siluBf16(const std::uint16_t *, std::uint16_t *, std::int64_t)
{
    throw std::logic_error("bf16 math kernels are not built for this CPU");
}
void softmaxRowsBf16(std::uint16_t *, std::int64_t, std::int64_t)
{
    throw std::logic_error("bf16 math kernels are not built for this CPU");
}

#endif

} // namespace leopard::model
