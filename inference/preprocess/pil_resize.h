#pragma once
// Image.resize((w, h), Image.BICUBIC) of Pillow 9.4 on an RGB image, to the bit: the resize the
// reference applies twice (resize_and_pad_image's image.resize, whose default filter is BICUBIC,
// then the SigLIP processor's resize to 364x364). See README.md here for how it works and why a
// generic bicubic (OpenCV, torch interpolate) is not good enough.

#include "inference/preprocess/rgb_image.h"

namespace leopard::preprocess {

// PIL's bicubic: Keys a = -0.5, support widened by the reduction factor when shrinking
// (antialiasing), horizontal pass then vertical, 8-bit fixed-point weights, rounding and
// clipping to uint8 after each pass. Same size in, a copy out (PIL returns self.copy()).
// An empty image for an empty source or a non-positive target size.
RgbImage resizeBicubicLikePil(const RgbImage &src, int width, int height);

} // namespace leopard::preprocess
