#pragma once
// An 8-bit RGB image, rows top to bottom, pixels R,G,B interleaved, no row padding: the layout
// PIL's Image.tobytes() and numpy's HWC uint8 arrays use, so sha256 of `pixels` can be compared
// with the reference's `resized_u8_sha256` directly.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace leopard::preprocess {

struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // width * height * 3 bytes

    RgbImage() = default;
    // A black image (PIL's Image.new("RGB", size, (0, 0, 0))).
    RgbImage(int w, int h)
        : width(w > 0 ? w : 0), height(h > 0 ? h : 0), pixels(std::size_t(width) * std::size_t(height) * 3, 0)
    {
    }

    bool isEmpty() const { return width <= 0 || height <= 0; }
    std::size_t rowBytes() const { return std::size_t(width) * 3; }
    std::uint8_t *row(int y) { return pixels.data() + std::size_t(y) * rowBytes(); }
    const std::uint8_t *row(int y) const { return pixels.data() + std::size_t(y) * rowBytes(); }
};

// PIL's paste() of an RGB image at (x, y) with no mask: a plain copy, clipped to dst.
void paste(RgbImage &dst, const RgbImage &src, int x, int y);
// PIL's crop() for a box inside the image (areas outside would be black, as in PIL).
RgbImage crop(const RgbImage &src, int x, int y, int width, int height);

} // namespace leopard::preprocess
