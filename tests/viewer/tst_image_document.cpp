// Image files as documents, against what PIL wrote down when it made the fixtures.

#include "test_support.h"
#include "viewer/document_opener.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace leopard::viewer;
using namespace testsupport;

class ImageDocumentTest : public QObject
{
    Q_OBJECT

private slots:
    void pluginsPresent()
    {
        // WebP and TIFF come from qt6-image-formats-plugins; without it those files cannot open.
        const QList<QByteArray> formats = QImageReader::supportedImageFormats();
        QVERIFY2(formats.contains("webp") && formats.contains("tiff"),
                 "Qt image plugins for WebP/TIFF missing: apt install qt6-image-formats-plugins");
    }

    void sizesAndFramesMatchPil_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QVector<QSize>>("frames");
        const QJsonObject images = readJson(fixture(QStringLiteral("fixtures.json"))).value(QStringLiteral("images")).toObject();
        QVERIFY(images.size() >= 5);
        for (auto it = images.begin(); it != images.end(); ++it) {
            QVector<QSize> frames;
            for (const QJsonValue &f : it.value().toArray())
                frames.append(QSize(f.toArray().at(0).toInt(), f.toArray().at(1).toInt()));
            QTest::newRow(qPrintable(it.key())) << it.key() << frames;
        }
    }
    void sizesAndFramesMatchPil()
    {
        QFETCH(QString, name);
        QFETCH(QVector<QSize>, frames);
        const OpenResult r = openDocument(fixture(name));
        QVERIFY2(r.ok(), qPrintable(r.message));
        const DocumentPtr doc = r.document;
        QCOMPARE(doc->kind(), DocumentKind::Image);
        QCOMPARE(doc->pageCount(), frames.size());
        for (int i = 0; i < frames.size(); ++i) {
            QCOMPARE(doc->pageSizePoints(i), QSizeF(frames[i]));
            // The analysis image is the file's own pixels, whatever dpi is asked.
            for (double dpi : {72.0, 144.0, 300.0})
                QCOMPARE(doc->analysisPixelSize(i, dpi), frames[i]);
            QCOMPARE(doc->analysisImage(i, 144).size(), frames[i]);
            // Screen renders scale: one pixel is one point, so 144 dpi doubles it.
            QCOMPARE(doc->renderPage(i, 72).size(), frames[i]);
            QCOMPARE(doc->renderPage(i, 144).size(), frames[i] * 2);
        }
        QVERIFY(doc->pageText(0).isEmpty());
        QVERIFY(doc->analysisImage(frames.size(), 72).isNull()); // out of range: null, no crash
    }

    // Frame contents, not just sizes: make_fixtures.py filled the TIFF frames with white, (230,230,230)
    // and (200,200,200), and the PNG with (240,200,120).
    void pixelsAreTheFilesOwn()
    {
        const OpenResult tiff = openDocument(fixture(QStringLiteral("scan-3pages.tiff")));
        QVERIFY(tiff.ok());
        const int grey[] = {255, 230, 200};
        for (int i = 0; i < 3; ++i) {
            const QImage img = tiff.document->analysisImage(i, 72);
            QCOMPARE(QColor(img.pixel(img.width() / 2, img.height() - 10)), QColor(grey[i], grey[i], grey[i]));
        }
        const OpenResult png = openDocument(fixture(QStringLiteral("rgb-301x199.png")));
        QVERIFY(png.ok());
        const QImage img = png.document->analysisImage(0, 72);
        QCOMPARE(QColor(img.pixel(150, 150)), QColor(240, 200, 120));
    }

    void hugeImageRefusedWithItsSize()
    {
        const OpenResult r = openDocument(fixture(QStringLiteral("huge-header.png")));
        QVERIFY(!r.ok());
        QVERIFY2(r.message.contains(QLatin1String("huge-header.png")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QStringLiteral("30000 × 30000")), qPrintable(r.message));
        QVERIFY(r.error == OpenError::Unsupported);
    }

    void notAnImage()
    {
        QTemporaryDir tmp;
        QFile f(tmp.filePath(QStringLiteral("holiday.jpg")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is a text file with a .jpg name\n");
        f.close();
        const OpenResult r = openDocument(f.fileName());
        QVERIFY(!r.ok());
        QVERIFY(r.error == OpenError::Unsupported || r.error == OpenError::Corrupt);
        QVERIFY2(r.message.contains(QLatin1String("holiday.jpg")), qPrintable(r.message));
    }
};

QTEST_GUILESS_MAIN(ImageDocumentTest)
#include "tst_image_document.moc"
