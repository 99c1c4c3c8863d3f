#include "inference/preprocess/rgb_image.h"

#include <algorithm>
#include <cstring>

namespace leopard::preprocess {

namespace {

// Copies the part of src's rectangle (sx, sy, w, h) that lies inside both images to dst at (dx, dy).
void copyRect(RgbImage &dst, int dx, int dy, const RgbImage &src, int sx, int sy, int w, int h)
{
    // Clip against src, then against dst, moving both origins together.
    const int left = std::max({0, -sx, -dx});
    const int top = std::max({0, -sy, -dy});
    const int right = std::min({w, src.width - sx, dst.width - dx});
    const int bottom = std::min({h, src.height - sy, dst.height - dy});
    if (right <= left || bottom <= top)
        return;
    const std::size_t bytes = std::size_t(right - left) * 3;
    for (int y = top; y < bottom; ++y)
        std::memcpy(dst.row(dy + y) + std::size_t(dx + left) * 3, src.row(sy + y) + std::size_t(sx + left) * 3, bytes);
}

} // namespace

void paste(RgbImage &dst, const RgbImage &src, int x, int y)
{
    copyRect(dst, x, y, src, 0, 0, src.width, src.height);
}

RgbImage crop(const RgbImage &src, int x, int y, int width, int height)
{
    RgbImage out(std::max(0, width), std::max(0, height));
    copyRect(out, 0, 0, src, x, y, out.width, out.height);
    return out;
}

} // namespace leopard::preprocess
