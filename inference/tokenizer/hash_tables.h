#pragma once
// Two open-addressing hash tables for the BPE hot path: byte strings -> token id (the vocabulary,
// keyed by the raw bytes a token stands for) and (left id, right id) -> merge. std::unordered_map
// would do, at about half the speed and with an allocation per entry.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace leopard::tokenizer_detail {

inline std::uint64_t mix64(std::uint64_t x)
{
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 31;
    return x;
}

inline std::uint64_t hashBytes(const unsigned char *p, std::size_t n)
{
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = mix64(h ^ w);
        p += 8;
        n -= 8;
    }
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    return mix64(h ^ w ^ (std::uint64_t(n) << 59));
}

class ByteStringMap {
public:
    void reserve(std::size_t count);
    // Returns false if the key was already there (the first id is kept).
    bool insert(std::string_view key, std::int32_t id);
    // -1 when absent.
    std::int32_t find(const unsigned char *p, std::size_t n) const
    {
        const std::uint64_t h = hashBytes(p, n);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot &slot = slots_[i];
            if (slot.id < 0)
                return -1;
            if (slot.hash == h && slot.len == n && std::memcmp(arena_.data() + slot.offset, p, n) == 0)
                return slot.id;
        }
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t offset = 0;
        std::uint32_t len = 0;
        std::int32_t id = -1;
    };
    void grow();
    std::vector<Slot> slots_ = std::vector<Slot>(16);
    std::size_t mask_ = 15;
    std::size_t count_ = 0;
    std::string arena_;
};

struct Merge {
    std::uint32_t rank;
    std::int32_t newId;
};

class PairMap {
public:
    void reserve(std::size_t count);
    // A later insert of the same pair replaces the earlier one (as Hugging Face's HashMap collect does).
    void insertOrAssign(std::int32_t left, std::int32_t right, Merge merge);
    const Merge *find(std::int32_t left, std::int32_t right) const
    {
        const std::uint64_t key = pairKey(left, right);
        for (std::size_t i = mix64(key) & mask_;; i = (i + 1) & mask_) {
            const Slot &slot = slots_[i];
            if (slot.key == key)
                return &slot.merge;
            if (slot.key == kEmpty)
                return nullptr;
        }
    }

private:
    static constexpr std::uint64_t kEmpty = ~0ull;
    static std::uint64_t pairKey(std::int32_t a, std::int32_t b)
    {
        return (std::uint64_t(std::uint32_t(a)) << 32) | std::uint32_t(b);
    }
    struct Slot {
        std::uint64_t key = kEmpty;
        Merge merge{0, -1};
    };
    void grow();
    std::vector<Slot> slots_ = std::vector<Slot>(16);
    std::size_t mask_ = 15;
    std::size_t count_ = 0;
};

} // namespace leopard::tokenizer_detail
