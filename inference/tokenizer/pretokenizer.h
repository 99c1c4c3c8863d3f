#pragma once
// The Llama 3 pre-tokenizer: the Split regex of Meta's tokenizer.json, hand-written because neither
// std::regex (slow, no Unicode classes) nor a regex library is wanted here. It returns exactly the
// pieces Oniguruma's leftmost, ordered-alternation backtracking search yields for
//   (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
// Every code point is covered by one alternative, so the matches tile the text (no gaps).
#include <cstddef>
#include <string_view>

namespace leopard::tokenizer_detail {

// The pattern string this matcher implements, as it appears in tokenizer.json.
extern const std::string_view kLlama3SplitPattern;

// End (byte offset) of the piece that starts at `pos` of the valid UTF-8 text s[0..n); pos < n.
// `n` is the end of the text being split: `(?!\S)` sees end of text there.
std::size_t llama3PieceEnd(const unsigned char *s, std::size_t pos, std::size_t n);

} // namespace leopard::tokenizer_detail
