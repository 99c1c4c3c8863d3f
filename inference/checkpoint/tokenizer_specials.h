#pragma once
// The special token ids of a model directory, read from its tokenizer files (never assumed):
// tokenizer.json's `added_tokens`, and which of them are BOS / EOS / pad according to
// special_tokens_map.json (or tokenizer_config.json). This is what `inspect` needs; the full BPE
// tokenizer lives in inference/tokenizer/.
#include "inference/checkpoint/model_config.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace leopard::ckpt {

// The token Leopard's prompt repeats once per image tile; config.json's image_token_index must be its id.
inline constexpr const char *kImageTokenText = "<|reserved_special_token_195|>";

struct TokenizerSpecials {
    std::map<std::string, std::int64_t> addedTokens; // content -> id (tokenizer.json added_tokens)
    std::int64_t baseVocabSize = 0;                  // entries of model.vocab
    std::optional<std::int64_t> bos, eos, pad;       // from special_tokens_map.json / tokenizer_config.json
    std::string bosText, eosText, padText;
    std::optional<std::int64_t> imageToken;          // id of <|reserved_special_token_195|>
    std::optional<std::int64_t> endOfText, eotId;    // <|end_of_text|>, <|eot_id|>: generation stops there

    // Reads DIR/tokenizer.json (+ special_tokens_map.json, tokenizer_config.json when present).
    static TokenizerSpecials read(const std::string &dir);
    // config.json's image_token_index must be the tokenizer's id of the image token, and inside the
    // embedding matrix; throws CheckpointError otherwise.
    void checkAgainst(const ModelConfig &config, const std::string &dir) const;
    nlohmann::json summary() const;
};

} // namespace leopard::ckpt
