#pragma once
// int8 weights (--weights int8): quantization at load and the products that use them.
//
// Symmetric, per output row: scale[r] = max_k |W[r, k]| / 127, q[r, k] = round(W[r, k] / scale[r])
// (half to even, in [-127, 127]); a row of zeros gets scale 1. Per-row symmetric int8 is what
// LLM.int8()'s vector-wise baseline and most engines' "int8 weight-only" modes use; on Llama-3-class
// weights it keeps next-token distributions close to bf16 (tests/model/README.md has the measured
// KL and agreement on our checkpoints).
//
// Products: one row of input on the CPU runs rowGemvInt8 (the weights read once, as bytes); anything
// else (prefill, CUDA) dequantises a block of rows at a time into the input's dtype (fp32 first:
// q * scale is exact in fp32, then one rounding) and multiplies with at::linear, so no full-size
// dequantised copy ever exists.
#include <cstdint>
#include <functional>

namespace at {
class Tensor;
}

namespace leopard::model {

// rows: [n, in] of any floating dtype on any device. Writes q (int8, [n, in]) and scale (fp32, [n]),
// both allocated by the caller (they may be slices of the destination), on their own device.
void quantizeRowsInt8(const at::Tensor &rows, const at::Tensor &q, const at::Tensor &scale);

// y = x (q * scale)^T: x [.., in] (bf16, fp16 or fp32), q int8 [out, in], scale fp32 [out] -> [.., out]
// in x's dtype.
at::Tensor linearInt8(const at::Tensor &x, const at::Tensor &q, const at::Tensor &scale);

// y = x W^T for weights held in a compact form, a block of rows at a time: dequantize(r0, n) returns
// rows r0 .. r0 + n - 1 of W in x's dtype (blocks of ~16 MB in fp32), each block's product written into
// its columns of y. x [.., cols] -> [.., rows]. The multi-row path of linearInt8 and linearInt4.
at::Tensor linearByDequantisedBlocks(const at::Tensor &x, std::int64_t rows, std::int64_t cols,
                                     const std::function<at::Tensor(std::int64_t r0, std::int64_t n)> &dequantize);

// Whether linearInt8 takes the row kernel for this input (tests, leopard-bench).
bool linearInt8UsesRowKernel(const at::Tensor &x, const at::Tensor &q);

} // namespace leopard::model
