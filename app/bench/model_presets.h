#pragma once
// The model sizes leopard-bench can write (random weights, the published format, the real tokenizer),
// so speed is measured on real shapes without the 17 GB download:
//   tiny   - the demo model's shapes (64-wide), for tests of the tool itself;
//   small  - real SigLIP-so400m and Llama-3.1-8B widths (vision 1152 / 16 heads / 4304 MLP, text
//            4096 / 32 heads / 8 KV heads / 14336 MLP / vocab 128256), 2 vision + 2 text layers (~1.5 B
//            parameters, 1.05 B of them the two 128256-row tables);
//   medium - text as Llama 3.2 1B (2048 hidden, 16 layers, 32 heads, 8 KV heads, 8192 MLP, vocab
//            128256, lm_head untied: 1.5 B) and 4 real-width SigLIP layers (62 M).
#include "inference/checkpoint/tiny_checkpoint.h"

#include <string>
#include <vector>

namespace leopard::bench {

struct ModelPreset {
    std::string name;
    std::string description;
    ckpt::TinySpec spec;
};

std::vector<ModelPreset> modelPresets();
// nullptr when no preset has that name.
const ModelPreset *findPreset(const std::string &name);

// Parameters the spec's checkpoint holds (all tensors the model uses), for the size line.
double presetParameters(const ckpt::TinySpec &spec);

} // namespace leopard::bench
