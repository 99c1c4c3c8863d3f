#pragma once
// What this machine can do at best, measured with libtorch itself, for leopard-bench's "physical
// floor" column: decode is bound by reading every weight once per token (memory bandwidth), prefill
// and the vision tower by matrix products (the GEMM rate at the model's own shapes and dtype).
// Torch-free header: app/bench calls these without seeing libtorch.
#include "inference/checkpoint/dtype.h"

#include <cstdint>
#include <string>
#include <vector>

namespace leopard::perf {

// GB/s of a streaming read over a `bytes` fp32 buffer on `device`, one sample per repeat: on the
// CPU the fastest of at::sum and plain read loops over 1, 4, 8 and 16 streams, elsewhere at::sum.
// Pick bytes well above the last-level cache (e.g. 1 GiB) so it is DRAM that is measured.
std::vector<double> measureReadBandwidth(std::uint64_t bytes, int repeats, const std::string &device = "cpu");

// GFLOP/s of [m x k] x [k x n] products (2mkn flops, as at::linear with a [n, k] weight runs them
// in the model) in `dtype` on `device`, one sample per repeat after a warm-up.
std::vector<double> measureMatmulRate(std::int64_t m, std::int64_t k, std::int64_t n, ckpt::DType dtype, int repeats,
                                      const std::string &device = "cpu");

// at::show_config(): the BLAS, oneDNN and CPU capability this libtorch was built with.
std::string torchBuildConfig();

} // namespace leopard::perf
