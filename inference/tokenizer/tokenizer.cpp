// Encoding and decoding; loading is in tokenizer_loader.cpp.
#include "inference/tokenizer/tokenizer.h"

#include "inference/tokenizer/pretokenizer.h"
#include "inference/tokenizer/tokenizer_impl.h"
#include "inference/tokenizer/utf8.h"

namespace leopard {

using namespace tokenizer_detail;

void Tokenizer::Impl::encodePlain(const unsigned char *s, std::size_t from, std::size_t to,
                                  std::vector<std::int32_t> &out) const
{
    for (std::size_t pos = from; pos < to;) {
        const std::size_t end = llama3PieceEnd(s, pos, to);
        bpe.encodeWord(s + pos, end - pos, out);
        pos = end;
    }
}

void Tokenizer::Impl::encodeWithoutRawAdded(const unsigned char *s, std::size_t from, std::size_t to,
                                            std::vector<std::int32_t> &out) const
{
    AddedTokenMatcher::Match m;
    std::size_t pos = from;
    while (normalizedAddedTokens.find(s, pos, to, m)) {
        encodePlain(s, pos, m.begin, out);
        out.push_back(m.id);
        pos = m.end;
    }
    encodePlain(s, pos, to, out);
}

void Tokenizer::Impl::encodeText(const unsigned char *s, std::size_t n, std::vector<std::int32_t> &out) const
{
    AddedTokenMatcher::Match m;
    std::size_t pos = 0;
    while (rawAddedTokens.find(s, pos, n, m)) {
        encodeWithoutRawAdded(s, pos, m.begin, out);
        out.push_back(m.id);
        pos = m.end;
    }
    encodeWithoutRawAdded(s, pos, n, out);
}

std::vector<std::int32_t> Tokenizer::encode(std::string_view text, bool addSpecialTokens) const
{
    std::string repaired;
    if (!isValidUtf8(text)) {
        repaired = utf8Lossy(text);
        text = repaired;
    }
    std::vector<std::int32_t> ids;
    ids.reserve(text.size() / 3 + 4);
    if (addSpecialTokens)
        ids = impl_->prefix;
    impl_->encodeText(reinterpret_cast<const unsigned char *>(text.data()), text.size(), ids);
    if (addSpecialTokens)
        ids.insert(ids.end(), impl_->suffix.begin(), impl_->suffix.end());
    return ids;
}

std::string Tokenizer::decode(const std::vector<std::int32_t> &ids, bool skipSpecialTokens) const
{
    std::string bytes;
    for (const std::int32_t id : ids) {
        if (impl_->usable(id, skipSpecialTokens))
            bytes += impl_->bytes[id];
    }
    return utf8Lossy(bytes);
}

std::optional<std::int32_t> Tokenizer::tokenId(std::string_view token) const
{
    const std::int32_t id =
        impl_->stringToId.find(reinterpret_cast<const unsigned char *>(token.data()), token.size());
    if (id < 0)
        return std::nullopt;
    return id;
}

std::optional<std::string> Tokenizer::tokenString(std::int32_t id) const
{
    if (!impl_->usable(id, false))
        return std::nullopt;
    return impl_->strings[id];
}

bool Tokenizer::isSpecial(std::int32_t id) const { return impl_->usable(id, false) && impl_->special[id]; }

std::int32_t Tokenizer::idLimit() const { return static_cast<std::int32_t>(impl_->known.size()); }

const std::vector<std::int32_t> &Tokenizer::prefixIds() const { return impl_->prefix; }

const std::vector<std::int32_t> &Tokenizer::suffixIds() const { return impl_->suffix; }

bool Tokenizer::cleanUpTokenizationSpaces() const { return impl_->cleanUpSpaces; }

const std::string &Tokenizer::tokenBytes(std::int32_t id) const
{
    static const std::string none;
    return impl_->usable(id, false) ? impl_->bytes[id] : none;
}

std::string cleanUpTokenizationSpaces(std::string text)
{
    static const std::pair<std::string_view, std::string_view> kRules[] = {
        {" .", "."}, {" ?", "?"}, {" !", "!"}, {" ,", ","}, {" ' ", "'"},
        {" n't", "n't"}, {" 'm", "'m"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"},
    };
    for (const auto &[from, to] : kRules) {
        std::string out;
        out.reserve(text.size());
        std::size_t pos = 0;
        for (std::size_t hit; (hit = text.find(from, pos)) != std::string::npos; pos = hit + from.size())
            out.append(text, pos, hit - pos).append(to);
        out.append(text, pos, std::string::npos);
        text = std::move(out);
    }
    return text;
}

} // namespace leopard
