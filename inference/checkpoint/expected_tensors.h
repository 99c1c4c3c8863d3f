#pragma once
// Which tensors a Leopard-LLaVA checkpoint must hold, with which shapes, derived from config.json;
// and the mapping of both published name layouts onto one canonical layout.
#include "inference/checkpoint/model_config.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace leopard::ckpt {

struct ExpectedTensor {
    std::string name; // canonical (transformers 4.4x) name
    std::vector<std::int64_t> shape;
};

// Every tensor the model uses (lm_head is not required when tie_word_embeddings is true).
std::vector<ExpectedTensor> expectedTensors(const ModelConfig &config);

// Tensors a checkpoint may carry that Leopard never uses: SigLIP's MAP pooling head
// (vision_tower.vision_model.head.*) and the rotary inv_freq buffers older exports saved.
bool isKnownUnused(const std::string &canonicalName);

// The two layouts: transformers 4.4x writes `language_model.model.*`, `language_model.lm_head.*`,
// `vision_tower.*`, `multi_modal_projector.*`; newer transformers write `model.language_model.*`,
// `lm_head.*`, `model.vision_tower.*`, `model.multi_modal_projector.*`.
enum class NameLayout { Legacy, Modern };
const char *layoutName(NameLayout layout);

struct CanonicalName {
    std::string name;
    NameLayout layout;
};
// Maps a stored name onto the canonical layout; nullopt when it fits neither layout.
std::optional<CanonicalName> canonicalName(const std::string &stored);

} // namespace leopard::ckpt
