// Very large inputs: a 2 000-page PDF in the main window (opens quickly, the event loop never stalls
// long while it opens and while the strip is scrolled end to end, and only the thumbnails in view
// are rendered), and a real, fully valid 30 000 x 30 000 px PNG (refused by its size before any
// pixel is decoded — the committed huge-header.png only has the header). Both files are written
// here by hand-rolled writers (PDF objects + xref; PNG chunks + zlib), independent of the viewer.
#include "ui/window/main_window.h"
#include "ui/pages/page_strip_delegate.h"
#include "ui/pages/page_strip_model.h"
#include "ui/pages/page_strip_view.h"
#include "viewer/document_opener.h"
#include "viewer/page_renderer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtEndian>
#include <QtTest>

#include <set>
#include <zlib.h>

using namespace leopard;

namespace {

// A PDF of `pages` US Letter pages sharing one content stream, with a correct xref table.
QByteArray manyPagePdf(int pages)
{
    QByteArray pdf = "%PDF-1.4\n";
    QList<qint64> offsets;
    auto object = [&](const QByteArray &body) {
        offsets << pdf.size();
        pdf += QByteArray::number(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    const int firstPage = 5;
    QByteArray kids;
    for (int i = 0; i < pages; ++i)
        kids += QByteArray::number(firstPage + i) + " 0 R ";
    const QByteArray content = "BT /F1 36 Tf 72 700 Td (A very long report) Tj ET\n0.8 g 72 72 468 400 re f\n";
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Count " + QByteArray::number(pages) + " /Kids [" + kids + "] >>");
    object("<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "endstream");
    object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    for (int i = 0; i < pages; ++i)
        object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
               "/Resources << /Font << /F1 4 0 R >> >> >>");
    const qint64 xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (qint64 off : offsets)
        pdf += QByteArray::number(off).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

void pngChunk(QFile &f, const char *type, const QByteArray &data)
{
    uchar len[4];
    qToBigEndian<quint32>(quint32(data.size()), len);
    f.write(reinterpret_cast<const char *>(len), 4);
    const QByteArray typed = QByteArray(type, 4) + data;
    f.write(typed);
    uchar crc[4];
    qToBigEndian<quint32>(quint32(crc32(0, reinterpret_cast<const Bytef *>(typed.constData()), uInt(typed.size()))), crc);
    f.write(reinterpret_cast<const char *>(crc), 4);
}

// A complete 8-bit greyscale PNG of side x side black pixels: every row is deflated (streamed, so
// the 900 MB of raw rows never exist in memory at once).
bool writeBlackPng(const QString &path, int side)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(quint32(side), reinterpret_cast<uchar *>(ihdr.data()));
    qToBigEndian<quint32>(quint32(side), reinterpret_cast<uchar *>(ihdr.data() + 4));
    ihdr[8] = 8; // bit depth; colour type 0 (grey), deflate, filter 0, no interlace
    pngChunk(f, "IHDR", ihdr);
    z_stream z{};
    if (deflateInit(&z, 1) != Z_OK)
        return false;
    const QByteArray row(side + 1, '\0'); // filter byte 0 + pixels
    QByteArray out(1 << 20, '\0'), idat;
    for (int y = 0; y <= side; ++y) {
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(row.constData()));
        z.avail_in = y < side ? uInt(row.size()) : 0;
        const int flush = y < side ? Z_NO_FLUSH : Z_FINISH;
        do {
            z.next_out = reinterpret_cast<Bytef *>(out.data());
            z.avail_out = uInt(out.size());
            deflate(&z, flush);
            idat.append(out.constData(), out.size() - int(z.avail_out));
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    pngChunk(f, "IDAT", idat);
    pngChunk(f, "IEND", {});
    return true;
}

} // namespace

class TestLargeDocuments : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LeopardDeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_large_documents"));
        QSettings().clear();
    }

    void twoThousandPagePdf()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("long-report.pdf"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(manyPagePdf(2000));
        }
        ui::MainWindow window;
        window.setMessageBoxesEnabled(false);
        window.resize(1300, 850);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The event loop's longest stall, probed by a 1 ms timer for the whole test.
        QElapsedTimer sinceTick;
        qint64 longest = 0;
        QTimer probe;
        probe.setInterval(1);
        connect(&probe, &QTimer::timeout, this, [&] { longest = qMax(longest, sinceTick.restart()); });
        QSignalSpy rendered(window.pageRenderer(), &viewer::PageRenderer::pageRendered);
        QSignalSpy opened(&window, &ui::MainWindow::documentOpened);
        QElapsedTimer clock;
        clock.start();
        sinceTick.start();
        probe.start();
        window.openFiles({path});
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30000);
        const qint64 openMs = clock.elapsed();
        ui::PageStripView *strip = window.pageStripView();
        ui::PageStripModel *model = window.pageStripModel();
        const viewer::DocumentPtr doc = model->documents().first();
        QCOMPARE(doc->pageCount(), 2000);
        const double thumbDpi = strip->stripDelegate()->thumbnailDpi(doc.get(), 0, strip->devicePixelRatioF());
        auto thumbnails = [&] {
            std::set<int> pages;
            for (const QList<QVariant> &args : rendered)
                if (qFuzzyCompare(args.at(2).toDouble(), thumbDpi))
                    pages.insert(args.at(1).toInt());
            return pages;
        };
        QTRY_VERIFY_WITH_TIMEOUT(thumbnails().count(0), 20000);
        const qint64 firstThumbMs = clock.elapsed();

        // Scroll the strip to the middle, the end and back, waiting each time for the page in view.
        for (int page : {1000, 1999, 500, 0}) {
            strip->scrollTo(model->pageIndex(doc.get(), page));
            QTRY_VERIFY_WITH_TIMEOUT(thumbnails().count(page), 20000);
        }
        QTest::qWait(300); // let anything queued by the scrolling arrive
        probe.stop();
        const std::size_t thumbCount = thumbnails().size();
        qInfo("2000-page PDF: opened in %lld ms, first thumbnail at %lld ms, %zu thumbnails rendered in all, "
              "longest event-loop stall %lld ms",
              openMs, firstThumbMs, thumbCount, longest);
        // Lazy: only what was in view at the five positions (a strip shows a handful of pages).
        QVERIFY2(thumbCount <= 5 * 12, qPrintable(QString::number(thumbCount)));
        // Responsive: not a benchmark, a hang check — the loop never stops for seconds.
        QVERIFY2(longest < 2000, qPrintable(QStringLiteral("event loop stalled %1 ms").arg(longest)));
    }

    void realThirtyThousandPixelPng()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("poster-30000.png"));
        QVERIFY(writeBlackPng(path, 30000));
        qInfo("30000 x 30000 PNG: %lld bytes on disk", QFileInfo(path).size());
        const viewer::OpenResult r = viewer::openDocument(path);
        QVERIFY(!r.ok());
        QVERIFY(r.error == viewer::OpenError::Unsupported);
        QVERIFY2(r.message.contains(QLatin1String("poster-30000.png")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QStringLiteral("30000 × 30000")), qPrintable(r.message));
    }
};

QTEST_MAIN(TestLargeDocuments)
#include "tst_large_documents.moc"
