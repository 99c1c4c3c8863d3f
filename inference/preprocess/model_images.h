#pragma once
// The crop plan turned into the images the model sees, in the reference's order, and their
// normalisation into SigLIP's input floats (DESIGN.md "Adaptive crop planning"; reference
// README items 4, 5 and 8).

#include "inference/planner.h"
#include "inference/preprocess/rgb_image.h"

#include <vector>

namespace leopard::preprocess {

// The cropSide x cropSide uint8 images of one input image, in model order:
//   1. the global view: the whole image squashed to cropSide x cropSide (SigLIP's resize);
//   2. if the plan has a grid: the image resized to plan.resized (aspect kept), pasted on a
//      black plan.canvas at (pasteX, pasteY), cut into tiles row by row. Tiles are already
//      cropSide x cropSide, so SigLIP's resize leaves them as they are.
// Both resizes are PIL's bicubic (resizeBicubicLikePil). The plan must have been made for this
// image's size and the same cropSide; an empty list otherwise.
std::vector<RgbImage> buildModelImages(const RgbImage &rgb, const ImagePlan &plan, int cropSide);

// All model images of one question, in the order the model consumes them: for each input image
// in turn, its global view then its tiles. rgbs[i] goes with plan.images[i]; an empty list when
// the counts differ or any image does not fit its plan.
std::vector<RgbImage> buildQuestionImages(const std::vector<RgbImage> &rgbs, const CropPlan &plan);

// SigLIP's rescale + normalise, as transformers 4.44 does it in numpy: float32(float64(x) * (1/255)),
// then (v - 0.5f) / 0.5f in float32; laid out CHW (channel planes R, G, B), ready for a tensor.
std::vector<float> normalizeToCHW(const RgbImage &image);

// Several images (all the same size) normalised into one [N, 3, H, W] buffer.
std::vector<float> normalizeToNCHW(const std::vector<RgbImage> &images);

} // namespace leopard::preprocess
