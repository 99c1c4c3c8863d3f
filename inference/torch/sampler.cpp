#include "inference/torch/sampler.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace leopard::model {

std::int32_t pickToken(const float *logits, std::int64_t count, const SamplingParams &params, std::mt19937_64 &rng)
{
    if (count <= 0)
        throw std::invalid_argument("no logits to pick from");
    std::int64_t best = 0;
    for (std::int64_t i = 1; i < count; ++i)
        if (logits[i] > logits[best] || (std::isnan(logits[best]) && !std::isnan(logits[i])))
            best = i;
    if (params.temperature <= 0.0f)
        return static_cast<std::int32_t>(best);

    // Probabilities relative to the maximum (stable), in double.
    const double maxLogit = logits[best];
    std::vector<double> p(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i)
        p[std::size_t(i)] = std::isnan(logits[i]) ? 0.0 : std::exp((double(logits[i]) - maxLogit) / params.temperature);
    std::vector<std::int32_t> order(static_cast<std::size_t>(count));
    std::iota(order.begin(), order.end(), 0);
    // Most likely first; ties by index so the nucleus does not depend on the sort's stability.
    std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
        return p[std::size_t(a)] > p[std::size_t(b)] || (p[std::size_t(a)] == p[std::size_t(b)] && a < b);
    });
    const double total = std::accumulate(p.begin(), p.end(), 0.0);
    const double keepMass = std::clamp(double(params.topP), 0.0, 1.0) * total;
    std::size_t kept = 0;
    double mass = 0.0;
    while (kept < order.size() && (kept == 0 || mass < keepMass)) {
        mass += p[std::size_t(order[kept])];
        ++kept;
    }
    std::uniform_real_distribution<double> uniform(0.0, mass);
    const double u = uniform(rng);
    double acc = 0.0;
    for (std::size_t i = 0; i < kept; ++i) {
        acc += p[std::size_t(order[i])];
        if (u < acc)
            return order[i];
    }
    return order[kept - 1];
}

} // namespace leopard::model
