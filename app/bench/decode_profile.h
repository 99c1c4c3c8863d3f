#pragma once
// `leopard-bench --stages decode_profile`: where one decode step's time goes, per kind of operation
// (inference/torch/step_profile.h), as rows of the report: milliseconds per token for each op, its
// share of the step, and for the weight products (and attention's cache reads) the GB/s they stream.
// "other" is the step's time outside every timed op: the dispatcher, tensor allocation, views.
#include "app/bench/bench_report.h"
#include "inference/checkpoint/model_config.h"
#include "inference/torch/step_profile.h"

#include <cstdint>
#include <vector>

namespace leopard::bench {

struct ProfiledDecode {
    model::profile::Totals totals; // summed over the sample's forward passes
    double seconds = 0;             // GenerationResult::prefillSeconds + decodeSeconds
    int forwards = 0;               // one-position forward passes: the prefilled id + the decoded ones
};

// The rows for decoding after `context` positions; `meanPositions` is the cache length the steps
// attended to on average (for attention's GB/s); `bytesPerElement` of the cache, and of the weights
// unless `weightBytesPerElement` (> 0) says otherwise (quantized: 1 for int8, 0.625 for int4).
std::vector<Measurement> decodeProfileRows(const std::vector<ProfiledDecode> &samples, const ckpt::TextConfig &cfg,
                                           int bytesPerElement, std::int64_t context, double meanPositions,
                                           double weightBytesPerElement = 0);

} // namespace leopard::bench
