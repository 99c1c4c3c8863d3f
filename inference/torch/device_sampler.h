#pragma once
// Choosing the next token where the logits are, so that a GPU sends back only the chosen id each step
// instead of 128k logits. The same rules and random draws as the host picker (sampler.h): greedy is
// the first index of the largest value (NaN never wins); sampling sorts softmax(logits / T) in double,
// most likely first with ties by index, keeps the smallest set reaching topP (at least one) and draws
// from it with one value of `rng`, exactly as pickToken consumes it. On the CPU every sum runs in the
// host's order, so the ids are the same; a GPU's parallel sums round differently, so there a draw
// within rounding of a nucleus boundary can differ.
// The generator uses it for non-CPU logits; on the CPU the host picker reads the logits in place.
#include "inference/torch/sampler.h"

namespace at {
class Tensor;
}

namespace leopard::model {

// logits: fp32 [count] on any device.
std::int32_t pickTokenOnDevice(const at::Tensor &logits, const SamplingParams &params, std::mt19937_64 &rng);

} // namespace leopard::model
