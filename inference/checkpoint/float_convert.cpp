#include "inference/checkpoint/float_convert.h"

#include <cmath>
#include <cstring>

namespace leopard::ckpt {

std::uint16_t floatToBf16(float f)
{
    std::uint32_t x;
    std::memcpy(&x, &f, 4);
    if ((x & 0x7fffffffu) > 0x7f800000u)
        return static_cast<std::uint16_t>((x >> 16) | 0x40); // NaN stays a (quiet) NaN
    const std::uint32_t bias = 0x7fffu + ((x >> 16) & 1u); // ties to even
    return static_cast<std::uint16_t>((x + bias) >> 16);
}

std::uint16_t floatToHalf(float f)
{
    std::uint32_t x;
    std::memcpy(&x, &f, 4);
    const std::uint16_t sign = static_cast<std::uint16_t>((x >> 16) & 0x8000u);
    const std::uint32_t a = x & 0x7fffffffu;
    if (a > 0x7f800000u)
        return sign | 0x7e00; // NaN
    if (a >= 0x477ff000u)     // >= 65520 (halfway past the largest half, 65504): rounds to infinity
        return sign | 0x7c00;
    if (a < 0x38800000u) {    // below 2^-14: a half subnormal, value = round(|f| * 2^24) units of 2^-24
        float af;
        std::memcpy(&af, &a, 4);
        return sign | static_cast<std::uint16_t>(std::nearbyint(af * 16777216.0f)); // exact scaling, RNE
    }
    std::uint32_t h = ((((a >> 23) - 127 + 15) << 10) | ((a & 0x7fffffu) >> 13));
    const std::uint32_t rest = a & 0x1fffu;
    if (rest > 0x1000u || (rest == 0x1000u && (h & 1u)))
        ++h; // a carry into the exponent is the correct next value
    return sign | static_cast<std::uint16_t>(h);
}

} // namespace leopard::ckpt
