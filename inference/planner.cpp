// The Leopard crop planner. Every step mirrors one function of the authors' reference script
// (tencent-ailab/Leopard @ 36c5f615, evaluations/models/llava_multiimg_siglip_anyres.py); where the
// prose in DESIGN.md and the script disagree, the script wins, because the model was trained and
// evaluated with it. The arithmetic deliberately follows Python's: true division in double,
// int() truncation, math.ceil of a double product, floor division of non-negative ints, and
// round() with halves to even. Integers are 64-bit so that nothing overflows where Python's
// unbounded ints would not.
#include "inference/planner.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>

namespace leopard {

namespace {

using i64 = long long;

// Wanted counts reach ~2^62 each for 2^31-pixel sides and a tiny crop side (a hostile config.json
// can make the side 2): their sum must not overflow (found by tests/fuzz/fuzz_planner). 128-bit,
// so the total is exact like Python's, and budget / total rounds to the same double.
using i128 = __int128;
i128 sum(const std::vector<i64> &counts)
{
    return std::accumulate(counts.begin(), counts.end(), i128{0});
}

bool isUsable(PixelSize size)
{
    return size.width > 0 && size.height > 0;
}

int saturateToInt(i64 value)
{
    return value > INT_MAX ? INT_MAX : static_cast<int>(value);
}

// An image that gets no crops still has a plan the viewer can draw: the model sees only the
// global view, which the reference squashes to S x S ignoring the aspect ratio. So the canvas is
// S x S and the "resized" image fills it entirely from (0, 0) -- that is what the model's pixels
// really are, whereas an aspect-preserving box would draw letterbox bars the model never sees.
void setNoCrops(ImagePlan &plan, int cropSide)
{
    plan.gridCols = 0;
    plan.gridRows = 0;
    plan.canvas = {cropSide, cropSide};
    plan.resized = {cropSide, cropSide};
    plan.pasteX = 0;
    plan.pasteY = 0;
}

} // namespace

int roundHalfEven(double value)
{
    // Python's round(): the nearest integer, exact halves to the even neighbour. Done by hand so
    // it does not depend on the FPU rounding mode (std::nearbyint would).
    const double lower = std::floor(value);
    const double fraction = value - lower; // exact for |value| < 2^52
    double result = lower;
    if (fraction > 0.5)
        result = lower + 1.0;
    else if (fraction == 0.5)
        result = std::fmod(lower, 2.0) == 0.0 ? lower : lower + 1.0;
    if (result >= static_cast<double>(INT_MAX))
        return INT_MAX;
    if (result <= static_cast<double>(INT_MIN))
        return INT_MIN;
    return static_cast<int>(result);
}

long long wantedCrops(PixelSize image, int cropSide)
{
    if (!isUsable(image) || cropSide <= 0)
        return 0;
    // The reference unpacks PIL's (width, height) as (height, width); the product is the same.
    const i64 across = roundHalfEven(static_cast<double>(image.width) / cropSide);
    const i64 down = roundHalfEven(static_cast<double>(image.height) / cropSide);
    const i64 wanted = across * down;
    return wanted == 1 ? 0 : wanted; // one crop would repeat the global view
}

void trimToBudget(std::vector<long long> &counts, long long budget)
{
    // Ported as written, though after int() truncation of n * budget/total the sum can only exceed
    // the budget through floating-point error (totals beyond ~1e14): it never fires in practice.
    while (sum(counts) > budget) {
        i128 excess = sum(counts) - budget;
        for (i64 &count : counts) {
            if (count > 0) {
                --count;
                --excess;
            }
            if (excess == 0)
                break;
        }
    }
}

std::vector<long long> allocateCrops(const std::vector<long long> &wanted, long long budget)
{
    const i128 total = sum(wanted);
    if (total <= budget)
        return wanted;
    const double scale = static_cast<double>(budget) / static_cast<double>(total);
    std::vector<i64> scaled;
    scaled.reserve(wanted.size());
    for (i64 n : wanted)
        scaled.push_back(static_cast<i64>(static_cast<double>(n) * scale)); // int() truncates
    trimToBudget(scaled, budget);
    return scaled;
}

GridChoice chooseGrid(PixelSize image, long long n, int cropSide)
{
    GridChoice best;
    if (n <= 0 || !isUsable(image) || cropSide <= 0)
        return best;
    const i64 ow = image.width;
    const i64 oh = image.height;
    const i64 originalArea = ow * oh;
    bool haveBest = false; // stands for the reference's min_wasted = inf
    i64 maxEffective = 0;
    i64 minWasted = 0;
    // Rows outer, cols inner, as the reference loops; its `continue` on rows*cols > n skips every
    // later col of that row too, so breaking out of the inner loop visits the same candidates.
    for (i64 rows = 1; rows <= n; ++rows) {
        for (i64 cols = 1; cols <= n && rows * cols <= n; ++cols) {
            if (rows == 1 && cols == 1)
                continue;
            const i64 height = rows * cropSide;
            const i64 width = cols * cropSide;
            const double scale = std::min(static_cast<double>(width) / static_cast<double>(ow),
                                          static_cast<double>(height) / static_cast<double>(oh));
            const i64 downscaledWidth = static_cast<i64>(static_cast<double>(ow) * scale);
            const i64 downscaledHeight = static_cast<i64>(static_cast<double>(oh) * scale);
            const i64 effective = std::min(downscaledWidth * downscaledHeight, originalArea);
            const i64 wasted = width * height - effective;
            if (effective > maxEffective || (effective == maxEffective && (!haveBest || wasted < minWasted))) {
                haveBest = true;
                maxEffective = effective;
                minWasted = wasted;
                best.cols = static_cast<int>(cols);
                best.rows = static_cast<int>(rows);
            }
        }
    }
    // The reference maps an S x S winner to "no crops"; 1x1 is never a candidate, so that cannot
    // happen here, but keep the rule in case the loop above ever changes.
    if (best.cols == 1 && best.rows == 1)
        return {};
    return best;
}

void placeOnCanvas(ImagePlan &plan)
{
    const i64 ow = plan.original.width;
    const i64 oh = plan.original.height;
    const i64 tw = plan.canvas.width;
    const i64 th = plan.canvas.height;
    const double scaleW = static_cast<double>(tw) / static_cast<double>(ow);
    const double scaleH = static_cast<double>(th) / static_cast<double>(oh);
    i64 newWidth = 0;
    i64 newHeight = 0;
    if (scaleW < scaleH) { // the width fills the canvas
        newWidth = tw;
        newHeight = std::min(static_cast<i64>(std::ceil(static_cast<double>(oh) * scaleW)), th);
    } else { // the height fills the canvas (also on an exact tie)
        newHeight = th;
        newWidth = std::min(static_cast<i64>(std::ceil(static_cast<double>(ow) * scaleH)), tw);
    }
    plan.resized = {static_cast<int>(newWidth), static_cast<int>(newHeight)};
    plan.pasteX = static_cast<int>((tw - newWidth) / 2);
    plan.pasteY = static_cast<int>((th - newHeight) / 2);
}

std::vector<PixelRect> ImagePlan::tileRects(int cropSide) const
{
    // divide_to_patches: y outer, x inner -- the order the model receives the tiles in.
    std::vector<PixelRect> rects;
    rects.reserve(static_cast<size_t>(tiles()));
    for (int row = 0; row < gridRows; ++row)
        for (int col = 0; col < gridCols; ++col)
            rects.push_back({col * cropSide, row * cropSide, cropSide, cropSide});
    return rects;
}

int CropPlan::totalModelImages() const
{
    int total = 0;
    for (const ImagePlan &image : images)
        total += image.modelImages();
    return total;
}

CropPlan planCrops(const std::vector<PixelSize> &images, const PlanOptions &options)
{
    CropPlan plan;
    plan.options = options;
    const i64 count = static_cast<i64>(images.size());
    const i64 budget = static_cast<i64>(options.maxImages) - count;
    plan.budget = budget < INT_MIN ? INT_MIN : static_cast<int>(budget);
    plan.overLimit = count > options.maxImages;

    std::vector<i64> wanted;
    wanted.reserve(images.size());
    for (const PixelSize &size : images)
        wanted.push_back(wantedCrops(size, options.cropSide));

    // With no budget left the reference skips planning: every image is its global view only.
    const std::vector<i64> allocated = budget > 0 ? allocateCrops(wanted, budget) : std::vector<i64>(images.size(), 0);

    plan.images.reserve(images.size());
    for (size_t i = 0; i < images.size(); ++i) {
        ImagePlan image;
        image.original = images[i];
        image.wanted = saturateToInt(wanted[i]);
        image.allocated = saturateToInt(allocated[i]);
        const GridChoice grid = chooseGrid(images[i], allocated[i], options.cropSide);
        if (grid.cols == 0 || grid.rows == 0) {
            setNoCrops(image, options.cropSide);
        } else {
            image.gridCols = grid.cols;
            image.gridRows = grid.rows;
            image.canvas = {grid.cols * options.cropSide, grid.rows * options.cropSide};
            placeOnCanvas(image);
        }
        plan.images.push_back(image);
    }
    return plan;
}

} // namespace leopard
