#pragma once
// AVX-512 pieces shared by the hand-written kernels (row_gemv.cpp, bf16_math.cpp, decode_attention.cpp). Include only under
// an x86-64 GCC/Clang guard: every function carries its own target attribute, so the including file is
// still compiled for the baseline CPU and calls these only after a run-time check.
#include <cstdint>
#include <immintrin.h>

#define LEOPARD_AVX512 __attribute__((target("avx512f,avx512bw,avx512vl,fma")))

namespace leopard::model::avx512 {

// Lanes [0, left) of a 16-lane vector (all 16 when left >= 16).
inline __mmask16 tailMask(std::int64_t left)
{
    return left >= 16 ? __mmask16(0xFFFF) : __mmask16((1u << left) - 1);
}

// 16 bf16 values (the lanes of m; the others 0) widened to fp32. bf16 is the top half of an fp32:
// widening is a shift, exact.
LEOPARD_AVX512 inline __m512 widenBf16(const std::uint16_t *p, __mmask16 m)
{
    const __m256i h = _mm256_maskz_loadu_epi16(m, p);
    return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_cvtepu16_epi32(h), 16));
}

// 16 bf16 values widened to fp32, all lanes (the unmasked load of the kernels' main loops).
LEOPARD_AVX512 inline __m512 widenBf16(const std::uint16_t *p)
{
    const __m256i h = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
    return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_cvtepu16_epi32(h), 16));
}

} // namespace leopard::model::avx512
