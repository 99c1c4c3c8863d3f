// `leopard-cli index` and `leopard-cli ask --pages auto` on a whole long report: 160 generated pages
// (tests/long_report/generate_long_report.py), 5 of them scans with no text layer, twelve facts at
// known pages, each asked about in other words. References, independent of the code under test: the
// generator's expected JSON (each fact's page), checked first against pdftotext (the fact's phrase is
// on that page and on no other; scanned pages have no text); the index file read with sqlite3 itself.
// Asserted: the fact's page is among the 3 picked for at least 11 of the 12 questions, and for all
// but at most one of the facts on scanned pages; the recall, all and scanned alone, is printed.
#include "tests/long_report/long_report.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }
using Run = leopard::test::ProcessRun;

Run cli(const QStringList &args) { return leopard::test::runCli(args, {}, 240000); }

} // namespace

class TestLongReportCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    leopard::test::LongReport m_report;
    QString m_index;

private slots:
    void initTestCase()
    {
        if (const QString missing = leopard::test::longReportToolsMissing(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        for (const char *tool : {"pdftotext", "tesseract"})
            if (QStandardPaths::findExecutable(S(tool)).isEmpty())
                QSKIP(qPrintable(S("%1 is not installed (poppler-utils, tesseract-ocr)").arg(S(tool))));
        QElapsedTimer t;
        t.start();
        m_report = leopard::test::makeLongReport(m_dir.path());
        QVERIFY2(m_report.error.isEmpty(), qPrintable(m_report.error));
        qInfo("long report generated in %.1f s: %d pages, scanned %s", t.elapsed() / 1000.0, m_report.pages,
              qPrintable(QString::number(m_report.scannedPages.size())));
        m_index = m_dir.filePath(S("index.sqlite"));
    }

    // The reference itself: at least 150 pages, 12 facts, at least 3 of them on scanned pages, each text
    // fact's phrase on its page only, the scanned pages without any text for pdftotext.
    void referenceAgainstPdftotext()
    {
        QVERIFY(m_report.pages >= 150);
        QCOMPARE(m_report.facts.size(), 12);
        int scannedFacts = 0;
        for (const auto &f : m_report.facts)
            scannedFacts += f.scanned ? 1 : 0;
        QVERIFY(scannedFacts >= 3);
        const QStringList text = leopard::test::pdftotextPages(m_report.pdf, m_report.pages);
        QCOMPARE(text.size(), m_report.pages);
        for (int p : m_report.scannedPages)
            QVERIFY2(text[p - 1].isEmpty(), qPrintable(S("scanned page %1 has text: %2").arg(p).arg(text[p - 1].left(80))));
        for (const auto &f : m_report.facts) {
            QCOMPARE(m_report.scannedPages.contains(f.page), f.scanned);
            if (f.scanned)
                continue;
            QList<int> holding;
            for (int p = 1; p <= m_report.pages; ++p)
                if (text[p - 1].contains(f.phrase))
                    holding << p;
            QCOMPARE(holding, QList<int>{f.page});
        }
    }

    // OCR reads the scans: said on stderr, and the index file holds them with source 'ocr' and words.
    void indexReadsTheScansByOcr()
    {
        QElapsedTimer t;
        t.start();
        const Run r = cli({S("index"), S("--index"), m_index, m_report.pdf});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        qInfo("leopard-cli index: %.1f s", t.elapsed() / 1000.0);
        const QByteArray said = QByteArray::number(m_report.pages) + " pages indexed ("
            + QByteArray::number(m_report.scannedPages.size()) + " read by OCR)";
        QVERIFY2(r.err.contains(said), r.err.right(400).constData());
        QVERIFY2(!r.err.contains("with no text found"), r.err.right(400).constData());

        QFile f(m_report.pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray sha = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(QFile::encodeName(m_index).constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt *s = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT page, source, words FROM pages WHERE sha = ?1 ORDER BY page", -1, &s, nullptr), SQLITE_OK);
        sqlite3_bind_text(s, 1, sha.constData(), int(sha.size()), SQLITE_TRANSIENT);
        int rows = 0;
        QStringList wrong;
        while (sqlite3_step(s) == SQLITE_ROW) {
            ++rows;
            const int page = sqlite3_column_int(s, 0) + 1;
            const QString source = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, 1)));
            const int words = sqlite3_column_int(s, 2);
            const bool scanned = m_report.scannedPages.contains(page);
            // A scan page holds some 500 words; OCR must find most of them.
            if (source != (scanned ? S("ocr") : S("text")) || words < (scanned ? 300 : 20))
                wrong << S("p. %1: %2, %3 words").arg(page).arg(source).arg(words);
        }
        sqlite3_finalize(s);
        sqlite3_close(db);
        QCOMPARE(rows, m_report.pages);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(S("; "))));
    }

    // Each question with --pages auto: the fact's page among the 3 picked.
    void askPicksTheFactsPage()
    {
        QVector<bool> hits, scannedHits;
        QStringList misses;
        QElapsedTimer t;
        t.start();
        for (const auto &f : m_report.facts) {
            const Run r = cli({S("ask"), S("--model"), S(LEOPARD_BINARY_DIR "/demo-model"), S("--max-new-tokens"), S("1"),
                               S("--no-save"), S("--index"), m_index, S("--json"), S("--pages"), S("auto"), m_report.pdf,
                               S("--"), f.question});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY2(r.err.contains("indexed already (" + QByteArray::number(m_report.pages) + " pages)"), r.err.constData());
            const QJsonObject out = QJsonDocument::fromJson(r.out).object();
            const QJsonArray picked = out[S("picked_pages")].toArray();
            QVERIFY(!picked.isEmpty() && picked.size() <= 3);
            QList<int> pages;
            QStringList said;
            for (const QJsonValue &v : picked) {
                const QJsonObject o = v.toObject();
                pages << o[S("page")].toInt();
                QStringList matched;
                for (const QJsonValue &m : o[S("matched")].toArray())
                    matched << m.toString();
                said << S("p. %1 (%2)").arg(pages.last()).arg(matched.join(S(", ")));
            }
            // The model was asked about exactly the picked pages.
            QList<int> asked;
            for (const QJsonValue &v : out[S("inputs")].toArray())
                asked << v.toObject()[S("page")].toInt();
            QList<int> sorted = pages;
            std::sort(sorted.begin(), sorted.end());
            QCOMPARE(asked, sorted);
            const bool hit = pages.contains(f.page);
            hits << hit;
            if (f.scanned)
                scannedHits << hit;
            const QString line = S("%1 %2 (p. %3%4): picked %5").arg(hit ? S("hit ") : S("MISS"), f.id).arg(f.page)
                                     .arg(f.scanned ? S(", scanned") : QString(), said.join(S(", ")));
            qInfo("%s", qPrintable(line));
            if (!hit)
                misses << line + S(" — asked: ") + f.question;
        }
        const int all = leopard::test::countTrue(hits), scanned = leopard::test::countTrue(scannedHits);
        qInfo("ask --pages auto recall: %d of %d facts; scanned pages alone: %d of %d (%.1f s for %d questions)", all,
              int(hits.size()), scanned, int(scannedHits.size()), t.elapsed() / 1000.0, int(hits.size()));
        QVERIFY2(all >= 11, qPrintable(misses.join(S("\n"))));
        QVERIFY2(scanned >= int(scannedHits.size()) - 1, qPrintable(misses.join(S("\n"))));
    }
};

QTEST_GUILESS_MAIN(TestLongReportCli)
#include "test_long_report_cli.moc"
