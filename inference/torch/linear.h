#pragma once
// at::linear, except for a single row of input on the CPU, where the product is bound by reading the
// weights and runs on the hand-written row_gemv kernel (one decode step: q/k/v/o, the MLP, lm_head).
// Anything else — several rows, other devices, dtypes other than bf16/fp32 with matching input,
// a CPU without AVX2 — is at::linear unchanged.
#include <cstdint>
#include <string>

namespace at {
class Tensor;
}

namespace leopard {
class LoadedWeights;
}

namespace leopard::model {

// y = x W^T (+ bias): x [.., in], weight [out, in], bias [out] or undefined.
at::Tensor linear(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias);
at::Tensor linear(const at::Tensor &x, const at::Tensor &weight);

// y = x W^T for the weight `name` of w, in whatever form it was loaded: linear() above, or
// linearInt8 / linearInt4 when it was quantized (--weights int8 / int4). No bias: the text
// decoder's projections and lm_head have none.
at::Tensor projection(const LoadedWeights &w, const std::string &name, const at::Tensor &x);

// Rows per parallel chunk of a one-row product whose weight rows are `rowBytes` long: a chunk streams
// at least ~1 MB of weights, so splitting only pays when a thread gets real work (with one thread it
// runs inline). Shared by every row kernel's caller (linear, linearInt8, linearInt4).
std::int64_t gemvGrainRows(std::int64_t rowBytes);

// Whether linear() takes the row kernel for this input (for tests and leopard-bench).
bool linearUsesRowKernel(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias);

} // namespace leopard::model
