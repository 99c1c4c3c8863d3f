#include "inference/torch/linear.h"

#include "inference/torch/row_gemv.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <vector>

namespace leopard::model {
namespace {

// Rows per parallel chunk: a chunk streams at least ~1 MB of weights, so splitting only pays when a
// thread gets real work (with libtorch's one thread here it runs inline).
std::int64_t grainRows(std::int64_t cols, std::int64_t elementBytes)
{
    return std::max<std::int64_t>(16, (std::int64_t(1) << 20) / std::max<std::int64_t>(1, cols * elementBytes));
}

} // namespace

bool linearUsesRowKernel(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias)
{
    if (rowGemvLevel() == GemvLevel::None || !x.defined() || !weight.defined())
        return false;
    const auto type = weight.scalar_type();
    if ((type != at::kBFloat16 && type != at::kFloat) || x.scalar_type() != type)
        return false;
    if (!x.device().is_cpu() || !weight.device().is_cpu() || weight.dim() != 2 || weight.stride(1) != 1)
        return false;
    if (x.dim() < 1 || x.size(-1) != weight.size(1) || x.numel() != weight.size(1))
        return false; // exactly one row of input
    if (bias.defined() && (bias.scalar_type() != type || !bias.device().is_cpu() || bias.numel() != weight.size(0)))
        return false;
    return true;
}

at::Tensor linear(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias)
{
    if (!linearUsesRowKernel(x, weight, bias))
        return bias.defined() ? at::linear(x, weight, bias) : at::linear(x, weight);

    const GemvLevel level = rowGemvLevel();
    const std::int64_t rows = weight.size(0), cols = weight.size(1), stride = weight.stride(0);
    const bool bf16 = weight.scalar_type() == at::kBFloat16;
    // The input row in fp32 (bf16 widens exactly): read `rows` times from L1/L2.
    const at::Tensor xf = x.reshape({cols}).to(at::kFloat).contiguous();
    const float *xp = xf.data_ptr<float>();
    at::Tensor y = at::empty({rows}, at::TensorOptions().dtype(at::kFloat));
    float *yp = y.data_ptr<float>();
    at::parallel_for(0, rows, grainRows(cols, bf16 ? 2 : 4), [&](std::int64_t r0, std::int64_t r1) {
        if (bf16)
            rowGemvBf16(level, reinterpret_cast<const std::uint16_t *>(weight.data_ptr<at::BFloat16>()), stride, cols,
                        xp, r0, r1, yp);
        else
            rowGemvF32(level, weight.data_ptr<float>(), stride, cols, xp, r0, r1, yp);
    });
    std::vector<std::int64_t> shape(x.sizes().begin(), x.sizes().end());
    shape.back() = rows;
    if (bias.defined())
        y.add_(bias.to(at::kFloat).reshape({rows}));
    // One rounding to the weights' dtype, after the bias: as at::linear's fp32-accumulating kernels.
    return y.to(weight.scalar_type()).reshape(shape);
}

at::Tensor linear(const at::Tensor &x, const at::Tensor &weight) { return linear(x, weight, at::Tensor()); }

} // namespace leopard::model
