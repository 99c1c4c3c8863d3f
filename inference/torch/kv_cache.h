#pragma once
// Per-layer key/value cache for one sequence, preallocated for the whole generation (prompt +
// max new tokens) so decoding never reallocates or concatenates. Keys are stored after RoPE.
#include <cstdint>
#include <memory>

namespace at {
class Tensor;
}

namespace leopard::model {

class KvCache {
public:
    KvCache();
    ~KvCache();
    KvCache(KvCache &&) noexcept;
    KvCache &operator=(KvCache &&) noexcept;

    // [layers] x [kvHeads, capacity, headDim] for keys and values, dtype/device of `like`.
    void allocate(std::int64_t layers, std::int64_t kvHeads, std::int64_t capacity, std::int64_t headDim,
                  const at::Tensor &like);
    std::int64_t length() const;   // positions stored (and committed with advance())
    std::int64_t capacity() const;
    bool allocated() const;
    // Grows the capacity to at least `capacity`, keeping the stored positions (a follow-up turn).
    void reserve(std::int64_t capacity);

    // Writes k, v [kvHeads, T, headDim] of `layer` at positions length() .. length()+T-1 and sets
    // kAll/vAll to views of positions 0 .. length()+T-1. Throws when capacity is exceeded.
    void store(std::int64_t layer, const at::Tensor &k, const at::Tensor &v, at::Tensor &kAll, at::Tensor &vAll);
    // After every layer has stored T positions.
    void advance(std::int64_t count);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace leopard::model
