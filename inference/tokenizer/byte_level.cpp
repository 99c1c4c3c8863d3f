#include "inference/tokenizer/byte_level.h"

#include "inference/tokenizer/utf8.h"

#include <array>

namespace leopard::tokenizer_detail {

namespace {

bool keepsItsOwnCode(int b) { return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF); }

struct Alphabet {
    std::array<char32_t, 256> charOf{};
    std::array<int, 324> byteOf{}; // the alphabet lies within U+0000..U+0143
    Alphabet()
    {
        byteOf.fill(-1);
        int next = 256;
        for (int b = 0; b < 256; ++b) {
            charOf[b] = keepsItsOwnCode(b) ? char32_t(b) : char32_t(next++);
            byteOf[charOf[b]] = b;
        }
    }
};

const Alphabet &alphabet()
{
    static const Alphabet a;
    return a;
}

} // namespace

char32_t byteLevelChar(unsigned char byte) { return alphabet().charOf[byte]; }

bool byteLevelToBytes(std::string_view token, std::string &out)
{
    const Alphabet &a = alphabet();
    const auto *s = reinterpret_cast<const unsigned char *>(token.data());
    for (std::size_t i = 0; i < token.size();) {
        bool incomplete = false;
        const std::size_t len = validSequenceLength(s + i, token.size() - i, incomplete);
        if (len == 0)
            return false;
        std::size_t decodedLen = 0;
        const char32_t cp = decodeValidUtf8(s + i, decodedLen);
        if (cp >= a.byteOf.size() || a.byteOf[cp] < 0)
            return false;
        out += static_cast<char>(a.byteOf[cp]);
        i += len;
    }
    return true;
}

std::string byteLevelDecodeToken(std::string_view token)
{
    std::string bytes;
    if (byteLevelToBytes(token, bytes))
        return bytes;
    return std::string(token);
}

} // namespace leopard::tokenizer_detail
