#pragma once
// 4-bit weights (--weights int4): group-wise quantization at load, and the products that use them.
//
// Each row is cut into groups of G consecutive weights (G a multiple of 32 dividing the row; 32 by
// default). A group keeps a scale d and an offset m, both fp16, and every weight a code q in 0..15,
// so that W ≈ q * d + m (d and m rounded to fp16 first, the codes chosen against the rounded values):
//   - asymmetric (the default, as llama.cpp's Q4_1): d = (max - min) / 15, m = min, q = round((w - m) / d);
//   - symmetric (LEOPARD_INT4=sym, as Q4_0): d = -M / 8 with M the group's weight of largest magnitude,
//     m = -8 d, q = clamp(round(w / d) + 8, 0, 15).
// With G = 32 and asymmetric codes this is llama.cpp's Q4_1 (5 bits per weight). tests/model/README.md
// ("Quantized weights") has the fidelity of both kinds and of other group sizes, measured on our
// checkpoints, which chose the default.
//
// Codes are packed two to a byte in blocks of 32 (row_gemv_int4.cpp has the layout). Rows whose
// length is not a multiple of the group stay int8 (no Llama 3 width is such a row).
namespace at {
class Tensor;
}

#include <cstdint>

namespace leopard::model {

struct Int4Layout {
    std::int64_t group = 32;
    bool symmetric = false;
};
// The layout loads use: LEOPARD_INT4_GROUP (32, 64, 128, 256) and LEOPARD_INT4=sym|asym override
// the defaults (for the fidelity measurements).
Int4Layout int4Layout();

// Whether rows of `cols` weights can be held in int4 under `layout`.
bool int4Fits(std::int64_t cols, const Int4Layout &layout);

// rows: [n, cols] of any floating dtype. Writes packed (uint8 [n, cols / 2]), scale and offset
// (fp16 [n, cols / group]), allocated by the caller (they may be slices of the destination).
void quantizeRowsInt4(const at::Tensor &rows, const Int4Layout &layout, const at::Tensor &packed, const at::Tensor &scale,
                      const at::Tensor &offset);

// The weights back as fp32 [n, cols] (q * d + m), for the prefill path and tests.
at::Tensor dequantizeInt4(const at::Tensor &packed, const at::Tensor &scale, const at::Tensor &offset);

// y = x W^T: x [.., cols] (bf16, fp16 or fp32) -> [.., rows] in x's dtype. One row of input on the CPU
// runs rowGemvInt4; anything else dequantises blocks of rows into x's dtype for at::linear.
at::Tensor linearInt4(const at::Tensor &x, const at::Tensor &packed, const at::Tensor &scale, const at::Tensor &offset);

} // namespace leopard::model
