#include "inference/torch/machine_floors.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <chrono>

namespace leopard::perf {
namespace {

using Clock = std::chrono::steady_clock;

at::ScalarType scalarType(ckpt::DType t)
{
    switch (t) {
    case ckpt::DType::F16: return at::kHalf;
    case ckpt::DType::BF16: return at::kBFloat16;
    default: return at::kFloat;
    }
}

// Waits for the device so that a timing covers the work, not only its launch.
void sync(const at::Tensor &t)
{
    if (!t.device().is_cpu())
        (void)t.sum().item<float>(); // stable API: a host read waits for the stream
}

} // namespace

std::vector<double> measureReadBandwidth(std::uint64_t bytes, int repeats, const std::string &device)
{
    c10::InferenceMode guard;
    const at::Tensor buf = at::ones({std::int64_t(bytes / 4)}, at::TensorOptions().dtype(at::kFloat).device(at::Device(device)));
    sync(buf.sum()); // touch every page once before timing
    std::vector<double> out;
    for (int i = 0; i < repeats; ++i) {
        const auto t0 = Clock::now();
        sync(buf.sum());
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        out.push_back(double(buf.numel()) * 4 / s / 1e9);
    }
    return out;
}

std::vector<double> measureMatmulRate(std::int64_t m, std::int64_t k, std::int64_t n, ckpt::DType dtype, int repeats,
                                      const std::string &device)
{
    c10::InferenceMode guard;
    const auto opts = at::TensorOptions().dtype(scalarType(dtype)).device(at::Device(device));
    const at::Tensor x = at::randn({m, k}, at::TensorOptions().dtype(at::kFloat)).to(opts);
    const at::Tensor w = (at::randn({n, k}, at::TensorOptions().dtype(at::kFloat)) * 0.02).to(opts);
    sync(at::linear(x, w)); // warm-up: oneDNN primitive creation, page faults
    std::vector<double> out;
    for (int i = 0; i < repeats; ++i) {
        const auto t0 = Clock::now();
        sync(at::linear(x, w));
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        out.push_back(2.0 * double(m) * double(k) * double(n) / s / 1e9);
    }
    return out;
}

std::string torchBuildConfig() { return at::show_config(); }

} // namespace leopard::perf
