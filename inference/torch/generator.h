#pragma once
// The generation loop: chunked prefill of the merged prompt embeddings into a preallocated KV
// cache, then one decoder step per token (greedy or sampled), stopping on the stop ids (emitted),
// after maxNewTokens, or when the cancel flag is set (checked between tokens and prefill chunks).
#include "inference/torch/leopard_model.h"

#include <vector>

namespace at {
class Tensor;
}

namespace leopard {
class LoadedWeights;
}

namespace leopard::model {

class KvCache;

// With GenerationOptions::attentionMaps: per position of the prompt (all turns, past + L), the
// attention weight the generated tokens' queries gave it, mean over tokens, heads and the chosen layers.
struct PromptAttention {
    std::vector<float> weights;
    int firstLayer = 0, lastLayer = -1, heads = 0, steps = 0;
};

// merged: [L, hidden] prompt embeddings (image rows spliced in), on the weights' device and dtype,
// continuing the positions already in `cache` (empty for a new prompt; a follow-up turn's new tokens
// otherwise). The cache is allocated or grown to hold the prompt and maxNewTokens; on return it holds
// every position that went through the decoder (the prompt and all generated ids but the last).
GenerationResult generateFromEmbeddings(const LoadedWeights &w, const ckpt::ModelConfig &cfg, const Tokenizer &tok,
                                        const at::Tensor &invFreq, const at::Tensor &merged, KvCache &cache,
                                        const GenerationOptions &options, PromptAttention *attention = nullptr);

// How many prompt positions one prefill chunk holds: its fp32 attention scores
// (heads x chunk x total) stay under ~256 MB whatever the prompt length; a multiple of 64.
std::int64_t prefillChunk(std::int64_t heads, std::int64_t totalLength);

} // namespace leopard::model
