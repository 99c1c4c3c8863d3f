// PageRenderer and DocumentLoader: work on worker threads, results on the GUI thread.

#include "test_support.h"
#include "viewer/document_opener.h"
#include "viewer/page_renderer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <csignal>
#include <sys/types.h>

using namespace leopard::viewer;
using namespace testsupport;

Q_DECLARE_METATYPE(const leopard::viewer::Document *)

class PageRendererTest : public QObject
{
    Q_OBJECT

    DocumentPtr report;

private slots:
    void initTestCase()
    {
        qRegisterMetaType<const leopard::viewer::Document *>();
        qRegisterMetaType<leopard::viewer::DocumentPtr>();
        QStandardPaths::setTestModeEnabled(true); // the loader's slide cache goes to a test location
        const OpenResult r = openDocument(sample(QStringLiteral("sample-report.pdf")));
        QVERIFY2(r.ok(), qPrintable(r.message));
        report = r.document;
    }

    void rendersOnWorkerReportsOnGuiThread()
    {
        PageRenderer renderer;
        QThread *seen = nullptr;
        QImage got;
        connect(&renderer, &PageRenderer::pageRendered, this,
                [&](const Document *, int, double, const QImage &img) { seen = QThread::currentThread(); got = img; });
        QSignalSpy spy(&renderer, &PageRenderer::pageRendered);
        QVERIFY(renderer.request(report, 1, 60).isNull()); // not cached yet
        QVERIFY(spy.wait(10000));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<const Document *>(), report.get());
        QCOMPARE(spy.at(0).at(1).toInt(), 1);
        QCOMPARE(spy.at(0).at(2).toDouble(), 60.0);
        QCOMPARE(seen, QThread::currentThread());
        // 612 x 792 pt at 60 dpi: 510 x 660 px.
        QCOMPARE(got.size(), QSize(510, 660));
        QCOMPARE(got, report->renderPage(1, 60));
        // Now cached: returned at once, nothing more emitted.
        QCOMPARE(renderer.request(report, 1, 60), got);
        QTest::qWait(200);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(renderer.cachedBytes(), got.sizeInBytes());
    }

    void oneRenderPerKeyInFlight()
    {
        PageRenderer renderer;
        QSignalSpy spy(&renderer, &PageRenderer::pageRendered);
        for (int i = 0; i < 5; ++i)
            QVERIFY(renderer.request(report, 2, 45).isNull());
        QVERIFY(spy.wait(10000));
        QTest::qWait(500);
        QCOMPARE(spy.count(), 1);
    }

    void cacheStaysUnderItsBound()
    {
        // One page at 50 dpi is 425 x 550 x 4 bytes = 935,000 bytes; room for two and a half.
        const qint64 bound = 425LL * 550 * 4 * 5 / 2;
        PageRenderer renderer(nullptr, bound);
        QSignalSpy spy(&renderer, &PageRenderer::pageRendered);
        for (int p = 0; p < report->pageCount(); ++p)
            renderer.request(report, p, 50);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), report->pageCount(), 20000);
        QVERIFY(renderer.cachedBytes() > 0);
        QVERIFY2(renderer.cachedBytes() <= bound, qPrintable(QString::number(renderer.cachedBytes())));
        QCOMPARE(renderer.cachedBytes(), 2 * 425LL * 550 * 4);
        // Out-of-range requests neither crash nor emit.
        QVERIFY(renderer.request(report, 99, 50).isNull());
        QVERIFY(renderer.request(nullptr, 0, 50).isNull());
    }

    void forgetDropsCacheAndQueuedWork()
    {
        PageRenderer renderer;
        QSignalSpy spy(&renderer, &PageRenderer::pageRendered);
        renderer.request(report, 0, 30);
        QVERIFY(spy.wait(10000));
        QVERIFY(renderer.cachedBytes() > 0);
        renderer.forget(report.get());
        QCOMPARE(renderer.cachedBytes(), 0);
        spy.clear();
        for (int p = 0; p < report->pageCount(); ++p)
            renderer.request(report, p, 200); // slow renders, then forgotten before they land
        renderer.forget(report.get());
        QTest::qWait(3000);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(renderer.cachedBytes(), 0);
    }

    void failedRenderIsReported()
    {
        PageRenderer renderer;
        QSignalSpy failed(&renderer, &PageRenderer::renderFailed);
        renderer.request(report, 0, 3000); // far beyond the render size limit
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.at(0).at(1).toInt(), 0);
        QVERIFY(failed.at(0).at(2).toString().contains(QLatin1String("sample-report.pdf")));
        QCOMPARE(renderer.cachedBytes(), 0);
    }

    void destructorWaitsForRunningRenders()
    {
        auto *renderer = new PageRenderer;
        for (int p = 0; p < report->pageCount(); ++p)
            renderer->request(report, p, 150);
        delete renderer; // must neither crash nor leave a worker touching freed memory
        QTest::qWait(100);
    }

    void loaderOpensOnWorkerThread()
    {
        DocumentLoader loader;
        QSignalSpy opened(&loader, &DocumentLoader::opened);
        QSignalSpy progress(&loader, &DocumentLoader::progress);
        QThread *seen = nullptr;
        connect(&loader, &DocumentLoader::opened, this, [&] { seen = QThread::currentThread(); });
        const QString path = sample(QStringLiteral("sample-report.pdf"));
        loader.open(path);
        QCOMPARE(loader.pending(), 1);
        QVERIFY(opened.wait(10000));
        QCOMPARE(loader.pending(), 0);
        QCOMPARE(seen, QThread::currentThread());
        QCOMPARE(opened.at(0).at(0).toString(), path);
        const DocumentPtr doc = opened.at(0).at(1).value<DocumentPtr>();
        QVERIFY(doc);
        QCOMPARE(doc->pageCount(), readJson(sample(QStringLiteral("sample-report.expected.json"))).value(QStringLiteral("pages")).toInt());
        QVERIFY(progress.count() >= 1);
    }

    void loaderPasswordsAndFailures()
    {
        DocumentLoader loader;
        QSignalSpy password(&loader, &DocumentLoader::passwordRequired);
        QSignalSpy opened(&loader, &DocumentLoader::opened);
        QSignalSpy failed(&loader, &DocumentLoader::failed);
        const QString locked = fixture(QStringLiteral("locked.pdf"));
        loader.open(locked);
        QVERIFY(password.wait(10000));
        QCOMPARE(password.at(0).at(1).toBool(), false);
        loader.open(locked, QStringLiteral("nope"));
        QVERIFY(password.wait(10000));
        QCOMPARE(password.at(1).at(1).toBool(), true);
        loader.open(locked, QStringLiteral("leopard"));
        QVERIFY(opened.wait(10000));
        loader.open(QStringLiteral("/nonexistent/q3.pdf"));
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.at(0).at(1).toString().contains(QLatin1String("q3.pdf")));
    }

    // Closing the app mid-conversion: the loader's destructor cancels, kills LibreOffice (here a
    // stand-in that would sleep a minute) and returns promptly.
    void loaderDestructorCancelsConversion()
    {
        QTemporaryDir tmp;
        const QString bin = tmp.filePath(QStringLiteral("bin"));
        QDir().mkpath(bin);
        const QString pidFile = tmp.filePath(QStringLiteral("sleep.pid"));
        QFile script(bin + QStringLiteral("/soffice"));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(QStringLiteral("#!/bin/sh\nsleep 60 &\necho $! > '%1'\nwait\n").arg(pidFile).toUtf8());
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile deck(tmp.filePath(QStringLiteral("unique.pptx")));
        QVERIFY(deck.open(QIODevice::WriteOnly));
        // Looks like a zip (as a pptx is) with content never seen before: no cache hit.
        deck.write(QByteArray("PK\x03\x04") + QUuid::createUuid().toByteArray());
        deck.close();

        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", bin.toLocal8Bit() + ':' + oldPath);
        auto *loader = new DocumentLoader;
        QSignalSpy failed(loader, &DocumentLoader::failed);
        QSignalSpy opened(loader, &DocumentLoader::opened);
        loader->open(deck.fileName());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pidFile) && QFile(pidFile).size() > 0, 10000);
        qputenv("PATH", oldPath);
        QFile pf(pidFile);
        QVERIFY(pf.open(QIODevice::ReadOnly));
        const qint64 sleepPid = pf.readAll().trimmed().toLongLong();
        QVERIFY(processAlive(sleepPid));
        QElapsedTimer clock;
        clock.start();
        delete loader;
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(sleepPid), 3000); // the whole process group was killed
        QCOMPARE(failed.count(), 0);
        QCOMPARE(opened.count(), 0);
    }
};

QTEST_GUILESS_MAIN(PageRendererTest)
#include "tst_page_renderer.moc"
