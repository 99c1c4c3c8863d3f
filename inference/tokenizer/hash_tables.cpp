#include "inference/tokenizer/hash_tables.h"

#include <stdexcept>

namespace leopard::tokenizer_detail {

namespace {
std::size_t capacityFor(std::size_t count)
{
    std::size_t cap = 16;
    while (cap < count * 2) // load factor <= 0.5 keeps probe runs short
        cap <<= 1;
    return cap;
}
} // namespace

void ByteStringMap::reserve(std::size_t count)
{
    if (capacityFor(count) <= slots_.size())
        return;
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacityFor(count), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot &s : old) {
        if (s.id < 0)
            continue;
        std::size_t i = s.hash & mask_;
        while (slots_[i].id >= 0)
            i = (i + 1) & mask_;
        slots_[i] = s;
    }
}

void ByteStringMap::grow() { reserve(slots_.size()); }

bool ByteStringMap::insert(std::string_view key, std::int32_t id)
{
    if (id < 0)
        throw std::invalid_argument("ByteStringMap: negative id");
    if ((count_ + 1) * 2 > slots_.size())
        grow();
    const auto *p = reinterpret_cast<const unsigned char *>(key.data());
    const std::uint64_t h = hashBytes(p, key.size());
    std::size_t i = h & mask_;
    for (;; i = (i + 1) & mask_) {
        Slot &slot = slots_[i];
        if (slot.id < 0)
            break;
        if (slot.hash == h && slot.len == key.size() && arena_.compare(slot.offset, slot.len, key) == 0)
            return false;
    }
    slots_[i] = Slot{h, std::uint32_t(arena_.size()), std::uint32_t(key.size()), id};
    arena_.append(key);
    ++count_;
    return true;
}

void PairMap::reserve(std::size_t count)
{
    if (capacityFor(count) <= slots_.size())
        return;
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacityFor(count), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot &s : old) {
        if (s.key == kEmpty)
            continue;
        std::size_t i = mix64(s.key) & mask_;
        while (slots_[i].key != kEmpty)
            i = (i + 1) & mask_;
        slots_[i] = s;
    }
}

void PairMap::grow() { reserve(slots_.size()); }

void PairMap::insertOrAssign(std::int32_t left, std::int32_t right, Merge merge)
{
    if ((count_ + 1) * 2 > slots_.size())
        grow();
    const std::uint64_t key = pairKey(left, right);
    std::size_t i = mix64(key) & mask_;
    for (;; i = (i + 1) & mask_) {
        Slot &slot = slots_[i];
        if (slot.key == key) {
            slot.merge = merge;
            return;
        }
        if (slot.key == kEmpty)
            break;
    }
    slots_[i] = Slot{key, merge};
    ++count_;
}

} // namespace leopard::tokenizer_detail
