#pragma once
// config.json of a Leopard-LLaVA checkpoint, with every missing field taking the default the
// transformers classes give it (LlavaConfig, LlamaConfig, SiglipVisionConfig as of 4.44): the real
// file omits hidden_size / num_attention_heads / num_hidden_layers of the text model, which are
// therefore LlamaConfig's 4096 / 32 / 32.
#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace leopard::ckpt {

struct TextConfig {
    std::int64_t hiddenSize = 4096;
    std::int64_t intermediateSize = 11008;
    std::int64_t numHiddenLayers = 32;
    std::int64_t numAttentionHeads = 32;
    std::int64_t numKeyValueHeads = 32;  // defaults to numAttentionHeads
    std::int64_t headDim = 128;          // hiddenSize / numAttentionHeads unless given
    std::int64_t vocabSize = 32000;
    std::int64_t maxPositionEmbeddings = 2048;
    double rmsNormEps = 1e-6;
    double ropeTheta = 10000.0;
    bool tieWordEmbeddings = false;
    std::string hiddenAct = "silu";
    // rope_scaling (absent -> ropeType "default")
    std::string ropeType = "default";
    double ropeFactor = 1.0, ropeLowFreqFactor = 1.0, ropeHighFreqFactor = 4.0;
    std::int64_t ropeOriginalMaxPositions = 8192;
};

struct VisionConfig {
    std::int64_t hiddenSize = 768;
    std::int64_t intermediateSize = 3072;
    std::int64_t numHiddenLayers = 12;
    std::int64_t numAttentionHeads = 12;
    std::int64_t numChannels = 3;
    std::int64_t imageSize = 224;
    std::int64_t patchSize = 16;
    double layerNormEps = 1e-6;
    std::string hiddenAct = "gelu_pytorch_tanh";
    std::int64_t numPatches() const { return (imageSize / patchSize) * (imageSize / patchSize); }
};

struct ModelConfig {
    TextConfig text;
    VisionConfig vision;
    std::int64_t imageTokenIndex = 32000;
    std::string projectorHiddenAct = "gelu";
    std::int64_t pixelShuffleFactor = 2; // Leopard's projector input is 4 x vision hidden (not in config.json)
    std::string transformersVersion;

    // Reads and checks config.json (errors name the file and the field).
    static ModelConfig fromFile(const std::string &path);
    static ModelConfig fromJson(const nlohmann::json &j, const std::string &path);
    // A summary for `leopard-cli inspect`.
    nlohmann::json summary() const;
};

} // namespace leopard::ckpt
