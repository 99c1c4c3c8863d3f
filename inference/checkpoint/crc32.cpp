#include "inference/checkpoint/crc32.h"

#include <array>

namespace leopard::ckpt {

std::uint32_t crc32(const void *data, std::size_t n, std::uint32_t previous)
{
    // Slicing-by-4 tables: ~1 GB/s, so checksumming a multi-GB shard is not the slow part of writing it.
    static const std::array<std::array<std::uint32_t, 256>, 4> t = [] {
        std::array<std::array<std::uint32_t, 256>, 4> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[0][i] = c;
        }
        for (std::uint32_t i = 0; i < 256; ++i)
            for (int s = 1; s < 4; ++s)
                t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xff];
        return t;
    }();
    const auto *p = static_cast<const std::uint8_t *>(data);
    std::uint32_t c = previous ^ 0xffffffffu;
    while (n >= 4) {
        c ^= static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
             (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
        c = t[3][c & 0xff] ^ t[2][(c >> 8) & 0xff] ^ t[1][(c >> 16) & 0xff] ^ t[0][c >> 24];
        p += 4;
        n -= 4;
    }
    while (n--)
        c = t[0][(c ^ *p++) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

} // namespace leopard::ckpt
