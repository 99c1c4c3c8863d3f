#pragma once
// A complete tiny Leopard-LLaVA model directory in the published on-disk format, following
// reference/model/make_tiny.py: config.json with the real structure and small sizes, two torch.save
// shards (an OrderedDict, then a plain dict) mixing bf16 and fp16, pytorch_model.bin.index.json, and
// the real Llama 3 instruct tokenizer files plus Leopard's added tokens.
//
// Values come from a counter-based generator (splitmix64 per tensor, seeded from crc32(name) ^ seed)
// with normal deviates as a sum of uniforms (only +, *, sqrt: bit-identical on every platform), with
// make_tiny.py's scales: Linear ~ N(0, 1/fan_in), norm weights 1 + 0.1 N, biases 0.1 N, embeddings
// N(0, 0.5^2), lm_head rows of norm 4. Not make_tiny.py's numbers (those need numpy's RandomState).
#include <cstdint>
#include <functional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace leopard::ckpt {

struct TinySpec {
    std::int64_t visionHidden = 64, visionLayers = 2, visionHeads = 4, visionIntermediate = 128;
    std::int64_t imageSize = 364, patchSize = 14;
    std::int64_t textHidden = 64, textLayers = 2, textHeads = 4, textKvHeads = 2, textIntermediate = 160;
    std::int64_t vocabSize = 128256;
    std::int64_t imageTokenIndex = 128200;
    std::uint32_t seed = 20241030;
    bool siglipHead = true;    // write the unused SigLIP MAP head (make_tiny.py's default)
    bool leopardTokens = true; // add pad <unk> + the 11 Leopard tokens to the tokenizer
};

nlohmann::json tinyConfig(const TinySpec &spec);

// Writes the directory (created if needed; files overwritten). `tokenizerDir` holds the Llama 3
// instruct tokenizer.json + tokenizer_config.json. `log` (optional) receives one line per file.
void writeTinyCheckpoint(const std::string &outDir, const std::string &tokenizerDir, const TinySpec &spec,
                         const std::function<void(const std::string &)> &log = {});

} // namespace leopard::ckpt
