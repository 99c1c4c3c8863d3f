// Documents that are hard to index, made at test time by tests/index/make_test_pdfs.py (raw PDF,
// stdlib Python), against references the code under test did not produce:
// - a garbage text layer (a /ToUnicode CMap mapping the codes to private-use characters on one page,
//   to mathematical symbols on another): `pdftotext` shows the layer is broken (none of the words
//   drawn, no Latin letter), isUsableText() rejects those pages and accepts the sound control page,
//   readPages() reads the broken pages by OCR (source "ocr") and finds >= 90 % of the words the
//   generator says it drew, the control page from its text layer (source "text", pdftotext's words);
// - a 2 000-page document opened through the viewer, read and added to the index: a word that
//   `pdftotext` finds on page 1733 only is found there, with pdftotext -bbox's box (within 1 pt); the
//   process grows by less than 200 MiB doing it. Speed is printed, not asserted.
#include "index/document_indexer.h"
#include "index/text_fold.h"
#include "pdftotext_words.h"
#include "test_pdfs.h"
#include "tests/common/file_hash.h"
#include "viewer/document_opener.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace leopard;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

// A multiset of folded tokens, for recall counts.
QMap<QString, int> tokenCounts(const QStringList &words)
{
    QMap<QString, int> counts;
    for (const QString &w : words)
        for (const QString &t : index::foldedTokens(w))
            ++counts[t];
    return counts;
}

QStringList wordTexts(const QVector<index::IndexedWord> &words)
{
    QStringList out;
    for (const index::IndexedWord &w : words)
        out << w.text;
    return out;
}

} // namespace

class TestIndexBadInput : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        if (const QString why = test::pythonMissing(); !why.isEmpty())
            QSKIP(qPrintable(why));
        for (const char *tool : {"pdftotext", "tesseract"})
            if (QStandardPaths::findExecutable(S(tool)).isEmpty())
                QSKIP(qPrintable(S("%1 is not installed (poppler-utils, tesseract-ocr)").arg(S(tool))));
    }

    void garbageTextLayerIsReadByOcr()
    {
        if (!index::missingLanguageData({S("eng")}).isEmpty())
            QSKIP("tesseract-ocr-eng is not installed");
        const QString pdf = m_dir.filePath(S("garbage.pdf")), manifestPath = m_dir.filePath(S("garbage.json"));
        const QString made = test::makeTestPdf({S("garbage"), pdf, manifestPath});
        QVERIFY2(made.isEmpty(), qPrintable(made));
        QFile mf(manifestPath);
        QVERIFY(mf.open(QIODevice::ReadOnly));
        const QJsonArray manifest = QJsonDocument::fromJson(mf.readAll()).object()[S("pages")].toArray();
        QCOMPARE(manifest.size(), 3);
        QVector<QStringList> drawn;
        for (const QJsonValue &p : manifest) {
            QStringList words;
            for (const QJsonValue &w : p.toObject()[S("words")].toArray())
                words << w.toString();
            drawn << words;
        }

        // The reference that pages 2 and 3 are broken and page 1 is not: pdftotext's text.
        const QMap<QString, int> control = tokenCounts(drawn[0]);
        QCOMPARE(tokenCounts(pdftotextPage(pdf, 1).split(QLatin1Char(' '))), control);
        for (int page = 2; page <= 3; ++page) {
            const QString text = pdftotextPage(pdf, page);
            const QMap<QString, int> got = tokenCounts(text.split(QRegularExpression(S("\\s+"))));
            for (const QString &w : tokenCounts(drawn[page - 1]).keys())
                QVERIFY2(!got.contains(w), qPrintable(S("pdftotext reads \"%1\" on page %2: the layer is not broken").arg(w).arg(page)));
            int chars = 0;
            for (const QChar c : text)
                if (!c.isSpace()) {
                    ++chars;
                    // Private use (U+E000 block) or mathematical operators (U+2200 block): no Latin letter.
                    QVERIFY2(c.unicode() >= 0x2200, qPrintable(S("page %1: U+%2").arg(page).arg(c.unicode(), 4, 16)));
                }
            QVERIFY2(chars > 100, qPrintable(S("page %1: %2 characters from pdftotext").arg(page).arg(chars)));
        }

        const viewer::OpenResult opened = viewer::openDocument(pdf);
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.document->pageCount(), 3);
        QVERIFY(index::isUsableText(opened.document->pageWords(0)));
        QVERIFY(!index::isUsableText(opened.document->pageWords(1)));
        QVERIFY(!index::isUsableText(opened.document->pageWords(2)));

        index::OcrOptions ocr;
        QString problem;
        QElapsedTimer t;
        t.start();
        const QVector<index::IndexedPage> pages = index::readPages(*opened.document, nullptr, {}, &ocr, &problem);
        qInfo("3 pages read, 2 by OCR, in %lld ms", t.elapsed());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(pages.size(), 3);
        QCOMPARE(pages[0].source, S("text"));
        QCOMPARE(tokenCounts(wordTexts(pages[0].words)), control);
        for (int i = 1; i <= 2; ++i) {
            QCOMPARE(pages[i].source, S("ocr"));
            const QMap<QString, int> want = tokenCounts(drawn[i]);
            QMap<QString, int> got = tokenCounts(wordTexts(pages[i].words));
            int wanted = 0, found = 0;
            for (auto it = want.cbegin(); it != want.cend(); ++it) {
                wanted += it.value();
                found += std::min(it.value(), got.value(it.key()));
            }
            qInfo("page %d: OCR found %d of the %d words drawn", i + 1, found, wanted);
            QVERIFY2(found >= 0.9 * wanted, qPrintable(wordTexts(pages[i].words).join(QLatin1Char(' '))));
            for (const index::IndexedWord &w : pages[i].words)
                for (const QChar c : w.text)
                    QVERIFY2(c.category() != QChar::Other_PrivateUse && c.unicode() < 0x2200, qPrintable(w.text));
        }

        // Indexed, the drawn words are found on the OCR'd pages.
        index::PageIndex idx(m_dir.filePath(S("garbage.sqlite")));
        QString error;
        QVERIFY2(idx.addDocument(S("garbage"), pdf, pages, &error), qPrintable(error));
        const QVector<index::SearchHit> hits = idx.search({S("garbage")}, S("container volumes"), 5);
        QCOMPARE(hits.size(), 2);
        QCOMPARE(QSet<int>({hits[0].page, hits[1].page}), QSet<int>({1, 2}));
        QCOMPARE(idx.search({S("garbage")}, S("terminal operations"), 5).value(0).page, 0);
    }

    void longDocumentFindsThePageOfItsWord()
    {
        const int kPages = 2000, kNeedlePage = 1733;
        const QString needle = S("quetzalcoatl");
        const QString pdf = m_dir.filePath(S("long.pdf"));
        QElapsedTimer t;
        t.start();
        const QString made = test::makeTestPdf({S("long"), pdf, S("--pages"), QString::number(kPages), S("--needle"), needle,
                                                S("--needle-page"), QString::number(kNeedlePage)});
        QVERIFY2(made.isEmpty(), qPrintable(made));
        qInfo("generated %d pages (%lld KiB) in %lld ms", kPages, QFileInfo(pdf).size() / 1024, t.elapsed());

        // Reference: pdftotext over the whole file, pages split at form feeds.
        const test::ProcessRun ref = test::runProcess(S("pdftotext"), {pdf, S("-")}, {}, 120000);
        QCOMPARE(ref.exitCode, 0);
        const QStringList refPages = QString::fromUtf8(ref.out).split(QLatin1Char('\f'));
        QVERIFY(refPages.size() >= kPages);
        QList<int> withNeedle;
        for (int i = 0; i < kPages; ++i)
            if (index::foldedTokens(refPages[i]).contains(needle))
                withNeedle << i + 1;
        QCOMPARE(withNeedle, QList<int>{kNeedlePage});

        const qint64 rssBefore = test::procStatusKiB("VmRSS");
        t.restart();
        const viewer::OpenResult opened = viewer::openDocument(pdf);
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.document->pageCount(), kPages);
        const qint64 openMs = t.elapsed();
        t.restart();
        const QVector<index::IndexedPage> pages = index::readPages(*opened.document);
        const qint64 readMs = t.elapsed();
        QCOMPARE(pages.size(), kPages);
        for (const index::IndexedPage &p : pages)
            QVERIFY2(p.source == S("text") && p.words.size() >= 60, qPrintable(S("page %1: %2").arg(p.page + 1).arg(p.source)));
        const QString sha = QString::fromLatin1(test::fileSha256(pdf));
        index::PageIndex idx(m_dir.filePath(S("long.sqlite")));
        QString error;
        t.restart();
        QVERIFY2(idx.addDocument(sha, pdf, pages, &error), qPrintable(error));
        const qint64 addMs = t.elapsed();
        const qint64 rssAfter = test::procStatusKiB("VmRSS");
        qInfo("open %lld ms, text layer %lld ms (%.0f pages/s), index %lld ms (%.0f pages/s); memory %lld -> %lld MiB "
              "(peak %lld MiB)", openMs, readMs, kPages * 1000.0 / std::max<qint64>(1, readMs), addMs,
              kPages * 1000.0 / std::max<qint64>(1, addMs), rssBefore / 1024, rssAfter / 1024, test::procStatusKiB("VmHWM") / 1024);
        // ~130 000 words with their boxes are held once in `pages` (tens of MiB); a leak per page or a
        // copy of every page image would be far more.
        QVERIFY2(rssAfter - rssBefore < 200 * 1024, qPrintable(S("grew by %1 MiB").arg((rssAfter - rssBefore) / 1024)));

        t.restart();
        const QVector<index::SearchHit> hits = idx.search({sha}, needle, 5);
        qInfo("search over %d pages: %lld ms", kPages, t.elapsed());
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].page + 1, kNeedlePage);
        QCOMPARE(hits[0].matched, QStringList{needle});
        QCOMPARE(hits[0].boxes.size(), 1);
        const RefPage words = pdftotextWords(pdf, kNeedlePage);
        QVERIFY(words.ok);
        QRectF refBox;
        for (const RefWord &w : words.words)
            if (w.text == needle)
                refBox = w.box;
        const QRectF b = hits[0].boxes[0];
        const QRectF points(b.left() * words.width, b.top() * words.height, b.width() * words.width, b.height() * words.height);
        QVERIFY2(std::abs(points.left() - refBox.left()) < 1 && std::abs(points.right() - refBox.right()) < 1
                     && std::abs(points.top() - refBox.top()) < 1 && std::abs(points.bottom() - refBox.bottom()) < 1,
                 qPrintable(S("box %1,%2 %3x%4 vs pdftotext %5,%6 %7x%8").arg(points.x()).arg(points.y()).arg(points.width())
                                .arg(points.height()).arg(refBox.x()).arg(refBox.y()).arg(refBox.width()).arg(refBox.height())));
        QCOMPARE(idx.pageCount(sha), kPages);
    }
};

QTEST_GUILESS_MAIN(TestIndexBadInput)
#include "test_index_bad_input.moc"
