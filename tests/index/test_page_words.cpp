// viewer::Document::pageWords() (Poppler's text boxes, normalised) against `pdftotext -bbox` on the
// sample report and the sample deck's converted PDF: every word of the reference is found, with the
// same text and a box within 1 pt, and no word is extra. Also: pages of an image file have no words,
// and index::readPages() marks them "none" while text pages are "text".
#include "index/document_indexer.h"
#include "pdftotext_words.h"
#include "viewer/document_opener.h"

#include <QDirIterator>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace leopard;

class TestPageWords : public QObject {
    Q_OBJECT

    // Compares one document page by page with pdftotext on `pdf` (the file Poppler renders).
    void compare(const viewer::Document &doc, const QString &pdf)
    {
        int words = 0;
        double worst = 0;
        for (int page = 0; page < doc.pageCount(); ++page) {
            const RefPage ref = pdftotextWords(pdf, page + 1);
            QVERIFY2(ref.ok, qPrintable(pdf));
            const QSizeF size = doc.pageSizePoints(page);
            QVERIFY(std::abs(size.width() - ref.width) < 0.01 && std::abs(size.height() - ref.height) < 0.01);
            const QVector<viewer::PageWord> ours = doc.pageWords(page);
            QCOMPARE(ours.size(), ref.words.size());
            QVector<bool> used(ours.size(), false);
            for (const RefWord &w : ref.words) {
                int found = -1;
                double error = 1e9;
                for (int i = 0; i < ours.size(); ++i) {
                    if (used[i] || ours[i].text != w.text)
                        continue;
                    const QRectF b(ours[i].box.x() * size.width(), ours[i].box.y() * size.height(),
                                   ours[i].box.width() * size.width(), ours[i].box.height() * size.height());
                    const double e = std::max({std::abs(b.left() - w.box.left()), std::abs(b.top() - w.box.top()),
                                               std::abs(b.right() - w.box.right()), std::abs(b.bottom() - w.box.bottom())});
                    if (e < error)
                        error = e, found = i;
                }
                QVERIFY2(found >= 0 && error <= 1.0,
                         qPrintable(QStringLiteral("page %1: \"%2\" at %3,%4 (nearest %5 pt off)").arg(page + 1).arg(w.text)
                                        .arg(w.box.left()).arg(w.box.top()).arg(error)));
                used[found] = true;
                worst = std::max(worst, error);
                ++words;
            }
        }
        qInfo("%s: %d words, all found, largest box difference %.3f pt", qPrintable(QFileInfo(pdf).fileName()), words, worst);
        QVERIFY(words > 100);
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
    }

    void reportWordsEqualPdftotext()
    {
        const QString pdf = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
        const viewer::OpenResult r = viewer::openDocument(pdf);
        QVERIFY2(r.ok(), qPrintable(r.message));
        compare(*r.document, pdf);
        const QVector<index::IndexedPage> pages = index::readPages(*r.document);
        QCOMPARE(pages.size(), r.document->pageCount());
        for (const index::IndexedPage &p : pages)
            QCOMPARE(p.source, QStringLiteral("text"));
    }

    // A deck is converted by LibreOffice; the words come from the converted PDF.
    void deckWordsEqualPdftotextOnItsPdf()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("soffice")).isEmpty())
            QSKIP("LibreOffice is not installed");
        QTemporaryDir dir;
        qputenv("XDG_CACHE_HOME", dir.filePath(QStringLiteral("cache")).toUtf8());
        const viewer::OpenResult r = viewer::openDocument(QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-deck.odp"));
        QVERIFY2(r.ok(), qPrintable(r.message));
        // The converted PDF: the one file in the slides cache.
        QStringList pdfs;
        for (QDirIterator it(dir.path(), {QStringLiteral("*.pdf")}, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
            pdfs << it.next();
        QCOMPARE(pdfs.size(), 1);
        compare(*r.document, pdfs.first());
    }

    void imagePagesHaveNoText()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("scan.png"));
        QImage image(300, 200, QImage::Format_RGB32);
        image.fill(Qt::white);
        QVERIFY(image.save(png));
        const viewer::OpenResult r = viewer::openDocument(png);
        QVERIFY(r.ok());
        QVERIFY(r.document->pageWords(0).isEmpty());
        const QVector<index::IndexedPage> pages = index::readPages(*r.document);
        QCOMPARE(pages.size(), 1);
        QCOMPARE(pages[0].source, QStringLiteral("none"));
    }

    // A broken ToUnicode map gives symbols and private-use characters: not a usable text layer.
    void garbageTextIsNotUsable()
    {
        QVector<viewer::PageWord> garbage{{QString(QChar(0xE012)) + QChar(0xE044) + QChar(0xE001), {}},
                                          {QStringLiteral("#$%&"), {}}, {QStringLiteral("a"), {}}};
        QVERIFY(!index::isUsableText(garbage));
        QVERIFY(!index::isUsableText({}));
        QVERIFY(index::isUsableText({{QStringLiteral("Revenue"), {}}, {QStringLiteral("2023:"), {}}}));
    }
};

QTEST_GUILESS_MAIN(TestPageWords)
#include "test_page_words.moc"
