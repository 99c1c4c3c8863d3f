#include "app/bench/decode_profile.h"

#include <algorithm>
#include <string>

namespace leopard::bench {
namespace {

using model::profile::Op;

// Bytes an op streams per token (weights at `bpe` bytes each, or for attention the keys and values it
// reads at `cacheBpe`): 0 = none.
double bytesPerToken(Op op, const ckpt::TextConfig &c, double bpe, int cacheBpe, double positions)
{
    const double h = double(c.hiddenSize), hd = double(c.headDim), layers = double(c.numHiddenLayers);
    const double qDim = double(c.numAttentionHeads) * hd, kvDim = double(c.numKeyValueHeads) * hd;
    switch (op) {
    case Op::QkvProj: return layers * h * (qDim + 2 * kvDim) * bpe;
    case Op::OProj: return layers * qDim * h * bpe;
    case Op::GateUpProj: return layers * 2 * double(c.intermediateSize) * h * bpe;
    case Op::DownProj: return layers * double(c.intermediateSize) * h * bpe;
    case Op::LmHead: return double(c.vocabSize) * h * bpe;
    case Op::Attention: return layers * 2 * kvDim * positions * cacheBpe; // keys once, values once
    default: return 0;
    }
}

} // namespace

std::vector<Measurement> decodeProfileRows(const std::vector<ProfiledDecode> &samples, const ckpt::TextConfig &cfg,
                                           int bytesPerElement, std::int64_t context, double meanPositions,
                                           double weightBytesPerElement)
{
    using model::profile::kOps;
    const std::string at = "decode step after " + std::to_string(context) + " positions: ";
    const std::string key = "profile_ctx_" + std::to_string(context) + "_";
    std::vector<Measurement> rows;
    Measurement step{key + "step", at + "whole step (ms/token)", "ms/token"};
    step.higherIsBetter = false;
    std::vector<Measurement> ops;
    for (int i = 0; i < kOps; ++i) {
        Measurement m{key + model::profile::opName(Op(i)), at + model::profile::opName(Op(i)) + " (ms/token)",
                      "ms/token"};
        m.higherIsBetter = false;
        ops.push_back(m);
    }
    Measurement other{key + "other", at + "other: dispatch, allocation, views (ms/token)", "ms/token"};
    other.higherIsBetter = false;
    std::vector<double> shareSums(std::size_t(kOps), 0.0);
    double stepSum = 0;
    for (const ProfiledDecode &s : samples) {
        const double steps = std::max(1, s.forwards);
        const double perToken = s.seconds * 1e3 / steps;
        step.samples.push_back(perToken);
        stepSum += perToken;
        double timed = 0;
        for (int i = 0; i < kOps; ++i) {
            const double ms = s.totals.seconds[std::size_t(i)] * 1e3 / steps;
            ops[std::size_t(i)].samples.push_back(ms);
            timed += ms;
        }
        other.samples.push_back(std::max(0.0, perToken - timed));
    }
    const double meanStep = samples.empty() ? 0 : stepSum / double(samples.size());
    step.note = std::to_string(samples.size()) + " samples; rows below: median ms per token, share of the step";
    rows.push_back(step);
    for (int i = 0; i < kOps; ++i) {
        Measurement &m = ops[std::size_t(i)];
        const Figures f = figuresOf(m.samples);
        if (f.max <= 0)
            continue; // not run in this configuration (e.g. no detokenizer work)
        m.note = fixed(meanStep > 0 ? 100 * f.median / meanStep : 0, 1) + " % of the step";
        const double bytes = bytesPerToken(Op(i), cfg, weightBytesPerElement > 0 ? weightBytesPerElement : bytesPerElement,
                                           bytesPerElement, meanPositions);
        if (bytes > 0 && f.median > 0) {
            const double gbps = bytes / (f.median * 1e-3) / 1e9;
            m.note += ", " + fixed(bytes / 1e6, 1) + " MB read at " + fixed(gbps, 1) + " GB/s";
            m.extra["bytes_per_token"] = bytes;
            m.extra["gb_per_s"] = gbps;
        }
        rows.push_back(m);
    }
    const Figures o = figuresOf(other.samples);
    other.note = fixed(meanStep > 0 ? 100 * o.median / meanStep : 0, 1) + " % of the step";
    rows.push_back(other);
    return rows;
}

} // namespace leopard::bench
