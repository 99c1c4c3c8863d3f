// `leopard-cli index` and `leopard-cli search` as a user runs them (the built binary under QProcess)
// on the sample report. References: each hit page's text from `pdftotext` (poppler-utils) holds the
// matched words; every returned box is the box of a word `pdftotext -bbox` gives on that page, equal
// to a query word, within 1 pt; the ranking is the order of the hits' bm25 as the JSON reports it;
// the index file is read with the sqlite3 library, not through the code under test; a document is
// found by its content after a move; bad input exits non-zero naming the file.
#include "index/text_fold.h"
#include "pdftotext_words.h"
#include "tests/common/process_run.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <cmath>

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }
using Run = leopard::test::ProcessRun;

Run cli(const QStringList &args) { return leopard::test::runCli(args, {}, 120000); }

} // namespace

class TestCliSearch : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_report, m_index;

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(S("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        m_report = m_dir.filePath(S("report.pdf"));
        QVERIFY(QFile::copy(S(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf"), m_report));
        m_index = m_dir.filePath(S("index.sqlite"));
    }

    void indexOnceThenKnown()
    {
        Run r = cli({S("index"), S("--index"), m_index, m_report});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("5 pages indexed"), r.err.constData());
        // The file, read with sqlite3 itself: the document by its SHA-256, 5 pages from the text layer.
        QFile f(m_report);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray sha = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(QFile::encodeName(m_index).constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt *s = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT count(*), sum(source = 'text') FROM pages WHERE sha = ?1", -1, &s, nullptr), SQLITE_OK);
        sqlite3_bind_text(s, 1, sha.constData(), int(sha.size()), SQLITE_TRANSIENT);
        QCOMPARE(sqlite3_step(s), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(s, 0), 5);
        QCOMPARE(sqlite3_column_int(s, 1), 5);
        sqlite3_finalize(s);
        sqlite3_close(db);
        r = cli({S("index"), S("--index"), m_index, m_report});
        QVERIFY2(r.exitCode == 0 && r.err.contains("indexed already (5 pages)"), r.err.constData());
    }

    void searchJsonAgainstPdftotext()
    {
        const QString query = S("How long was the dwell time at the terminals?");
        const Run r = cli({S("search"), S("--index"), m_index, S("--json"), S("--limit"), S("3"), m_report, S("--"), query});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject out = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(out[S("query")].toString(), query);
        const QJsonArray hits = out[S("hits")].toArray();
        QVERIFY(!hits.isEmpty() && hits.size() <= 3);
        const QStringList terms{S("long"), S("dwell"), S("time"), S("terminals")};
        double previous = 1e300;
        for (const QJsonValue &v : hits) {
            const QJsonObject h = v.toObject();
            QCOMPARE(h[S("file")].toString(), m_report);
            const int page = h[S("page")].toInt();
            QVERIFY(page >= 1 && page <= 5);
            QVERIFY(h[S("score")].toDouble() <= previous); // best first
            previous = h[S("score")].toDouble();
            QCOMPARE(h[S("score")].toDouble(), -h[S("bm25")].toDouble());
            // Every matched word is on that page as pdftotext reads it.
            const QStringList pageTokens = leopard::index::foldedTokens(pdftotextPage(m_report, page));
            const QJsonArray matched = h[S("matched")].toArray();
            QVERIFY(!matched.isEmpty());
            for (const QJsonValue &m : matched) {
                QVERIFY(terms.contains(m.toString()));
                QVERIFY2(pageTokens.contains(m.toString()), qPrintable(m.toString()));
            }
            // Every box is a pdftotext word of that page that is one of the query's words.
            const RefPage ref = pdftotextWords(m_report, page);
            QVERIFY(ref.ok);
            const QJsonArray boxes = h[S("boxes")].toArray();
            QVERIFY(!boxes.isEmpty());
            for (const QJsonValue &bv : boxes) {
                const QJsonArray b = bv.toArray();
                QCOMPARE(b.size(), 4);
                const QRectF box(QPointF(b[0].toDouble() * ref.width, b[1].toDouble() * ref.height),
                                 QPointF(b[2].toDouble() * ref.width, b[3].toDouble() * ref.height));
                bool found = false;
                for (const RefWord &w : ref.words) {
                    const double e = std::max({std::abs(box.left() - w.box.left()), std::abs(box.top() - w.box.top()),
                                               std::abs(box.right() - w.box.right()), std::abs(box.bottom() - w.box.bottom())});
                    bool isTerm = false;
                    for (const QString &t : leopard::index::foldedTokens(w.text))
                        isTerm = isTerm || terms.contains(t);
                    found = found || (e <= 1.0 && isTerm);
                }
                QVERIFY2(found, qPrintable(QStringLiteral("page %1: box %2,%3 is no query word").arg(page).arg(box.left()).arg(box.top())));
            }
        }
        // The best page: the one where pdftotext finds "dwell" the most often.
        int bestPage = 0, bestCount = -1;
        for (int p = 1; p <= 5; ++p) {
            const int c = int(leopard::index::foldedTokens(pdftotextPage(m_report, p)).count(S("dwell")));
            if (c > bestCount)
                bestCount = c, bestPage = p;
        }
        QCOMPARE(hits.first().toObject()[S("page")].toInt(), bestPage);
    }

    void movedFileIsKnownByContent()
    {
        const QString moved = m_dir.filePath(S("elsewhere.pdf"));
        QVERIFY(QFile::rename(m_report, moved));
        const Run r = cli({S("search"), S("--index"), m_index, moved, S("--"), S("freight")});
        QFile::rename(moved, m_report);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("indexed already"), r.err.constData());
        QVERIFY2(r.out.contains("elsewhere.pdf p. "), r.out.constData());
    }

    // ask --pages auto: questions worded unlike the text; the page that holds the answer (found here
    // with pdftotext, by a phrase of the answer) is among the 3 picked, and --json lists the picks.
    void askPicksThePageWithTheAnswer_data()
    {
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("answerPhrase");
        QTest::newRow("spot rate") << S("What did shipping one forty-foot box cost on the transpacific spot market?") << S("2,140 dollars");
        QTest::newRow("forecast") << S("Which range is forecast for volumes in the final quarter of the year?") << S("between 1,900 and 1,960");
        QTest::newRow("labour") << S("Could a strike at the inland rail yards hurt the outlook?") << S("labour dispute");
        QTest::newRow("bars") << S("In which unit are the bar heights of the chart?") << S("Bar heights are in thousand TEU");
        QTest::newRow("demand") << S("Why did demand for imported consumer goods pick up?") << S("lower inventory levels");
    }
    void askPicksThePageWithTheAnswer()
    {
        QFETCH(QString, question);
        QFETCH(QString, answerPhrase);
        const int answerPage = pdftotextPageWith(m_report, answerPhrase, 5);
        QVERIFY2(answerPage > 0, qPrintable(answerPhrase));
        const Run r = cli({S("ask"), S("--model"), S(LEOPARD_BINARY_DIR "/demo-model"), S("--max-new-tokens"), S("1"),
                           S("--no-save"), S("--index"), m_index, S("--json"), S("--pages"), S("auto"), m_report, S("--"), question});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject out = QJsonDocument::fromJson(r.out).object();
        const QJsonArray picked = out[S("picked_pages")].toArray();
        QVERIFY(!picked.isEmpty() && picked.size() <= 3);
        QList<int> pages;
        for (const QJsonValue &v : picked)
            pages << v.toObject()[S("page")].toInt();
        QVERIFY2(pages.contains(answerPage), qPrintable(QStringLiteral("answer on p. %1, picked %2").arg(answerPage)
                                                           .arg(QString::fromUtf8(QJsonDocument(picked).toJson(QJsonDocument::Compact)))));
        // The model was asked about exactly the picked pages, in document order.
        QList<int> asked;
        for (const QJsonValue &v : out[S("inputs")].toArray())
            asked << v.toObject()[S("page")].toInt();
        QList<int> sorted = pages;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(asked, sorted);
        QVERIFY2(r.err.contains("picked: report.pdf p. "), r.err.constData());
    }

    void askWithNothingMatchingSaysSo()
    {
        const Run r = cli({S("ask"), S("--model"), S(LEOPARD_BINARY_DIR "/demo-model"), S("--no-save"), S("--index"), m_index,
                           S("--pages"), S("auto"), m_report, S("--"), S("zebra giraffe okapi")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no page of report.pdf matches the question") && r.err.contains("zebra, giraffe, okapi"), r.err.constData());
    }

    void badInput()
    {
        Run r = cli({S("search"), S("--index"), m_index, m_dir.filePath(S("missing.pdf")), S("--"), S("x")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("missing.pdf"), r.err.constData());
        r = cli({S("search"), S("--index"), m_index, m_report});
        QCOMPARE(r.exitCode, 2); // no query
        r = cli({S("search"), S("--index"), m_index, m_report, S("--"), S("what is the")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("No page matches"), r.out.constData());
        // A damaged index file: set aside, said so, and the search still answers.
        const QString damaged = m_dir.filePath(S("damaged.sqlite"));
        QFile f(damaged);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, '\x01'));
        f.close();
        r = cli({S("search"), S("--index"), damaged, m_report, S("--"), S("freight")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("moved aside"), r.err.constData());
        QVERIFY(r.out.contains("report.pdf p. "));
    }
};

QTEST_GUILESS_MAIN(TestCliSearch)
#include "test_cli_search.moc"
