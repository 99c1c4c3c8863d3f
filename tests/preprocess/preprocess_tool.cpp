// A by-hand tool for fuzz_preprocess.py (not run by CTest): raw RGB in, raw RGB out.
//   preprocess-tool resize IN.rgb W H OUT_W OUT_H OUT.rgb   one resizeBicubicLikePil
//   preprocess-tool model  IN.rgb W H OUT.rgb               buildModelImages for a one-image
//                                                           question, the 364x364 images concatenated
#include "inference/planner.h"
#include "inference/preprocess/model_images.h"
#include "inference/preprocess/pil_resize.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

using namespace leopard;
using namespace leopard::preprocess;

namespace {

bool readRgb(const char *path, int w, int h, RgbImage &out)
{
    std::ifstream in(path, std::ios::binary);
    out = RgbImage(w, h);
    in.read(reinterpret_cast<char *>(out.pixels.data()), std::streamsize(out.pixels.size()));
    return bool(in) && in.gcount() == std::streamsize(out.pixels.size());
}

bool writeImages(const char *path, const std::vector<RgbImage> &images)
{
    std::ofstream out(path, std::ios::binary);
    for (const RgbImage &image : images)
        out.write(reinterpret_cast<const char *>(image.pixels.data()), std::streamsize(image.pixels.size()));
    return bool(out);
}

int usage()
{
    std::fprintf(stderr, "usage: preprocess-tool resize IN.rgb W H OUT_W OUT_H OUT.rgb\n"
                         "       preprocess-tool model IN.rgb W H OUT.rgb\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const std::string mode = argv[1];
    if (mode == "resize" && argc == 8) {
        RgbImage src;
        if (!readRgb(argv[2], std::atoi(argv[3]), std::atoi(argv[4]), src))
            return 1;
        return writeImages(argv[7], {resizeBicubicLikePil(src, std::atoi(argv[5]), std::atoi(argv[6]))}) ? 0 : 1;
    }
    if (mode == "model" && argc == 6) {
        RgbImage src;
        if (!readRgb(argv[2], std::atoi(argv[3]), std::atoi(argv[4]), src))
            return 1;
        const CropPlan plan = planCrops({{src.width, src.height}});
        return writeImages(argv[5], buildModelImages(src, plan.images[0], plan.options.cropSide)) ? 0 : 1;
    }
    return usage();
}
