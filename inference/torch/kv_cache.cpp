#include "inference/torch/kv_cache.h"

#include <ATen/ATen.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace leopard::model {

struct KvCache::Impl {
    std::vector<at::Tensor> keys, values;
    std::int64_t length = 0, capacity = 0;
};

KvCache::KvCache() : d(std::make_unique<Impl>()) {}
KvCache::~KvCache() = default;
KvCache::KvCache(KvCache &&) noexcept = default;
KvCache &KvCache::operator=(KvCache &&) noexcept = default;

void KvCache::allocate(std::int64_t layers, std::int64_t kvHeads, std::int64_t capacity, std::int64_t headDim,
                       const at::Tensor &like)
{
    d->keys.clear();
    d->values.clear();
    const at::TensorOptions opt = like.options();
    for (std::int64_t i = 0; i < layers; ++i) {
        d->keys.push_back(at::empty({kvHeads, capacity, headDim}, opt));
        d->values.push_back(at::empty({kvHeads, capacity, headDim}, opt));
    }
    d->length = 0;
    d->capacity = capacity;
}

bool KvCache::allocated() const { return !d->keys.empty(); }

void KvCache::reserve(std::int64_t capacity)
{
    if (capacity <= d->capacity || d->keys.empty())
        return;
    auto grow = [&](at::Tensor &t) {
        at::Tensor bigger = at::empty({t.size(0), capacity, t.size(2)}, t.options());
        bigger.narrow(1, 0, d->length).copy_(t.narrow(1, 0, d->length));
        t = bigger;
    };
    for (std::size_t i = 0; i < d->keys.size(); ++i) {
        grow(d->keys[i]);
        grow(d->values[i]);
    }
    d->capacity = capacity;
}

std::int64_t KvCache::length() const { return d->length; }
std::int64_t KvCache::capacity() const { return d->capacity; }

void KvCache::store(std::int64_t layer, const at::Tensor &k, const at::Tensor &v, at::Tensor &kAll, at::Tensor &vAll)
{
    const std::int64_t t = k.size(1);
    if (d->length + t > d->capacity)
        throw std::runtime_error("KV cache full: " + std::to_string(d->length + t) + " positions, capacity " +
                                 std::to_string(d->capacity));
    at::Tensor &K = d->keys.at(std::size_t(layer));
    at::Tensor &V = d->values.at(std::size_t(layer));
    K.narrow(1, d->length, t).copy_(k);
    V.narrow(1, d->length, t).copy_(v);
    kAll = K.narrow(1, 0, d->length + t);
    vAll = V.narrow(1, 0, d->length + t);
}

void KvCache::advance(std::int64_t count) { d->length += count; }

} // namespace leopard::model
