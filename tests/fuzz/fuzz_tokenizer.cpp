// The real Llama 3 tokenizer (tokenizer.json loaded once) on arbitrary bytes. The first byte picks:
//  0: encode the rest as text: ids in range; valid UTF-8 comes back unchanged from decode (byte-level
//     BPE without a normalizer is lossless), ill-formed UTF-8 comes back as its U+FFFD replacement;
//  1: the rest as int32 ids (any value, unknown ones too): IncrementalDecoder's pieces + finish()
//     equal decode() (its documented promise) and are valid UTF-8;
//  2: the rest as a tokenizer.json: loads or throws TokenizerError, nothing else.
// The tokenizer.json comes from $LEOPARD_TOKENIZER_DIR (run-bounded.sh sets it), else the build's.
#include "inference/tokenizer/tokenizer.h"
#include "tests/fuzz/fuzz_check.h"

#include <cstring>
#include <memory>
#include <string>

using leopard::Tokenizer;

namespace {

std::unique_ptr<Tokenizer> tok;

// An independent UTF-8 check (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
bool validUtf8(const std::string &s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = s[i];
        int n;
        unsigned cp;
        if (c < 0x80) { ++i; continue; }
        if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; }
        else return false;
        if (i + n >= s.size()) return false; // the sequence is cut off
        for (int k = 1; k <= n; ++k) {
            const unsigned char cc = s[i + k];
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    const char *dir = std::getenv("LEOPARD_TOKENIZER_DIR");
    tok = std::make_unique<Tokenizer>(Tokenizer::fromDirectory(dir ? dir : LEOPARD_TOKENIZER_DIR));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string rest(reinterpret_cast<const char *>(data + 1), size - 1);
    switch (data[0] % 3) {
    case 0: {
        const std::vector<std::int32_t> ids = tok->encode(rest, data[0] & 0x80);
        for (std::int32_t id : ids)
            FUZZ_CHECK(id >= 0 && id < tok->idLimit(), "id %d out of range", id);
        const std::string back = tok->decode(ids);
        FUZZ_CHECK(validUtf8(back), "decode gave ill-formed UTF-8");
        if (!(data[0] & 0x80) && validUtf8(rest))
            FUZZ_CHECK(back == rest, "decode(encode(text)) != text for valid UTF-8 (%zu bytes)", rest.size());
        break;
    }
    case 1: {
        std::vector<std::int32_t> ids(rest.size() / 4);
        if (!ids.empty())
            std::memcpy(ids.data(), rest.data(), ids.size() * 4);
        for (std::int32_t &id : ids)
            if ((id & 0x40000000) == 0) // mostly real ids, sometimes anything
                id = static_cast<std::int32_t>(static_cast<std::uint32_t>(id) % static_cast<std::uint32_t>(tok->idLimit()));
        const bool skip = data[0] & 0x80;
        const std::string whole = tok->decode(ids, skip);
        leopard::IncrementalDecoder inc(*tok, skip);
        std::string pieces;
        for (std::int32_t id : ids) {
            pieces += inc.push(id);
            (void)tok->tokenString(id);
            (void)tok->tokenBytes(id);
            (void)tok->isSpecial(id);
        }
        pieces += inc.finish();
        FUZZ_CHECK(pieces == whole, "incremental decode differs from decode (%zu ids)", ids.size());
        FUZZ_CHECK(validUtf8(whole), "decode gave ill-formed UTF-8");
        break;
    }
    case 2:
        try {
            const Tokenizer t = Tokenizer::fromJson(rest, "fuzz.json");
            (void)t.encode("Hello, world! 123");
        } catch (const leopard::TokenizerError &) {
        }
        break;
    }
    return 0;
}
