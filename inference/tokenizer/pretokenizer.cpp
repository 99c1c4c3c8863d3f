#include "inference/tokenizer/pretokenizer.h"

#include "inference/tokenizer/unicode_classes.h"
#include "inference/tokenizer/utf8.h"

namespace leopard::tokenizer_detail {

const std::string_view kLlama3SplitPattern =
    "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|"
    "\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

namespace {

struct Cp {
    char32_t value;
    std::size_t len;
    CharClass cls;
};

inline Cp cpAt(const unsigned char *s, std::size_t i)
{
    Cp c;
    if (s[i] < 0x80) {
        c.value = s[i];
        c.len = 1;
    } else {
        c.value = decodeValidUtf8(s + i, c.len);
    }
    c.cls = charClass(c.value);
    return c;
}

inline bool isCrLf(char32_t c) { return c == '\r' || c == '\n'; }

std::size_t runEnd(const unsigned char *s, std::size_t i, std::size_t n, CharClass cls)
{
    while (i < n) {
        const Cp c = cpAt(s, i);
        if (c.cls != cls)
            break;
        i += c.len;
    }
    return i;
}

std::size_t crLfRunEnd(const unsigned char *s, std::size_t i, std::size_t n)
{
    while (i < n && (s[i] == '\r' || s[i] == '\n'))
        ++i;
    return i;
}

inline bool asciiIs(unsigned char c, char lower) { return (c | 0x20) == static_cast<unsigned char>(lower); }

// Bytes after the apostrophe matched by (?i:'s|'t|'re|'ve|'m|'ll|'d), 0 for none. Oniguruma folds
// case with Unicode's CaseFolding.txt: besides ASCII case only U+017F LATIN SMALL LETTER LONG S
// folds to one of these letters (to s). Multi-character folds (ß -> ss, ﬆ -> st) never match a
// one-letter alternative, and no character folds to "re", "ve" or "ll".
std::size_t contractionLength(const unsigned char *s, std::size_t i, std::size_t n)
{
    const unsigned char a = s[i];
    if (asciiIs(a, 's') || asciiIs(a, 't') || asciiIs(a, 'm') || asciiIs(a, 'd'))
        return 1;
    if (a == 0xC5 && i + 1 < n && s[i + 1] == 0xBF) // U+017F
        return 2;
    if (i + 1 < n) {
        const unsigned char b = s[i + 1];
        if ((asciiIs(a, 'r') || asciiIs(a, 'v')) && asciiIs(b, 'e'))
            return 2;
        if (asciiIs(a, 'l') && asciiIs(b, 'l'))
            return 2;
    }
    return 0;
}

} // namespace

std::size_t llama3PieceEnd(const unsigned char *s, std::size_t pos, std::size_t n)
{
    const Cp c0 = cpAt(s, pos);
    const std::size_t p1 = pos + c0.len;

    // (?i:'s|'t|'re|'ve|'m|'ll|'d)
    if (c0.value == '\'' && p1 < n) {
        if (const std::size_t len = contractionLength(s, p1, n))
            return p1 + len;
    }
    // [^\r\n\p{L}\p{N}]?\p{L}+  (a letter at pos: the optional class cannot take it)
    if (c0.cls == CharClass::Letter)
        return runEnd(s, p1, n, CharClass::Letter);
    const Cp c1 = p1 < n ? cpAt(s, p1) : Cp{0, 0, CharClass::Other};
    const bool haveC1 = p1 < n;
    if (haveC1 && c1.cls == CharClass::Letter && c0.cls != CharClass::Number && !isCrLf(c0.value))
        return runEnd(s, p1 + c1.len, n, CharClass::Letter);
    // \p{N}{1,3}
    if (c0.cls == CharClass::Number) {
        std::size_t end = p1;
        for (int k = 1; k < 3 && end < n; ++k) {
            const Cp c = cpAt(s, end);
            if (c.cls != CharClass::Number)
                break;
            end += c.len;
        }
        return end;
    }
    // ` ?[^\s\p{L}\p{N}]+[\r\n]*`
    if (c0.value == ' ' && haveC1 && c1.cls == CharClass::Other)
        return crLfRunEnd(s, runEnd(s, p1 + c1.len, n, CharClass::Other), n);
    if (c0.cls == CharClass::Other)
        return crLfRunEnd(s, runEnd(s, p1, n, CharClass::Other), n);

    // c0 is whitespace. Find the run of whitespace, the end of its last \r or \n, and where its last
    // character starts.
    std::size_t end = pos, lastStart = pos, afterLastNewline = 0;
    while (end < n) {
        const Cp c = cpAt(s, end);
        if (c.cls != CharClass::Space)
            break;
        lastStart = end;
        end += c.len;
        if (isCrLf(c.value))
            afterLastNewline = end;
    }
    // \s*[\r\n]+ : \s* backtracks to the last newline of the run, [\r\n]+ takes it (nothing after it
    // in the run is a newline).
    if (afterLastNewline != 0)
        return afterLastNewline;
    // \s+(?!\S) : the whole run at the end of the text, else all but its last character.
    if (end == n)
        return end;
    if (lastStart > pos)
        return lastStart;
    // \s+
    return end;
}

} // namespace leopard::tokenizer_detail
