// The crop planner on arbitrary image counts and sizes (any int, including 0, negative and huge —
// an image header or a PDF page at a high DPI can claim anything) and budgets. Checks the plan's
// invariants against their definitions, not against the planner's own numbers:
//  - one plan per image; budget = maxImages - count; overLimit iff count > maxImages;
//  - not over the limit: global views + tiles <= maxImages (the model's 50-image limit);
//  - each image: tiles <= allocated <= wanted (when the budget allows), never a 1x1 grid;
//    the tiles tile the canvas exactly (row-major, disjoint, covering); the resized image fits the
//    canvas, centred, touching two opposite sides.
#include "inference/planner.h"
#include "tests/fuzz/fuzz_check.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <climits>

using namespace leopard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    PlanOptions options;
    // The options come from the app (50, 364, 169) or a checkpoint's config.json (image_size <= 65536
    // there); keep them in ranges where canvases fit an int.
    options.maxImages = in.ConsumeIntegralInRange<int>(0, 120);
    if (in.ConsumeBool())
        options.cropSide = in.ConsumeIntegralInRange<int>(1, 4096);
    const int count = in.ConsumeIntegralInRange<int>(0, 130);
    std::vector<PixelSize> sizes;
    for (int i = 0; i < count && in.remaining_bytes() > 0; ++i) {
        PixelSize s;
        if (in.ConsumeBool()) {
            s.width = in.ConsumeIntegral<int>();
            s.height = in.ConsumeIntegral<int>();
        } else {
            s.width = in.ConsumeIntegralInRange<int>(0, 40000);
            s.height = in.ConsumeIntegralInRange<int>(0, 40000);
        }
        sizes.push_back(s);
    }
    const CropPlan plan = planCrops(sizes, options);
    const int n = static_cast<int>(sizes.size());
    FUZZ_CHECK(static_cast<int>(plan.images.size()) == n, "%zu plans for %d images", plan.images.size(), n);
    FUZZ_CHECK(plan.budget == options.maxImages - n, "budget %d", plan.budget);
    FUZZ_CHECK(plan.overLimit == (n > options.maxImages), "overLimit");
    long long total = 0;
    for (const ImagePlan &p : plan.images) {
        total += 1 + static_cast<long long>(p.gridCols) * p.gridRows;
        const int S = options.cropSide;
        FUZZ_CHECK(p.gridCols >= 0 && p.gridRows >= 0, "negative grid");
        FUZZ_CHECK(!(p.gridCols == 1 && p.gridRows == 1), "a 1x1 grid repeats the global view");
        FUZZ_CHECK(p.tiles() <= p.allocated, "%d tiles > %d allocated", p.tiles(), p.allocated);
        FUZZ_CHECK(p.allocated >= 0 && p.allocated <= p.wanted, "allocated %d, wanted %d", p.allocated, p.wanted);
        if (p.tiles() == 0) {
            FUZZ_CHECK(p.canvas.width == S && p.canvas.height == S, "no-crop canvas is not S x S");
            continue;
        }
        FUZZ_CHECK(p.original.width > 0 && p.original.height > 0, "crops for an image without pixels");
        FUZZ_CHECK(p.canvas.width == p.gridCols * S && p.canvas.height == p.gridRows * S, "canvas != grid x S");
        // The tiles, row-major, each S x S, cover the canvas without overlap.
        const std::vector<PixelRect> rects = p.tileRects(S);
        FUZZ_CHECK(static_cast<int>(rects.size()) == p.tiles(), "tile count");
        for (int k = 0; k < p.tiles(); ++k) {
            const PixelRect &r = rects[static_cast<std::size_t>(k)];
            FUZZ_CHECK(r.width == S && r.height == S, "tile %d is not S x S", k);
            FUZZ_CHECK(r.x == (k % p.gridCols) * S && r.y == (k / p.gridCols) * S, "tile %d not row-major", k);
        }
        // The resized image inside the canvas, centred, filling one direction.
        FUZZ_CHECK(p.resized.width > 0 && p.resized.height > 0, "empty resize");
        FUZZ_CHECK(p.pasteX >= 0 && p.pasteY >= 0 && p.pasteX + p.resized.width <= p.canvas.width &&
                       p.pasteY + p.resized.height <= p.canvas.height,
                   "resized image outside the canvas");
        FUZZ_CHECK(p.resized.width == p.canvas.width || p.resized.height == p.canvas.height, "fills neither side");
        FUZZ_CHECK(p.pasteX == (p.canvas.width - p.resized.width) / 2 && p.pasteY == (p.canvas.height - p.resized.height) / 2,
                   "not centred");
    }
    if (!plan.overLimit)
        FUZZ_CHECK(total <= options.maxImages, "%lld model images > limit %d", total, options.maxImages);
    FUZZ_CHECK(plan.totalModelImages() == total, "totalModelImages");
    return 0;
}
