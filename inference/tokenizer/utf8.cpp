#include "inference/tokenizer/utf8.h"

namespace leopard::tokenizer_detail {

namespace {

// How many bytes of s[0..n) form a prefix of a well-formed sequence (Unicode Table 3-7), and how many
// bytes that sequence needs in total (0 when s[0] cannot start one).
std::size_t wellFormedPrefix(const unsigned char *s, std::size_t n, std::size_t &need)
{
    const unsigned char b = s[0];
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (b < 0x80) { need = 1; return 1; }
    if (b >= 0xC2 && b <= 0xDF) need = 2;
    else if (b >= 0xE0 && b <= 0xEF) { need = 3; if (b == 0xE0) lo = 0xA0; if (b == 0xED) hi = 0x9F; }
    else if (b >= 0xF0 && b <= 0xF4) { need = 4; if (b == 0xF0) lo = 0x90; if (b == 0xF4) hi = 0x8F; }
    else { need = 0; return 0; }
    std::size_t k = 1;
    for (; k < need && k < n; ++k) {
        const unsigned char c = s[k];
        const bool ok = k == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
        if (!ok) break;
    }
    return k;
}

} // namespace

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

std::size_t validSequenceLength(const unsigned char *s, std::size_t n, bool &incomplete)
{
    std::size_t need = 0;
    const std::size_t got = wellFormedPrefix(s, n, need);
    incomplete = need != 0 && got < need && got == n;
    return need != 0 && got == need ? need : 0;
}

std::size_t maximalSubpartLength(const unsigned char *s, std::size_t n)
{
    std::size_t need = 0;
    const std::size_t got = wellFormedPrefix(s, n, need);
    return got == 0 ? 1 : got;
}

bool isValidUtf8(std::string_view text)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        if (s[i] < 0x80) { ++i; continue; }
        bool incomplete = false;
        const std::size_t len = validSequenceLength(s + i, n - i, incomplete);
        if (len == 0)
            return false;
        i += len;
    }
    return true;
}

std::string utf8Lossy(std::string_view bytes)
{
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.data());
    const std::size_t n = bytes.size();
    std::string out;
    out.reserve(n);
    std::size_t i = 0;
    while (i < n) {
        if (s[i] < 0x80) { out += char(s[i++]); continue; }
        bool incomplete = false;
        const std::size_t len = validSequenceLength(s + i, n - i, incomplete);
        if (len != 0) {
            out.append(bytes.data() + i, len);
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            i += maximalSubpartLength(s + i, n - i);
        }
    }
    return out;
}

} // namespace leopard::tokenizer_detail
