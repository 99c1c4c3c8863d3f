#pragma once
// The source images of make_fixtures.py, regenerated from the same integer formulas (uint32
// wrap-around arithmetic), so the fixtures need no big source files. Any change here must be
// made there too; the test checks every regenerated image against the recorded sha256 of PIL's
// convert('RGB'), so a drift cannot pass unnoticed.

#include "inference/preprocess/pil_convert.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace leopard::preprocess::testing {

inline std::uint32_t hash32(std::int64_t x, std::int64_t y, std::uint32_t c, std::uint32_t seed)
{
    std::uint32_t h = std::uint32_t(x) * 0x9E3779B1u + std::uint32_t(y) * 0x85EBCA77u + c * 0xC2B2AE3Du
        + seed * 0x27D4EB2Fu;
    h ^= h >> 15;
    h *= 0x2C1B3C6Du;
    h ^= h >> 12;
    h *= 0x297A2D39u;
    h ^= h >> 15;
    return h;
}

// Python's // for the non-negative operands used here is plain integer division.
inline std::vector<std::uint8_t> photoRgb(int w, int h, std::uint32_t seed)
{
    std::vector<std::uint8_t> out(std::size_t(w) * h * 3);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const std::int64_t base[3] = {std::int64_t(x) * 255 / std::max(w - 1, 1),
                                          std::int64_t(y) * 255 / std::max(h - 1, 1),
                                          std::int64_t(x + y) * 255 / std::max(w + h - 2, 1)};
            const std::int64_t checker = (((x / 37) + (y / 23)) & 1) * 60 - 30;
            for (int c = 0; c < 3; ++c) {
                const std::int64_t noise = std::int64_t(hash32(x, y, std::uint32_t(c), seed) & 63u) - 32;
                const std::int64_t v = std::clamp<std::int64_t>(base[c] + checker + noise, 0, 255);
                out[(std::size_t(y) * w + x) * 3 + c] = std::uint8_t(v);
            }
        }
    }
    return out;
}

inline std::vector<std::uint8_t> textRgb(int w, int h, std::uint32_t seed)
{
    std::vector<std::uint8_t> out(std::size_t(w) * h * 3);
    for (int y = 0; y < h; ++y) {
        const int band = y / 18, row = y % 18;
        const bool title = band % 9 == 0;
        for (int x = 0; x < w; ++x) {
            const bool ink = row >= 3 && row < 13 && x % 11 < 9 && (hash32(x / 11, band, 0, seed) & 3u) != 0;
            std::uint8_t rgb[3] = {250, 250, 247};
            if (title && ink)
                std::memcpy(rgb, "\xf5\xf5\xf5", 3);
            else if (title)
                std::memcpy(rgb, "\x1e\x3c\x8c", 3);
            else if (ink)
                std::memcpy(rgb, "\x14\x14\x14", 3);
            std::memcpy(&out[(std::size_t(y) * w + x) * 3], rgb, 3);
        }
    }
    return out;
}

// A source image in one of the raw layouts a decoder (or QImage) hands over.
struct RawImage {
    std::vector<std::uint8_t> bytes;
    std::vector<std::uint32_t> palette;
    int width = 0, height = 0;
    PixelLayout layout = PixelLayout::Rgb8;

    RawImageView view() const
    {
        RawImageView v;
        v.data = bytes.data();
        v.width = width;
        v.height = height;
        v.bytesPerLine = std::ptrdiff_t(width) * bytesPerPixel(layout);
        v.layout = layout;
        v.palette = palette;
        return v;
    }
};

// make_fixtures.py's pattern(): mode is the PIL mode the case was saved in. Empty on an unknown one.
inline RawImage pattern(const std::string &kind, const std::string &mode, int w, int h, std::uint32_t seed)
{
    const std::vector<std::uint8_t> rgb = kind == "photo" ? photoRgb(w, h, seed) : textRgb(w, h, seed);
    const std::size_t n = std::size_t(w) * h;
    auto grey = [&](std::size_t i) {
        return std::uint8_t((int(rgb[3 * i]) + 2 * int(rgb[3 * i + 1]) + int(rgb[3 * i + 2])) / 4);
    };
    auto alpha = [&](std::size_t i) { return std::uint8_t(hash32(std::int64_t(i % w), std::int64_t(i / w), 3, seed)); };
    RawImage raw;
    raw.width = w;
    raw.height = h;
    if (mode == "RGB") {
        raw.layout = PixelLayout::Rgb8;
        raw.bytes = rgb;
    } else if (mode == "RGBA") {
        raw.layout = PixelLayout::Rgba8;
        for (std::size_t i = 0; i < n; ++i)
            raw.bytes.insert(raw.bytes.end(), {rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2], alpha(i)});
    } else if (mode == "L") {
        raw.layout = PixelLayout::Grey8;
        for (std::size_t i = 0; i < n; ++i)
            raw.bytes.push_back(grey(i));
    } else if (mode == "LA") {
        raw.layout = PixelLayout::GreyAlpha8;
        for (std::size_t i = 0; i < n; ++i)
            raw.bytes.insert(raw.bytes.end(), {grey(i), alpha(i)});
    } else if (mode == "P") {
        raw.layout = PixelLayout::Indexed8;
        for (std::size_t i = 0; i < n; ++i)
            raw.bytes.push_back(std::uint8_t(hash32(std::int64_t(i % w) / 5, std::int64_t(i / w) / 5, 4, seed)));
        for (std::uint32_t i = 0; i < 256; ++i)
            raw.palette.push_back(0xFF000000u | (((i * 37) & 255) << 16) | (((i * 91 + 17) & 255) << 8)
                                  | ((i * 53 + 101) & 255));
    } else if (mode == "I;16") {
        raw.layout = PixelLayout::Grey16;
        raw.bytes.resize(n * 2);
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint16_t v = std::uint16_t(hash32(std::int64_t(i % w), std::int64_t(i / w), 5, seed) & 0x1FFu);
            std::memcpy(&raw.bytes[2 * i], &v, 2);
        }
    } else {
        return {};
    }
    return raw;
}

} // namespace leopard::preprocess::testing
