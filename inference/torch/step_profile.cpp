#include "inference/torch/step_profile.h"

namespace leopard::model::profile {
namespace {

// Atomics: the step runs on one thread, but nothing stops a caller profiling two generations.
std::array<std::atomic<std::int64_t>, kOps> g_nanoseconds{};
std::array<std::atomic<std::int64_t>, kOps> g_calls{};

} // namespace

const char *opName(Op op)
{
    static const char *const names[kOps] = {"embed",     "norm",     "qkv_proj", "rope",     "cache_store",
                                            "attention", "o_proj",   "gate_up_proj", "silu_mul", "down_proj",
                                            "residual",  "lm_head",  "pick",     "detokenize"};
    const int i = int(op);
    return i >= 0 && i < kOps ? names[i] : "?";
}

void setEnabled(bool on) { enabledFlag().store(on, std::memory_order_relaxed); }

void add(Op op, std::int64_t nanoseconds)
{
    g_nanoseconds[std::size_t(op)].fetch_add(nanoseconds, std::memory_order_relaxed);
    g_calls[std::size_t(op)].fetch_add(1, std::memory_order_relaxed);
}

Totals takeTotals()
{
    Totals t;
    for (int i = 0; i < kOps; ++i) {
        t.seconds[std::size_t(i)] = double(g_nanoseconds[std::size_t(i)].exchange(0)) * 1e-9;
        t.calls[std::size_t(i)] = g_calls[std::size_t(i)].exchange(0);
    }
    return t;
}

} // namespace leopard::model::profile
