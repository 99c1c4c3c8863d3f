#include "inference/torch/wide_sums.h"

#include <ATen/ATen.h>

namespace leopard::model {
namespace {

// oneDNN's bf16 device check in libtorch 1.13 (mkldnn_bf16_device_check): AVX-512 BW, VL and DQ.
bool oneDnnTakesBf16()
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    static const bool yes = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") &&
               __builtin_cpu_supports("avx512dq");
    }();
    return yes;
#else
    return false;
#endif
}

} // namespace

bool sumsInBf16(const at::Tensor &t)
{
    return t.scalar_type() == at::kBFloat16 && t.device().is_cpu() && !oneDnnTakesBf16();
}

at::Tensor matmulWideSums(const at::Tensor &a, const at::Tensor &b)
{
    if (!sumsInBf16(a))
        return at::matmul(a, b);
    return at::matmul(a.to(at::kFloat), b.to(at::kFloat)).to(a.scalar_type());
}

at::Tensor conv2dWideSums(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias, std::int64_t stride)
{
    if (!sumsInBf16(x))
        return at::conv2d(x, weight, bias, {stride, stride});
    return at::conv2d(x.to(at::kFloat), weight.to(at::kFloat), bias.defined() ? bias.to(at::kFloat) : bias, {stride, stride})
        .to(x.scalar_type());
}

} // namespace leopard::model
