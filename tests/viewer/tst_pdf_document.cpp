// PDF documents through Poppler-Qt6, checked against poppler-utils (pdfinfo, pdftoppm) and the
// values the fixture generators wrote down.

#include "test_support.h"
#include "viewer/document_opener.h"
#include "viewer/pdf_document.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <cmath>

using namespace leopard::viewer;
using namespace testsupport;

class PdfDocumentTest : public QObject
{
    Q_OBJECT

private:
    // pdfinfo's "Page N size: W x H pts" lines for pages 1..n.
    static QVector<QSizeF> pdfinfoSizes(const QString &pdf, int pages)
    {
        const QString out = QString::fromLocal8Bit(run(QStringLiteral("pdfinfo"),
            {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QString::number(pages), pdf}));
        QVector<QSizeF> sizes;
        const QRegularExpression re(QStringLiteral("Page\\s+\\d+ size:\\s+([0-9.]+) x ([0-9.]+) pts"));
        auto it = re.globalMatch(out);
        while (it.hasNext()) {
            const auto m = it.next();
            sizes.append(QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble()));
        }
        return sizes;
    }
    static int pdfinfoPages(const QString &pdf)
    {
        const QString out = QString::fromLocal8Bit(run(QStringLiteral("pdfinfo"), {pdf}));
        const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(out);
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }

private slots:
    void initTestCase()
    {
        if (!haveTool(QStringLiteral("pdfinfo")) || !haveTool(QStringLiteral("pdftoppm")))
            QSKIP("poppler-utils (pdfinfo, pdftoppm) is needed as the reference: apt install poppler-utils");
    }

    void sampleReportMatchesGenerator()
    {
        const QString path = sample(QStringLiteral("sample-report.pdf"));
        const QJsonObject expected = readJson(sample(QStringLiteral("sample-report.expected.json")));
        QVERIFY2(!expected.isEmpty(), "sample-report.expected.json missing");
        const OpenResult r = openDocument(path);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.document->kind(), DocumentKind::Pdf);
        QCOMPARE(r.document->sourcePath(), path);
        QCOMPARE(r.document->displayName(), QStringLiteral("sample-report.pdf"));
        QCOMPARE(r.document->pageCount(), expected.value(QStringLiteral("pages")).toInt());
        QCOMPARE(r.document->pageCount(), pdfinfoPages(path));
        const QJsonArray size = expected.value(QStringLiteral("pageSizePoints")).toArray();
        const QJsonArray strings = expected.value(QStringLiteral("pageStrings")).toArray();
        for (int i = 0; i < r.document->pageCount(); ++i) {
            QCOMPARE(r.document->pageSizePoints(i), QSizeF(size.at(0).toDouble(), size.at(1).toDouble()));
            // Poppler breaks lines where the layout does; compare with whitespace collapsed.
            const QString text = r.document->pageText(i).simplified();
            for (const QJsonValue &s : strings.at(i).toArray())
                QVERIFY2(text.contains(s.toString()), qPrintable(QStringLiteral("page %1 lacks \"%2\"").arg(i + 1).arg(s.toString())));
        }
        QVERIFY(r.document->pageText(r.document->pageCount()).isEmpty()); // out of range: empty, no crash
    }

    void pageSizesMatchPdfinfo_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("odd sizes, rotation, crop box") << fixture(QStringLiteral("odd-sizes.pdf"));
        QTest::newRow("sample report") << sample(QStringLiteral("sample-report.pdf"));
    }
    void pageSizesMatchPdfinfo()
    {
        QFETCH(QString, path);
        const OpenResult r = openDocument(path);
        QVERIFY2(r.ok(), qPrintable(r.message));
        const QVector<QSizeF> ref = pdfinfoSizes(path, r.document->pageCount());
        QCOMPARE(ref.size(), r.document->pageCount());
        const QJsonArray gen = readJson(fixture(QStringLiteral("fixtures.json")))
                                   .value(QStringLiteral("odd-sizes.pdf")).toObject().value(QStringLiteral("pageSizePoints")).toArray();
        for (int i = 0; i < ref.size(); ++i) {
            QSizeF ours = r.document->pageSizePoints(i);
            QSizeF theirs = ref[i];
            // pdfinfo prints sizes unrotated; a 90° page is shown (and rendered) turned.
            if (path.endsWith(QLatin1String("odd-sizes.pdf"))) {
                const QJsonArray g = gen.at(i).toArray();
                QCOMPARE(ours, QSizeF(g.at(0).toDouble(), g.at(1).toDouble()));
                if (i == 2)
                    theirs.transpose();
            }
            QVERIFY2(qAbs(ours.width() - theirs.width()) < 0.01 && qAbs(ours.height() - theirs.height()) < 0.01,
                     qPrintable(QStringLiteral("page %1: %2x%3 vs pdfinfo %4x%5").arg(i + 1).arg(ours.width()).arg(ours.height())
                                    .arg(theirs.width()).arg(theirs.height())));
        }
    }

    void renderSizesMatchPdftoppm_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("page");
        QTest::addColumn<double>("dpi");
        const QString odd = fixture(QStringLiteral("odd-sizes.pdf"));
        const QString report = sample(QStringLiteral("sample-report.pdf"));
        for (double dpi : {72.0, 96.0, 100.0, 133.0, 150.0, 37.0, 201.0})
            for (int page = 0; page < 4; ++page)
                QTest::addRow("odd p%d @%g", page + 1, dpi) << odd << page << dpi;
        for (double dpi : {50.0, 144.0, 97.0})
            QTest::addRow("report p1 @%g", dpi) << report << 0 << dpi;
    }
    // pdftoppm -cropbox renders the same box Poppler-Qt6 does but sizes its bitmap with ceil(),
    // while Poppler-Qt6 (SplashOutputDev::startPage) rounds half up. So the expected size is
    // pdftoppm's, one pixel smaller in a dimension whose last pixel is less than half covered
    // (fraction computed from pdfinfo's page size).
    void renderSizesMatchPdftoppm()
    {
        QFETCH(QString, path);
        QFETCH(int, page);
        QFETCH(double, dpi);
        QTemporaryDir tmp;
        const OpenResult r = openDocument(path);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QSize expected = pdftoppmSize(path, page + 1, dpi, tmp.path(), {QStringLiteral("-cropbox")});
        QVERIFY(expected.isValid());
        QSizeF points = pdfinfoSizes(path, page + 1).value(page);
        QVERIFY(points.isValid());
        if (path.endsWith(QLatin1String("odd-sizes.pdf")) && page == 2)
            points.transpose(); // the /Rotate 90 page: pdfinfo prints it unrotated
        auto lessThanHalf = [dpi](double pt) {
            const double px = pt * dpi / 72.0;
            const double frac = px - std::floor(px);
            return frac > 1e-6 && frac < 0.5 - 1e-6;
        };
        if (lessThanHalf(points.width()))
            expected.rwidth() -= 1;
        if (lessThanHalf(points.height()))
            expected.rheight() -= 1;
        const QImage rendered = r.document->renderPage(page, dpi);
        const QImage analysis = r.document->analysisImage(page, dpi);
        QCOMPARE(rendered.size(), expected);
        QCOMPARE(analysis.size(), expected);
        QCOMPARE(r.document->analysisPixelSize(page, dpi), expected);
    }

    // analysisPixelSize promises the analysis image's size without rendering: check it on many
    // fractional dpi values and awkward sizes, against real renders.
    void analysisSizeWithoutRendering()
    {
        const OpenResult r = openDocument(fixture(QStringLiteral("odd-sizes.pdf")));
        QVERIFY2(r.ok(), qPrintable(r.message));
        for (double dpi : {1.0, 7.3, 59.99, 72.5, 71.9, 144.0, 120.7, 300.0})
            for (int page = 0; page < r.document->pageCount(); ++page)
                QCOMPARE(r.document->analysisPixelSize(page, dpi), r.document->analysisImage(page, dpi).size());
    }

    void renderedPageHasInk()
    {
        const OpenResult r = openDocument(sample(QStringLiteral("sample-report.pdf")));
        QVERIFY(r.ok());
        const QImage img = r.document->renderPage(3, 40); // the chart page
        QVERIFY(!img.isNull());
        int dark = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                dark += qGray(img.pixel(x, y)) < 160;
        QVERIFY2(dark > 200, "the chart page rendered blank");
    }

    void runawayDpiRefused()
    {
        const OpenResult r = openDocument(sample(QStringLiteral("sample-report.pdf")));
        QVERIFY(r.ok());
        // Letter at 3000 dpi would be 25500 x 33000 px (3.4 GB): refused, not attempted.
        QElapsedTimer clock;
        clock.start();
        QVERIFY(r.document->renderPage(0, 3000).isNull());
        QVERIFY(clock.elapsed() < 1000);
        QCOMPARE(r.document->analysisPixelSize(0, 3000), QSize(25500, 33000));
    }

    void passwords()
    {
        const QString path = fixture(QStringLiteral("locked.pdf"));
        const QString password = readJson(fixture(QStringLiteral("fixtures.json")))
                                     .value(QStringLiteral("locked.pdf")).toObject().value(QStringLiteral("userPassword")).toString();
        QVERIFY(!password.isEmpty());
        OpenResult r = openDocument(path);
        QVERIFY(!r.ok());
        QCOMPARE(r.error, OpenError::PasswordRequired);
        QVERIFY(r.message.contains(QLatin1String("locked.pdf")));

        OpenOptions wrong;
        wrong.password = QStringLiteral("not-it");
        r = openDocument(path, wrong);
        QCOMPARE(r.error, OpenError::WrongPassword);
        QVERIFY(r.message.contains(QLatin1String("locked.pdf")));

        OpenOptions right;
        right.password = password;
        r = openDocument(path, right);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.document->pageCount(), 4);
        QVERIFY(r.document->pageText(0).contains(QLatin1String("Odd page 1")));
        QVERIFY(!r.document->renderPage(0, 30).isNull());
    }

    void brokenFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("says");
        QFile report(sample(QStringLiteral("sample-report.pdf")));
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QByteArray pdf = report.readAll();
        QTest::newRow("truncated to 3 kB") << pdf.left(3000) << QStringLiteral("cut short.pdf") << QStringLiteral("damaged or truncated");
        QTest::newRow("header only") << QByteArray("%PDF-1.6\n") << QStringLiteral("header.pdf") << QStringLiteral("damaged or truncated");
        QByteArray garbage;
        for (int i = 0; i < 5000; ++i)
            garbage.append(char((i * 7919 + 13) % 251));
        QTest::newRow("garbage") << garbage << QStringLiteral("noise.pdf") << QStringLiteral("not a PDF");
        QTest::newRow("html saved as pdf") << QByteArray("<html><body>Access denied</body></html>") << QStringLiteral("download.pdf")
                                           << QStringLiteral("not a PDF");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty.pdf") << QStringLiteral("empty");
    }
    void brokenFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, fileName);
        QFETCH(QString, says);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(fileName);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const OpenResult r = openDocument(path);
        QVERIFY(!r.ok());
        QCOMPARE(r.error, OpenError::Corrupt);
        QVERIFY2(r.message.contains(fileName), qPrintable(r.message));
        QVERIFY2(r.message.contains(says), qPrintable(r.message));
    }

    void zeroPages()
    {
        const OpenResult r = openDocument(fixture(QStringLiteral("zero-pages.pdf")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error, OpenError::Corrupt);
        QVERIFY2(r.message.contains(QLatin1String("zero-pages.pdf")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QLatin1String("no pages")), qPrintable(r.message));
    }

    void missingAndUnsupported()
    {
        OpenResult r = openDocument(QStringLiteral("/nonexistent/report.pdf"));
        QCOMPARE(r.error, OpenError::NotFound);
        QVERIFY(r.message.contains(QLatin1String("report.pdf")));
        QTemporaryDir tmp;
        QFile f(tmp.filePath(QStringLiteral("notes.docx")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
        f.close();
        r = openDocument(f.fileName());
        QCOMPARE(r.error, OpenError::Unsupported);
        QVERIFY(r.message.contains(QLatin1String("notes.docx")));
        QVERIFY(isSupportedFile(QStringLiteral("/a/B.PDF")));
        QVERIFY(isSupportedFile(QStringLiteral("deck.pptx")));
        QVERIFY(!isSupportedFile(QStringLiteral("notes.docx")));
        QVERIFY(fileDialogFilter().contains(QLatin1String("*.odp")));
    }

    // Many threads render and read text of one document at once (Poppler must be serialised).
    void concurrentUse()
    {
        const OpenResult r = openDocument(sample(QStringLiteral("sample-report.pdf")));
        QVERIFY(r.ok());
        const DocumentPtr doc = r.document;
        QList<int> jobs;
        for (int i = 0; i < 40; ++i)
            jobs << i;
        QThreadPool pool;
        pool.setMaxThreadCount(6);
        const QList<bool> ok = QtConcurrent::blockingMapped(&pool, jobs, [doc](int i) {
            const int page = i % doc->pageCount();
            const double dpi = 20 + (i % 7) * 3.5;
            if (i % 3 == 0)
                return doc->pageText(page).contains(QLatin1String("Page"));
            return doc->renderPage(page, dpi).size() == doc->analysisPixelSize(page, dpi);
        });
        QVERIFY(!ok.contains(false));
    }
};

QTEST_GUILESS_MAIN(PdfDocumentTest)
#include "tst_pdf_document.moc"
