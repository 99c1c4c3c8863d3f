#include "inference/tokenizer/tokenizer.h"

#include "inference/tokenizer/utf8.h"

namespace leopard {

using namespace tokenizer_detail;

IncrementalDecoder::IncrementalDecoder(const Tokenizer &tokenizer, bool skipSpecialTokens)
    : tokenizer_(tokenizer), skipSpecial_(skipSpecialTokens)
{
}

std::string IncrementalDecoder::push(std::int32_t id)
{
    if (skipSpecial_ && tokenizer_.isSpecial(id))
        return {};
    pending_ += tokenizer_.tokenBytes(id);
    // Hold back a trailing lead byte plus continuation bytes that could still become a character.
    // A lead byte is never swallowed by an ill-formed sequence before it, so decoding the rest now
    // gives exactly what decoding everything at the end would.
    const auto *s = reinterpret_cast<const unsigned char *>(pending_.data());
    const std::size_t n = pending_.size();
    std::size_t keepFrom = n;
    for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
        const std::size_t p = n - back;
        if (s[p] >= 0x80 && s[p] <= 0xBF)
            continue; // continuation byte: look further back
        bool incomplete = false;
        if (validSequenceLength(s + p, n - p, incomplete) == 0 && incomplete)
            keepFrom = p;
        break;
    }
    std::string out = utf8Lossy(std::string_view(pending_).substr(0, keepFrom));
    pending_.erase(0, keepFrom);
    return out;
}

std::string IncrementalDecoder::finish()
{
    std::string out = utf8Lossy(pending_);
    pending_.clear();
    return out;
}

} // namespace leopard
