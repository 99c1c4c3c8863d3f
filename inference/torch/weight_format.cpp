#include "inference/torch/weight_format.h"

#include "inference/torch/int4_weights.h"

#include <fstream>

namespace leopard {

std::optional<WeightFormat> weightFormatFromName(const std::string &name)
{
    if (name == "full" || name == "bf16" || name == "fp16" || name == "fp32")
        return WeightFormat::Full;
    if (name == "int8")
        return WeightFormat::Int8;
    if (name == "int4")
        return WeightFormat::Int4;
    if (name == "auto")
        return WeightFormat::Auto;
    return std::nullopt;
}

const char *weightFormatName(WeightFormat format)
{
    switch (format) {
    case WeightFormat::Int8: return "int8";
    case WeightFormat::Int4: return "int4";
    case WeightFormat::Auto: return "auto";
    case WeightFormat::Full: break;
    }
    return "full";
}

namespace {
bool endsWith(const std::string &s, const std::string &tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}
} // namespace

bool isQuantizedLinear(const std::string &n)
{
    if (n == "language_model.lm_head.weight")
        return true;
    if (n.rfind("language_model.model.layers.", 0) != 0)
        return false;
    for (const char *tail : {".self_attn.q_proj.weight", ".self_attn.k_proj.weight", ".self_attn.v_proj.weight",
                             ".self_attn.o_proj.weight", ".mlp.gate_proj.weight", ".mlp.up_proj.weight",
                             ".mlp.down_proj.weight"})
        if (endsWith(n, tail))
            return true;
    return false;
}

std::string scaleNameOf(const std::string &weightName) { return weightName + "_scale"; }
std::string offsetNameOf(const std::string &weightName) { return weightName + "_offset"; }

double bytesPerWeight(WeightFormat format, int computeElementBytes)
{
    switch (format) {
    case WeightFormat::Int8: return 1.0;
    case WeightFormat::Int4: return 0.5 + 4.0 / double(model::int4Layout().group);
    case WeightFormat::Full:
    case WeightFormat::Auto: break;
    }
    return double(computeElementBytes);
}

std::uint64_t WeightBytes::bytes(WeightFormat format, int computeElementBytes) const
{
    const std::uint64_t e = std::uint64_t(computeElementBytes);
    if (format == WeightFormat::Int8)
        return quantizableElements + quantizableRows * 4 + otherElements * e;
    if (format == WeightFormat::Int4)
        return std::uint64_t(double(quantizableElements) * bytesPerWeight(format, computeElementBytes)) + otherElements * e;
    return (quantizableElements + otherElements) * e;
}

WeightFormat chooseWeightFormat(const WeightBytes &b, int computeElementBytes, std::uint64_t availableBytes,
                                std::uint64_t headroomBytes)
{
    if (availableBytes == 0)
        return WeightFormat::Full; // unknown: as before there was a choice
    for (WeightFormat f : {WeightFormat::Full, WeightFormat::Int8})
        if (b.bytes(f, computeElementBytes) + headroomBytes <= availableBytes)
            return f;
    return WeightFormat::Int4;
}

std::uint64_t availableHostMemory()
{
    std::ifstream in("/proc/meminfo");
    std::string key;
    std::uint64_t kb = 0;
    std::string unit;
    while (in >> key >> kb) {
        std::getline(in, unit);
        if (key == "MemAvailable:")
            return kb * 1024;
    }
    return 0;
}

} // namespace leopard
