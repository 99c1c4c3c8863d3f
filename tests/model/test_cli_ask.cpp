// `leopard-cli ask` as a user runs it: the built binary under QProcess on the tiny checkpoint
// (written here by the project's writer), an image file from tests/model/images, the question
// after `--`. Its JSON and --dump-logits must reproduce the reference run of the one_page case
// (tests/model/expected), the streamed text must be the answer, and bad input must fail cleanly.
#include "npy.h"

#include "inference/checkpoint/tiny_checkpoint.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run ask(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(LEOPARD_BINARY_DIR "/app/leopard-cli"), QStringList{QStringLiteral("ask")} + args);
    Run run;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

const QString kModelDir = QStringLiteral(LEOPARD_SOURCE_DIR "/tests/model/");

} // namespace

class TestCliAsk : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString ckpt_;
    QJsonObject expected_;
    QStringList caseArgs_;

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        ckpt_ = dir_.filePath(QStringLiteral("tiny"));
        leopard::ckpt::writeTinyCheckpoint(ckpt_.toStdString(), LEOPARD_TOKENIZER_DIR, leopard::ckpt::TinySpec{});
        expected_ = readJson(kModelDir + "expected/one_page.json");
        QVERIFY(!expected_.isEmpty());
        const QJsonObject inputs = expected_["inputs"].toObject();
        QCOMPARE(inputs["setting"].toString(), QStringLiteral("direct"));
        caseArgs_ = QStringList{QStringLiteral("--model"), ckpt_, QStringLiteral("--dtype"), QStringLiteral("fp32"),
                                QStringLiteral("--max-new-tokens"), QString::number(inputs["max_new_tokens"].toInt()),
                                QStringLiteral("--images")};
        for (const QJsonValue &im : inputs["images"].toArray())
            caseArgs_ << kModelDir + "images/" + im.toObject()["file"].toString();
        caseArgs_ << QStringLiteral("--") << inputs["question"].toString();
    }

    void jsonMatchesReference()
    {
        const QString logitsPath = dir_.filePath(QStringLiteral("logits.npy"));
        const Run r = ask(QStringList{QStringLiteral("--json"), QStringLiteral("--dump-logits"), logitsPath} + caseArgs_);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject out = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(out["input_ids"].toArray(), expected_["input_ids"].toArray());
        QCOMPARE(out["generated_ids"].toArray(), expected_["generation"].toObject()["ids"].toArray());
        QCOMPARE(out["text"].toString(), expected_["generation"].toObject()["text"].toString());
        QCOMPARE(out["prompt_length"].toInt(), expected_["expanded_length"].toInt());
        QCOMPARE(out["model_images_per_image"].toArray(), QJsonArray{7});
        // Where the answer looked: a 13 x 13 grid per model image (its values are checked against the
        // reference in test_attention_maps), the page's global view first, then its 2 x 3 tiles.
        const QJsonObject attention = out["attention"].toObject();
        QCOMPARE(attention["grid_side"].toInt(), 13);
        QCOMPARE(attention["steps"].toInt(), 16);
        const QJsonArray maps = attention["images"].toArray();
        QCOMPARE(maps.size(), 7);
        double total = 0;
        for (int i = 0; i < maps.size(); ++i) {
            const QJsonObject m = maps[i].toObject();
            QCOMPARE(m["image"].toInt(), i);
            QCOMPARE(m["turns_back"].toInt(), 0);
            QCOMPARE(m["kind"].toString(), i == 0 ? QStringLiteral("global") : QStringLiteral("tile"));
            QVERIFY(m["file"].toString().endsWith(QLatin1String("page_850x1100.png")));
            if (i > 0) {
                QCOMPARE(m["tile_row"].toInt(), (i - 1) / 2);
                QCOMPARE(m["tile_col"].toInt(), (i - 1) % 2);
            }
            const QJsonArray rows = m["weights"].toArray();
            QCOMPARE(rows.size(), 13);
            for (const QJsonValue &row : rows) {
                QCOMPARE(row.toArray().size(), 13);
                for (const QJsonValue &v : row.toArray()) {
                    QVERIFY(v.toDouble() >= 0);
                    total += v.toDouble();
                }
            }
        }
        QVERIFY2(total > 0 && total <= 1 + 1e-5, qPrintable(QString::number(total))); // a share of each token's attention
        const npy::Array got = npy::readFloat32(logitsPath);
        const npy::Array want = npy::readFloat32(kModelDir + "expected/one_page.logits.npy");
        QCOMPARE(got.values.size(), want.values.size());
        double diff = 0, scale = 0;
        for (std::size_t i = 0; i < want.values.size(); ++i) {
            diff = std::max(diff, std::fabs(double(got.values[i]) - want.values[i]));
            scale = std::max(scale, std::fabs(double(want.values[i])));
        }
        QVERIFY2(diff / scale < 1e-4, qPrintable(QString::number(diff / scale)));
    }

    void streamsTheAnswer()
    {
        const Run r = ask(caseArgs_);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // Streamed pieces carry no clean-up of tokenization spaces; this answer has none to clean.
        QCOMPARE(QString::fromUtf8(r.out), expected_["generation"].toObject()["text"].toString() + "\n");
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no question") << QStringList{QStringLiteral("--model"), QStringLiteral("/nonexistent")} << 2 << "usage";
        QTest::newRow("no model") << QStringList{QStringLiteral("--"), QStringLiteral("hi")} << 2 << "usage";
        QTest::newRow("missing model dir") << QStringList{QStringLiteral("--model"), QStringLiteral("/nonexistent"), QStringLiteral("--"), QStringLiteral("hi")}
                                           << 1 << "config.json";
        QTest::newRow("bad dtype") << QStringList{QStringLiteral("--model"), QStringLiteral("/x"), QStringLiteral("--dtype"), QStringLiteral("int3"), QStringLiteral("--"), QStringLiteral("hi")}
                                   << 2 << "usage";
        QTest::newRow("unreadable image") << QStringList{QStringLiteral("--images"), QStringLiteral("/nonexistent.png"), QStringLiteral("--")} << 1 << "cannot read";
        QTest::newRow("unknown setting") << QStringList{QStringLiteral("--setting"), QStringLiteral("chatty"), QStringLiteral("--"), QStringLiteral("hi")} << 1 << "setting";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QStringList full = args;
        if (!args.contains(QStringLiteral("--model")) && args.contains(QStringLiteral("--")) && args.size() > 2)
            full = QStringList{QStringLiteral("--model"), ckpt_} + args;
        const Run r = ask(full);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliAsk)
#include "test_cli_ask.moc"
