#pragma once
// The Llama 3.1 text decoder (README item 20): RMSNorm in fp32, rotate_half RoPE on q and k (keys
// cached after RoPE), grouped-query attention with an fp32 softmax and causal masking, SwiGLU MLP,
// final norm, untied lm_head without bias. One sequence at a time (no batch dimension).
#include "inference/checkpoint/model_config.h"

#include <cstdint>
#include <vector>

namespace at {
class Tensor;
}

namespace leopard {
class LoadedWeights;
namespace model {

class KvCache;

// Reads the attention weights (after the softmax) of the last query position of a decoderForward
// call, the one whose logits pick the next token: where the answer looks (attention_maps.h). Only
// read, never changed, so the logits are the same with or without a tap.
struct AttentionTap {
    std::int64_t firstLayer = 0, lastLayer = -1;  // the layers added to `sum`, inclusive
    at::Tensor *sum = nullptr;                    // fp32 [heads, n]: += those layers' weights of keys 0 .. n-1
    std::vector<at::Tensor> *rows = nullptr;      // every layer's weights, fp32 [heads, keys], appended (tests)
};

// Rows of language_model.model.embed_tokens for ids [T] (int64, any device) -> [T, hidden].
at::Tensor embedTokens(const LoadedWeights &w, const at::Tensor &ids);

// Runs `embeds` [T, hidden] at positions cache.length() .. +T-1 through every layer, storing their
// keys/values in `cache` (advanced by T), and returns the final-normed hidden states [T, hidden].
// invFreq: ropeInvFreq() on the weights' device. tap: see AttentionTap (null: none).
at::Tensor decoderForward(const LoadedWeights &w, const ckpt::TextConfig &cfg, const at::Tensor &invFreq,
                          const at::Tensor &embeds, KvCache &cache, const AttentionTap *tap = nullptr);

// lm_head over hidden [.., hidden] -> fp32 logits [.., vocab].
at::Tensor lmHeadLogits(const LoadedWeights &w, const at::Tensor &hidden);

inline constexpr const char *kTextPrefix = "language_model.model.";

} // namespace model
} // namespace leopard
