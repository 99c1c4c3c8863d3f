#include "inference/torch/device_sampler.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace leopard::model {

std::int32_t pickTokenOnDevice(const at::Tensor &logits, const SamplingParams &params, std::mt19937_64 &rng)
{
    if (!logits.defined() || logits.numel() == 0)
        throw std::invalid_argument("no logits to pick from");
    const at::Tensor flat = logits.reshape({-1});
    const at::Tensor clean = flat.masked_fill(flat.isnan(), -std::numeric_limits<float>::infinity());
    if (params.temperature <= 0.0f)
        return static_cast<std::int32_t>(clean.argmax().item<std::int64_t>()); // first index of the maximum

    const std::int64_t n = clean.numel();
    const at::Tensor maxLogit = clean.max().to(at::kDouble);
    const at::Tensor p = ((clean.to(at::kDouble) - maxLogit) / double(params.temperature)).exp();
    // Most likely first, ties in index order as the host picker's comparator: a stable ascending sort
    // of -p (libtorch 1.13's stable descending sort puts equal values in reverse index order).
    const std::tuple<at::Tensor, at::Tensor> sorted = at::sort(-p, /*stable=*/true, /*dim=*/0, /*descending=*/false);
    const at::Tensor sortedP = -std::get<0>(sorted);
    const at::Tensor &order = std::get<1>(sorted);
    // The total as a running sum in index order, like the host's accumulate (a pairwise sum can differ
    // by an ulp, enough to move a nucleus boundary that falls exactly on a token, as with tied logits).
    const at::Tensor keepMass = p.cumsum(0).narrow(0, n - 1, 1) * std::clamp(double(params.topP), 0.0, 1.0);
    // Token i joins while the mass of the tokens before it is below keepMass; the first always does.
    const at::Tensor before = at::cat({at::zeros({1}, sortedP.options()), sortedP.cumsum(0).narrow(0, 0, n - 1)});
    const at::Tensor keep = before < keepMass;
    keep.narrow(0, 0, 1).fill_(true);
    const at::Tensor cumKept = (sortedP * keep).cumsum(0);
    const at::Tensor mass = cumKept.narrow(0, n - 1, 1);
    // pickToken draws uniform(0, mass): libstdc++ computes it as canonical * mass, the same product.
    const double u01 = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    // The first kept token whose running mass exceeds the draw; the last kept one if rounding leaves none.
    const at::Tensor index = at::minimum((cumKept <= mass * u01).logical_and(keep).sum(), keep.sum() - 1);
    return static_cast<std::int32_t>(order.index_select(0, index.reshape({1})).item<std::int64_t>());
}

} // namespace leopard::model
