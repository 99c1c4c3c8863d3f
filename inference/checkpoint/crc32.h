#pragma once
// CRC-32 (zip / zlib polynomial): zip record checksums, and make_tiny.py's per-tensor seed crc32(name).
#include <cstddef>
#include <cstdint>

namespace leopard::ckpt {

std::uint32_t crc32(const void *data, std::size_t n, std::uint32_t previous = 0);

} // namespace leopard::ckpt
