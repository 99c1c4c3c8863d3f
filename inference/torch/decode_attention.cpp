#include "inference/torch/decode_attention.h"

#include "inference/torch/row_gemv.h"

#include <ATen/Parallel.h>

#include <stdexcept>
#include <type_traits>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LEOPARD_DECODE_ATTENTION_X86 1
#include "inference/torch/avx512_bf16.h"
#endif

namespace leopard::model {

bool decodeAttentionAvailable()
{
#if LEOPARD_DECODE_ATTENTION_X86
    return rowGemvLevel() >= GemvLevel::Avx512;
#else
    return false;
#endif
}

namespace {

#if LEOPARD_DECODE_ATTENTION_X86

// 16 cache elements as fp32: bf16 bit patterns widened (exactly), fp32 loaded.
LEOPARD_AVX512 inline __m512 load16(const std::uint16_t *p) { return avx512::widenBf16(p); }
LEOPARD_AVX512 inline __m512 load16(const float *p) { return _mm512_loadu_ps(p); }

// Below this many cached positions a step's attention is a few microseconds: not worth waking threads.
constexpr std::int64_t kParallelPositions = 512;

// The group's `rep` query heads against each key row of kv head g, the row widened once for all of
// them (the keys are read once per group, not once per query head). Per head and key the same fp32
// arithmetic as rowGemvBf16 on a row of hd columns: even 16-column chunks into one accumulator, odd
// ones into another, added and reduced, then scaled — so the scores are bit-identical to it.
template <int C, typename T>
LEOPARD_AVX512 void scoresOfGroup(const float *q, const T *k, std::int64_t rowStride, std::int64_t rep,
                                  std::int64_t total, float scale, float *scores)
{
    constexpr std::int64_t hd = 16 * C;
    for (std::int64_t j = 0; j < total; ++j) {
        const T *row = k + j * rowStride;
        __m512 key[C];
        for (int c = 0; c < C; ++c)
            key[c] = load16(row + 16 * c);
        for (std::int64_t r = 0; r < rep; ++r) {
            const float *qr = q + r * hd;
            __m512 acc0 = _mm512_setzero_ps(), acc1 = _mm512_setzero_ps();
            for (int c = 0; c < C; c += 2) {
                acc0 = _mm512_fmadd_ps(key[c], _mm512_loadu_ps(qr + 16 * c), acc0);
                if (c + 1 < C)
                    acc1 = _mm512_fmadd_ps(key[c + 1], _mm512_loadu_ps(qr + 16 * (c + 1)), acc1);
            }
            scores[r * total + j] = _mm512_reduce_add_ps(_mm512_add_ps(acc0, acc1)) * scale;
        }
    }
}

template <int C, typename T>
void scoresAll(const float *q, const T *k, std::int64_t headStride, std::int64_t rowStride,
               std::int64_t kvHeads, std::int64_t rep, std::int64_t total, float scale, float *scores)
{
    constexpr std::int64_t hd = 16 * C;
    at::parallel_for(0, kvHeads, total >= kParallelPositions ? 1 : kvHeads, [&](std::int64_t g0, std::int64_t g1) {
        for (std::int64_t g = g0; g < g1; ++g)
            scoresOfGroup<C>(q + g * rep * hd, k + g * headStride, rowStride, rep, total, scale,
                             scores + g * rep * total);
    });
}

// Two query heads of one group at once (they share every value row read); C = hd / 16 chunks of
// accumulators per head stay in registers (2 × 8 for hd 128).
template <int C, typename T>
LEOPARD_AVX512 void weightedPair(const float *p0, const float *p1, const T *v, std::int64_t rowStride,
                                 std::int64_t total, float *out0, float *out1)
{
    __m512 a0[C], a1[C];
    for (int c = 0; c < C; ++c)
        a0[c] = a1[c] = _mm512_setzero_ps();
    for (std::int64_t j = 0; j < total; ++j) {
        const __m512 w0 = _mm512_set1_ps(p0[j]), w1 = _mm512_set1_ps(p1 ? p1[j] : 0.0f);
        const T *row = v + j * rowStride;
        for (int c = 0; c < C; ++c) {
            const __m512 x = load16(row + 16 * c);
            a0[c] = _mm512_fmadd_ps(x, w0, a0[c]);
            a1[c] = _mm512_fmadd_ps(x, w1, a1[c]);
        }
    }
    for (int c = 0; c < C; ++c) {
        _mm512_storeu_ps(out0 + 16 * c, a0[c]);
        if (out1)
            _mm512_storeu_ps(out1 + 16 * c, a1[c]);
    }
}

template <int C, typename T>
void weightedAll(const float *probs, const T *v, std::int64_t headStride, std::int64_t rowStride,
                 std::int64_t kvHeads, std::int64_t rep, std::int64_t total, float *out)
{
    constexpr std::int64_t hd = 16 * C;
    const std::int64_t pairs = (rep + 1) / 2, tasks = kvHeads * pairs;
    at::parallel_for(0, tasks, total >= kParallelPositions ? 1 : tasks, [&](std::int64_t t0, std::int64_t t1) {
        for (std::int64_t t = t0; t < t1; ++t) {
            const std::int64_t g = t / pairs, r = 2 * (t % pairs), h = g * rep + r;
            const bool two = r + 1 < rep;
            weightedPair<C>(probs + h * total, two ? probs + (h + 1) * total : nullptr, v + g * headStride, rowStride,
                            total, out + h * hd, two ? out + (h + 1) * hd : nullptr);
        }
    });
}

#endif

template <typename T>
void scores(const float *q, const T *k, std::int64_t headStride, std::int64_t rowStride, std::int64_t kvHeads,
            std::int64_t rep, std::int64_t hd, std::int64_t total, float scale, float *out)
{
    if (!decodeAttentionAvailable())
        throw std::logic_error("decode attention needs AVX-512");
#if LEOPARD_DECODE_ATTENTION_X86
    switch (hd) {
    case 16: return scoresAll<1>(q, k, headStride, rowStride, kvHeads, rep, total, scale, out);
    case 32: return scoresAll<2>(q, k, headStride, rowStride, kvHeads, rep, total, scale, out);
    case 64: return scoresAll<4>(q, k, headStride, rowStride, kvHeads, rep, total, scale, out);
    case 128: return scoresAll<8>(q, k, headStride, rowStride, kvHeads, rep, total, scale, out);
    default: break;
    }
#endif
    for (std::int64_t g = 0; g < kvHeads; ++g) // other head dims: one row product per query head
        for (std::int64_t r = 0; r < rep; ++r) {
            float *row = out + (g * rep + r) * total;
            if constexpr (std::is_same_v<T, float>)
                rowGemvF32(GemvLevel::Avx512, k + g * headStride, rowStride, hd, q + (g * rep + r) * hd, 0, total, row);
            else
                rowGemvBf16(GemvLevel::Avx512, k + g * headStride, rowStride, hd, q + (g * rep + r) * hd, 0, total, row);
            for (std::int64_t j = 0; j < total; ++j)
                row[j] *= scale;
        }
}

template <typename T>
void weightedValues(const float *probs, const T *v, std::int64_t headStride, std::int64_t rowStride,
                    std::int64_t kvHeads, std::int64_t rep, std::int64_t hd, std::int64_t total, float *out)
{
#if LEOPARD_DECODE_ATTENTION_X86
    if (decodeAttentionAvailable()) {
        switch (hd) {
        case 16: return weightedAll<1>(probs, v, headStride, rowStride, kvHeads, rep, total, out);
        case 32: return weightedAll<2>(probs, v, headStride, rowStride, kvHeads, rep, total, out);
        case 64: return weightedAll<4>(probs, v, headStride, rowStride, kvHeads, rep, total, out);
        case 128: return weightedAll<8>(probs, v, headStride, rowStride, kvHeads, rep, total, out);
        default: break;
        }
    }
#endif
    (void)probs, (void)v, (void)headStride, (void)rowStride, (void)kvHeads, (void)rep, (void)total, (void)out;
    throw std::logic_error("decode attention's weighted values: needs AVX-512 and a head dim of 16, 32, 64 or 128");
}

} // namespace

void decodeScoresBf16(const float *q, const std::uint16_t *k, std::int64_t headStride, std::int64_t rowStride,
                      std::int64_t kvHeads, std::int64_t rep, std::int64_t hd, std::int64_t total, float scale,
                      float *out)
{
    scores(q, k, headStride, rowStride, kvHeads, rep, hd, total, scale, out);
}

void decodeScoresF32(const float *q, const float *k, std::int64_t headStride, std::int64_t rowStride,
                     std::int64_t kvHeads, std::int64_t rep, std::int64_t hd, std::int64_t total, float scale, float *out)
{
    scores(q, k, headStride, rowStride, kvHeads, rep, hd, total, scale, out);
}

void decodeWeightedValuesBf16(const float *probs, const std::uint16_t *v, std::int64_t headStride,
                              std::int64_t rowStride, std::int64_t kvHeads, std::int64_t rep, std::int64_t hd,
                              std::int64_t total, float *out)
{
    weightedValues(probs, v, headStride, rowStride, kvHeads, rep, hd, total, out);
}

void decodeWeightedValuesF32(const float *probs, const float *v, std::int64_t headStride, std::int64_t rowStride,
                             std::int64_t kvHeads, std::int64_t rep, std::int64_t hd, std::int64_t total, float *out)
{
    weightedValues(probs, v, headStride, rowStride, kvHeads, rep, hd, total, out);
}


} // namespace leopard::model
