#pragma once
// The model's elementwise hot spots in bf16, written by hand: tanh-GELU over the vision MLP's
// [tiles x 729 x 4304] activations, SiLU over the text MLP's gate, and the attention softmax of both
// (vision [tiles x 16 x 729 x 729], text prefill [8 x 4 chunk x positions] with -inf masks).
// libtorch 1.13 as Debian builds it (CPU capability AVX2, scalar transcendental functions) spends
// ~12 ns per element on bf16 GELU and ~4 ns on each exp: a third of a vision layer
// (PERFORMANCE.md, "Changes"). Here each element is widened to fp32, computed with a vectorised exp
// (Cephes-style range reduction and polynomial, ~1 ulp in fp32) and rounded to bf16 once (nearest
// even), so results equal libtorch's fp32 formulas rounded to bf16, up to one bf16 unit where the
// fp32 values straddle a rounding boundary.
//
// AVX-512 only, chosen at run time (bf16MathAvailable()); elsewhere the callers keep libtorch's ops.
// Torch-free: raw bf16 bit patterns.
#include <cstdint>

namespace leopard::model {

bool bf16MathAvailable(); // AVX-512F/BW/VL on this CPU, and LEOPARD_KERNELS does not lower it (row_gemv.h)

// out[i] = gelu_tanh(in[i]) = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). in and out may alias.
void geluTanhBf16(const std::uint16_t *in, std::uint16_t *out, std::int64_t count);

// out[i] = x sigmoid(x). in and out may alias.
void siluBf16(const std::uint16_t *in, std::uint16_t *out, std::int64_t count);

// Softmax of each of `rows` contiguous rows of `cols` values, in place; -inf entries get 0.
void softmaxRowsBf16(std::uint16_t *data, std::int64_t rows, std::int64_t cols);

} // namespace leopard::model
