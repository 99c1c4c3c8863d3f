#include "inference/torch/projector.h"

#include "inference/torch/weight_loader.h"

#include <ATen/ATen.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace leopard::model {

at::Tensor pixelShuffle(const at::Tensor &x, std::int64_t f)
{
    const std::int64_t n = x.size(0), seq = x.size(1), c = x.size(2);
    const auto side = static_cast<std::int64_t>(std::lround(std::sqrt(double(seq))));
    if (side * side != seq || side % f != 0)
        throw std::runtime_error("pixel shuffle needs a square grid divisible by " + std::to_string(f) + ", got " +
                                 std::to_string(seq) + " positions");
    // Statement by statement as the reference (height = width = side).
    at::Tensor y = x.reshape({n, side, side, c});
    y = y.reshape({n, side, side / f, c * f});
    y = y.permute({0, 2, 1, 3});
    y = y.reshape({n, side / f, side / f, c * f * f});
    y = y.permute({0, 2, 1, 3});
    return y.reshape({n, seq / (f * f), c * f * f});
}

namespace {

at::Tensor activation(const at::Tensor &x, const std::string &name)
{
    // transformers' ACT2FN names: "gelu" is the exact erf GELU (Leopard's projector).
    if (name == "gelu")
        return at::gelu(x);
    if (name == "gelu_pytorch_tanh" || name == "gelu_new" || name == "gelu_fast")
        return at::gelu(x, "tanh");
    if (name == "relu")
        return at::relu(x);
    if (name == "silu" || name == "swish")
        return at::silu(x);
    throw std::runtime_error("projector_hidden_act '" + name + "' is not supported");
}

} // namespace

at::Tensor runProjector(const LoadedWeights &w, const ckpt::ModelConfig &cfg, const at::Tensor &features)
{
    const std::string p = kProjectorPrefix;
    const at::Tensor &w1 = w.tensor(p + "linear_1.weight");
    const at::Tensor x = pixelShuffle(features.to(w1.device(), w1.scalar_type()), cfg.pixelShuffleFactor);
    const at::Tensor h = activation(at::linear(x, w1, w.tensor(p + "linear_1.bias")), cfg.projectorHiddenAct);
    return at::linear(h, w.tensor(p + "linear_2.weight"), w.tensor(p + "linear_2.bias"));
}

} // namespace leopard::model
