#include "inference/torch/activations.h"

#include "inference/torch/bf16_math.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

namespace leopard::model {
namespace {

std::uint16_t *bits(const at::Tensor &t) { return reinterpret_cast<std::uint16_t *>(t.data_ptr<at::BFloat16>()); }

template <typename Kernel>
at::Tensor elementwise(const at::Tensor &x, Kernel kernel)
{
    const at::Tensor in = x.contiguous();
    at::Tensor out = at::empty_like(in);
    const std::uint16_t *src = bits(in);
    std::uint16_t *dst = bits(out);
    at::parallel_for(0, in.numel(), 1 << 16, [&](std::int64_t b, std::int64_t e) { kernel(src + b, dst + b, e - b); });
    return out;
}

} // namespace

bool usesBf16MathKernels(const at::Tensor &x)
{
    return x.defined() && x.scalar_type() == at::kBFloat16 && x.device().is_cpu() && x.dim() >= 1 &&
           x.numel() > 0 && bf16MathAvailable();
}

at::Tensor geluTanh(const at::Tensor &x)
{
    return usesBf16MathKernels(x) ? elementwise(x, geluTanhBf16) : at::gelu(x, "tanh");
}

at::Tensor silu(const at::Tensor &x) { return usesBf16MathKernels(x) ? elementwise(x, siluBf16) : at::silu(x); }

at::Tensor softmaxLastDimOverwriting(const at::Tensor &x)
{
    if (!usesBf16MathKernels(x))
        return at::softmax(x, -1);
    at::Tensor out = x.is_contiguous() ? x : x.contiguous();
    const std::int64_t cols = out.size(-1), rows = out.numel() / cols;
    std::uint16_t *data = bits(out);
    at::parallel_for(0, rows, 64, [&](std::int64_t b, std::int64_t e) { softmaxRowsBf16(data + b * cols, e - b, cols); });
    return out;
}

} // namespace leopard::model
