#pragma once
// What a loaded tokenizer.json becomes (shared, immutable). Private to inference/tokenizer.
#include "inference/tokenizer/added_tokens.h"
#include "inference/tokenizer/bpe.h"
#include "inference/tokenizer/hash_tables.h"
#include "inference/tokenizer/tokenizer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace leopard {

struct Tokenizer::Impl {
    std::string source; // the file, for messages

    tokenizer_detail::BpeModel bpe;
    // Added tokens with normalized=false are cut out of the text first, then those with
    // normalized=true (AddedVocabulary's two passes; there is no normalizer in between here).
    tokenizer_detail::AddedTokenMatcher rawAddedTokens;
    tokenizer_detail::AddedTokenMatcher normalizedAddedTokens;

    // Per id (index = id): vocabulary string, decoded bytes, whether the id exists and is special.
    std::vector<std::string> strings;
    std::vector<std::string> bytes;
    std::vector<std::uint8_t> known;
    std::vector<std::uint8_t> special;
    tokenizer_detail::ByteStringMap stringToId; // added tokens first, so they win over the model's

    bool cleanUpSpaces = false; // tokenizer_config.json clean_up_tokenization_spaces

    std::vector<std::int32_t> prefix; // post-processor template around $A
    std::vector<std::int32_t> suffix;

    void encodeText(const unsigned char *s, std::size_t n, std::vector<std::int32_t> &out) const;
    bool usable(std::int32_t id, bool skipSpecial) const
    {
        return id >= 0 && std::size_t(id) < known.size() && known[id] && !(skipSpecial && special[id]);
    }

private:
    void encodeWithoutRawAdded(const unsigned char *s, std::size_t from, std::size_t to,
                               std::vector<std::int32_t> &out) const;
    void encodePlain(const unsigned char *s, std::size_t from, std::size_t to, std::vector<std::int32_t> &out) const;
};

} // namespace leopard
