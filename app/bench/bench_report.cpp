#include "app/bench/bench_report.h"

#include <algorithm>
#include <cstdio>

namespace leopard::bench {

Figures figuresOf(std::vector<double> s)
{
    Figures f;
    if (s.empty())
        return f;
    std::sort(s.begin(), s.end());
    f.min = s.front();
    f.max = s.back();
    const std::size_t n = s.size();
    f.median = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    return f;
}

namespace {

nlohmann::json measurementJson(const Measurement &m)
{
    const Figures f = figuresOf(m.samples);
    nlohmann::json j = {{"name", m.name}, {"label", m.label}, {"unit", m.unit}, {"repeats", m.samples.size()},
                        {"samples", m.samples}, {"min", f.min}, {"median", f.median}, {"max", f.max},
                        {"higher_is_better", m.higherIsBetter}};
    if (m.floor > 0) {
        j["floor"] = m.floor;
        j["floor_basis"] = m.floorBasis;
        j["percent_of_floor"] = 100.0 * f.median / m.floor;
    }
    if (!m.note.empty())
        j["note"] = m.note;
    for (auto it = m.extra.begin(); it != m.extra.end(); ++it)
        j[it.key()] = it.value();
    return j;
}

std::string fmt(double v)
{
    char buf[32];
    if (v == 0)
        std::snprintf(buf, sizeof buf, "0");
    else if (v >= 1000)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else if (v >= 10)
        std::snprintf(buf, sizeof buf, "%.1f", v);
    else if (v >= 0.1)
        std::snprintf(buf, sizeof buf, "%.3f", v);
    else
        std::snprintf(buf, sizeof buf, "%.2e", v);
    return buf;
}

void row(std::string &out, const Measurement &m)
{
    const Figures f = figuresOf(m.samples);
    char buf[512];
    std::string floorText = "-", pct = "-";
    if (m.floor > 0) {
        floorText = fmt(m.floor);
        char p[32];
        std::snprintf(p, sizeof p, "%.0f%%", 100.0 * f.median / m.floor);
        pct = p;
    }
    std::snprintf(buf, sizeof buf, "%-36s %10s %10s %10s %10s %7s  %s\n", m.label.c_str(), fmt(f.min).c_str(),
                  fmt(f.median).c_str(), fmt(f.max).c_str(), floorText.c_str(), pct.c_str(), m.note.c_str());
    out += buf;
}

} // namespace

nlohmann::json toJson(const Report &r)
{
    nlohmann::json j = {{"machine", r.machine}, {"model", r.model}};
    j["ceilings"] = nlohmann::json::array();
    for (const Measurement &m : r.ceilings)
        j["ceilings"].push_back(measurementJson(m));
    j["stages"] = nlohmann::json::array();
    for (const Measurement &m : r.stages)
        j["stages"].push_back(measurementJson(m));
    return j;
}

std::string fixed(double v, int digits)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string toTable(const Report &r)
{
    std::string out;
    auto str = [](const nlohmann::json &v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
    const std::string weights = str(r.model.value("weights", "full"));
    out += "model   " + str(r.model.value("dir", "")) + "  (" + str(r.model.value("dtype", "")) +
           (weights == "full" ? "" : ", " + weights + " weights") + " on " +
           str(r.model.value("device", "")) + ", " + str(r.model.value("parameters_b", 0.0)) + " B parameters)\n";
    out += "machine " + str(r.machine.value("cpu", "")) + ", " + str(r.machine.value("threads", 0)) +
           " threads, load average " + str(r.machine.value("load_average_before", "")) + "\n\n";
    char head[256];
    std::snprintf(head, sizeof head, "%-36s %10s %10s %10s %10s %7s  %s\n", "", "min", "median", "max", "floor",
                  "median/floor", "");
    out += head;
    out += "machine ceilings\n";
    for (const Measurement &m : r.ceilings)
        row(out, m);
    out += "stages\n";
    for (const Measurement &m : r.stages)
        row(out, m);
    return out;
}

} // namespace leopard::bench
