#include "inference/torch/row_gemv.h"

#include <cstdlib>
#include <cstring>
#include <stdexcept>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LEOPARD_ROW_GEMV_X86 1
#include "inference/torch/avx2.h"
#include "inference/torch/avx512_bf16.h"
#endif

namespace leopard::model {

#if LEOPARD_ROW_GEMV_X86
namespace {

// Each level's functions carry their own target attribute: the file is compiled for the baseline
// x86-64 and only runs these after rowGemvLevel() has checked the CPU.
using avx2::sum8;
using avx512::tailMask;

LEOPARD_AVX512 inline __m512 widen16(const std::uint16_t *p) { return avx512::widenBf16(p); }
LEOPARD_AVX512 inline __m512 widen16(const float *p) { return _mm512_loadu_ps(p); }
LEOPARD_AVX512 inline __m512 widen16Masked(const std::uint16_t *p, __mmask16 m) { return avx512::widenBf16(p, m); }
LEOPARD_AVX512 inline __m512 widen16Masked(const float *p, __mmask16 m) { return _mm512_maskz_loadu_ps(m, p); }

// R rows at once share each load of x; two accumulators per row keep two FMA chains in flight.
template <int R, typename W, typename X>
LEOPARD_AVX512 void rowsAvx512(const W *w, std::int64_t stride, std::int64_t cols, const X *x, float *y)
{
    __m512 acc0[R], acc1[R];
    for (int r = 0; r < R; ++r)
        acc0[r] = acc1[r] = _mm512_setzero_ps();
    std::int64_t k = 0;
    for (; k + 32 <= cols; k += 32) {
        const __m512 x0 = widen16(x + k), x1 = widen16(x + k + 16);
        for (int r = 0; r < R; ++r) {
            acc0[r] = _mm512_fmadd_ps(widen16(w + r * stride + k), x0, acc0[r]);
            acc1[r] = _mm512_fmadd_ps(widen16(w + r * stride + k + 16), x1, acc1[r]);
        }
    }
    for (; k < cols; k += 16) {
        const __mmask16 m = tailMask(cols - k);
        const __m512 xv = widen16Masked(x + k, m);
        for (int r = 0; r < R; ++r)
            acc0[r] = _mm512_fmadd_ps(widen16Masked(w + r * stride + k, m), xv, acc0[r]);
    }
    for (int r = 0; r < R; ++r)
        y[r] = _mm512_reduce_add_ps(_mm512_add_ps(acc0[r], acc1[r]));
}

// Rows per block: 1 unless LEOPARD_GEMV_ROWS=4 (the earlier blocking, kept for before/after runs).
// One row at a time streams a single sequential run of memory, which the hardware prefetchers follow
// at full speed; four rows 8-16 kB apart are four interleaved streams, and on the AMD EPYC (Zen 5) of
// 2026-12-04 they read at 13.5 GB/s against 24.9 for one row (one thread; 24.7 vs 34.0 with two) —
// PERFORMANCE.md, "Decode kernels". The arithmetic of a row is the same either way (same loads,
// same accumulators, same order), so results are bit-identical.
int blockRows()
{
    static const int rows = [] {
        const char *env = std::getenv("LEOPARD_GEMV_ROWS");
        return env && std::strcmp(env, "4") == 0 ? 4 : 1;
    }();
    return rows;
}

template <typename W, typename X>
LEOPARD_AVX512 void gemvAvx512(const W *w, std::int64_t stride, std::int64_t cols, const X *x, std::int64_t r0,
                               std::int64_t r1, float *y)
{
    std::int64_t r = r0;
    if (blockRows() == 4)
        for (; r + 4 <= r1; r += 4)
            rowsAvx512<4>(w + r * stride, stride, cols, x, y + r);
    for (; r < r1; ++r)
        rowsAvx512<1>(w + r * stride, stride, cols, x, y + r);
}

// bf16 weights times a bf16 row on vdpbf16ps (AVX512_BF16): each instruction multiplies 32 pairs
// exactly (a bf16 product fits in fp32) and adds each lane's pair to its fp32 accumulator, so the sums
// are fp32 sums of exact products like the widening kernel's, in another order (pairs first) and with
// denormals flushed. It issues a third of the widening kernel's instructions: on Zen 5 one thread
// reads 41 against 34 GB/s (PERFORMANCE.md, "Decode on vdpbf16ps").
#define LEOPARD_AVX512_BF16 __attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16,fma")))

LEOPARD_AVX512_BF16 inline __m512bh bf16x32(const std::uint16_t *p)
{
    return reinterpret_cast<__m512bh>(_mm512_loadu_si512(p));
}

LEOPARD_AVX512_BF16 void gemvDpBf16(const std::uint16_t *w, std::int64_t stride, std::int64_t cols,
                                    const std::uint16_t *x, std::int64_t r0, std::int64_t r1, float *y)
{
    for (std::int64_t r = r0; r < r1; ++r) {
        const std::uint16_t *row = w + r * stride;
        __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
        std::int64_t k = 0;
        for (; k + 64 <= cols; k += 64) {
            acc0 = _mm512_dpbf16_ps(acc0, bf16x32(row + k), bf16x32(x + k));
            acc1 = _mm512_dpbf16_ps(acc1, bf16x32(row + k + 32), bf16x32(x + k + 32));
        }
        for (; k < cols; k += 32) {
            const std::int64_t left = cols - k;
            const __mmask32 m = left >= 32 ? __mmask32(0xFFFFFFFFu) : __mmask32((1u << left) - 1);
            acc0 = _mm512_dpbf16_ps(acc0, reinterpret_cast<__m512bh>(_mm512_maskz_loadu_epi16(m, row + k)),
                                    reinterpret_cast<__m512bh>(_mm512_maskz_loadu_epi16(m, x + k)));
        }
        y[r] = _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1));
    }
}

LEOPARD_AVX2 inline __m256 widen8(const std::uint16_t *p)
{
    const __m128i h = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(h), 16));
}
LEOPARD_AVX2 inline __m256 widen8(const float *p) { return _mm256_loadu_ps(p); }
inline float widen1(std::uint16_t v)
{
    const std::uint32_t bits = std::uint32_t(v) << 16;
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}
inline float widen1(float v) { return v; }

template <int R, typename W, typename X>
LEOPARD_AVX2 void rowsAvx2(const W *w, std::int64_t stride, std::int64_t cols, const X *x, float *y)
{
    __m256 acc0[R], acc1[R];
    for (int r = 0; r < R; ++r)
        acc0[r] = acc1[r] = _mm256_setzero_ps();
    std::int64_t k = 0;
    for (; k + 16 <= cols; k += 16) {
        const __m256 x0 = widen8(x + k), x1 = widen8(x + k + 8);
        for (int r = 0; r < R; ++r) {
            acc0[r] = _mm256_fmadd_ps(widen8(w + r * stride + k), x0, acc0[r]);
            acc1[r] = _mm256_fmadd_ps(widen8(w + r * stride + k + 8), x1, acc1[r]);
        }
    }
    for (int r = 0; r < R; ++r) {
        float s = sum8(_mm256_add_ps(acc0[r], acc1[r]));
        for (std::int64_t j = k; j < cols; ++j)
            s += widen1(w[r * stride + j]) * widen1(x[j]);
        y[r] = s;
    }
}

template <typename W, typename X>
LEOPARD_AVX2 void gemvAvx2(const W *w, std::int64_t stride, std::int64_t cols, const X *x, std::int64_t r0,
                           std::int64_t r1, float *y)
{
    std::int64_t r = r0;
    if (blockRows() == 4)
        for (; r + 4 <= r1; r += 4)
            rowsAvx2<4>(w + r * stride, stride, cols, x, y + r);
    for (; r < r1; ++r)
        rowsAvx2<1>(w + r * stride, stride, cols, x, y + r);
}

GemvLevel detectLevel()
{
    __builtin_cpu_init();
    GemvLevel best = GemvLevel::None;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        best = GemvLevel::Avx2;
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl"))
        best = GemvLevel::Avx512;
    if (best == GemvLevel::Avx512 && __builtin_cpu_supports("avx512bf16"))
        best = GemvLevel::Avx512Bf16;
    if (const char *env = std::getenv("LEOPARD_KERNELS")) {
        if (std::strcmp(env, "none") == 0)
            best = GemvLevel::None;
        else if (std::strcmp(env, "avx2") == 0 && best >= GemvLevel::Avx512)
            best = GemvLevel::Avx2;
        else if (std::strcmp(env, "avx512") == 0 && best == GemvLevel::Avx512Bf16)
            best = GemvLevel::Avx512;
    }
    return best;
}

template <typename W, typename X>
void dispatch(GemvLevel level, const W *w, std::int64_t stride, std::int64_t cols, const X *x, std::int64_t r0,
              std::int64_t r1, float *y)
{
    if (level == GemvLevel::None || level > rowGemvLevel())
        throw std::logic_error("rowGemv called at a level this CPU does not run");
    if (level >= GemvLevel::Avx512) // Avx512Bf16 only changes rowGemvBf16In
        gemvAvx512(w, stride, cols, x, r0, r1, y);
    else
        gemvAvx2(w, stride, cols, x, r0, r1, y);
}

} // namespace

GemvLevel rowGemvLevel()
{
    static const GemvLevel level = detectLevel();
    return level;
}

void rowGemvBf16(GemvLevel level, const std::uint16_t *w, std::int64_t rowStride, std::int64_t cols, const float *x,
                 std::int64_t rowBegin, std::int64_t rowEnd, float *y)
{
    dispatch(level, w, rowStride, cols, x, rowBegin, rowEnd, y);
}

void rowGemvBf16In(GemvLevel level, const std::uint16_t *w, std::int64_t rowStride, std::int64_t cols,
                   const std::uint16_t *x, std::int64_t rowBegin, std::int64_t rowEnd, float *y)
{
    if (level == GemvLevel::Avx512Bf16 && level <= rowGemvLevel())
        gemvDpBf16(w, rowStride, cols, x, rowBegin, rowEnd, y);
    else
        dispatch(level, w, rowStride, cols, x, rowBegin, rowEnd, y);
}

void rowGemvF32(GemvLevel level, const float *w, std::int64_t rowStride, std::int64_t cols, const float *x,
                std::int64_t rowBegin, std::int64_t rowEnd, float *y)
{
    dispatch(level, w, rowStride, cols, x, rowBegin, rowEnd, y);
}

#else // not x86-64 with GCC/Clang: no hand-written kernel, callers keep at::linear

GemvLevel rowGemvLevel() { return GemvLevel::None; }

void rowGemvBf16(GemvLevel, const std::uint16_t *, std::int64_t, std::int64_t, const float *, std::int64_t,
                 std::int64_t, float *)
{
    throw std::logic_error("rowGemv is not built for this CPU");
}

void rowGemvBf16In(GemvLevel, const std::uint16_t *, std::int64_t, std::int64_t, const std::uint16_t *, std::int64_t,
                   std::int64_t, float *)
{
    throw std::logic_error("rowGemv is not built for this CPU");
}

void rowGemvF32(GemvLevel, const float *, std::int64_t, std::int64_t, const float *, std::int64_t, std::int64_t,
                float *)
{
    throw std::logic_error("rowGemv is not built for this CPU");
}

#endif

const char *gemvLevelName(GemvLevel level)
{
    switch (level) {
    case GemvLevel::Avx512Bf16:
        return "avx512_bf16";
    case GemvLevel::Avx512:
        return "avx512";
    case GemvLevel::Avx2:
        return "avx2";
    case GemvLevel::None:
        break;
    }
    return "none";
}

} // namespace leopard::model
