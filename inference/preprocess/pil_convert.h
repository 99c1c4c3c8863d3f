#pragma once
// Decoded pixels -> 8-bit RGB exactly as PIL's Image.convert('RGB') does it, which is what the
// reference applies to every input image (README "Pixels", item 7):
//   grey            -> R = G = B = grey
//   grey + alpha    -> alpha dropped, grey replicated
//   RGBA / ARGB     -> alpha dropped, NOT composited over any background
//   palette         -> palette lookup (the palette's alpha, if any, is ignored)
//   16-bit grey     -> PIL opens it as mode "I" and clips each value to 0..255 (so almost
//                      everything becomes white; that is the reference's behaviour, kept)
//   16-bit RGB(A)   -> PIL's PNG decoder keeps the high byte of each channel
// No EXIF orientation, no ICC profile: the reference applies neither.
//
// The input is a raw buffer description, so the Qt side can hand over a QImage's bits
// (QImage::constBits(), bytesPerLine(), colorTable()) without this library knowing Qt.

#include "inference/preprocess/rgb_image.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace leopard::preprocess {

enum class PixelLayout {
    Grey8,      // 1 byte per pixel                         (PIL "L", QImage::Format_Grayscale8)
    GreyAlpha8, // 2 bytes: grey, alpha                      (PIL "LA")
    Rgb8,       // 3 bytes: R, G, B                          (PIL "RGB", QImage::Format_RGB888)
    Rgba8,      // 4 bytes: R, G, B, A (or X)                (PIL "RGBA"/"RGBX", QImage::Format_RGBA8888)
    Argb32,     // one native-endian uint32 0xAARRGGBB       (QImage::Format_ARGB32 / Format_RGB32;
                //                                            NOT the premultiplied formats)
    Indexed8,   // 1 byte palette index; palette = 0xAARRGGBB (PIL "P", QImage::Format_Indexed8)
    Grey16,     // one native-endian uint16                  (PIL "I" from a 16-bit PNG, QImage::Format_Grayscale16)
    Rgba16,     // four native-endian uint16: R, G, B, A/X    (16-bit PNG, QImage::Format_RGBA64 / RGBX64)
};

struct RawImageView {
    const void *data = nullptr;
    int width = 0;
    int height = 0;
    std::ptrdiff_t bytesPerLine = 0; // row stride in bytes (QImage pads rows to 4 bytes)
    PixelLayout layout = PixelLayout::Rgb8;
    // Indexed8 only: entries 0xAARRGGBB (QImage::colorTable()). An index past the end reads
    // grey (i, i, i), as in PIL, whose palettes start as a grey ramp (seen with a PNG whose pixels
    // index past its PLTE; Qt's libpng path reads such files differently anyway).
    std::vector<std::uint32_t> palette;
};

// Bytes one pixel takes in `layout`.
int bytesPerPixel(PixelLayout layout);

// The image as PIL's convert('RGB') gives it. An empty image when the view is empty or its
// stride is too small for its width.
RgbImage toRgbLikePil(const RawImageView &view);

} // namespace leopard::preprocess
