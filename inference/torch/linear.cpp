#include "inference/torch/linear.h"

#include "inference/torch/int4_weights.h"
#include "inference/torch/quantized_linear.h"
#include "inference/torch/row_gemv.h"
#include "inference/torch/weight_loader.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace leopard::model {

std::int64_t gemvGrainRows(std::int64_t rowBytes)
{
    return std::max<std::int64_t>(16, (std::int64_t(1) << 20) / std::max<std::int64_t>(1, rowBytes));
}

namespace {

bool bf16InputRows()
{
    static const bool on = [] {
        const char *env = std::getenv("LEOPARD_GEMV_X");
        return !(env && std::strcmp(env, "f32") == 0);
    }();
    return on;
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
    // The input row is read `rows` times from L1/L2: bf16 stays bf16 (widened in registers, exactly;
    // half the cache footprint), fp32 as it is. LEOPARD_GEMV_X=f32 widens a bf16 row first (before/after).
    const bool xInBf16 = bf16 && bf16InputRows();
    const at::Tensor xc = xInBf16 ? x.reshape({cols}).contiguous() : x.reshape({cols}).to(at::kFloat).contiguous();
    at::Tensor y = at::empty({rows}, at::TensorOptions().dtype(at::kFloat));
    float *yp = y.data_ptr<float>();
    at::parallel_for(0, rows, gemvGrainRows(cols * (bf16 ? 2 : 4)), [&](std::int64_t r0, std::int64_t r1) {
        const auto *w16 = bf16 ? reinterpret_cast<const std::uint16_t *>(weight.data_ptr<at::BFloat16>()) : nullptr;
        if (xInBf16)
            rowGemvBf16In(level, w16, stride, cols, reinterpret_cast<const std::uint16_t *>(xc.data_ptr<at::BFloat16>()),
                          r0, r1, yp);
        else if (bf16)
            rowGemvBf16(level, w16, stride, cols, xc.data_ptr<float>(), r0, r1, yp);
        else
            rowGemvF32(level, weight.data_ptr<float>(), stride, cols, xc.data_ptr<float>(), r0, r1, yp);
    });
    std::vector<std::int64_t> shape(x.sizes().begin(), x.sizes().end());
    shape.back() = rows;
    if (bias.defined())
        y.add_(bias.to(at::kFloat).reshape({rows}));
    // One rounding to the weights' dtype, after the bias: as at::linear's fp32-accumulating kernels.
    return y.to(weight.scalar_type()).reshape(shape);
}

at::Tensor linear(const at::Tensor &x, const at::Tensor &weight) { return linear(x, weight, at::Tensor()); }

at::Tensor projection(const LoadedWeights &w, const std::string &name, const at::Tensor &x)
{
    const at::Tensor &weight = w.tensor(name);
    if (weight.scalar_type() == at::kChar)
        return linearInt8(x, weight, w.tensor(scaleNameOf(name)));
    if (weight.scalar_type() == at::kByte)
        return linearInt4(x, weight, w.tensor(scaleNameOf(name)), w.tensor(offsetNameOf(name)));
    return model::linear(x, weight);
}

} // namespace leopard::model
