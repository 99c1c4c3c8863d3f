#pragma once
// at::matmul and at::conv2d with fp32 sums for bf16 CPU tensors on CPUs where libtorch 1.13 would
// sum them in bf16.
//
// Why: libtorch 1.13 hands bf16 batched matmuls and convolutions to oneDNN only on CPUs with
// AVX-512 (BW, VL, DQ); elsewhere its own kernels accumulate in bf16, and a long sum loses most of
// its bits: on an AVX2-only EPYC, probs @ v over 700 keys is 5 % off and the SigLIP patch convolution
// 5.6 % (against 0.3 % for a bf16 at::linear, which sums in fp32 everywhere), so the model's bf16
// logits were 7-30 % off the reference instead of 0.5-1 % (tests/model/README.md). There the inputs
// are widened to fp32 (exact), multiplied, and rounded to bf16 once — what the oneDNN path computes.
// Everywhere else (fp32, GPUs, AVX-512 CPUs) these are at::matmul / at::conv2d unchanged.
namespace at {
class Tensor;
}

#include <cstdint>

namespace leopard::model {

// Whether a bf16 product of CPU tensor `t` would be summed in bf16 by libtorch here.
bool sumsInBf16(const at::Tensor &t);

at::Tensor matmulWideSums(const at::Tensor &a, const at::Tensor &b);
at::Tensor conv2dWideSums(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias, std::int64_t stride);

} // namespace leopard::model
