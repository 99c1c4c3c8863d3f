#pragma once
// Where the time of a decode step goes: wall time per kind of operation, summed over calls while
// profiling is on (leopard-bench --stages decode_profile; issue 16's per-op profile). Off by default:
// each scope then costs one relaxed atomic load. The time of an op is measured around the call, so on
// the CPU (synchronous ops) it is the op's own time; on a GPU it would be launch time only.
// Torch-free: the bench reads it without libtorch headers.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>

namespace leopard::model::profile {

enum class Op : int {
    Embed,       // the token's embedding row
    Norm,        // RMSNorm (two per layer and the final one)
    QkvProj,     // q, k, v projections
    Rope,        // rotary embedding of q and k
    CacheStore,  // writing k, v into the KV cache
    Attention,   // scores, softmax and weighted values over the cache
    OProj,       // o projection
    GateUpProj,  // gate and up projections
    SiluMul,     // silu(gate) * up
    DownProj,    // down projection
    Residual,    // the two residual adds per layer
    LmHead,      // lm_head and the logits' cast to fp32
    Pick,        // choosing the token from the logits (greedy or sampled)
    Detokenize,  // the incremental decoder and the token callback
    Count
};
constexpr int kOps = int(Op::Count);

const char *opName(Op op); // "qkv_proj", ...

struct Totals {
    std::array<double, kOps> seconds{};
    std::array<std::int64_t, kOps> calls{};
};

void setEnabled(bool on);
inline std::atomic<bool> &enabledFlag()
{
    static std::atomic<bool> on{false};
    return on;
}
inline bool enabled() { return enabledFlag().load(std::memory_order_relaxed); }

void add(Op op, std::int64_t nanoseconds);
Totals takeTotals(); // and resets them

class Scope {
public:
    explicit Scope(Op op) : op_(op), on_(enabled())
    {
        if (on_)
            start_ = std::chrono::steady_clock::now();
    }
    ~Scope()
    {
        if (on_)
            add(op_, std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start_).count());
    }
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

private:
    Op op_;
    bool on_;
    std::chrono::steady_clock::time_point start_;
};

// f() timed as `op`: for an operation inside an expression.
template <typename F>
auto timed(Op op, F &&f)
{
    Scope s(op);
    return f();
}

} // namespace leopard::model::profile
