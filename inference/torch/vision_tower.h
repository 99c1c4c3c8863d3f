#pragma once
// SigLIP vision tower (README items 17): conv patch embedding with bias, learned positions (no
// CLS, no interpolation), pre-LN encoder layers with q/k/v/out biases and a tanh-GELU MLP, then
// post_layernorm. Leopard uses the last hidden state of every patch position.
// Declarations only (at::Tensor forward-declared); callers are inference/torch/*.cpp.
#include "inference/checkpoint/model_config.h"

namespace at {
class Tensor;
}

namespace leopard {
class LoadedWeights;
namespace model {

// pixelValues [N, 3, S, S] (any float dtype, any device) -> [N, (S/patch)^2, hidden] in the
// weights' dtype on their device.
at::Tensor runVisionTower(const LoadedWeights &w, const ckpt::VisionConfig &cfg, const at::Tensor &pixelValues);

// The prefix all SigLIP tensor names share (canonical transformers 4.4x names).
inline constexpr const char *kVisionPrefix = "vision_tower.vision_model.";

} // namespace model
} // namespace leopard
