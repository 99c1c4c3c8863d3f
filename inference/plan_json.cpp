// JSON form of a crop plan. Written by hand (the planner links nothing but the STL): the values
// are integers, booleans and one note string, so a small writer is all it takes. Layout: one key
// per line at the top level and one line per image, so a plan of 50 images stays readable.
#include "inference/plan_json.h"

#include <cstdio>
#include <sstream>

namespace leopard {

namespace {

std::string quoted(const std::string &text)
{
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

std::string pair(int first, int second)
{
    return "[" + std::to_string(first) + ", " + std::to_string(second) + "]";
}

// Why a plan has no crops at all, in words a user of the CLI or the UI can act on.
std::string noteFor(const CropPlan &plan)
{
    const size_t count = plan.images.size();
    const int limit = plan.options.maxImages;
    std::ostringstream note;
    if (plan.overLimit) {
        note << count << " images exceed the model's limit of " << limit
             << "; the model was not made for this many and cannot take them in one question. "
                "The plan shown gives each image its global view only (no crops).";
    } else if (count > 0 && plan.budget <= 0) {
        note << count << " images use the whole limit of " << limit
             << ", so no crop budget is left: each image is sent as its global view only.";
    }
    return note.str();
}

std::string imageToJson(const CropPlan &plan, const ImagePlan &image)
{
    std::ostringstream out;
    out << "{\"width\": " << image.original.width << ", \"height\": " << image.original.height
        << ", \"wanted\": " << image.wanted << ", \"allocated\": " << image.allocated
        << ", \"grid\": " << pair(image.gridCols, image.gridRows)
        << ", \"canvas\": " << pair(image.canvas.width, image.canvas.height)
        << ", \"resized\": " << pair(image.resized.width, image.resized.height)
        << ", \"paste\": " << pair(image.pasteX, image.pasteY) << ", \"tiles\": " << image.tiles()
        << ", \"model_images\": " << image.modelImages()
        << ", \"tokens\": " << image.modelImages() * plan.options.tokensPerImage << "}";
    return out.str();
}

} // namespace

std::string planToJson(const CropPlan &plan)
{
    std::ostringstream out;
    out << "{\n"
        << "  \"max_images\": " << plan.options.maxImages << ",\n"
        << "  \"crop_side\": " << plan.options.cropSide << ",\n"
        << "  \"tokens_per_image\": " << plan.options.tokensPerImage << ",\n"
        << "  \"image_count\": " << plan.images.size() << ",\n"
        << "  \"budget\": " << plan.budget << ",\n"
        << "  \"over_limit\": " << (plan.overLimit ? "true" : "false") << ",\n"
        << "  \"note\": " << quoted(noteFor(plan)) << ",\n"
        << "  \"images\": [";
    for (size_t i = 0; i < plan.images.size(); ++i)
        out << (i == 0 ? "\n    " : ",\n    ") << imageToJson(plan, plan.images[i]);
    out << (plan.images.empty() ? "],\n" : "\n  ],\n")
        << "  \"total_model_images\": " << plan.totalModelImages() << ",\n"
        << "  \"total_tokens\": " << plan.totalTokens() << "\n"
        << "}\n";
    return out.str();
}

} // namespace leopard
