#include "inference/tokenizer/added_tokens.h"

namespace leopard::tokenizer_detail {

std::int32_t AddedTokenMatcher::child(std::int32_t node, unsigned char byte) const
{
    for (const auto &[b, next] : nodes_[node].children) {
        if (b == byte)
            return next;
    }
    return -1;
}

void AddedTokenMatcher::add(std::string_view content, std::int32_t id)
{
    if (content.empty())
        return; // an empty token never matches
    std::int32_t node = 0;
    for (const char c : content) {
        const auto byte = static_cast<unsigned char>(c);
        std::int32_t next = child(node, byte);
        if (next < 0) {
            next = static_cast<std::int32_t>(nodes_.size());
            nodes_[node].children.emplace_back(byte, next);
            nodes_.emplace_back();
        }
        node = next;
    }
    if (nodes_[node].id < 0) // the same content twice: the first entry wins
        nodes_[node].id = id;
    firstBytes_.set(static_cast<unsigned char>(content.front()));
}

bool AddedTokenMatcher::find(const unsigned char *s, std::size_t from, std::size_t n, Match &match) const
{
    if (empty())
        return false;
    for (std::size_t start = from; start < n; ++start) {
        if (!firstBytes_.test(s[start]))
            continue;
        std::int32_t node = 0;
        std::int32_t bestId = -1;
        std::size_t bestEnd = 0;
        for (std::size_t i = start; i < n; ++i) {
            node = child(node, s[i]);
            if (node < 0)
                break;
            if (nodes_[node].id >= 0) {
                bestId = nodes_[node].id;
                bestEnd = i + 1;
            }
        }
        if (bestId >= 0) {
            match = Match{start, bestEnd, bestId};
            return true;
        }
    }
    return false;
}

} // namespace leopard::tokenizer_detail
