#include "app/bench/model_presets.h"

namespace leopard::bench {

std::vector<ModelPreset> modelPresets()
{
    std::vector<ModelPreset> out;
    out.push_back({"tiny", "the demo model's shapes (64 wide): for testing the tool", ckpt::TinySpec{}});

    ckpt::TinySpec small;
    small.visionHidden = 1152;
    small.visionLayers = 2;
    small.visionHeads = 16;
    small.visionIntermediate = 4304;
    small.textHidden = 4096;
    small.textLayers = 2;
    small.textHeads = 32;
    small.textKvHeads = 8;
    small.textIntermediate = 14336;
    small.siglipHead = false;
    out.push_back({"small", "real SigLIP/Llama-3.1-8B widths, 2 vision + 2 text layers", small});

    ckpt::TinySpec medium = small;
    medium.visionLayers = 4;
    medium.textHidden = 2048;
    medium.textLayers = 16;
    medium.textHeads = 32;
    medium.textKvHeads = 8;
    medium.textIntermediate = 8192;
    out.push_back({"medium", "Llama-3.2-1B-shaped text (2048 x 16 layers, untied head) + 4 real SigLIP layers", medium});
    return out;
}

const ModelPreset *findPreset(const std::string &name)
{
    static const std::vector<ModelPreset> presets = modelPresets();
    for (const ModelPreset &p : presets)
        if (p.name == name)
            return &p;
    return nullptr;
}

double presetParameters(const ckpt::TinySpec &s)
{
    const double th = double(s.textHidden), vh = double(s.visionHidden), hd = th / double(s.textHeads);
    const double patches = double((s.imageSize / s.patchSize) * (s.imageSize / s.patchSize));
    double text = 2 * double(s.vocabSize) * th + th;
    text += double(s.textLayers) * (th * double(s.textHeads) * hd * 2 + th * double(s.textKvHeads) * hd * 2 +
                                   3 * th * double(s.textIntermediate) + 2 * th);
    double vision = 3 * double(s.patchSize * s.patchSize) * vh + vh + patches * vh + 2 * vh;
    vision += double(s.visionLayers) * (4 * (vh * vh + vh) + 2 * vh * double(s.visionIntermediate) +
                                        double(s.visionIntermediate) + vh + 4 * vh);
    const double projector = 4 * vh * th + th + th * th + th;
    return text + vision + projector;
}

} // namespace leopard::bench
