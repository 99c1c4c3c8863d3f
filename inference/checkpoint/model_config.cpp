#include "inference/checkpoint/model_config.h"
#include "inference/checkpoint/error.h"
#include "inference/checkpoint/strict_json.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <type_traits>

namespace leopard::ckpt {
namespace {

struct Reader {
    const nlohmann::json &obj;
    const std::string &file;
    std::string section; // "text_config." etc., for messages

    template <typename T>
    void get(const char *key, T &out) const
    {
        const auto it = obj.find(key);
        if (it == obj.end() || it->is_null())
            return; // the transformers default stays
        bool ok = false;
        if constexpr (std::is_same_v<T, std::int64_t>)
            ok = it->is_number_integer();
        else if constexpr (std::is_same_v<T, double>)
            ok = it->is_number();
        else if constexpr (std::is_same_v<T, bool>)
            ok = it->is_boolean();
        else
            ok = it->is_string();
        if (!ok)
            fail(file, "config field '" + section + key + "' has the wrong type: " + it->dump());
        out = it->template get<T>();
    }
    // Positive and at most `limit`. The limits are far above any real model (Llama 3.1 405B: hidden
    // 16384, 126 layers, vocabulary 128256) but keep every product of two sizes inside int64 and stop a
    // hostile config.json from making the reader list billions of expected tensors before it notices
    // the weights do not match.
    void positive(const char *key, std::int64_t v, std::int64_t limit = std::int64_t(1) << 20) const
    {
        if (v <= 0)
            fail(file, "config field '" + section + key + "' must be positive, is " + std::to_string(v));
        if (v > limit)
            fail(file, "config field '" + section + key + "' is " + std::to_string(v) + ", more than " +
                           std::to_string(limit) + ": not a real model");
    }
};

} // namespace

ModelConfig ModelConfig::fromFile(const std::string &path)
{
    if (!std::ifstream(path, std::ios::binary))
        fail(path, "cannot open config.json");
    return fromJson(parseStrictJsonFile(path), path);
}

ModelConfig ModelConfig::fromJson(const nlohmann::json &j, const std::string &path)
{
    if (!j.is_object())
        fail(path, "config.json is not a JSON object");
    ModelConfig c;
    const Reader top{j, path, ""};
    std::string modelType;
    top.get("model_type", modelType);
    if (!modelType.empty() && modelType != "llava")
        fail(path, "model_type is '" + modelType + "', expected 'llava' (Leopard-LLaVA)");
    top.get("image_token_index", c.imageTokenIndex);
    top.get("projector_hidden_act", c.projectorHiddenAct);
    top.get("transformers_version", c.transformersVersion);

    // text_config: LlavaConfig builds LlamaConfig(**text_config) (LlamaConfig() when absent).
    static const nlohmann::json empty = nlohmann::json::object();
    const nlohmann::json &tj = j.contains("text_config") && j["text_config"].is_object() ? j["text_config"] : empty;
    const Reader tr{tj, path, "text_config."};
    std::string textType = "llama";
    tr.get("model_type", textType);
    if (textType != "llama")
        fail(path, "text_config.model_type is '" + textType + "', expected 'llama'");
    TextConfig &t = c.text;
    tr.get("hidden_size", t.hiddenSize);
    tr.get("intermediate_size", t.intermediateSize);
    tr.get("num_hidden_layers", t.numHiddenLayers);
    tr.get("num_attention_heads", t.numAttentionHeads);
    t.numKeyValueHeads = t.numAttentionHeads;
    tr.get("num_key_value_heads", t.numKeyValueHeads);
    tr.get("vocab_size", t.vocabSize);
    tr.get("max_position_embeddings", t.maxPositionEmbeddings);
    tr.get("rms_norm_eps", t.rmsNormEps);
    tr.get("rope_theta", t.ropeTheta);
    tr.get("tie_word_embeddings", t.tieWordEmbeddings);
    tr.get("hidden_act", t.hiddenAct);
    tr.positive("hidden_size", t.hiddenSize);
    tr.positive("intermediate_size", t.intermediateSize);
    tr.positive("num_hidden_layers", t.numHiddenLayers, 4096);
    tr.positive("num_attention_heads", t.numAttentionHeads);
    tr.positive("num_key_value_heads", t.numKeyValueHeads);
    tr.positive("vocab_size", t.vocabSize, std::int64_t(1) << 24);
    t.headDim = t.hiddenSize / t.numAttentionHeads;
    tr.get("head_dim", t.headDim);
    tr.positive("head_dim", t.headDim);
    if (t.numAttentionHeads % t.numKeyValueHeads != 0)
        fail(path, "text_config: num_attention_heads (" + std::to_string(t.numAttentionHeads) +
                       ") is not a multiple of num_key_value_heads (" + std::to_string(t.numKeyValueHeads) + ")");
    if (tj.contains("rope_scaling") && tj["rope_scaling"].is_object()) {
        const Reader rr{tj["rope_scaling"], path, "text_config.rope_scaling."};
        rr.get("type", t.ropeType); // older name of rope_type
        rr.get("rope_type", t.ropeType);
        rr.get("factor", t.ropeFactor);
        rr.get("low_freq_factor", t.ropeLowFreqFactor);
        rr.get("high_freq_factor", t.ropeHighFreqFactor);
        rr.get("original_max_position_embeddings", t.ropeOriginalMaxPositions);
        if (t.ropeType != "llama3" && t.ropeType != "default")
            fail(path, "text_config.rope_scaling type '" + t.ropeType + "' is not supported (llama3 or none)");
    }

    // vision_config: LlavaConfig defaults a missing vision_config (or model_type) to CLIP, which is not
    // Leopard's tower: refuse that instead of guessing.
    if (!j.contains("vision_config") || !j["vision_config"].is_object())
        fail(path, "vision_config is missing (transformers would default to a CLIP tower; Leopard uses SigLIP)");
    const Reader vr{j["vision_config"], path, "vision_config."};
    std::string visionType = "clip_vision_model";
    vr.get("model_type", visionType);
    if (visionType != "siglip_vision_model")
        fail(path, "vision_config.model_type is '" + visionType + "', expected 'siglip_vision_model'");
    VisionConfig &v = c.vision;
    vr.get("hidden_size", v.hiddenSize);
    vr.get("intermediate_size", v.intermediateSize);
    vr.get("num_hidden_layers", v.numHiddenLayers);
    vr.get("num_attention_heads", v.numAttentionHeads);
    vr.get("num_channels", v.numChannels);
    vr.get("image_size", v.imageSize);
    vr.get("patch_size", v.patchSize);
    vr.get("layer_norm_eps", v.layerNormEps);
    vr.get("hidden_act", v.hiddenAct);
    vr.positive("hidden_size", v.hiddenSize);
    vr.positive("intermediate_size", v.intermediateSize);
    vr.positive("num_hidden_layers", v.numHiddenLayers, 4096);
    vr.positive("num_attention_heads", v.numAttentionHeads);
    vr.positive("num_channels", v.numChannels, 64);
    vr.positive("image_size", v.imageSize, 65536);
    vr.positive("patch_size", v.patchSize, 65536);
    const std::int64_t grid = v.imageSize / v.patchSize;
    if (grid == 0)
        fail(path, "vision_config: patch_size (" + std::to_string(v.patchSize) + ") is larger than image_size (" +
                       std::to_string(v.imageSize) + ")");
    if (grid % c.pixelShuffleFactor != 0)
        fail(path, "vision_config: the patch grid (" + std::to_string(grid) + "x" + std::to_string(grid) +
                       ") is not divisible by Leopard's 2x2 pixel shuffle");
    if (c.imageTokenIndex < 0)
        fail(path, "image_token_index is negative");
    return c;
}

nlohmann::json ModelConfig::summary() const
{
    nlohmann::json s;
    s["image_token_index"] = imageTokenIndex;
    s["projector_hidden_act"] = projectorHiddenAct;
    s["transformers_version"] = transformersVersion;
    s["text"] = {{"hidden_size", text.hiddenSize},
                 {"intermediate_size", text.intermediateSize},
                 {"num_hidden_layers", text.numHiddenLayers},
                 {"num_attention_heads", text.numAttentionHeads},
                 {"num_key_value_heads", text.numKeyValueHeads},
                 {"head_dim", text.headDim},
                 {"vocab_size", text.vocabSize},
                 {"rms_norm_eps", text.rmsNormEps},
                 {"rope_theta", text.ropeTheta},
                 {"rope_type", text.ropeType},
                 {"tie_word_embeddings", text.tieWordEmbeddings}};
    s["vision"] = {{"hidden_size", vision.hiddenSize},
                   {"intermediate_size", vision.intermediateSize},
                   {"num_hidden_layers", vision.numHiddenLayers},
                   {"num_attention_heads", vision.numAttentionHeads},
                   {"image_size", vision.imageSize},
                   {"patch_size", vision.patchSize},
                   {"layer_norm_eps", vision.layerNormEps},
                   {"hidden_act", vision.hiddenAct}};
    return s;
}

} // namespace leopard::ckpt
