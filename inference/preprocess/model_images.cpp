#include "inference/preprocess/model_images.h"

#include "inference/preprocess/pil_resize.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace leopard::preprocess {

std::vector<RgbImage> buildModelImages(const RgbImage &rgb, const ImagePlan &plan, int cropSide)
{
    if (rgb.isEmpty() || cropSide <= 0 || plan.original.width != rgb.width || plan.original.height != rgb.height)
        return {};
    std::vector<RgbImage> images;
    images.reserve(std::size_t(plan.modelImages()));
    images.push_back(resizeBicubicLikePil(rgb, cropSide, cropSide));
    if (plan.tiles() == 0)
        return images;

    // resize_and_pad_image: one resize, then a paste onto black.
    RgbImage canvas(plan.canvas.width, plan.canvas.height);
    paste(canvas, resizeBicubicLikePil(rgb, plan.resized.width, plan.resized.height), plan.pasteX, plan.pasteY);
    // divide_to_patches: tiles row by row; each is cropSide square already, and SigLIP's resize
    // of an image of the target size is a copy, so nothing more is done to it.
    for (const PixelRect &rect : plan.tileRects(cropSide))
        images.push_back(resizeBicubicLikePil(crop(canvas, rect.x, rect.y, rect.width, rect.height), cropSide, cropSide));
    return images;
}

std::vector<RgbImage> buildQuestionImages(const std::vector<RgbImage> &rgbs, const CropPlan &plan)
{
    if (rgbs.size() != plan.images.size())
        return {};
    std::vector<RgbImage> all;
    all.reserve(std::size_t(plan.totalModelImages()));
    for (std::size_t i = 0; i < rgbs.size(); ++i) {
        std::vector<RgbImage> images = buildModelImages(rgbs[i], plan.images[i], plan.options.cropSide);
        if (images.empty())
            return {};
        for (RgbImage &image : images)
            all.push_back(std::move(image));
    }
    return all;
}

namespace {

// All 256 possible values, computed the way numpy does: the uint8 widened to float64, times the
// float64 1/255, rounded to float32; then float32 (v - 0.5) / 0.5.
const std::array<float, 256> &normalizedValues()
{
    static const std::array<float, 256> table = [] {
        std::array<float, 256> t{};
        const double rescale = 1.0 / 255.0;
        const float mean = 0.5f, stdDev = 0.5f;
        for (int i = 0; i < 256; ++i) {
            const float scaled = float(double(i) * rescale);
            t[std::size_t(i)] = (scaled - mean) / stdDev;
        }
        return t;
    }();
    return table;
}

void normalizeInto(const RgbImage &image, float *out)
{
    const auto &table = normalizedValues();
    const std::size_t plane = std::size_t(image.width) * std::size_t(image.height);
    const std::uint8_t *p = image.pixels.data();
    for (std::size_t i = 0; i < plane; ++i) {
        out[i] = table[p[3 * i + 0]];
        out[plane + i] = table[p[3 * i + 1]];
        out[2 * plane + i] = table[p[3 * i + 2]];
    }
}

} // namespace

std::vector<float> normalizeToCHW(const RgbImage &image)
{
    std::vector<float> out(image.pixels.size());
    normalizeInto(image, out.data());
    return out;
}

std::vector<float> normalizeToNCHW(const std::vector<RgbImage> &images)
{
    std::size_t total = 0;
    for (const RgbImage &image : images)
        total += image.pixels.size();
    std::vector<float> out(total);
    float *cursor = out.data();
    for (const RgbImage &image : images) {
        normalizeInto(image, cursor);
        cursor += image.pixels.size();
    }
    return out;
}

} // namespace leopard::preprocess
