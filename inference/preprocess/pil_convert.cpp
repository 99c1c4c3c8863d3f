#include "inference/preprocess/pil_convert.h"

#include <cstring>

namespace leopard::preprocess {

int bytesPerPixel(PixelLayout layout)
{
    switch (layout) {
    case PixelLayout::Grey8: return 1;
    case PixelLayout::GreyAlpha8: return 2;
    case PixelLayout::Rgb8: return 3;
    case PixelLayout::Rgba8: return 4;
    case PixelLayout::Argb32: return 4;
    case PixelLayout::Indexed8: return 1;
    case PixelLayout::Grey16: return 2;
    case PixelLayout::Rgba16: return 8;
    }
    return 0;
}

namespace {

// Native-endian reads through memcpy: QImage rows are only 4-byte aligned, and the caller's
// buffer may be anything.
std::uint32_t loadU32(const std::uint8_t *p)
{
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

std::uint16_t loadU16(const std::uint8_t *p)
{
    std::uint16_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

void putRgb(std::uint8_t *out, std::uint8_t r, std::uint8_t g, std::uint8_t b)
{
    out[0] = r;
    out[1] = g;
    out[2] = b;
}

void convertRow(const std::uint8_t *in, std::uint8_t *out, int width, const RawImageView &view)
{
    switch (view.layout) {
    case PixelLayout::Grey8: // PIL l2rgb
        for (int x = 0; x < width; ++x)
            putRgb(out + 3 * x, in[x], in[x], in[x]);
        break;
    case PixelLayout::GreyAlpha8: // PIL la2rgb: the alpha byte is skipped
        for (int x = 0; x < width; ++x)
            putRgb(out + 3 * x, in[2 * x], in[2 * x], in[2 * x]);
        break;
    case PixelLayout::Rgb8:
        std::memcpy(out, in, std::size_t(width) * 3);
        break;
    case PixelLayout::Rgba8: // PIL rgba2rgb: alpha dropped, no compositing
        for (int x = 0; x < width; ++x)
            putRgb(out + 3 * x, in[4 * x], in[4 * x + 1], in[4 * x + 2]);
        break;
    case PixelLayout::Argb32:
        for (int x = 0; x < width; ++x) {
            const std::uint32_t v = loadU32(in + 4 * x);
            putRgb(out + 3 * x, std::uint8_t(v >> 16), std::uint8_t(v >> 8), std::uint8_t(v));
        }
        break;
    case PixelLayout::Indexed8: // PIL p2rgb: the palette's RGB, alpha ignored; unset entries grey
        for (int x = 0; x < width; ++x) {
            const std::uint32_t v = in[x] < view.palette.size() ? view.palette[in[x]] : in[x] * 0x010101u;
            putRgb(out + 3 * x, std::uint8_t(v >> 16), std::uint8_t(v >> 8), std::uint8_t(v));
        }
        break;
    case PixelLayout::Grey16: // PIL i2rgb: clip to 0..255, no scaling
        for (int x = 0; x < width; ++x) {
            const std::uint16_t v = loadU16(in + 2 * x);
            const std::uint8_t c = v > 255 ? 255 : std::uint8_t(v);
            putRgb(out + 3 * x, c, c, c);
        }
        break;
    case PixelLayout::Rgba16: // PIL's "RGB;16B"/"RGBA;16B" unpackers keep the high byte
        for (int x = 0; x < width; ++x) {
            const std::uint8_t *p = in + 8 * x;
            putRgb(out + 3 * x, std::uint8_t(loadU16(p) >> 8), std::uint8_t(loadU16(p + 2) >> 8),
                   std::uint8_t(loadU16(p + 4) >> 8));
        }
        break;
    }
}

} // namespace

RgbImage toRgbLikePil(const RawImageView &view)
{
    if (!view.data || view.width <= 0 || view.height <= 0)
        return {};
    const std::ptrdiff_t minStride = std::ptrdiff_t(view.width) * bytesPerPixel(view.layout);
    if (view.bytesPerLine < minStride)
        return {};
    RgbImage out(view.width, view.height);
    const auto *base = static_cast<const std::uint8_t *>(view.data);
    for (int y = 0; y < view.height; ++y)
        convertRow(base + std::ptrdiff_t(y) * view.bytesPerLine, out.row(y), view.width, view);
    return out;
}

} // namespace leopard::preprocess
