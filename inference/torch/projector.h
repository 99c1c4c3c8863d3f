#pragma once
// Leopard's multi-modal projector (README item 18): pixel shuffle with factor 2 (the 26x26 grid of
// C channels becomes 13x13 of 4C, output token r*13+c = concat(x[2r,2c], x[2r,2c+1], x[2r+1,2c],
// x[2r+1,2c+1])), then linear_1 -> projector_hidden_act (exact erf GELU for "gelu") -> linear_2.
#include "inference/checkpoint/model_config.h"

#include <cstdint>

namespace at {
class Tensor;
}

namespace leopard {
class LoadedWeights;
namespace model {

// The reference's pixel_shuffle(): [N, side*side, C] -> [N, side*side/f^2, C*f^2], with its exact
// reshape/permute sequence (the channel order matters).
at::Tensor pixelShuffle(const at::Tensor &x, std::int64_t factor);

// features [N, P, visionHidden] -> [N, P/f^2, textHidden] in the weights' dtype.
at::Tensor runProjector(const LoadedWeights &w, const ckpt::ModelConfig &cfg, const at::Tensor &features);

// Name of the projector tensors: "multi_modal_projector.linear_1.weight", ...
inline constexpr const char *kProjectorPrefix = "multi_modal_projector.";

} // namespace model
} // namespace leopard
