// OCR (index/ocr.h) on sample-report pages rendered without their text layer by pdftoppm at 144 dpi:
// - word recall >= 95 % against the page's words as pdftotext -bbox gives them (folded, as a multiset),
//   and for >= 90 % of the matched words the OCR box overlaps the text-layer box (IoU >= 0.5);
// - the words and boxes equal what the `tesseract` CLI gives for the same preprocessed image;
// - a missing language pack names its Debian package; a page past its time limit says so;
// - a tilted scan is straightened (deskew angle found); an image document is indexed by OCR and found.
#include "index/document_indexer.h"
#include "index/ocr.h"
#include "index/text_fold.h"
#include "pdftotext_words.h"
#include "viewer/document_opener.h"

#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace leopard;

namespace {
QString S(const char *s) { return QString::fromUtf8(s); }
const QString kReport = S(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");

double iou(const QRectF &a, const QRectF &b)
{
    const QRectF i = a.intersected(b);
    const double inter = i.isValid() ? i.width() * i.height() : 0;
    const double uni = a.width() * a.height() + b.width() * b.height() - inter;
    return uni > 0 ? inter / uni : 0;
}
} // namespace

class TestOcr : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QImage rendered(int page) // pdftoppm: the page as pixels only
    {
        const QString stem = m_dir.filePath(QStringLiteral("p%1").arg(page));
        QProcess p;
        p.start(S("pdftoppm"), {S("-r"), S("144"), S("-png"), S("-singlefile"), S("-f"), QString::number(page), S("-l"),
                                QString::number(page), kReport, stem});
        p.waitForFinished(60000);
        return QImage(stem + S(".png"));
    }

private slots:
    void initTestCase()
    {
        for (const char *tool : {"pdftoppm", "pdftotext", "tesseract"})
            if (QStandardPaths::findExecutable(S(tool)).isEmpty())
                QSKIP(qPrintable(S("%1 is not installed (poppler-utils, tesseract-ocr)").arg(S(tool))));
        if (!index::missingLanguageData({S("eng")}).isEmpty())
            QSKIP("tesseract-ocr-eng is not installed");
    }

    void recallAndBoxesAgainstTheTextLayer()
    {
        int refWords = 0, found = 0, overlapping = 0;
        for (int page = 1; page <= 5; ++page) {
            const QImage image = rendered(page);
            QVERIFY(!image.isNull());
            const index::OcrResult r = index::recognise(image);
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
            const RefPage ref = pdftotextWords(kReport, page);
            QVERIFY(ref.ok);
            QVector<bool> used(r.words.size(), false);
            int pageFound = 0;
            for (const RefWord &w : ref.words) {
                const QStringList tokens = index::foldedTokens(w.text);
                if (tokens.isEmpty())
                    continue;
                ++refWords;
                const QRectF refBox(w.box.x() / ref.width, w.box.y() / ref.height, w.box.width() / ref.width, w.box.height() / ref.height);
                int best = -1;
                double bestIou = -1;
                for (int i = 0; i < r.words.size(); ++i) {
                    if (used[i] || index::foldedTokens(r.words[i].text) != tokens)
                        continue;
                    const double o = iou(refBox, r.words[i].box);
                    if (o > bestIou)
                        bestIou = o, best = i;
                }
                if (best < 0)
                    continue;
                used[best] = true;
                ++found, ++pageFound;
                overlapping += bestIou >= 0.5 ? 1 : 0;
            }
            qInfo("page %d: %d of %d words read", page, pageFound, int(ref.words.size()));
        }
        const double recall = double(found) / refWords, overlap = double(overlapping) / found;
        qInfo("OCR at 144 dpi: recall %.1f %% (%d of %d words), boxes overlapping the text layer's (IoU >= 0.5) %.1f %%",
              100 * recall, found, refWords, 100 * overlap);
        QVERIFY(recall >= 0.95);
        QVERIFY(overlap >= 0.90);
    }

    void sameAsTheTesseractCli()
    {
        const QImage image = rendered(1);
        QImage pixels = index::preprocessForOcr(image);
        pixels.setDotsPerMeterX(qRound(144 / 0.0254));
        pixels.setDotsPerMeterY(qRound(144 / 0.0254));
        const QString png = m_dir.filePath(S("pre.png"));
        QVERIFY(pixels.save(png));
        QProcess p;
        p.start(S("tesseract"), {png, S("stdout"), S("-l"), S("eng"), S("--psm"), S("3"), S("tsv")});
        QVERIFY(p.waitForFinished(120000));
        // TSV rows: level 4 = a text line, 5 = a word of the last line; a word's box as ours is the
        // word's left and width with its line's top and bottom (when the word reaches beyond, its own).
        QStringList cliWords;
        QVector<QRect> cliBoxes;
        QRect line;
        for (const QString &row : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'))) {
            const QStringList f = row.split(QLatin1Char('\t'));
            if (f.size() < 12)
                continue;
            const QRect box(f[6].toInt(), f[7].toInt(), f[8].toInt(), f[9].toInt());
            if (f[0] == S("4"))
                line = box;
            if (f[0] != S("5") || f[11].trimmed().isEmpty())
                continue;
            cliWords << f[11].trimmed();
            const int top = std::min(box.top(), line.top()), bottom = std::max(box.y() + box.height(), line.y() + line.height());
            cliBoxes << QRect(box.x(), top, box.width(), bottom - top);
        }
        const index::OcrResult r = index::recognise(image);
        QStringList ours;
        for (const viewer::PageWord &w : r.words)
            ours << w.text;
        QVERIFY(cliWords.size() > 50);
        QCOMPARE(ours, cliWords);
        for (int i = 0; i < cliBoxes.size(); ++i) {
            const QRectF b = r.words[i].box;
            const QRect px(qRound(b.x() * pixels.width()), qRound(b.y() * pixels.height()), qRound(b.width() * pixels.width()),
                           qRound(b.height() * pixels.height()));
            QCOMPARE(px, cliBoxes[i]);
        }
    }

    void missingLanguagePackAndTimeLimit()
    {
        QCOMPARE(index::ocrLanguagesFor(S("zh_CN")), (QStringList{S("chi_sim"), S("eng")}));
        QCOMPARE(index::ocrLanguagesFor(S("en")), QStringList{S("eng")});
        const QImage image = rendered(2);
        index::OcrOptions o;
        o.languages = {S("eng"), S("xyz")};
        index::OcrResult r = index::recognise(image, o);
        QVERIFY(r.words.isEmpty());
        QVERIFY2(r.error.contains(S("xyz")) && r.error.contains(S("apt install tesseract-ocr-xyz")), qPrintable(r.error));
        o.languages = {S("eng")};
        o.timeLimitMs = 1;
        r = index::recognise(image, o);
        QVERIFY(r.timedOut);
        QVERIFY2(r.error.contains(S("limit")), qPrintable(r.error));
    }

    void tiltedScanIsStraightened()
    {
        const QImage image = rendered(1);
        QImage tilted(image.size(), QImage::Format_RGB32);
        tilted.fill(Qt::white);
        {
            QPainter painter(&tilted);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            painter.translate(image.width() / 2.0, image.height() / 2.0);
            painter.rotate(3);
            painter.translate(-image.width() / 2.0, -image.height() / 2.0);
            painter.drawImage(0, 0, image);
        }
        double angle = 0;
        index::preprocessForOcr(tilted, &angle);
        QVERIFY2(std::abs(std::abs(angle) - 3) < 0.5, qPrintable(QString::number(angle)));
        double straight = 1;
        index::preprocessForOcr(image, &straight);
        QCOMPARE(straight, 0.0);
    }

    void imageDocumentIsIndexedByOcr()
    {
        const QString png = m_dir.filePath(S("scan.png"));
        QVERIFY(rendered(3).save(png));
        const viewer::OpenResult opened = viewer::openDocument(png);
        QVERIFY(opened.ok());
        index::OcrOptions o;
        QString problem;
        const QVector<index::IndexedPage> pages = index::readPages(*opened.document, nullptr, {}, &o, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(pages.size(), 1);
        QCOMPARE(pages[0].source, S("ocr"));
        index::PageIndex idx(m_dir.filePath(S("ocr.sqlite")));
        QVERIFY(idx.addDocument(S("scan"), png, pages));
        const QVector<index::SearchHit> hits = idx.search({S("scan")}, S("average terminal dwell time"), 3);
        QCOMPARE(hits.size(), 1);
        QVERIFY(hits[0].matched.contains(S("dwell")));
        // Without OCR the same page is "none" and the missing data is said when OCR cannot run.
        index::OcrOptions missing;
        missing.languages = {S("xyz")};
        QString said;
        const QVector<index::IndexedPage> none = index::readPages(*opened.document, nullptr, {}, &missing, &said);
        QCOMPARE(none[0].source, S("none"));
        QVERIFY2(said.contains(S("tesseract-ocr-xyz")), qPrintable(said));
    }
};

QTEST_GUILESS_MAIN(TestOcr)
#include "test_ocr.moc"
