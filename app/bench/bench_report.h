#pragma once
// leopard-bench's results: every figure as min / median / max over its repeats, with the physical
// floor (the best this machine could do, see cost_model.h) and measured/floor where one exists.
// Printed as one table, or as JSON (--json) for machines.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace leopard::bench {

struct Figures {
    double min = 0, median = 0, max = 0;
};
Figures figuresOf(std::vector<double> samples); // median of an even count: mean of the middle two

struct Measurement {
    std::string name;    // machine-readable key, e.g. "decode"
    std::string label;   // table row, e.g. "decode (tokens/s)"
    std::string unit;    // e.g. "tokens/s", "s", "MB"
    std::vector<double> samples;
    bool higherIsBetter = true;
    double floor = 0;        // the physical limit in `unit` (0: none); "floor" = the best reachable
    std::string floorBasis;  // how the floor was obtained
    std::string note;        // e.g. the prompt length
    nlohmann::json extra = nlohmann::json::object(); // more keys of its JSON record, e.g. {"threads": 2}
};

struct Report {
    nlohmann::json machine; // cpu, threads, load average, libtorch build
    nlohmann::json model;   // directory, dtype, device, sizes
    std::vector<Measurement> ceilings; // bandwidth and GEMM rates
    std::vector<Measurement> stages;
};

nlohmann::json toJson(const Report &r);
std::string toTable(const Report &r);
// `v` with `digits` decimals ("12.35"): the notes' figures.
std::string fixed(double v, int digits = 2);

} // namespace leopard::bench
