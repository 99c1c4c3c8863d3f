#pragma once
// float -> bfloat16 / IEEE half with round-to-nearest-even (what torch's .to() does), for writing
// checkpoints without libtorch.
#include <cstdint>

namespace leopard::ckpt {

std::uint16_t floatToBf16(float f);
std::uint16_t floatToHalf(float f);

} // namespace leopard::ckpt
