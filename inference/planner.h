#pragma once
// The Leopard adaptive crop planner: how many 364x364 crops each image of one question gets,
// on which canvas, and in which order the model receives them. A port of allocate_patches /
// select_best_resolution / resize_and_pad_image / divide_to_patches from the authors'
// reference script (see shared/DESIGN.md "Adaptive crop planning" and the reference README).
//
// Pure C++17: no Qt, no libtorch, so the viewer can draw plans with no model loaded.

#include <string>
#include <vector>

namespace leopard {

struct PixelSize {
    int width = 0;
    int height = 0;
};

struct PixelRect {
    int x = 0, y = 0, width = 0, height = 0;
};

struct PlanOptions {
    int maxImages = 50;       // the reference limit: crop budget = maxImages - number of input images
    int cropSide = 364;       // SigLIP input side (config.json vision_config.image_size)
    int tokensPerImage = 169; // (image_size / patch_size / 2)^2 after the 2x2 pixel shuffle
};

// The plan for one input image.
struct ImagePlan {
    PixelSize original;        // the input image's pixel size
    int wanted = 0;            // round_half_even(h/S) * round_half_even(w/S); 1 becomes 0
    int allocated = 0;         // crops granted after the budget is applied
    int gridCols = 0;          // chosen grid; 0 x 0 when the image gets no crops
    int gridRows = 0;
    PixelSize canvas;          // chosen canvas (gridCols*S x gridRows*S), S x S when no crops
    PixelSize resized;         // the aspect-preserving resize placed on the canvas
    int pasteX = 0, pasteY = 0; // where the resized image sits on the black canvas

    int tiles() const { return gridCols * gridRows; }
    int modelImages() const { return 1 + tiles(); } // global view + tiles
    // Tile rectangles on the canvas, in the order the model receives them (row by row).
    std::vector<PixelRect> tileRects(int cropSide) const;
};

struct CropPlan {
    PlanOptions options;
    int budget = 0;                 // maxImages - number of input images (may be <= 0)
    bool overLimit = false;         // more input images than maxImages: the model was not made for this
    std::vector<ImagePlan> images;

    int totalModelImages() const;   // global views + tiles, summed
    int totalTokens() const { return totalModelImages() * options.tokensPerImage; }
};

// Python's round(): halves go to the even integer (2.5 -> 2, 1.5 -> 2).
int roundHalfEven(double value);

CropPlan planCrops(const std::vector<PixelSize> &images, const PlanOptions &options = {});

// The steps planCrops is made of, exposed so tests can reach cases a whole plan rarely produces.
// Counts are 64-bit here because, like the reference's Python ints, they must not overflow for
// huge pixel sizes; ImagePlan::wanted saturates at INT_MAX (only past ~2.8e14 pixels of area).

// round_half_even(h/S) * round_half_even(w/S); exactly 1 becomes 0. Non-positive sides want 0.
long long wantedCrops(PixelSize image, int cropSide);
// allocate_patches: wanted counts if they fit in budget (> 0), else scaled down by budget/total.
std::vector<long long> allocateCrops(const std::vector<long long> &wanted, long long budget);
// The decrement loop of allocate_patches: while the sum exceeds budget, take one crop from each
// image in order (first first, skipping zeros) until the excess is gone.
void trimToBudget(std::vector<long long> &counts, long long budget);

struct GridChoice {
    int cols = 0; // 0 x 0: no grid (n <= 1, or no candidate)
    int rows = 0;
};
// select_best_resolution: the grid of at most n tiles (never 1x1) keeping the most image area.
GridChoice chooseGrid(PixelSize image, long long n, int cropSide);
// resize_and_pad_image's geometry: fills resized and paste* of plan for plan.canvas.
void placeOnCanvas(ImagePlan &plan);

} // namespace leopard
