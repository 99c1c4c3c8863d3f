#pragma once
// The Llama 3 tokenizer, giving exactly the ids Hugging Face `tokenizers` gives (checked against
// tokenizers 0.22.2 in tests/tokenizer). Reads a `tokenizer.json` of the kind Meta and Leopard ship:
// no normalizer; pre-tokenizer Split(Llama 3 regex, Isolated) + ByteLevel; byte-level BPE (with or
// without ignore_merges); added tokens; post-processor TemplateProcessing (BOS) with optional
// ByteLevel; ByteLevel decoder. Anything else is refused with a TokenizerError naming the file.
// Pure C++17: no Qt, no libtorch. A Tokenizer is immutable after loading, cheap to copy (shared
// state) and safe to use from several threads at once.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace leopard {

// Thrown when tokenizer files cannot be read or describe something this tokenizer does not do.
// what() names the file and the problem.
class TokenizerError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Tokenizer {
public:
    // `dir`/tokenizer.json.
    static Tokenizer fromDirectory(const std::string &dir);
    static Tokenizer fromFile(const std::string &path);
    // `source` only names the JSON in error messages.
    static Tokenizer fromJson(std::string_view json, const std::string &source);

    // Token ids of UTF-8 `text`. Added tokens (<|eot_id|>, ...) written in the text become their
    // single ids. With `addSpecialTokens` the post-processor's template applies (Llama 3: BOS in
    // front). Ill-formed UTF-8 is first replaced like Rust's String::from_utf8_lossy (U+FFFD).
    std::vector<std::int32_t> encode(std::string_view text, bool addSpecialTokens = true) const;

    // Text of `ids` as Hugging Face's decode(ids, skip_special_tokens): unknown ids are dropped,
    // byte sequences that are not UTF-8 become U+FFFD. No clean-up of spaces (see
    // cleanUpTokenizationSpaces for what transformers adds on top).
    std::string decode(const std::vector<std::int32_t> &ids, bool skipSpecialTokens = false) const;

    // Id of a token given by its vocabulary string (e.g. "<|eot_id|>", "Ġthe").
    std::optional<std::int32_t> tokenId(std::string_view token) const;
    // Vocabulary string of an id (as in tokenizer.json), if the id exists.
    std::optional<std::string> tokenString(std::int32_t id) const;
    bool isSpecial(std::int32_t id) const;
    // One past the largest id (model vocabulary and added tokens).
    std::int32_t idLimit() const;
    // The ids the post-processor puts around a single sequence (e.g. {128000}, {}).
    const std::vector<std::int32_t> &prefixIds() const;
    const std::vector<std::int32_t> &suffixIds() const;

    // tokenizer_config.json's clean_up_tokenization_spaces (false when there is no such file or key;
    // read by fromDirectory only). transformers' decode applies cleanUpTokenizationSpaces() when it
    // is set, which is how the reference turns generated ids into text (Llama 3: true).
    bool cleanUpTokenizationSpaces() const;

    // The bytes `id` contributes to decoded text (empty for an unknown id); may be part of a UTF-8
    // character.
    const std::string &tokenBytes(std::int32_t id) const;

    struct Impl;

private:
    explicit Tokenizer(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<const Impl> impl_;
    friend class IncrementalDecoder;
};

// Streams text out of ids one at a time (generation): push() returns only complete UTF-8
// characters, holding back the bytes of a character a token ends inside of, so nothing garbled is
// ever shown mid-stream. All push() results plus finish() equal Tokenizer::decode of the same ids.
class IncrementalDecoder {
public:
    explicit IncrementalDecoder(const Tokenizer &tokenizer, bool skipSpecialTokens = false);
    std::string push(std::int32_t id);
    // What is still held back (an unfinished character becomes U+FFFD); resets the decoder.
    std::string finish();

private:
    Tokenizer tokenizer_;
    bool skipSpecial_;
    std::string pending_;
};

// transformers' clean_up_tokenization_spaces (" ." -> ".", " n't" -> "n't", ...), which
// PreTrainedTokenizer.decode applies on top of the tokenizer when tokenizer_config.json asks for it.
std::string cleanUpTokenizationSpaces(std::string text);

} // namespace leopard
