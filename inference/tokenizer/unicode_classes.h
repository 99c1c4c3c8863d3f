#pragma once
// Character classes of the Llama 3 pre-tokenizer regex, as Hugging Face `tokenizers` (Oniguruma,
// Unicode 16.0) defines them. The tables are generated: see gen_unicode_tables.mjs.
#include <cstdint>

namespace leopard::tokenizer_detail {

enum class CharClass : std::uint8_t { Other = 0, Letter = 1, Number = 2, Space = 3 };

extern const std::uint16_t kClassBlockIndex[0x110000 / 256];
extern const std::uint8_t kClassBlocks[][64];

// Class of a code point (<= 0x10FFFF). \r and \n are Space; the pre-tokenizer tests them by value.
inline CharClass charClass(char32_t cp)
{
    const std::uint8_t packed = kClassBlocks[kClassBlockIndex[cp >> 8]][(cp & 0xFF) >> 2];
    return static_cast<CharClass>((packed >> ((cp & 3) * 2)) & 3);
}

} // namespace leopard::tokenizer_detail
