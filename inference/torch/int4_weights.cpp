#include "inference/torch/int4_weights.h"

#include "inference/torch/linear.h"
#include "inference/torch/quantized_linear.h"
#include "inference/torch/row_gemv.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace leopard::model {

Int4Layout int4Layout()
{
    static const Int4Layout layout = [] {
        Int4Layout l;
        if (const char *g = std::getenv("LEOPARD_INT4_GROUP")) {
            const long v = std::strtol(g, nullptr, 10);
            if (v >= 32 && v <= 1024 && v % 32 == 0)
                l.group = v;
        }
        if (const char *s = std::getenv("LEOPARD_INT4"))
            l.symmetric = std::strcmp(s, "sym") == 0;
        return l;
    }();
    return layout;
}

bool int4Fits(std::int64_t cols, const Int4Layout &layout)
{
    return layout.group > 0 && layout.group % 32 == 0 && cols > 0 && cols % layout.group == 0;
}

void quantizeRowsInt4(const at::Tensor &rows, const Int4Layout &layout, const at::Tensor &packed, const at::Tensor &scale,
                      const at::Tensor &offset)
{
    const std::int64_t n = rows.size(0), cols = rows.size(1), groups = cols / layout.group;
    const at::Tensor f = rows.to(packed.device(), at::kFloat).reshape({n, groups, layout.group});
    at::Tensor d, m, q;
    if (layout.symmetric) {
        // The weight of largest magnitude, with its sign, maps to code 0 (q - 8 = -8).
        const at::Tensor idx = f.abs().argmax(-1, true);
        d = f.gather(-1, idx).squeeze(-1).div(-8.0);
        d.masked_fill_(d.eq(0), 1.0);
        d = d.to(at::kHalf).to(at::kFloat);
        m = d.mul(-8.0); // exact in fp16 too (a power of two times d)
        q = at::round(f / d.unsqueeze(-1)).add_(8).clamp_(0, 15);
    } else {
        const at::Tensor lo = std::get<0>(f.min(-1)), hi = std::get<0>(f.max(-1));
        d = (hi - lo).div_(15.0);
        d.masked_fill_(d.eq(0), 1.0); // a constant group: every code 0, W = m (to fp16 rounding)
        d = d.to(at::kHalf).to(at::kFloat);
        m = lo.to(at::kHalf).to(at::kFloat);
        q = at::round((f - m.unsqueeze(-1)) / d.unsqueeze(-1)).clamp_(0, 15);
    }
    // Blocks of 32: byte j = code j | code (j + 16) << 4.
    const at::Tensor codes = q.to(at::kByte).reshape({n, cols / 32, 2, 16});
    const at::Tensor bytes = codes.select(2, 0).bitwise_or(codes.select(2, 1).bitwise_left_shift(4));
    packed.copy_(bytes.reshape({n, cols / 2}));
    scale.copy_(d);
    offset.copy_(m);
}

at::Tensor dequantizeInt4(const at::Tensor &packed, const at::Tensor &scale, const at::Tensor &offset)
{
    const std::int64_t n = packed.size(0), cols = packed.size(1) * 2, groups = scale.size(1);
    const at::Tensor b = packed.reshape({n, cols / 32, 1, 16});
    const at::Tensor codes = at::cat({b.bitwise_and(0x0F), b.bitwise_right_shift(4)}, 2).reshape({n, groups, cols / groups});
    return (codes.to(at::kFloat) * scale.to(at::kFloat).unsqueeze(-1) + offset.to(at::kFloat).unsqueeze(-1)).reshape({n, cols});
}

at::Tensor linearInt4(const at::Tensor &x, const at::Tensor &packed, const at::Tensor &scale, const at::Tensor &offset)
{
    const std::int64_t rows = packed.size(0), cols = packed.size(1) * 2, groups = scale.size(1), group = cols / groups;
    const bool rowKernel = rowGemvLevel() != GemvLevel::None && x.device().is_cpu() && packed.device().is_cpu() &&
                           x.numel() == cols && packed.is_contiguous() && scale.is_contiguous() && offset.is_contiguous();
    if (rowKernel) {
        const at::Tensor xf = x.reshape({cols}).to(at::kFloat).contiguous();
        const at::Tensor xSums = xf.view({groups, group}).sum(1).contiguous(); // X_g, shared by every row
        at::Tensor y = at::empty({rows}, at::TensorOptions().dtype(at::kFloat));
        float *yp = y.data_ptr<float>();
        at::parallel_for(0, rows, gemvGrainRows(cols / 2), [&](std::int64_t r0, std::int64_t r1) {
            rowGemvInt4(rowGemvLevel(), packed.data_ptr<std::uint8_t>(), packed.stride(0), cols, group, xf.data_ptr<float>(),
                        xSums.data_ptr<float>(), reinterpret_cast<const std::uint16_t *>(scale.data_ptr<at::Half>()),
                        reinterpret_cast<const std::uint16_t *>(offset.data_ptr<at::Half>()), r0, r1, yp);
        });
        std::vector<std::int64_t> shape(x.sizes().begin(), x.sizes().end());
        shape.back() = rows;
        return y.to(x.scalar_type()).reshape(shape);
    }
    return linearByDequantisedBlocks(x, rows, cols, [&](std::int64_t r0, std::int64_t n) {
        return dequantizeInt4(packed.narrow(0, r0, n), scale.narrow(0, r0, n), offset.narrow(0, r0, n)).to(x.scalar_type());
    });
}

} // namespace leopard::model
