// A re-derivation of Pillow 9.4's libImaging/Resample.c (precompute_coeffs,
// normalize_coeffs_8bpc, ImagingResampleHorizontal/Vertical_8bpc, ImagingResampleInner) for the
// BICUBIC filter on 3-channel 8-bit images. Bit-exactness depends on doing every floating-point
// step in the same order and precision as that C code; the comments say where that matters.
// This file is compiled with -ffp-contract=off (inference/CMakeLists.txt): a fused multiply-add
// would round differently from Pillow's separate multiply and add.
#include "inference/preprocess/pil_resize.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace leopard::preprocess {

namespace {

// 32 bits minus 8 for the result minus 2 for overshoot (negative lobes / sums above 1.0).
constexpr int kPrecisionBits = 32 - 8 - 2;

// Keys' cubic convolution with a = -0.5, written in the same operation order as Pillow's
// bicubic_filter (a different but algebraically equal order can flip a fixed-point weight).
double bicubic(double x)
{
    constexpr double a = -0.5;
    if (x < 0.0)
        x = -x;
    if (x < 1.0)
        return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0)
        return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}
constexpr double kBicubicSupport = 2.0;

// For each output position along one axis: the first input index, how many inputs it reads,
// and their fixed-point weights (ksize slots per output, unused ones 0).
struct AxisWeights {
    int ksize = 0;
    std::vector<int> first;
    std::vector<int> count;
    std::vector<std::int32_t> weights;
};

AxisWeights computeAxisWeights(int inSize, int outSize)
{
    // Pillow passes the box as C floats: in1 - in0 is a float subtraction, exact for any
    // realistic size (< 2^24), then widened to double before the division.
    const float in0 = 0.0f;
    const float in1 = float(inSize);
    const double scale = double(in1 - in0) / outSize;
    const double filterScale = scale < 1.0 ? 1.0 : scale; // enlarging: no widening
    const double support = kBicubicSupport * filterScale;

    AxisWeights axis;
    axis.ksize = int(std::ceil(support)) * 2 + 1;
    axis.first.resize(outSize);
    axis.count.resize(outSize);
    axis.weights.assign(std::size_t(outSize) * axis.ksize, 0);
    std::vector<double> k(axis.ksize);

    for (int xx = 0; xx < outSize; ++xx) {
        const double center = in0 + (xx + 0.5) * scale;
        const double ss = 1.0 / filterScale;
        // "Round the value": truncation toward zero of value + 0.5, as Pillow's (int) cast.
        int xmin = int(center - support + 0.5);
        if (xmin < 0)
            xmin = 0;
        int xmax = int(center + support + 0.5);
        if (xmax > inSize)
            xmax = inSize;
        xmax -= xmin;

        double ww = 0.0;
        for (int x = 0; x < xmax; ++x) {
            // Same association as Pillow: ((x + xmin) - center + 0.5) * ss.
            const double w = bicubic((x + xmin - center + 0.5) * ss);
            k[x] = w;
            ww += w;
        }
        std::int32_t *out = &axis.weights[std::size_t(xx) * axis.ksize];
        for (int x = 0; x < xmax; ++x) {
            const double normalized = ww != 0.0 ? k[x] / ww : k[x];
            // normalize_coeffs_8bpc: round half away from zero into fixed point.
            out[x] = normalized < 0 ? std::int32_t(-0.5 + normalized * (1 << kPrecisionBits))
                                    : std::int32_t(0.5 + normalized * (1 << kPrecisionBits));
        }
        axis.first[xx] = xmin;
        axis.count[xx] = xmax;
    }
    return axis;
}

// Pillow's clip8: drop the fraction bits (arithmetic shift, floor for negatives), clamp.
std::uint8_t clip8(std::int32_t acc)
{
    const std::int32_t v = acc >> kPrecisionBits;
    return std::uint8_t(v < 0 ? 0 : (v > 255 ? 255 : v));
}

constexpr std::int32_t kHalf = std::int32_t(1) << (kPrecisionBits - 1); // rounds the final shift

// Horizontal pass over source rows [rowBegin, rowBegin + out.height).
void resampleHorizontal(const RgbImage &in, RgbImage &out, int rowBegin, const AxisWeights &axis)
{
    for (int yy = 0; yy < out.height; ++yy) {
        const std::uint8_t *src = in.row(yy + rowBegin);
        std::uint8_t *dst = out.row(yy);
        for (int xx = 0; xx < out.width; ++xx) {
            const std::int32_t *k = &axis.weights[std::size_t(xx) * axis.ksize];
            const std::uint8_t *p = src + std::size_t(axis.first[xx]) * 3;
            std::int32_t r = kHalf, g = kHalf, b = kHalf;
            for (int x = 0; x < axis.count[xx]; ++x) {
                r += p[3 * x + 0] * k[x];
                g += p[3 * x + 1] * k[x];
                b += p[3 * x + 2] * k[x];
            }
            dst[3 * xx + 0] = clip8(r);
            dst[3 * xx + 1] = clip8(g);
            dst[3 * xx + 2] = clip8(b);
        }
    }
}

// Vertical pass; axis.first is relative to in's first row.
void resampleVertical(const RgbImage &in, RgbImage &out, const AxisWeights &axis, int firstOffset)
{
    const std::size_t rowBytes = in.rowBytes();
    for (int yy = 0; yy < out.height; ++yy) {
        const std::int32_t *k = &axis.weights[std::size_t(yy) * axis.ksize];
        const std::uint8_t *column = in.row(axis.first[yy] - firstOffset);
        std::uint8_t *dst = out.row(yy);
        for (std::size_t i = 0; i < rowBytes; ++i) {
            std::int32_t acc = kHalf;
            for (int y = 0; y < axis.count[yy]; ++y)
                acc += column[std::size_t(y) * rowBytes + i] * k[y];
            dst[i] = clip8(acc);
        }
    }
}

} // namespace

RgbImage resizeBicubicLikePil(const RgbImage &src, int width, int height)
{
    if (src.isEmpty() || width <= 0 || height <= 0)
        return {};
    if (width == src.width && height == src.height)
        return src;

    const AxisWeights horizontal = computeAxisWeights(src.width, width);
    const AxisWeights vertical = computeAxisWeights(src.height, height);

    // Only the source rows the vertical pass will read go through the horizontal pass (as in
    // ImagingResampleInner); it saves work and changes no value.
    const int firstRow = vertical.first.front();
    const int endRow = vertical.first.back() + vertical.count.back();

    const bool needHorizontal = width != src.width;
    const bool needVertical = height != src.height;

    RgbImage horizontalOut;
    const RgbImage *stage = &src;
    int stageFirstRow = 0;
    if (needHorizontal) {
        horizontalOut = RgbImage(width, endRow - firstRow);
        resampleHorizontal(src, horizontalOut, firstRow, horizontal);
        stage = &horizontalOut;
        stageFirstRow = firstRow;
    }
    if (!needVertical)
        return horizontalOut; // width changed, height not: the horizontal pass covered every row

    RgbImage out(stage->width, height);
    resampleVertical(*stage, out, vertical, stageFirstRow);
    return out;
}

} // namespace leopard::preprocess
