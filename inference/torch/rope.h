#pragma once
// Rotary position embeddings as transformers 4.44 computes them for Llama (README items 20-21):
// inv_freq = 1 / theta^(2i/d) in fp32, rescaled by the "llama3" rule when config.json asks for
// it; angles = float32(position) * inv_freq in fp32, fp32 cos/sin, then cast to the activations'
// dtype; applied with rotate_half (non-interleaved halves). Computing any of this in double
// would drift from the reference at long positions (the fp32 angle quantisation is part of it).
#include "inference/checkpoint/model_config.h"

#include <cstdint>

namespace at {
class Tensor;
}

namespace leopard::model {

// [headDim / 2] fp32 on the CPU. Throws std::runtime_error for a rope type this port lacks.
at::Tensor ropeInvFreq(const ckpt::TextConfig &cfg);

// cos and sin [count, headDim] (fp32, on invFreq's device) of positions start .. start+count-1.
void ropeCosSin(const at::Tensor &invFreq, std::int64_t start, std::int64_t count, at::Tensor &cos, at::Tensor &sin);

// x [heads, T, headDim]: x * cos + rotate_half(x) * sin, with cos/sin [T, headDim] cast to x's dtype.
at::Tensor applyRope(const at::Tensor &x, const at::Tensor &cos, const at::Tensor &sin);

} // namespace leopard::model
