#include "inference/torch/quantized_linear.h"

#include "inference/torch/linear.h"
#include "inference/torch/row_gemv.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <vector>

namespace leopard::model {

void quantizeRowsInt8(const at::Tensor &rows, const at::Tensor &q, const at::Tensor &scale)
{
    const at::Tensor f = rows.to(q.device(), at::kFloat);
    at::Tensor s = std::get<0>(f.abs().max(1)).div_(127.0);
    s.masked_fill_(s.eq(0), 1.0); // an all-zero row: any scale gives zeros; 1 avoids 0/0
    q.copy_(at::round(f / s.unsqueeze(1)).clamp_(-127, 127).to(at::kChar));
    scale.copy_(s);
}

bool linearInt8UsesRowKernel(const at::Tensor &x, const at::Tensor &q)
{
    return rowGemvLevel() != GemvLevel::None && x.defined() && q.defined() && q.scalar_type() == at::kChar &&
           x.device().is_cpu() && q.device().is_cpu() && q.dim() == 2 && q.stride(1) == 1 && x.dim() >= 1 &&
           x.size(-1) == q.size(1) && x.numel() == q.size(1);
}

at::Tensor linearInt8(const at::Tensor &x, const at::Tensor &q, const at::Tensor &scale)
{
    const std::int64_t rows = q.size(0), cols = q.size(1);
    if (linearInt8UsesRowKernel(x, q)) {
        const at::Tensor xf = x.reshape({cols}).to(at::kFloat).contiguous(); // read `rows` times: keep it in fp32
        const at::Tensor sf = scale.to(at::kFloat).contiguous();
        at::Tensor y = at::empty({rows}, at::TensorOptions().dtype(at::kFloat));
        float *yp = y.data_ptr<float>();
        const auto *w = q.data_ptr<std::int8_t>();
        at::parallel_for(0, rows, gemvGrainRows(cols), [&](std::int64_t r0, std::int64_t r1) {
            rowGemvInt8(rowGemvLevel(), w, q.stride(0), cols, xf.data_ptr<float>(), sf.data_ptr<float>(), r0, r1, yp);
        });
        std::vector<std::int64_t> shape(x.sizes().begin(), x.sizes().end());
        shape.back() = rows;
        return y.to(x.scalar_type()).reshape(shape);
    }
    return linearByDequantisedBlocks(x, rows, cols, [&](std::int64_t r0, std::int64_t n) {
        return (q.narrow(0, r0, n).to(at::kFloat) * scale.narrow(0, r0, n).to(at::kFloat).unsqueeze(1)).to(x.scalar_type());
    });
}

at::Tensor linearByDequantisedBlocks(const at::Tensor &x, std::int64_t rows, std::int64_t cols,
                                     const std::function<at::Tensor(std::int64_t r0, std::int64_t n)> &dequantize)
{
    std::vector<std::int64_t> shape(x.sizes().begin(), x.sizes().end());
    shape.back() = rows;
    const at::Tensor x2 = x.reshape({-1, cols});
    at::Tensor y = at::empty({x2.size(0), rows}, x.options());
    const std::int64_t block = std::max<std::int64_t>(1, (std::int64_t(16) << 20) / (4 * std::max<std::int64_t>(1, cols)));
    for (std::int64_t r0 = 0; r0 < rows; r0 += block) {
        const std::int64_t n = std::min(block, rows - r0);
        y.narrow(1, r0, n).copy_(at::linear(x2, dequantize(r0, n)));
    }
    return y.reshape(shape);
}

} // namespace leopard::model
