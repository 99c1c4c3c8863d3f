#pragma once
// UTF-8 helpers shared by the pre-tokenizer and the decoders.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace leopard::tokenizer_detail {

// Decodes the code point at s[i] of text known to be valid UTF-8; sets len to its byte count.
inline char32_t decodeValidUtf8(const unsigned char *s, std::size_t &len)
{
    const unsigned char b = s[0];
    if (b < 0x80) { len = 1; return b; }
    if (b < 0xE0) { len = 2; return (char32_t(b & 0x1F) << 6) | (s[1] & 0x3F); }
    if (b < 0xF0) { len = 3; return (char32_t(b & 0x0F) << 12) | (char32_t(s[1] & 0x3F) << 6) | (s[2] & 0x3F); }
    len = 4;
    return (char32_t(b & 0x07) << 18) | (char32_t(s[1] & 0x3F) << 12) | (char32_t(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

void appendUtf8(std::string &out, char32_t cp);

// Length of the well-formed UTF-8 sequence starting at s[0] (n bytes available), or 0 when the bytes
// there are not (yet) one. `incomplete` is set when they are a valid prefix cut off by the end of input.
std::size_t validSequenceLength(const unsigned char *s, std::size_t n, bool &incomplete);

// Length of the "maximal subpart" of an ill-formed sequence at s[0] (Unicode 3.9, the rule Rust's
// String::from_utf8_lossy follows): it becomes one U+FFFD.
std::size_t maximalSubpartLength(const unsigned char *s, std::size_t n);

bool isValidUtf8(std::string_view text);

// Like Rust's String::from_utf8_lossy: every maximal ill-formed subpart becomes U+FFFD.
std::string utf8Lossy(std::string_view bytes);

} // namespace leopard::tokenizer_detail
