#pragma once
// GPT-2's byte-to-unicode alphabet, used by byte-level BPE vocabularies: every byte is written as a
// printable character (printable Latin-1 as itself, the others as U+0100 onwards, e.g. space -> 'Ġ').
#include <string>
#include <string_view>

namespace leopard::tokenizer_detail {

char32_t byteLevelChar(unsigned char byte);

// The bytes a vocabulary string stands for. False (out untouched beyond what was appended) when a
// character is outside the alphabet, e.g. in an added token such as "\t\t".
bool byteLevelToBytes(std::string_view token, std::string &out);

// What Hugging Face's ByteLevel decoder makes of one token: its alphabet characters mapped back to
// bytes, or the token's own UTF-8 bytes when any character is outside the alphabet.
std::string byteLevelDecodeToken(std::string_view token);

} // namespace leopard::tokenizer_detail
