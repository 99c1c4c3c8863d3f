#pragma once
// Choosing the next token from fp32 logits. Torch-free: the logits of one position are copied to
// the host (128k floats) and picked here, so greedy ties resolve exactly like the reference's
// torch.argmax (first index) on every device.
#include <cstdint>
#include <random>

namespace leopard::model {

struct SamplingParams {
    float temperature = 0.0f; // <= 0: greedy
    float topP = 1.0f;        // nucleus mass kept when sampling (1: all)
};

// Greedy: the first index of the largest value (NaN never wins). Sampling: softmax(logits / T) in
// double, the smallest set of most likely tokens whose mass reaches topP (at least one), one draw
// from `rng`.
std::int32_t pickToken(const float *logits, std::int64_t count, const SamplingParams &params, std::mt19937_64 &rng);

} // namespace leopard::model
