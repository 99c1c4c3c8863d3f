#pragma once
// AVX2 pieces shared by the one-row kernels (row_gemv.cpp, row_gemv_int8.cpp, row_gemv_int4.cpp).
// Include only under an x86-64 GCC/Clang guard: every function carries its own target attribute, so
// the including file is still compiled for the baseline CPU and calls these only after a run-time check.
#include <immintrin.h>

#define LEOPARD_AVX2 __attribute__((target("avx2,fma")))

namespace leopard::model::avx2 {

// The sum of the 8 lanes.
LEOPARD_AVX2 inline float sum8(__m256 v)
{
    const __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    const __m128 s2 = _mm_add_ps(s, _mm_movehl_ps(s, s));
    return _mm_cvtss_f32(_mm_add_ss(s2, _mm_movehdup_ps(s2)));
}

} // namespace leopard::model::avx2
