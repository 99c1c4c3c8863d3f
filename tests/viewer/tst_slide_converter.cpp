// Slide decks through the real LibreOffice, plus stand-in scripts for the time limit,
// cancellation and failure paths.

#include "test_support.h"
#include "viewer/document_opener.h"
#include "viewer/slide_converter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QUrl>
#include <QTest>
#include <QtConcurrent>

#include <thread>

using namespace leopard::viewer;
using namespace testsupport;

class SlideConverterTest : public QObject
{
    Q_OBJECT

    QJsonObject expected;

    // A stand-in for soffice: a shell script with `body`.
    static QString fakeSoffice(const QTemporaryDir &dir, const QByteArray &body)
    {
        const QString path = dir.filePath(QStringLiteral("fake-soffice"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write("#!/bin/sh\n" + body + "\n");
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }
private slots:
    void initTestCase()
    {
        expected = readJson(sample(QStringLiteral("sample-deck.expected.json")));
        QVERIFY2(!expected.isEmpty(), "sample-deck.expected.json missing");
    }

    void realConversionThenCache_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("odp") << QStringLiteral("sample-deck.odp");
        QTest::newRow("pptx") << QStringLiteral("sample-deck.pptx");
    }
    void realConversionThenCache()
    {
        QFETCH(QString, file);
        if (findSoffice({}).isEmpty())
            QSKIP("LibreOffice is not installed (apt install libreoffice-impress)");
        QTemporaryDir cache;
        const QString deck = sample(file);
        QStringList stages;
        OpenOptions options;
        options.cacheDir = cache.path();
        options.progress = [&](const QString &s) { stages << s; };
        QElapsedTimer clock;
        clock.start();
        OpenResult r = openDocument(deck, options);
        const qint64 firstMs = clock.elapsed();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.document->kind(), DocumentKind::SlideDeck);
        QCOMPARE(r.document->sourcePath(), deck);
        QCOMPARE(r.document->displayName(), file);
        QCOMPARE(r.document->pageCount(), expected.value(QStringLiteral("slides")).toInt());
        const QJsonArray titles = expected.value(QStringLiteral("titles")).toArray();
        for (int i = 0; i < r.document->pageCount(); ++i) {
            const QSizeF pt = r.document->pageSizePoints(i);
            QVERIFY2(qAbs(pt.width() / pt.height() - 16.0 / 9.0) < 0.01, "slides are not 16:9");
            QVERIFY2(r.document->pageText(i).simplified().contains(titles.at(i).toString()),
                     qPrintable(QStringLiteral("slide %1 text lacks its title").arg(i + 1)));
        }
        QVERIFY(!r.document->renderPage(2, 30).isNull());
        QVERIFY2(stages.join(QLatin1Char('\n')).contains(QStringLiteral("Converting %1 with LibreOffice").arg(file)),
                 qPrintable(stages.join(QLatin1Char('|'))));

        // The cache holds the PDF under the SHA-256 of the deck's bytes.
        QFile deckFile(deck);
        QVERIFY(deckFile.open(QIODevice::ReadOnly));
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(deckFile.readAll(), QCryptographicHash::Sha256).toHex());
        const QString cached = cache.filePath(sha + QStringLiteral(".pdf"));
        QVERIFY2(QFileInfo::exists(cached), qPrintable(cached));
        QCOMPARE(cachedPdfPathFor(deck, cache.path()), cached);
        const QDateTime written = QFileInfo(cached).lastModified();

        // Second open: from the cache. A converter that does not exist proves no conversion ran.
        OpenOptions again = options;
        again.sofficePath = cache.filePath(QStringLiteral("no-such-soffice"));
        clock.restart();
        r = openDocument(deck, again);
        const qint64 secondMs = clock.elapsed();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.document->pageCount(), expected.value(QStringLiteral("slides")).toInt());
        QVERIFY2(secondMs < 2000 && secondMs < firstMs, qPrintable(QStringLiteral("%1 ms then %2 ms").arg(firstMs).arg(secondMs)));
        QCOMPARE(QFileInfo(cached).lastModified(), written);
    }

    // Binary PowerPoint (.ppt), made here from the sample deck by LibreOffice itself, and the same
    // file misnamed .pptx (common in the wild): both must open with all slides.
    void legacyPowerPoint()
    {
        const QString soffice = findSoffice({});
        if (soffice.isEmpty())
            QSKIP("LibreOffice is not installed");
        QTemporaryDir tmp;
        const QString profile = QUrl::fromLocalFile(tmp.filePath(QStringLiteral("profile"))).toString();
        run(soffice, {QStringLiteral("-env:UserInstallation=") + profile, QStringLiteral("--headless"),
                      QStringLiteral("--convert-to"), QStringLiteral("ppt"), QStringLiteral("--outdir"), tmp.path(),
                      sample(QStringLiteral("sample-deck.odp"))}, 180000);
        const QString ppt = tmp.filePath(QStringLiteral("sample-deck.ppt"));
        QVERIFY2(QFileInfo::exists(ppt), "LibreOffice did not write the .ppt fixture");
        const QString misnamed = tmp.filePath(QStringLiteral("really-a-ppt.pptx"));
        QVERIFY(QFile::copy(ppt, misnamed));
        for (const QString &path : {ppt, misnamed}) {
            OpenOptions options;
            options.cacheDir = tmp.filePath(QStringLiteral("cache-") + QFileInfo(path).suffix());
            const OpenResult r = openDocument(path, options);
            QVERIFY2(r.ok(), qPrintable(r.message));
            QCOMPARE(r.document->pageCount(), expected.value(QStringLiteral("slides")).toInt());
            QVERIFY(r.document->pageText(1).contains(QLatin1String("Key findings")));
        }
    }

    void changedDeckIsConvertedAgain()
    {
        QTemporaryDir tmp;
        const QString deck = tmp.filePath(QStringLiteral("weekly.odp"));
        QVERIFY(QFile::copy(sample(QStringLiteral("sample-deck.odp")), deck));
        const QString before = cachedPdfPathFor(deck, tmp.path());
        // Plant a "conversion" for the current bytes, then change the deck.
        QVERIFY(QFile::copy(sample(QStringLiteral("sample-report.pdf")), before));
        OpenOptions options;
        options.cacheDir = tmp.path();
        options.sofficePath = tmp.filePath(QStringLiteral("missing"));
        QVERIFY(openDocument(deck, options).ok()); // served from the planted cache entry
        QFile f(deck);
        QVERIFY(f.open(QIODevice::Append));
        f.write("changed");
        f.close();
        QVERIFY(cachedPdfPathFor(deck, tmp.path()) != before);
        const OpenResult r = openDocument(deck, options);
        QCOMPARE(r.error, OpenError::ConverterMissing); // had to convert again, and could not
    }

    void converterMissing()
    {
        QTemporaryDir tmp;
        OpenOptions options;
        options.cacheDir = tmp.path();
        options.sofficePath = QStringLiteral("/nonexistent/soffice");
        const OpenResult r = openDocument(sample(QStringLiteral("sample-deck.pptx")), options);
        QVERIFY(!r.ok());
        QCOMPARE(r.error, OpenError::ConverterMissing);
        QVERIFY2(r.message.contains(QLatin1String("sample-deck.pptx")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QLatin1String("sudo apt install libreoffice-impress")), qPrintable(r.message));
    }

    // Tests the time limit only: the stand-in sleeps, and is killed with its children.
    void timeLimit()
    {
        QTemporaryDir tmp;
        const QString pidFile = tmp.filePath(QStringLiteral("sleep.pid"));
        OpenOptions options;
        options.cacheDir = tmp.filePath(QStringLiteral("cache"));
        options.sofficePath = fakeSoffice(tmp, QStringLiteral("sleep 30 &\necho $! > '%1'\nwait").arg(pidFile).toUtf8());
        options.conversionTimeoutMs = 1500;
        QElapsedTimer clock;
        clock.start();
        const OpenResult r = openDocument(sample(QStringLiteral("sample-deck.odp")), options);
        const qint64 ms = clock.elapsed();
        QCOMPARE(r.error, OpenError::TimedOut);
        QVERIFY2(ms >= 1500 && ms < 1500 + 3000, qPrintable(QString::number(ms)));
        QVERIFY2(r.message.contains(QLatin1String("sample-deck.odp")), qPrintable(r.message));
        QFile pf(pidFile);
        QVERIFY(pf.open(QIODevice::ReadOnly));
        const qint64 sleepPid = pf.readAll().trimmed().toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(sleepPid), 3000);
    }

    void cancellation()
    {
        QTemporaryDir tmp;
        std::atomic_bool cancel{false};
        OpenOptions options;
        options.cacheDir = tmp.filePath(QStringLiteral("cache"));
        options.sofficePath = fakeSoffice(tmp, "sleep 30");
        options.cancel = &cancel;
        std::thread canceller([&] { std::this_thread::sleep_for(std::chrono::milliseconds(500)); cancel = true; });
        QElapsedTimer clock;
        clock.start();
        const OpenResult r = openDocument(sample(QStringLiteral("sample-deck.odp")), options);
        canceller.join();
        QCOMPARE(r.error, OpenError::Cancelled);
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    }

    void converterProducesNothing()
    {
        QTemporaryDir tmp;
        OpenOptions options;
        options.cacheDir = tmp.filePath(QStringLiteral("cache"));
        options.sofficePath = fakeSoffice(tmp, "echo 'Error: source file could not be loaded' >&2\nexit 0");
        const OpenResult r = openDocument(sample(QStringLiteral("sample-deck.pptx")), options);
        QCOMPARE(r.error, OpenError::ConversionFailed);
        QVERIFY2(r.message.contains(QLatin1String("sample-deck.pptx")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QLatin1String("source file could not be loaded")), qPrintable(r.message));
        QVERIFY(QDir(options.cacheDir).entryList({QStringLiteral("*.pdf")}).isEmpty()); // nothing cached
    }

    // soffice can exit while helpers it started live on: they are in its process group and go too.
    void helpersLeftBehindAreKilled()
    {
        QTemporaryDir tmp;
        const QString pidFile = tmp.filePath(QStringLiteral("helper.pid"));
        OpenOptions options;
        options.cacheDir = tmp.filePath(QStringLiteral("cache"));
        options.sofficePath = fakeSoffice(tmp, QStringLiteral("sleep 30 >/dev/null 2>&1 &\necho $! > '%1'\nexit 0").arg(pidFile).toUtf8());
        const OpenResult r = openDocument(sample(QStringLiteral("sample-deck.odp")), options);
        QCOMPARE(r.error, OpenError::ConversionFailed);
        QFile pf(pidFile);
        QVERIFY(pf.open(QIODevice::ReadOnly));
        const qint64 helper = pf.readAll().trimmed().toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(helper), 3000);
    }

    // Damaged decks must fail, not come back as pages of garbage text (LibreOffice, left to guess,
    // would open them in Writer as plain text).
    void damagedDecks_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QByteArray noise;
        for (int i = 0; i < 4000; ++i)
            noise.append(char((i * 131 + 7) % 253));
        QTest::newRow("noise named pptx") << QStringLiteral("noise.pptx") << noise;
        QTest::newRow("text named odp") << QStringLiteral("notes.odp") << QByteArray("Agenda\n1. Budget\n2. Hiring\n");
        QFile deck(sample(QStringLiteral("sample-deck.pptx")));
        QVERIFY(deck.open(QIODevice::ReadOnly));
        QTest::newRow("pptx cut in half") << QStringLiteral("half.pptx") << deck.readAll().left(int(deck.size() / 2));
    }
    void damagedDecks()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        if (findSoffice({}).isEmpty())
            QSKIP("LibreOffice is not installed");
        QTemporaryDir tmp;
        QFile f(tmp.filePath(fileName));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        OpenOptions options;
        options.cacheDir = tmp.filePath(QStringLiteral("cache"));
        const OpenResult r = openDocument(f.fileName(), options);
        QVERIFY2(!r.ok(), "a damaged deck opened");
        QCOMPARE(r.error, OpenError::ConversionFailed);
        QVERIFY2(r.message.contains(fileName), qPrintable(r.message));
    }

    // Two real conversions at once, each with its own LibreOffice profile.
    void parallelConversions()
    {
        if (findSoffice({}).isEmpty())
            QSKIP("LibreOffice is not installed");
        QTemporaryDir a, b;
        const QList<QPair<QString, QString>> jobs{{sample(QStringLiteral("sample-deck.odp")), a.path()},
                                                  {sample(QStringLiteral("sample-deck.pptx")), b.path()}};
        const QList<int> pages = QtConcurrent::blockingMapped(jobs, [](const QPair<QString, QString> &job) {
            OpenOptions options;
            options.cacheDir = job.second;
            const OpenResult r = openDocument(job.first, options);
            return r.ok() ? r.document->pageCount() : -1;
        });
        QCOMPARE(pages, QList<int>({5, 5}));
    }
};

QTEST_GUILESS_MAIN(SlideConverterTest)
#include "tst_slide_converter.moc"
