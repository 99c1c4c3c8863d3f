// `leopard-cli tokenize` end to end: JSON lines in, JSON lines out, against ids from the reference
// (the first cases of expected_ids.json, Hugging Face tokenizers), and clear errors for bad lines.
#include "tests/common/process_run.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

namespace {

using Run = leopard::test::ProcessRun;

Run runCli(const QStringList &args, const QByteArray &input)
{
    return leopard::test::runCli(args, input, 120000);
}

const QStringList kEncode{QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), QStringLiteral(LEOPARD_TOKENIZER_DIR),
                          QStringLiteral("encode")};
const QStringList kDecode{QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), QStringLiteral(LEOPARD_TOKENIZER_DIR),
                          QStringLiteral("decode")};

} // namespace

class TestTokenizeCli : public QObject {
    Q_OBJECT

private slots:
    void encodeAndDecodeReferenceCases()
    {
        // nlohmann writes the request lines: Qt's JSON drops a leading U+FEFF from strings.
        std::ifstream f(LEOPARD_SOURCE_DIR "/tests/tokenizer/expected_ids.json", std::ios::binary);
        QVERIFY(f.good());
        const nlohmann::json expected = nlohmann::json::parse(f);
        QByteArray encodeIn, decodeIn;
        std::vector<std::vector<int>> wantIds;
        std::vector<std::string> wantTexts;
        for (const nlohmann::json &c : expected["encode"]) {
            if (c["tokenizer"] != "llama3" || wantIds.size() >= 300)
                continue;
            encodeIn += QByteArray::fromStdString(c["text"].dump() + "\n");
            decodeIn += QByteArray::fromStdString(c["ids"].dump() + "\n");
            wantIds.push_back(c["ids"].get<std::vector<int>>());
            wantTexts.push_back(c["text"].get<std::string>());
        }
        QVERIFY(wantIds.size() > 100);

        const Run enc = runCli(kEncode, encodeIn);
        QCOMPARE(enc.exitCode, 0);
        const QList<QByteArray> gotIds = enc.out.trimmed().split('\n');
        QCOMPARE(size_t(gotIds.size()), wantIds.size());
        for (int i = 0; i < gotIds.size(); ++i) // compare parsed, so formatting does not matter
            QCOMPARE(nlohmann::json::parse(gotIds[i].toStdString()).get<std::vector<int>>(), wantIds[i]);

        const Run dec = runCli(kDecode, decodeIn);
        QCOMPARE(dec.exitCode, 0);
        const QList<QByteArray> gotTexts = dec.out.split('\n');
        QCOMPARE(size_t(gotTexts.size()), wantTexts.size() + 1); // + the empty piece after the last newline
        for (size_t i = 0; i < wantTexts.size(); ++i)
            QCOMPARE(nlohmann::json::parse(gotTexts[int(i)].toStdString()).get<std::string>(), wantTexts[i]);
    }

    void specialTokensAndOptions()
    {
        // README item 13: <|begin_of_text|> in the text is one id; no BOS is added by default.
        Run r = runCli(kEncode, "\"<|begin_of_text|><|start_header_id|>user<|end_header_id|>\\n\\n\"\n");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("[128000,128006,882,128007,271]\n"));
        r = runCli(kEncode + QStringList{QStringLiteral("--add-special-tokens")}, "\"<|begin_of_text|>\"\n");
        QCOMPARE(r.out, QByteArray("[128000,128000]\n"));
        r = runCli(kDecode + QStringList{QStringLiteral("--skip-special-tokens")}, "[128000,128006,882,128007,271]\n");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("\"user\\n\\n\"\n"));
    }

    void badInputNamesTheLine_data()
    {
        QTest::addColumn<bool>("encode");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("not json") << true << QByteArray("\"ok\"\nnot json\n") << QByteArray("line 2: not JSON");
        QTest::newRow("not a string") << true << QByteArray("[1,2]\n") << QByteArray("line 1: expected a JSON string");
        QTest::newRow("not an array") << false << QByteArray("[1]\n\"x\"\n") << QByteArray("line 2: expected a JSON array");
        QTest::newRow("out of range") << false << QByteArray("[1,2,3]\n[128256]\n") << QByteArray("line 2: token id 128256 is out of range");
        QTest::newRow("negative") << false << QByteArray("[-1]\n") << QByteArray("line 1: token id -1 is out of range");
        QTest::newRow("not an integer") << false << QByteArray("[1.5]\n") << QByteArray("line 1: token id 1.5 is not an integer");
    }

    void badInputNamesTheLine()
    {
        QFETCH(bool, encode);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, message);
        const Run r = runCli(encode ? kEncode : kDecode, input);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), r.err.constData());
    }

    void missingTokenizerIsAClearError()
    {
        const Run r = runCli({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), QStringLiteral("/nonexistent"),
                              QStringLiteral("encode")}, "\"x\"\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("/nonexistent/tokenizer.json"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestTokenizeCli)
#include "test_tokenize_cli.moc"
