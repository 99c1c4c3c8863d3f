#pragma once
// The text prompts of leopard-bench's prefill and decode stages, and `leopard-bench greedy`: the
// greedy ids the model generates after given prompt ids, as JSON. compare_llama_cpp.sh compares
// them with llama.cpp's on the same weights before it times anything (a peer that computes another
// function would make the timings meaningless).
//   leopard-bench greedy --model DIR [--dtype fp32] [--device cpu] [--threads N]
//                        [--prompt-ids 128000,791,...] [--prompt-tokens 32] [--new-tokens 16]
#include <QStringList>

#include <cstdint>
#include <cstdio>
#include <vector>

namespace leopard {
class LeopardModel;
struct GenerationOptions;
}

namespace leopard::bench {

// `count` ordinary text ids (no special, no image token), deterministic: <|begin_of_text|> then a
// 64-bit LCG over the first 128000 ids. app/bench/llama_cpp_peer.mjs builds the same sequence.
std::vector<std::int32_t> textPromptIds(const LeopardModel &model, std::int64_t count);

// Greedy generation of exactly `maxNew` ids: no stop id can end it early (the bench's stages, the
// same-function check and the fidelity measurement all need the full length).
GenerationOptions noStop(int maxNew);

void greedyUsage(FILE *out);
// Exit status as main's: 0 ok, 1 bad input, 2 usage.
int greedyCommand(const QStringList &args);

} // namespace leopard::bench
