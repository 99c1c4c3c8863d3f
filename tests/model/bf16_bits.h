#pragma once
// bf16 test data as the kernels take it (raw bit patterns), for the kernel tests of tests/model.
#include <cstdint>
#include <cstring>

namespace leopard::test {

// The top half of `f` (truncation: any bf16 value will do as test data).
inline std::uint16_t toBf16Bits(float f)
{
    std::uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    return std::uint16_t(u >> 16);
}

// The exact value of a bf16 bit pattern.
inline double fromBf16Bits(std::uint16_t b)
{
    const std::uint32_t u = std::uint32_t(b) << 16;
    float f;
    std::memcpy(&f, &u, sizeof f);
    return f;
}

} // namespace leopard::test
