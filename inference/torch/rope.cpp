#include "inference/torch/rope.h"

#include <ATen/ATen.h>

#include <cmath>
#include <stdexcept>

namespace leopard::model {

at::Tensor ropeInvFreq(const ckpt::TextConfig &cfg)
{
    const std::int64_t dim = cfg.headDim;
    // _compute_default_rope_parameters: 1.0 / (base ** (arange(0, dim, 2, int64).float() / dim))
    const at::Tensor exponents = at::arange(0, dim, 2, at::kLong).to(at::kFloat) / double(dim);
    // Python's `scalar / tensor` is tensor.reciprocal() * scalar (Tensor.__rdiv__), not a division:
    // the last bit differs, so it is spelled that way here too.
    at::Tensor invFreq = at::pow(cfg.ropeTheta, exponents).reciprocal() * 1.0;
    if (cfg.ropeType == "default")
        return invFreq;
    if (cfg.ropeType != "llama3")
        throw std::runtime_error("rope_scaling type '" + cfg.ropeType + "' is not supported (default and llama3 are)");

    // _compute_llama3_parameters, operation by operation on fp32 tensors with double scalars
    // (as Python floats/ints combine with a float32 tensor).
    const double factor = cfg.ropeFactor;
    const double lowFreqFactor = cfg.ropeLowFreqFactor, highFreqFactor = cfg.ropeHighFreqFactor;
    const double oldContextLen = double(cfg.ropeOriginalMaxPositions);
    const double lowFreqWavelen = oldContextLen / lowFreqFactor;
    const double highFreqWavelen = oldContextLen / highFreqFactor;

    const at::Tensor wavelen = invFreq.reciprocal() * (2 * M_PI);
    at::Tensor llama = at::where(wavelen > lowFreqWavelen, invFreq / factor, invFreq);
    const at::Tensor smooth = (wavelen.reciprocal() * oldContextLen - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
    const at::Tensor smoothed = (1 - smooth) * llama / factor + smooth * llama;
    const at::Tensor isMedium = at::logical_and(at::logical_not(wavelen < highFreqWavelen),
                                                at::logical_not(wavelen > lowFreqWavelen));
    return at::where(isMedium, smoothed, llama);
}

void ropeCosSin(const at::Tensor &invFreq, std::int64_t start, std::int64_t count, at::Tensor &cos, at::Tensor &sin)
{
    // positions as float32 times inv_freq in fp32 (an outer product: each angle is one fp32 product).
    const at::Tensor pos = at::arange(start, start + count, at::TensorOptions().dtype(at::kLong).device(invFreq.device()))
                               .to(at::kFloat);
    const at::Tensor freqs = pos.unsqueeze(1) * invFreq.unsqueeze(0); // [count, headDim/2]
    const at::Tensor emb = at::cat({freqs, freqs}, -1);
    cos = emb.cos();
    sin = emb.sin();
}

at::Tensor applyRope(const at::Tensor &x, const at::Tensor &cos, const at::Tensor &sin)
{
    const std::int64_t half = x.size(-1) / 2;
    const at::Tensor c = cos.to(x.scalar_type()), s = sin.to(x.scalar_type());
    const at::Tensor rotated = at::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
    return x * c + rotated * s;
}

} // namespace leopard::model
