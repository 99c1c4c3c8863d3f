// Reads tokenizer.json into Tokenizer::Impl, refusing every option this tokenizer does not implement
// (so a different tokenizer never silently gives different ids).
#include "inference/tokenizer/tokenizer.h"

#include "inference/tokenizer/byte_level.h"
#include "inference/tokenizer/pretokenizer.h"
#include "inference/tokenizer/tokenizer_impl.h"
#include "inference/tokenizer/utf8.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace leopard {

using namespace tokenizer_detail;
using nlohmann::json;

namespace {

[[noreturn]] void fail(const std::string &source, const std::string &what)
{
    throw TokenizerError(source + ": " + what);
}

bool isNullOrAbsent(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it == object.end() || it->is_null();
}

bool flag(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

std::string typeOf(const json &object)
{
    const auto it = object.find("type");
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string("(none)");
}

// A json value that must be an object; "what" names it in the message.
const json &objectAt(const std::string &source, const json &parent, const char *key, const char *what)
{
    const auto it = parent.find(key);
    if (it == parent.end() || !it->is_object())
        fail(source, std::string(what) + " (\"" + key + "\") is missing or not an object");
    return *it;
}

void checkModel(const std::string &source, const json &model)
{
    if (typeOf(model) != "BPE")
        fail(source, "unsupported model type '" + typeOf(model) + "' (only BPE)");
    if (!isNullOrAbsent(model, "dropout"))
        fail(source, "BPE dropout is not supported");
    if (flag(model, "byte_fallback"))
        fail(source, "BPE byte_fallback is not supported");
    for (const char *key : {"continuing_subword_prefix", "end_of_word_suffix"}) {
        const auto it = model.find(key);
        if (it != model.end() && !it->is_null() && !(it->is_string() && it->get<std::string>().empty()))
            fail(source, std::string("BPE ") + key + " is not supported");
    }
}

void checkPreTokenizer(const std::string &source, const json &root)
{
    const json &pre = objectAt(source, root, "pre_tokenizer", "the pre-tokenizer");
    const std::string expected =
        "Sequence[Split(Llama 3 regex, Isolated), ByteLevel(add_prefix_space=false, use_regex=false)]";
    const auto unsupported = [&](const std::string &why) {
        fail(source, "unsupported pre-tokenizer (" + why + "); only " + expected + " is implemented");
    };
    if (typeOf(pre) != "Sequence" || !pre.contains("pretokenizers") || !pre["pretokenizers"].is_array()
        || pre["pretokenizers"].size() != 2)
        unsupported("type " + typeOf(pre));
    const json &split = pre["pretokenizers"][0];
    const json &byteLevel = pre["pretokenizers"][1];
    if (typeOf(split) != "Split")
        unsupported("first step " + typeOf(split));
    const auto pattern = split.find("pattern");
    if (pattern == split.end() || !pattern->is_object() || !pattern->contains("Regex")
        || !(*pattern)["Regex"].is_string() || (*pattern)["Regex"].get<std::string>() != kLlama3SplitPattern)
        unsupported("a Split pattern other than Llama 3's");
    if (split.value("behavior", std::string()) != "Isolated" || flag(split, "invert"))
        unsupported("Split behavior other than Isolated");
    if (typeOf(byteLevel) != "ByteLevel" || flag(byteLevel, "add_prefix_space") || flag(byteLevel, "use_regex"))
        unsupported("second step " + typeOf(byteLevel) + " with these options");
}

void checkDecoder(const std::string &source, const json &root)
{
    const json &decoder = objectAt(source, root, "decoder", "the decoder");
    if (typeOf(decoder) != "ByteLevel")
        fail(source, "unsupported decoder '" + typeOf(decoder) + "' (only ByteLevel)");
}

// Post-processor: TemplateProcessing (its "single" template), optionally in a Sequence with ByteLevel
// (which only moves offsets), or none.
void readPostProcessor(const std::string &source, const json &root, Tokenizer::Impl &impl)
{
    if (isNullOrAbsent(root, "post_processor"))
        return;
    const json &pp = root["post_processor"];
    std::vector<const json *> steps;
    if (typeOf(pp) == "Sequence" && pp.contains("processors") && pp["processors"].is_array()) {
        for (const json &p : pp["processors"])
            steps.push_back(&p);
    } else {
        steps.push_back(&pp);
    }
    bool haveTemplate = false;
    for (const json *step : steps) {
        const std::string type = typeOf(*step);
        if (type == "ByteLevel")
            continue;
        if (type != "TemplateProcessing" || haveTemplate)
            fail(source, "unsupported post-processor '" + type + "' (only TemplateProcessing and ByteLevel)");
        haveTemplate = true;
        const auto single = step->find("single");
        const auto specials = step->find("special_tokens");
        if (single == step->end() || !single->is_array() || specials == step->end() || !specials->is_object())
            fail(source, "TemplateProcessing without a \"single\" template or \"special_tokens\"");
        bool seenSequence = false;
        for (const json &piece : *single) {
            if (piece.contains("Sequence")) {
                if (seenSequence)
                    fail(source, "TemplateProcessing \"single\" names the sequence twice");
                seenSequence = true;
            } else if (piece.contains("SpecialToken") && piece["SpecialToken"].contains("id")) {
                const std::string name = piece["SpecialToken"]["id"].get<std::string>();
                const auto entry = specials->find(name);
                if (entry == specials->end() || !entry->contains("ids") || !(*entry)["ids"].is_array())
                    fail(source, "TemplateProcessing uses special token '" + name + "' without ids");
                for (const json &id : (*entry)["ids"])
                    (seenSequence ? impl.suffix : impl.prefix).push_back(id.get<std::int32_t>());
            } else {
                fail(source, "TemplateProcessing \"single\" has an entry that is neither Sequence nor SpecialToken");
            }
        }
        if (!seenSequence)
            fail(source, "TemplateProcessing \"single\" has no $A");
    }
}

void growTo(Tokenizer::Impl &impl, std::int32_t id)
{
    if (std::size_t(id) >= impl.known.size()) {
        const std::size_t n = std::size_t(id) + 1;
        impl.strings.resize(n);
        impl.bytes.resize(n);
        impl.known.resize(n, 0);
        impl.special.resize(n, 0);
    }
}

void setEntry(Tokenizer::Impl &impl, std::int32_t id, const std::string &content, bool special)
{
    growTo(impl, id);
    impl.strings[id] = content;
    impl.bytes[id] = byteLevelDecodeToken(content);
    impl.known[id] = 1;
    impl.special[id] = special ? 1 : 0;
}

std::string readWholeFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw TokenizerError(path + ": cannot open (" + std::strerror(errno) + ")");
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad())
        throw TokenizerError(path + ": read error");
    return content.str();
}

std::shared_ptr<Tokenizer::Impl> loadTokenizerJson(std::string_view text, const std::string &source)
{
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::exception &e) {
        fail(source, std::string("not valid JSON: ") + e.what());
    }
    if (!root.is_object())
        fail(source, "not a tokenizer.json (the top level is not an object)");

    auto impl = std::make_shared<Tokenizer::Impl>();
    impl->source = source;
    try {
        if (!isNullOrAbsent(root, "normalizer"))
            fail(source, "unsupported normalizer '" + typeOf(root["normalizer"]) + "' (only none)");
        if (!isNullOrAbsent(root, "truncation") || !isNullOrAbsent(root, "padding"))
            fail(source, "truncation/padding settings are not supported");
        const json &model = objectAt(source, root, "model", "the model");
        checkModel(source, model);
        checkPreTokenizer(source, root);
        checkDecoder(source, root);
        readPostProcessor(source, root, *impl);

        // Added tokens: registered first so that tokenId() prefers them, as Hugging Face's
        // token_to_id does.
        const auto added = root.find("added_tokens");
        if (added != root.end() && !added->is_array())
            fail(source, "\"added_tokens\" is not an array");
        std::vector<std::pair<std::string, std::int32_t>> specialContents;
        if (added != root.end()) {
            for (const json &t : *added) {
                if (!t.is_object() || !t.contains("id") || !t.contains("content") || !t["content"].is_string())
                    fail(source, "an added token lacks \"id\" or \"content\"");
                const auto id = t["id"].get<std::int32_t>();
                const std::string content = t["content"].get<std::string>();
                if (id < 0)
                    fail(source, "added token '" + content + "' has a negative id");
                if (flag(t, "lstrip") || flag(t, "rstrip") || flag(t, "single_word"))
                    fail(source, "added token '" + content + "' uses lstrip/rstrip/single_word (not supported)");
                const bool special = flag(t, "special");
                setEntry(*impl, id, content, special);
                impl->stringToId.insert(content, id);
                (flag(t, "normalized") ? impl->normalizedAddedTokens : impl->rawAddedTokens).add(content, id);
            }
        }

        const json &vocab = objectAt(source, model, "vocab", "the BPE vocabulary");
        impl->bpe.reserveTokens(vocab.size());
        impl->stringToId.reserve(vocab.size() + 512);
        for (const auto &[token, idValue] : vocab.items()) {
            if (!idValue.is_number_integer() || idValue.get<std::int64_t>() < 0)
                fail(source, "vocabulary entry '" + token + "' has no valid id");
            const auto id = idValue.get<std::int32_t>();
            if (std::size_t(id) >= impl->known.size() || !impl->known[id])
                setEntry(*impl, id, token, false);
            impl->stringToId.insert(token, id);
            std::string bytes;
            if (byteLevelToBytes(token, bytes)) // other strings can never come out of byte-level BPE
                impl->bpe.addToken(bytes, id);
        }
        const int missingByte = impl->bpe.finishSingleBytes();
        if (missingByte >= 0)
            fail(source, "the vocabulary has no token for byte " + std::to_string(missingByte)
                             + " (not a byte-level BPE vocabulary)");

        const auto merges = model.find("merges");
        if (merges == model.end() || !merges->is_array())
            fail(source, "\"model.merges\" is missing or not an array");
        impl->bpe.reserveMerges(merges->size());
        std::uint32_t rank = 0;
        std::string leftBytes, rightBytes; // reused: 280k merges, no allocation each
        for (const json &m : *merges) {
            std::string_view left, right;
            if (m.is_string()) {
                const std::string_view line = m.get_ref<const std::string &>();
                const std::size_t space = line.find(' ');
                if (space == std::string::npos || line.find(' ', space + 1) != std::string::npos)
                    fail(source, "merge " + std::to_string(rank + 1) + " is not two tokens: '" + std::string(line) + "'");
                left = line.substr(0, space);
                right = line.substr(space + 1);
            } else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
                left = m[0].get_ref<const std::string &>();
                right = m[1].get_ref<const std::string &>();
            } else {
                fail(source, "merge " + std::to_string(rank + 1) + " is neither \"a b\" nor [a, b]");
            }
            leftBytes.clear();
            rightBytes.clear();
            const bool inAlphabet = byteLevelToBytes(left, leftBytes) && byteLevelToBytes(right, rightBytes);
            if (!inAlphabet || !impl->bpe.addMerge(leftBytes, rightBytes, rank)) {
                const std::string l(left), r(right);
                if (!vocab.contains(l) || !vocab.contains(r) || !vocab.contains(l + r))
                    fail(source, "merge " + std::to_string(rank + 1) + " ('" + l + " " + r
                                     + "') uses a token that is not in the vocabulary");
                // Otherwise it involves strings outside the byte alphabet: it can never apply.
            }
            ++rank;
        }
        impl->bpe.setIgnoreMerges(flag(model, "ignore_merges"));

        // Hugging Face decides "special" by content: any id whose string is a special added token.
        for (std::size_t id = 0; id < impl->known.size(); ++id) {
            if (!impl->known[id] || impl->special[id])
                continue;
            const std::int32_t owner = impl->stringToId.find(
                reinterpret_cast<const unsigned char *>(impl->strings[id].data()), impl->strings[id].size());
            if (owner >= 0 && std::size_t(owner) != id && impl->special[owner])
                impl->special[id] = 1;
        }
        for (const std::int32_t id : impl->prefix)
            if (id < 0 || std::size_t(id) >= impl->known.size() || !impl->known[id])
                fail(source, "the post-processor adds id " + std::to_string(id) + ", which is not a token");
        for (const std::int32_t id : impl->suffix)
            if (id < 0 || std::size_t(id) >= impl->known.size() || !impl->known[id])
                fail(source, "the post-processor adds id " + std::to_string(id) + ", which is not a token");
    } catch (const json::exception &e) {
        fail(source, std::string("unexpected JSON structure: ") + e.what());
    }
    return impl;
}

// tokenizer_config.json is optional (transformers' defaults apply without it); when present it must
// be valid.
void readTokenizerConfig(const std::string &path, Tokenizer::Impl &impl)
{
    std::ifstream probe(path, std::ios::binary);
    if (!probe)
        return;
    json config;
    try {
        config = json::parse(readWholeFile(path));
    } catch (const json::exception &e) {
        fail(path, std::string("not valid JSON: ") + e.what());
    }
    if (!config.is_object())
        fail(path, "not a tokenizer_config.json (the top level is not an object)");
    const auto it = config.find("clean_up_tokenization_spaces");
    if (it != config.end() && !it->is_boolean() && !it->is_null())
        fail(path, "clean_up_tokenization_spaces is not true/false");
    impl.cleanUpSpaces = it != config.end() && it->is_boolean() && it->get<bool>();
}

} // namespace

Tokenizer Tokenizer::fromDirectory(const std::string &dir)
{
    const std::string path = dir + "/tokenizer.json";
    std::shared_ptr<Impl> impl = loadTokenizerJson(readWholeFile(path), path);
    readTokenizerConfig(dir + "/tokenizer_config.json", *impl);
    return Tokenizer(std::move(impl));
}

Tokenizer Tokenizer::fromFile(const std::string &path)
{
    return Tokenizer(loadTokenizerJson(readWholeFile(path), path));
}

Tokenizer Tokenizer::fromJson(std::string_view text, const std::string &source)
{
    return Tokenizer(loadTokenizerJson(text, source));
}

} // namespace leopard
