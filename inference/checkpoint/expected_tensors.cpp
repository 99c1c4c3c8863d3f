#include "inference/checkpoint/expected_tensors.h"

namespace leopard::ckpt {
namespace {

bool startsWith(const std::string &s, const std::string &p) { return s.compare(0, p.size(), p) == 0; }
bool endsWith(const std::string &s, const std::string &p)
{
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

} // namespace

std::vector<ExpectedTensor> expectedTensors(const ModelConfig &c)
{
    const TextConfig &t = c.text;
    const VisionConfig &v = c.vision;
    std::vector<ExpectedTensor> out;
    auto add = [&](std::string name, std::vector<std::int64_t> shape) {
        out.push_back({std::move(name), std::move(shape)});
    };

    // Language model (Llama): no biases anywhere; GQA k/v projections have kv_heads * head_dim rows.
    const std::int64_t q = t.numAttentionHeads * t.headDim, kv = t.numKeyValueHeads * t.headDim;
    add("language_model.model.embed_tokens.weight", {t.vocabSize, t.hiddenSize});
    for (std::int64_t i = 0; i < t.numHiddenLayers; ++i) {
        const std::string p = "language_model.model.layers." + std::to_string(i) + ".";
        add(p + "self_attn.q_proj.weight", {q, t.hiddenSize});
        add(p + "self_attn.k_proj.weight", {kv, t.hiddenSize});
        add(p + "self_attn.v_proj.weight", {kv, t.hiddenSize});
        add(p + "self_attn.o_proj.weight", {t.hiddenSize, q});
        add(p + "mlp.gate_proj.weight", {t.intermediateSize, t.hiddenSize});
        add(p + "mlp.up_proj.weight", {t.intermediateSize, t.hiddenSize});
        add(p + "mlp.down_proj.weight", {t.hiddenSize, t.intermediateSize});
        add(p + "input_layernorm.weight", {t.hiddenSize});
        add(p + "post_attention_layernorm.weight", {t.hiddenSize});
    }
    add("language_model.model.norm.weight", {t.hiddenSize});
    if (!t.tieWordEmbeddings)
        add("language_model.lm_head.weight", {t.vocabSize, t.hiddenSize});

    // Projector: Leopard's 2x2 pixel shuffle makes its input 4 x the vision width.
    const std::int64_t projIn = v.hiddenSize * c.pixelShuffleFactor * c.pixelShuffleFactor;
    add("multi_modal_projector.linear_1.weight", {t.hiddenSize, projIn});
    add("multi_modal_projector.linear_1.bias", {t.hiddenSize});
    add("multi_modal_projector.linear_2.weight", {t.hiddenSize, t.hiddenSize});
    add("multi_modal_projector.linear_2.bias", {t.hiddenSize});

    // SigLIP vision tower.
    const std::string vp = "vision_tower.vision_model.";
    add(vp + "embeddings.patch_embedding.weight", {v.hiddenSize, v.numChannels, v.patchSize, v.patchSize});
    add(vp + "embeddings.patch_embedding.bias", {v.hiddenSize});
    add(vp + "embeddings.position_embedding.weight", {v.numPatches(), v.hiddenSize});
    for (std::int64_t i = 0; i < v.numHiddenLayers; ++i) {
        const std::string p = vp + "encoder.layers." + std::to_string(i) + ".";
        for (const char *proj : {"q_proj", "k_proj", "v_proj", "out_proj"}) {
            add(p + "self_attn." + proj + ".weight", {v.hiddenSize, v.hiddenSize});
            add(p + "self_attn." + proj + ".bias", {v.hiddenSize});
        }
        for (const char *ln : {"layer_norm1", "layer_norm2"}) {
            add(p + ln + ".weight", {v.hiddenSize});
            add(p + ln + ".bias", {v.hiddenSize});
        }
        add(p + "mlp.fc1.weight", {v.intermediateSize, v.hiddenSize});
        add(p + "mlp.fc1.bias", {v.intermediateSize});
        add(p + "mlp.fc2.weight", {v.hiddenSize, v.intermediateSize});
        add(p + "mlp.fc2.bias", {v.hiddenSize});
    }
    add(vp + "post_layernorm.weight", {v.hiddenSize});
    add(vp + "post_layernorm.bias", {v.hiddenSize});
    return out;
}

bool isKnownUnused(const std::string &n)
{
    return startsWith(n, "vision_tower.vision_model.head.") || endsWith(n, ".rotary_emb.inv_freq") ||
           n == "language_model.model.rotary_emb.inv_freq";
}

const char *layoutName(NameLayout layout)
{
    return layout == NameLayout::Legacy ? "language_model.model.* (transformers 4.4x)"
                                        : "model.language_model.* (transformers >= 4.52)";
}

std::optional<CanonicalName> canonicalName(const std::string &s)
{
    static const struct {
        const char *modern;
        const char *legacy;
    } kMap[] = {
        {"model.language_model.", "language_model.model."},
        {"lm_head.", "language_model.lm_head."},
        {"model.vision_tower.", "vision_tower."},
        {"model.multi_modal_projector.", "multi_modal_projector."},
    };
    for (const auto &m : kMap) {
        if (startsWith(s, m.legacy))
            return CanonicalName{s, NameLayout::Legacy};
        if (startsWith(s, m.modern))
            return CanonicalName{m.legacy + s.substr(std::string(m.modern).size()), NameLayout::Modern};
    }
    return std::nullopt;
}

} // namespace leopard::ckpt
