#pragma once
// Finds added tokens (e.g. "<|eot_id|>") inside text the way Hugging Face's AddedVocabulary does:
// leftmost match, longest at that position (aho-corasick LeftmostLongest). A byte trie is enough for
// a few hundred tokens; a first-byte filter skips text that cannot start one.
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace leopard::tokenizer_detail {

class AddedTokenMatcher {
public:
    void add(std::string_view content, std::int32_t id);
    bool empty() const { return nodes_.size() == 1; }

    struct Match {
        std::size_t begin = 0;
        std::size_t end = 0;
        std::int32_t id = -1;
    };
    // The leftmost-longest match in s[from..n), if any.
    bool find(const unsigned char *s, std::size_t from, std::size_t n, Match &match) const;

private:
    struct Node {
        std::vector<std::pair<unsigned char, std::int32_t>> children;
        std::int32_t id = -1; // token ending here
    };
    std::int32_t child(std::int32_t node, unsigned char byte) const;
    std::vector<Node> nodes_ = std::vector<Node>(1);
    std::bitset<256> firstBytes_;
};

} // namespace leopard::tokenizer_detail
