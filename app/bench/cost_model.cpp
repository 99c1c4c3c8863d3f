#include "app/bench/cost_model.h"

namespace leopard::bench {
namespace {

double layerLinearParams(const ckpt::TextConfig &c)
{
    const double h = double(c.hiddenSize), hd = double(c.headDim);
    return h * double(c.numAttentionHeads) * hd * 2      // q, o
           + h * double(c.numKeyValueHeads) * hd * 2     // k, v
           + 3 * h * double(c.intermediateSize);         // gate, up, down
}

} // namespace

double decodeWeightBytes(const ckpt::TextConfig &c, int bytesPerElement, WeightFormat weights)
{
    const double h = double(c.hiddenSize), layers = double(c.numHiddenLayers);
    const double linear = layers * layerLinearParams(c) + double(c.vocabSize) * h;
    const double norms = layers * 2 * h + h;
    if (weights == WeightFormat::Full || weights == WeightFormat::Auto)
        return (linear + norms) * bytesPerElement;
    if (weights == WeightFormat::Int4) // half a byte per weight, a scale and an offset per group
        return linear * bytesPerWeight(weights, bytesPerElement) + norms * bytesPerElement;
    const double hd = double(c.headDim);
    const double rowsPerLayer = double(c.numAttentionHeads) * hd + h            // q, o
                                + 2 * double(c.numKeyValueHeads) * hd           // k, v
                                + 2 * double(c.intermediateSize) + h;           // gate, up, down
    return linear + 4 * (layers * rowsPerLayer + double(c.vocabSize)) + norms * bytesPerElement;
}

double prefillFlopsPerToken(const ckpt::TextConfig &c, std::int64_t length)
{
    const double layers = double(c.numHiddenLayers);
    const double attention = 2.0 * 2.0 * double(c.numAttentionHeads) * double(c.headDim) * (double(length) + 1) / 2;
    const double lmHead = 2.0 * double(c.vocabSize) * double(c.hiddenSize) / double(length > 0 ? length : 1);
    return layers * (2 * layerLinearParams(c) + attention) + lmHead;
}

double visionFlopsPerImage(const ckpt::ModelConfig &m)
{
    const ckpt::VisionConfig &v = m.vision;
    const double p = double(v.numPatches()), h = double(v.hiddenSize), i = double(v.intermediateSize);
    const double patch = 2 * p * double(v.numChannels * v.patchSize * v.patchSize) * h;
    const double layer = 2 * p * (4 * h * h + 2 * h * i) + 2 * 2 * p * p * h;
    const double f2 = double(m.pixelShuffleFactor * m.pixelShuffleFactor);
    const double th = double(m.text.hiddenSize);
    const double projector = 2 * (p / f2) * (f2 * h * th + th * th);
    return patch + double(v.numHiddenLayers) * layer + projector;
}

double modelParameters(const ckpt::ModelConfig &m)
{
    const ckpt::TextConfig &t = m.text;
    const ckpt::VisionConfig &v = m.vision;
    const double th = double(t.hiddenSize), vh = double(v.hiddenSize), vi = double(v.intermediateSize);
    const double text = double(t.numHiddenLayers) * (layerLinearParams(t) + 2 * th) + th +
                        double(t.tieWordEmbeddings ? 1 : 2) * double(t.vocabSize) * th;
    const double vision = double(v.numChannels * v.patchSize * v.patchSize) * vh + vh + double(v.numPatches()) * vh +
                          2 * vh + double(v.numHiddenLayers) * (4 * (vh * vh + vh) + 2 * vh * vi + vi + vh + 4 * vh);
    const double f2 = double(m.pixelShuffleFactor * m.pixelShuffleFactor);
    const double projector = f2 * vh * th + th + th * th + th;
    return text + vision + projector;
}

} // namespace leopard::bench
