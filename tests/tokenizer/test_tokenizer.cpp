// The C++ tokenizer against Hugging Face `tokenizers`: every id and decoded string in
// expected_ids.json was produced by the reference library (gen_expected_ids.js), for Meta's Llama 3
// tokenizer.json, for Leopard's extended copy and for Meta's file with ignore_merges turned off. The few literal ids below come from the reference
// notes (shared/reference/model/README.md items 10, 13, 14), not from this code.
#include "inference/tokenizer/pretokenizer.h"
#include "inference/tokenizer/tokenizer.h"
#include "tests/tokenizer/leopard_tokenizer_json.h"

#include <QtTest>

#include <atomic>
#include <map>
#include <thread>
#include <memory>

using namespace leopard;
using nlohmann::json;

namespace {

std::string showIds(const std::vector<std::int32_t> &ids)
{
    std::string s = "[";
    for (std::size_t i = 0; i < ids.size() && i < 40; ++i)
        s += (i ? "," : "") + std::to_string(ids[i]);
    return s + (ids.size() > 40 ? ",...]" : "]");
}

std::vector<std::int32_t> idsOf(const json &j) { return j.get<std::vector<std::int32_t>>(); }

// Well-formed UTF-8 per the Unicode standard's Table 3-7 (written out here, independent of the
// library's own checker).
bool isWellFormedUtf8(const std::string &s)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned c = p[i];
        std::size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80) len = 1;
        else if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) { len = 3; lo = 0xA0; }
        else if (c == 0xED) { len = 3; hi = 0x9F; }
        else if (c >= 0xE1 && c <= 0xEF) len = 3;
        else if (c == 0xF0) { len = 4; lo = 0x90; }
        else if (c == 0xF4) { len = 4; hi = 0x8F; }
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else return false;
        if (i + len > n)
            return false;
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned b = p[i + k];
            if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF))
                return false;
        }
        i += len;
    }
    return true;
}

} // namespace

class TestTokenizer : public QObject {
    Q_OBJECT

    std::map<std::string, std::unique_ptr<Tokenizer>> tokenizers_;
    json expected_;

    const Tokenizer &tok(const std::string &name) { return *tokenizers_.at(name); }

private slots:
    void initTestCase()
    {
        tokenizers_["llama3"] = std::make_unique<Tokenizer>(Tokenizer::fromDirectory(LEOPARD_TOKENIZER_DIR));
        tokenizers_["leopard"] =
            std::make_unique<Tokenizer>(Tokenizer::fromJson(test::leopardTokenizerJson(), "leopard tokenizer.json"));
        json merges = test::llama3TokenizerJson(); // as gen_expected_ids.js makes it
        merges["model"]["ignore_merges"] = false;
        tokenizers_["llama3_merges"] = std::make_unique<Tokenizer>(Tokenizer::fromJson(merges.dump(), "llama3 without ignore_merges"));
        expected_ = json::parse(test::readFile(LEOPARD_SOURCE_DIR "/tests/tokenizer/expected_ids.json"));
        QVERIFY(expected_["encode"].size() > 500);
    }

    void encodeMatchesReference()
    {
        int failures = 0;
        for (const json &c : expected_["encode"]) {
            const std::string text = c["text"];
            const auto want = idsOf(c["ids"]);
            const auto got = tok(c["tokenizer"]).encode(text, false);
            if (got != want && ++failures <= 10)
                qWarning("%s: %s\n  want %s\n  got  %s", c["tokenizer"].get<std::string>().c_str(),
                         json(text).dump().substr(0, 200).c_str(), showIds(want).c_str(), showIds(got).c_str());
        }
        QCOMPARE(failures, 0);
    }

    // The hand-written regex alone, piece by piece, against the reference's pre-tokenizer.
    void preTokenizerMatchesReference()
    {
        int failures = 0;
        for (const json &c : expected_["pre_tokens"]) {
            const std::string text = c["text"];
            const auto want = c["pieces"].get<std::vector<std::string>>();
            std::vector<std::string> got;
            const auto *s = reinterpret_cast<const unsigned char *>(text.data());
            for (std::size_t pos = 0; pos < text.size();) {
                const std::size_t end = tokenizer_detail::llama3PieceEnd(s, pos, text.size());
                got.push_back(text.substr(pos, end - pos));
                pos = end;
            }
            if (got != want && ++failures <= 10)
                qWarning("pre-tokens of %s\n  want %s\n  got  %s", json(text).dump().substr(0, 200).c_str(),
                         json(want).dump().substr(0, 300).c_str(), json(got).dump().substr(0, 300).c_str());
        }
        QCOMPARE(failures, 0);
        QVERIFY(expected_["pre_tokens"].size() > 500);
    }

    void encodeWithPostProcessorMatchesReference()
    {
        for (const json &c : expected_["encode_with_special_tokens"])
            QCOMPARE(tok(c["tokenizer"]).encode(c["text"].get<std::string>(), true), idsOf(c["ids"]));
    }

    void decodeMatchesReference()
    {
        int failures = 0;
        for (const json &c : expected_["decode"]) {
            const std::string want = c["text"];
            const std::string got = tok(c["tokenizer"]).decode(idsOf(c["ids"]), c["skip_special"].get<bool>());
            if (got != want && ++failures <= 10)
                qWarning("decode %s skip=%d\n  want %s\n  got  %s", showIds(idsOf(c["ids"])).c_str(),
                         int(c["skip_special"].get<bool>()), json(want).dump().c_str(), json(got).dump().c_str());
        }
        QCOMPARE(failures, 0);
    }

    // Byte-level BPE loses nothing: decoding the reference's ids gives the text back.
    void roundTrip()
    {
        for (const json &c : expected_["encode"]) {
            const std::string text = c["text"];
            QCOMPARE(tok(c["tokenizer"]).decode(idsOf(c["ids"]), false), text);
        }
    }

    // Streaming: every chunk is well-formed UTF-8 and the chunks add up to decode().
    void incrementalDecodeAddsUpToDecode()
    {
        for (const json &c : expected_["encode"]) {
            const Tokenizer &t = tok(c["tokenizer"]);
            const auto ids = idsOf(c["ids"]);
            for (const bool skip : {false, true}) {
                IncrementalDecoder stream(t, skip);
                std::string all;
                for (const std::int32_t id : ids) {
                    const std::string chunk = stream.push(id);
                    QVERIFY2(isWellFormedUtf8(chunk), c["text"].dump().c_str());
                    all += chunk;
                }
                all += stream.finish();
                QCOMPARE(all, t.decode(ids, skip));
            }
        }
    }

    void incrementalDecodeHoldsBackSplitCharacters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("emoji") << QStringLiteral("a🫠b");
        QTest::newRow("family") << QStringLiteral("👨‍👩‍👧‍👦!");
        QTest::newRow("cjk") << QStringLiteral("𠀀𠀁 龘 齉");
        QTest::newRow("hieroglyphs") << QStringLiteral("𓀀𓀁𓀂");
        QTest::newRow("cjk ext i") << QString::fromUcs4(U"\U0002EBF0\U0002EBF1");
    }

    void incrementalDecodeHoldsBackSplitCharacters()
    {
        QFETCH(QString, text);
        const QByteArray utf8 = text.toUtf8();
        const Tokenizer &t = tok("llama3");
        const auto ids = t.encode(utf8.toStdString(), false);
        QVERIFY2(ids.size() > size_t(text.size()) / 2, "expected characters split over several tokens");
        IncrementalDecoder stream(t);
        std::string all;
        int heldBack = 0;
        for (const std::int32_t id : ids) {
            const std::string bytes = t.tokenBytes(id);
            const std::string chunk = stream.push(id);
            if (chunk.size() < bytes.size())
                ++heldBack;
            QVERIFY(isWellFormedUtf8(chunk));
            QVERIFY(chunk.find("\xEF\xBF\xBD") == std::string::npos); // no U+FFFD mid-stream
            all += chunk;
        }
        QVERIFY(heldBack > 0);
        QCOMPARE(stream.finish(), std::string());
        QCOMPARE(QString::fromStdString(all), text);
    }

    void incrementalDecodeFinishFlushesUnfinishedCharacter()
    {
        const Tokenizer &t = tok("llama3");
        // The single-byte token for 0xF0 (byte-level 'ð'): the start of a 4-byte character.
        const auto lead = t.tokenId("\xC3\xB0");
        QVERIFY(lead.has_value());
        IncrementalDecoder stream(t);
        QCOMPARE(stream.push(*lead), std::string());
        QCOMPARE(stream.finish(), std::string("\xEF\xBF\xBD"));
        QCOMPARE(t.decode({*lead}), std::string("\xEF\xBF\xBD"));
    }

    // README item 13: the prompt starts with <|begin_of_text|> and the post-processor adds another.
    void doubleBosPrompt()
    {
        const auto ids = tok("leopard").encode("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi", true);
        const std::vector<std::int32_t> head(ids.begin(), ids.begin() + 6);
        QCOMPARE(head, (std::vector<std::int32_t>{128000, 128000, 128006, 882, 128007, 271}));
        QCOMPARE(tok("llama3").prefixIds(), std::vector<std::int32_t>{128000});
        QVERIFY(tok("llama3").suffixIds().empty());
        QCOMPARE(tok("llama3").encode("", true), std::vector<std::int32_t>{128000});
        QCOMPARE(tok("llama3").encode("", false), std::vector<std::int32_t>{});
    }

    // README item 14 (3.0-style numbering) and 15 (Leopard's added tokens).
    void tokenNumbering()
    {
        const Tokenizer &l = tok("leopard");
        QCOMPARE(l.tokenId("<|reserved_special_token_20|>"), std::optional<std::int32_t>(128025));
        QCOMPARE(l.tokenId("<|reserved_special_token_21|>"), std::optional<std::int32_t>(128026));
        QCOMPARE(l.tokenId("<|reserved_special_token_195|>"), std::optional<std::int32_t>(128200));
        QCOMPARE(l.tokenId("<unk>"), std::optional<std::int32_t>(128256));
        QCOMPARE(l.tokenId("<|im_omitted|>"), std::optional<std::int32_t>(128267));
        QVERIFY(l.isSpecial(128256));
        QVERIFY(!l.isSpecial(128257));
        QVERIFY(l.isSpecial(128009));
        QCOMPARE(l.idLimit(), 128268);
        QCOMPARE(tok("llama3").idLimit(), 128256);
        QCOMPARE(tok("llama3").tokenId("<unk>"), std::optional<std::int32_t>());
        QCOMPARE(l.tokenString(128257), std::optional<std::string>("<|im_start|>"));
        // A run of 3 tabs is one added token (README item 15: split out before pre-tokenization); the
        // plain tokens follow <unk> in make_tiny.py's order: <|im_start|>, <|im_end|>, 2 tabs, 3 tabs, ...
        QCOMPARE(l.encode("\t\t\t", false), std::vector<std::int32_t>{128260});
    }

    // README item 10: "image 1: " is image, space, 1, colon, space.
    void digitsNeverGlueToSpace()
    {
        const Tokenizer &t = tok("llama3");
        const auto ids = t.encode("image 1: ", false);
        QCOMPARE(ids.size(), size_t(5));
        QCOMPARE(t.decode({ids[1]}), std::string(" "));
        QCOMPARE(t.decode({ids[2]}), std::string("1"));
    }

    void skipSpecialTokens()
    {
        const Tokenizer &t = tok("leopard");
        const auto ids = t.encode("<|begin_of_text|>Hi<unk><|im_start|>there<|eot_id|>", true);
        QCOMPARE(t.decode(ids, true), std::string("Hi<|im_start|>there"));
        QCOMPARE(t.decode(ids, false), std::string("<|begin_of_text|><|begin_of_text|>Hi<unk><|im_start|>there<|eot_id|>"));
        // Unknown ids are dropped, as the reference does (decode cases with 999999 in expected_ids.json).
        QCOMPARE(t.decode({-1, 999999, 128268}), std::string());
    }

    // Meta's tokenizer_config.json sets clean_up_tokenization_spaces: true; a broken config is an error
    // that names it.
    void tokenizerConfig()
    {
        QVERIFY(tok("llama3").cleanUpTokenizationSpaces());
        QVERIFY(!tok("leopard").cleanUpTokenizationSpaces()); // built from JSON text: no config read
        QTemporaryDir dir;
        QVERIFY(QFile::copy(QStringLiteral(LEOPARD_TOKENIZER_DIR "/tokenizer.json"), dir.filePath(QStringLiteral("tokenizer.json"))));
        QFile config(dir.filePath(QStringLiteral("tokenizer_config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{\"clean_up_tokenization_spaces\": ");
        config.close();
        try {
            Tokenizer::fromDirectory(dir.path().toStdString());
            QFAIL("a broken tokenizer_config.json was accepted");
        } catch (const TokenizerError &e) {
            QVERIFY2(std::string(e.what()).find("tokenizer_config.json") != std::string::npos, e.what());
        }
    }

    void cleanUpSpacesLikeTransformers()
    {
        QCOMPARE(cleanUpTokenizationSpaces("Hello , world . I 'm here ! do n't"), std::string("Hello, world. I'm here! don't"));
    }

    void errorsNameTheFileAndTheProblem()
    {
        const auto message = [](auto &&load) -> std::string {
            try {
                load();
            } catch (const TokenizerError &e) {
                return e.what();
            }
            return "(no error)";
        };
        std::string m = message([] { Tokenizer::fromDirectory("/nonexistent/dir"); });
        QVERIFY2(m.find("/nonexistent/dir/tokenizer.json") != std::string::npos, m.c_str());

        m = message([] { Tokenizer::fromJson("{\"model\": ", "broken.json"); });
        QVERIFY2(m.find("broken.json") != std::string::npos && m.find("not valid JSON") != std::string::npos, m.c_str());

        json j = test::llama3TokenizerJson();
        j["model"]["type"] = "WordPiece";
        m = message([&] { Tokenizer::fromJson(j.dump(), "wp.json"); });
        QVERIFY2(m.find("wp.json") != std::string::npos && m.find("WordPiece") != std::string::npos, m.c_str());

        j = test::llama3TokenizerJson();
        j["pre_tokenizer"]["pretokenizers"][0]["pattern"]["Regex"] = "\\s+";
        m = message([&] { Tokenizer::fromJson(j.dump(), "pre.json"); });
        QVERIFY2(m.find("pre.json") != std::string::npos && m.find("pre-tokenizer") != std::string::npos, m.c_str());

        j = test::llama3TokenizerJson();
        j["normalizer"] = {{"type", "NFC"}};
        m = message([&] { Tokenizer::fromJson(j.dump(), "norm.json"); });
        QVERIFY2(m.find("normalizer") != std::string::npos, m.c_str());
    }

    // One Tokenizer shared by threads (the BPE keeps per-thread scratch space only).
    void concurrentEncodeGivesTheSameIds()
    {
        const Tokenizer &t = tok("llama3");
        std::vector<std::pair<std::string, std::vector<std::int32_t>>> cases;
        for (const json &c : expected_["encode"])
            if (c["tokenizer"] == "llama3")
                cases.emplace_back(c["text"], idsOf(c["ids"]));
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int k = 0; k < 4; ++k) {
            threads.emplace_back([&, k] {
                for (int round = 0; round < 3; ++round)
                    for (std::size_t i = k; i < cases.size(); i += 2)
                        if (t.encode(cases[i].first, false) != cases[i].second)
                            ++failures;
            });
        }
        for (std::thread &th : threads)
            th.join();
        QCOMPARE(failures.load(), 0);
    }

    void invalidUtf8IsReplacedLikeRust()
    {
        const Tokenizer &t = tok("llama3");
        QCOMPARE(t.encode("a\xFF" "b", false), t.encode("a\xEF\xBF\xBD" "b", false));
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
