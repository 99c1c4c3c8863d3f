// leopard-cli ask on documents (PDF, slide deck, image) through the viewer library.
// - Pages 1-2 of the sample report asked as a PDF give the same prompt and generated ids as the
//   same pages rendered to PNG at 144 dpi by pdftoppm (poppler-utils, an independent renderer)
//   and passed with --images. The PNGs are first checked to be pixel-identical to the viewer's
//   analysis render, so a difference in the answer could only come from the CLI's own path.
// - The crop plan in --json equals planCrops() on the page sizes pdfinfo reports (points at 144 dpi).
// - Each kind of bad input exits 1 with a message naming the file (and page); usage errors exit 2.
// - Timing lines (load, vision encode, time to first token, tokens/s) go to stderr.
#include "inference/planner.h"
#include "tests/common/process_run.h"
#include "viewer/document_opener.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kCli = QStringLiteral(LEOPARD_BINARY_DIR "/app/leopard-cli");
const QString kReport = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
const QString kDeck = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-deck.pptx");
const QString kQuestion = QStringLiteral("What is the corridor's busiest month?");

using Run = leopard::test::ProcessRun;

Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return leopard::test::runProcess(program, args, {}, 300000, env);
}

QJsonObject json(const Run &r) { return QJsonDocument::fromJson(r.out).object(); }

} // namespace

class TestCliAskDocuments : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString model_;
    QStringList common_;
    QProcessEnvironment env_ = QProcessEnvironment::systemEnvironment();

    Run ask(const QStringList &args) { return run(kCli, QStringList{QStringLiteral("ask")} + args, env_); }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
            QSKIP("poppler-utils (pdftoppm, pdfinfo) not installed: apt install poppler-utils");
        // Converted decks go to a cache of the test's own, not the user's.
        env_.insert(QStringLiteral("XDG_CACHE_HOME"), dir_.filePath(QStringLiteral("cache")));
        model_ = dir_.filePath(QStringLiteral("tiny"));
        const Run made = run(kCli, {QStringLiteral("make-tiny"), QStringLiteral("--out"), model_});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        common_ = QStringList{QStringLiteral("--model"), model_, QStringLiteral("--dtype"), QStringLiteral("fp32"),
                              QStringLiteral("--max-new-tokens"), QStringLiteral("6")};
    }

    // The reference pictures: pdftoppm's 144 dpi PNGs of pages 1-2. They must equal the viewer's
    // analysis render pixel for pixel (both are Poppler's Splash with anti-aliasing); otherwise the
    // ids comparison below would test the renderers, not the CLI.
    void pdftoppmMatchesViewerPixels()
    {
        const Run r = run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("144"), QStringLiteral("-f"), QStringLiteral("1"),
                                                     QStringLiteral("-l"), QStringLiteral("2"), QStringLiteral("-png"), kReport,
                                                     dir_.filePath(QStringLiteral("page"))});
        QCOMPARE(r.exitCode, 0);
        const leopard::viewer::OpenResult opened = leopard::viewer::openDocument(kReport);
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        for (int page = 1; page <= 2; ++page) {
            const QImage ref = QImage(dir_.filePath(QStringLiteral("page-%1.png").arg(page))).convertToFormat(QImage::Format_RGB32);
            const QImage ours = opened.document->analysisImage(page - 1, 144).convertToFormat(QImage::Format_RGB32);
            QCOMPARE(ours.size(), ref.size());
            int differing = 0;
            for (int y = 0; y < ref.height(); ++y)
                differing += std::memcmp(ref.constScanLine(y), ours.constScanLine(y), size_t(ref.width()) * 4) != 0;
            QVERIFY2(differing == 0, qPrintable(QStringLiteral("page %1: %2 rows differ").arg(page).arg(differing)));
        }
    }

    void pdfPagesEqualPngPages()
    {
        const Run pdf = ask(common_ + QStringList{QStringLiteral("--json"), QStringLiteral("--pages"), QStringLiteral("1-2"), kReport,
                                                  QStringLiteral("--"), kQuestion});
        QVERIFY2(pdf.exitCode == 0, pdf.err.constData());
        const Run png = ask(common_ + QStringList{QStringLiteral("--json"), QStringLiteral("--images"), dir_.filePath(QStringLiteral("page-1.png")),
                                                  dir_.filePath(QStringLiteral("page-2.png")), QStringLiteral("--"), kQuestion});
        QVERIFY2(png.exitCode == 0, png.err.constData());
        const QJsonObject a = json(pdf), b = json(png);
        QVERIFY(!a["generated_ids"].toArray().isEmpty());
        QCOMPARE(a["input_ids"].toArray(), b["input_ids"].toArray());
        QCOMPARE(a["generated_ids"].toArray(), b["generated_ids"].toArray());
        QCOMPARE(a["text"].toString(), b["text"].toString());

        // Per image: source file and 1-based page.
        const QJsonArray inputs = a["inputs"].toArray();
        QCOMPARE(inputs.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(inputs[i].toObject()["file"].toString(), kReport);
            QCOMPARE(inputs[i].toObject()["page"].toInt(), i + 1);
            QCOMPARE(inputs[i].toObject()["kind"].toString(), QStringLiteral("pdf"));
        }
        QVERIFY(a["timings"].toObject().contains(QStringLiteral("first_token_s")));
    }

    // The crop plan in the JSON is planCrops on the page sizes pdfinfo reports, at 144 dpi.
    void planEqualsPlannerOnPdfinfoSizes()
    {
        const Run info = run(QStringLiteral("pdfinfo"), {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("3"), kReport});
        QCOMPARE(info.exitCode, 0);
        // "Page    1 size: 612 x 792 pts (letter)"
        const QRegularExpression re(QStringLiteral("Page\\s+(\\d+) size:\\s+([\\d.]+) x ([\\d.]+) pts"));
        std::vector<leopard::PixelSize> sizes;
        for (auto it = re.globalMatch(QString::fromUtf8(info.out)); it.hasNext();) {
            const auto m = it.next();
            // Splash's page size: (int)(points * dpi / 72 + 0.5).
            sizes.push_back({int(m.captured(2).toDouble() * 144 / 72 + 0.5), int(m.captured(3).toDouble() * 144 / 72 + 0.5)});
        }
        QCOMPARE(int(sizes.size()), 3);
        // Pages 3, 1 (order as written) to see the order is kept.
        const std::vector<leopard::PixelSize> asked{sizes[2], sizes[0]};
        const leopard::CropPlan plan = leopard::planCrops(asked, leopard::PlanOptions{}); // tiny model: 364 px, 169 tokens as the real one

        const Run r = ask(common_ + QStringList{QStringLiteral("--json"), QStringLiteral("--max-new-tokens"), QStringLiteral("1"),
                                                QStringLiteral("--pages"), QStringLiteral("3,1"), kReport, QStringLiteral("--"), kQuestion});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject out = json(r);
        const QJsonArray inputs = out["inputs"].toArray();
        QCOMPARE(inputs.size(), 2);
        QCOMPARE(inputs[0].toObject()["page"].toInt(), 3);
        QCOMPARE(inputs[1].toObject()["page"].toInt(), 1);
        QCOMPARE(out["plan"].toObject()["budget"].toInt(), plan.budget);
        QCOMPARE(out["plan"].toObject()["total_model_images"].toInt(), plan.totalModelImages());
        for (int i = 0; i < 2; ++i) {
            const QJsonObject p = inputs[i].toObject()["plan"].toObject();
            const leopard::ImagePlan &want = plan.images[size_t(i)];
            QCOMPARE(p["width"].toInt(), want.original.width);
            QCOMPARE(p["height"].toInt(), want.original.height);
            QCOMPARE(p["wanted"].toInt(), want.wanted);
            QCOMPARE(p["allocated"].toInt(), want.allocated);
            QCOMPARE(p["grid"].toArray(), (QJsonArray{want.gridCols, want.gridRows}));
            QCOMPARE(p["canvas"].toArray(), (QJsonArray{want.canvas.width, want.canvas.height}));
            QCOMPARE(p["resized"].toArray(), (QJsonArray{want.resized.width, want.resized.height}));
            QCOMPARE(p["paste"].toArray(), (QJsonArray{want.pasteX, want.pasteY}));
            QCOMPARE(p["model_images"].toInt(), want.modelImages());
            QCOMPARE(out["model_images_per_image"].toArray()[i].toInt(), want.modelImages());
        }
        QCOMPARE(inputs[1].toObject()["first_model_image"].toInt(), plan.images[0].modelImages());
    }

    void streamsAnswerAndTimings()
    {
        const Run r = ask(common_ + QStringList{QStringLiteral("--pages"), QStringLiteral("2"), kReport, QStringLiteral("--"), kQuestion});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const Run j = ask(common_ + QStringList{QStringLiteral("--json"), QStringLiteral("--pages"), QStringLiteral("2"), kReport,
                                                QStringLiteral("--"), kQuestion});
        QVERIFY2(j.exitCode == 0, j.err.constData());
        QCOMPARE(QString::fromUtf8(r.out), json(j)["text"].toString() + QLatin1Char('\n'));
        const QString err = QString::fromUtf8(r.err);
        for (const char *line : {"timing: load", "timing: vision encode", "timing: time to first token", "tokens/s"})
            QVERIFY2(err.contains(QLatin1String(line)), qPrintable(err));
        // The --json run prints the same timing lines on stderr; stdout stays pure JSON.
        QVERIFY(QString::fromUtf8(j.err).contains(QLatin1String("timing: load")));
    }

    void imageFileThroughViewer()
    {
        const QString png = dir_.filePath(QStringLiteral("page-1.png"));
        const Run doc = ask(common_ + QStringList{QStringLiteral("--json"), png, QStringLiteral("--"), kQuestion});
        QVERIFY2(doc.exitCode == 0, doc.err.constData());
        const Run direct = ask(common_ + QStringList{QStringLiteral("--json"), QStringLiteral("--images"), png, QStringLiteral("--"), kQuestion});
        QVERIFY2(direct.exitCode == 0, direct.err.constData());
        QCOMPARE(json(doc)["generated_ids"].toArray(), json(direct)["generated_ids"].toArray());
        QCOMPARE(json(doc)["inputs"].toArray()[0].toObject()["kind"].toString(), QStringLiteral("image"));
    }

    void slideDeck()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("soffice")).isEmpty())
            QSKIP("LibreOffice (soffice) not installed");
        const Run r = ask(common_ + QStringList{QStringLiteral("--json"), QStringLiteral("--max-new-tokens"), QStringLiteral("1"),
                                                QStringLiteral("--pages"), QStringLiteral("1"), kDeck, QStringLiteral("--"), kQuestion});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject in = json(r)["inputs"].toArray()[0].toObject();
        QCOMPARE(in["kind"].toString(), QStringLiteral("slides"));
        QCOMPARE(in["page"].toInt(), 1);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("mentions");
        const QString corrupt = dir_.filePath(QStringLiteral("corrupt.pdf"));
        QFile c(corrupt);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write("%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n");
        c.close();
        const QString unsupported = dir_.filePath(QStringLiteral("notes.xyz"));
        QFile u(unsupported);
        QVERIFY(u.open(QIODevice::WriteOnly));
        u.write("hello");
        u.close();
        QStringList many;
        for (int i = 0; i < 11; ++i) // 11 x 5 pages = 55 > 50
            many << kReport;

        QTest::newRow("missing file") << QStringList{dir_.filePath(QStringLiteral("absent.pdf"))} << 1 << QStringList{QStringLiteral("absent.pdf")};
        QTest::newRow("corrupt pdf") << QStringList{corrupt} << 1 << QStringList{QStringLiteral("corrupt.pdf")};
        QTest::newRow("unsupported type") << QStringList{unsupported} << 1 << QStringList{QStringLiteral("notes.xyz"), QStringLiteral("not a supported")};
        QTest::newRow("over 50 pages") << many << 1 << QStringList{QStringLiteral("55"), QStringLiteral("50")};
        QTest::newRow("page out of range") << QStringList{QStringLiteral("--pages"), QStringLiteral("2,7"), kReport} << 1
                                           << QStringList{QStringLiteral("sample-report.pdf"), QStringLiteral("page 7")};
        QTest::newRow("page zero") << QStringList{QStringLiteral("--pages"), QStringLiteral("0-2"), kReport} << 1
                                   << QStringList{QStringLiteral("sample-report.pdf"), QStringLiteral("page 0")};
        QTest::newRow("backwards range") << QStringList{QStringLiteral("--pages"), QStringLiteral("3-1"), kReport} << 1
                                         << QStringList{QStringLiteral("sample-report.pdf"), QStringLiteral("3-1")};
        QTest::newRow("not a number") << QStringList{QStringLiteral("--pages"), QStringLiteral("one"), kReport} << 1
                                      << QStringList{QStringLiteral("sample-report.pdf"), QStringLiteral("'one'")};
        QTest::newRow("per-file spec") << QStringList{QStringLiteral("--pages"), QStringLiteral("1"), kReport, QStringLiteral("--pages"), QStringLiteral("6"),
                                                      dir_.filePath(QStringLiteral("page-1.png"))}
                                       << 1 << QStringList{QStringLiteral("page-1.png"), QStringLiteral("page 6")};
        QTest::newRow("pages with no file") << QStringList{kReport, QStringLiteral("--pages"), QStringLiteral("1")} << 2 << QStringList{QStringLiteral("no FILE")};
        QTest::newRow("bad dpi") << QStringList{QStringLiteral("--dpi"), QStringLiteral("wide"), kReport} << 2 << QStringList{QStringLiteral("usage")};
    }
    void badInput()
    {
        QFETCH(QStringList, files);
        QFETCH(int, exitCode);
        QFETCH(QStringList, mentions);
        const Run r = ask(common_ + files + QStringList{QStringLiteral("--"), kQuestion});
        QCOMPARE(r.exitCode, exitCode);
        const QString err = QString::fromUtf8(r.err);
        for (const QString &m : mentions)
            QVERIFY2(err.contains(m), qPrintable(err));
        QVERIFY2(!err.contains(QLatin1String("timing: load")), "bad input must be refused before the model loads");
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliAskDocuments)
#include "test_cli_ask_documents.moc"
