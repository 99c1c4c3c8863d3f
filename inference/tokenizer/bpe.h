#pragma once
// Byte-level BPE as Hugging Face `tokenizers` runs it (models/bpe): a pre-token's bytes become one
// symbol each, then the pair with the lowest merge rank is merged, leftmost first on equal ranks,
// until no pair has a merge. With `ignore_merges` a pre-token that is itself in the vocabulary is
// emitted whole first. Tokens are keyed by the raw bytes they stand for, so the text never has to be
// mapped to the byte-to-unicode alphabet on the hot path.
#include "inference/tokenizer/hash_tables.h"

#include <cstdint>
#include <string>
#include <vector>

namespace leopard::tokenizer_detail {

class BpeModel {
public:
    // Vocabulary entry: id and the raw bytes of the token. Entries must cover all 256 single bytes.
    void addToken(std::string_view bytes, std::int32_t id) { vocab_.insert(bytes, id); }
    void reserveTokens(std::size_t count) { vocab_.reserve(count); }
    void reserveMerges(std::size_t count) { merges_.reserve(count); }
    // rank = position in the merges list; false if one of the three tokens is not in the vocabulary.
    bool addMerge(std::string_view left, std::string_view right, std::uint32_t rank);
    void setIgnoreMerges(bool on) { ignoreMerges_ = on; }
    // The id of each single byte, or the first byte that has none.
    int finishSingleBytes();

    std::int32_t find(std::string_view bytes) const
    {
        return vocab_.find(reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
    }

    // Appends the ids of the pre-token s[0..n) to out.
    void encodeWord(const unsigned char *s, std::size_t n, std::vector<std::int32_t> &out) const
    {
        if (n == 1) {
            out.push_back(byteIds_[s[0]]);
            return;
        }
        if (ignoreMerges_) {
            const std::int32_t id = vocab_.find(s, n);
            if (id >= 0) {
                out.push_back(id);
                return;
            }
        }
        mergeWord(s, n, out);
    }

private:
    void mergeWord(const unsigned char *s, std::size_t n, std::vector<std::int32_t> &out) const;

    ByteStringMap vocab_;
    PairMap merges_;
    std::int32_t byteIds_[256] = {};
    bool ignoreMerges_ = false;
    std::string joinBuffer_; // loading only
};

} // namespace leopard::tokenizer_detail
