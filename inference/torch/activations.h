#pragma once
// Tanh-GELU, SiLU and the last-dimension softmax as the model uses them: on bf16 CPU tensors with AVX-512
// they run on the hand-written kernels of bf16_math.h (split over libtorch's intra-op threads),
// otherwise they are at::gelu(x, "tanh"), at::silu(x) and at::softmax(x, -1) unchanged — fp32 (the path checked
// bit-close against the reference) always takes libtorch's own.
namespace at {
class Tensor;
}

namespace leopard::model {

at::Tensor geluTanh(const at::Tensor &x);
at::Tensor silu(const at::Tensor &x);
// x's own storage may be overwritten with the result (the attention scores are dead afterwards: a
// second 100+ MB tensor per tile batch is not needed).
at::Tensor softmaxLastDimOverwriting(const at::Tensor &x);

// Whether the functions above take the hand-written kernels for this tensor (tests, benchmarks).
bool usesBf16MathKernels(const at::Tensor &x);

} // namespace leopard::model
