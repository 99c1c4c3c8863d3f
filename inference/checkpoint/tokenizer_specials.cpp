#include "inference/checkpoint/tokenizer_specials.h"
#include "inference/checkpoint/error.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <tuple>

namespace leopard::ckpt {
namespace {

std::optional<nlohmann::json> readJson(const std::string &path, bool required)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (required)
            fail(path, "missing");
        return std::nullopt;
    }
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception &e) {
        fail(path, std::string("not valid JSON: ") + e.what());
    }
}

// special_tokens_map.json writes {"bos_token": {"content": ...}} or {"bos_token": "..."}.
std::string tokenText(const nlohmann::json &j, const char *key)
{
    if (!j.is_object() || !j.contains(key))
        return {};
    const nlohmann::json &v = j[key];
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_object() && v.contains("content") && v["content"].is_string())
        return v["content"].get<std::string>();
    return {};
}

} // namespace

TokenizerSpecials TokenizerSpecials::read(const std::string &dir)
{
    const std::string path = dir + "/tokenizer.json";
    const nlohmann::json tj = *readJson(path, true);
    TokenizerSpecials s;
    if (!tj.contains("added_tokens") || !tj["added_tokens"].is_array())
        fail(path, "no added_tokens list");
    for (const nlohmann::json &t : tj["added_tokens"]) {
        if (!t.is_object() || !t.contains("id") || !t["id"].is_number_integer() || !t.contains("content") ||
            !t["content"].is_string())
            fail(path, "malformed added_tokens entry " + t.dump());
        s.addedTokens[t["content"].get<std::string>()] = t["id"].get<std::int64_t>();
    }
    if (tj.contains("model") && tj["model"].is_object() && tj["model"].contains("vocab") &&
        tj["model"]["vocab"].is_object())
        s.baseVocabSize = static_cast<std::int64_t>(tj["model"]["vocab"].size());

    // Which added tokens are BOS/EOS/pad: special_tokens_map.json wins over tokenizer_config.json
    // (as in transformers, which reads both and lets the map override).
    const auto config = readJson(dir + "/tokenizer_config.json", false);
    const auto map = readJson(dir + "/special_tokens_map.json", false);
    auto pick = [&](const char *key) {
        std::string text = map ? tokenText(*map, key) : std::string();
        if (text.empty() && config)
            text = tokenText(*config, key);
        return text;
    };
    auto idOf = [&](const std::string &text) -> std::optional<std::int64_t> {
        const auto it = s.addedTokens.find(text);
        return it == s.addedTokens.end() ? std::nullopt : std::optional<std::int64_t>(it->second);
    };
    s.bosText = pick("bos_token");
    s.eosText = pick("eos_token");
    s.padText = pick("pad_token");
    for (auto [text, id, key] : {std::tuple{&s.bosText, &s.bos, "bos_token"}, std::tuple{&s.eosText, &s.eos, "eos_token"},
                                 std::tuple{&s.padText, &s.pad, "pad_token"}}) {
        if (text->empty())
            continue;
        *id = idOf(*text);
        if (!*id)
            fail(path, std::string(key) + " '" + *text + "' is not among the added tokens");
    }
    s.imageToken = idOf(kImageTokenText);
    s.endOfText = idOf("<|end_of_text|>");
    s.eotId = idOf("<|eot_id|>");
    return s;
}

void TokenizerSpecials::checkAgainst(const ModelConfig &config, const std::string &dir) const
{
    const std::string path = dir + "/tokenizer.json";
    if (!imageToken)
        fail(path, std::string("has no ") + kImageTokenText + " (the image token of Leopard's prompt)");
    if (*imageToken != config.imageTokenIndex)
        fail(dir + "/config.json", "image_token_index is " + std::to_string(config.imageTokenIndex) +
                                       " but the tokenizer gives " + kImageTokenText + " the id " +
                                       std::to_string(*imageToken) +
                                       " (a Llama 3.1-numbered tokenizer? Leopard uses Llama 3 instruct numbering)");
    if (config.imageTokenIndex >= config.text.vocabSize)
        fail(dir + "/config.json", "image_token_index " + std::to_string(config.imageTokenIndex) +
                                       " lies outside the " + std::to_string(config.text.vocabSize) + "-row embedding");
    if (!eotId && !endOfText)
        fail(path, "has neither <|eot_id|> nor <|end_of_text|>: generation could never stop");
}

nlohmann::json TokenizerSpecials::summary() const
{
    auto opt = [](const std::optional<std::int64_t> &v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
    nlohmann::json j;
    j["added_tokens"] = addedTokens.size();
    j["base_vocab"] = baseVocabSize;
    j["bos"] = {{"token", bosText}, {"id", opt(bos)}};
    j["eos"] = {{"token", eosText}, {"id", opt(eos)}};
    j["pad"] = {{"token", padText}, {"id", opt(pad)}};
    j["image_token"] = {{"token", kImageTokenText}, {"id", opt(imageToken)}};
    j["end_of_text"] = opt(endOfText);
    j["eot_id"] = opt(eotId);
    return j;
}

} // namespace leopard::ckpt
