// `cmake --install` into a temporary prefix lays out a usable app: the programs, the desktop entry,
// the AppStream metadata, hicolor icons (SVG + PNGs of the right sizes), the demo model (the same
// bytes the build wrote), the sample documents, the translations embedded in the binary; and the
// installed programs run from there — leopard-cli answers, leopard-desk finds the installed demo model.
#include "tests/common/file_hash.h"
#include "tests/common/process_run.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using leopard::test::fileSha256;
using leopard::test::runProcess;

namespace {
// rcc stores resource names as UTF-16 big-endian.
QByteArray utf16be(const QString &s)
{
    QByteArray out;
    for (QChar c : s) {
        out.append(char(c.unicode() >> 8));
        out.append(char(c.unicode() & 0xff));
    }
    return out;
}
} // namespace

class InstallTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_prefix;
    QString p(const QString &rel) const { return m_prefix.path() + QLatin1Char('/') + rel; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_prefix.isValid());
        const auto run = runProcess(QStringLiteral(CMAKE_COMMAND_PATH),
                                    {QStringLiteral("--install"), QStringLiteral(LEOPARD_BINARY_DIR),
                                     QStringLiteral("--prefix"), m_prefix.path()}, {}, 180000);
        QVERIFY2(run.exitCode == 0, run.out.right(2000) + run.err);
    }

    void layout()
    {
        for (const char *rel : {"bin/leopard-desk", "bin/leopard-cli"}) {
            QFileInfo info(p(QLatin1String(rel)));
            QVERIFY2(info.isFile() && info.isExecutable(), rel);
        }
        QVERIFY(QFile::exists(p(QStringLiteral("share/applications/io.github.leopard_desk.LeopardDesk.desktop"))));
        QVERIFY(QFile::exists(p(QStringLiteral("share/metainfo/io.github.leopard_desk.LeopardDesk.metainfo.xml"))));
        QVERIFY(QFile::exists(p(QStringLiteral("share/icons/hicolor/scalable/apps/leopard-desk.svg"))));
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
            const QString png = p(QStringLiteral("share/icons/hicolor/%1x%1/apps/leopard-desk.png").arg(size));
            QImage image(png);
            QVERIFY2(!image.isNull(), qPrintable(png));
            QCOMPARE(image.size(), QSize(size, size));
            // Something drawn, and transparent corners (the icon is a rounded square).
            QVERIFY(image.hasAlphaChannel());
            QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
            QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
        }
        for (const char *sample : {"sample-report.pdf", "sample-deck.pptx", "sample-deck.odp"})
            QVERIFY2(QFile::exists(p(QStringLiteral("share/leopard-desk/samples/")) + QLatin1String(sample)), sample);
    }

    void demoModelIsTheBuiltOne()
    {
        const QString built = QStringLiteral(LEOPARD_BINARY_DIR "/demo-model");
        const QString installed = p(QStringLiteral("share/leopard-desk/demo-model"));
        const QStringList files = QDir(built).entryList(QDir::Files);
        QVERIFY(files.contains(QStringLiteral("config.json")));
        QVERIFY(files.contains(QStringLiteral("tokenizer.json")));
        QCOMPARE(QDir(installed).entryList(QDir::Files), files);
        for (const QString &f : files)
            QCOMPARE(fileSha256(installed + QLatin1Char('/') + f), fileSha256(built + QLatin1Char('/') + f));
    }

    void translationsAreEmbedded()
    {
        QFile desk(p(QStringLiteral("bin/leopard-desk")));
        QVERIFY(desk.open(QIODevice::ReadOnly));
        const QByteArray binary = desk.readAll();
        const QStringList ts = QDir(QStringLiteral(LEOPARD_SOURCE_DIR "/translations")).entryList({QStringLiteral("*.ts")});
        QVERIFY(!ts.isEmpty());
        for (QString name : ts) {
            name.replace(QStringLiteral(".ts"), QStringLiteral(".qm"));
            QVERIFY2(binary.contains(utf16be(name)), qPrintable(name));
        }
    }

    void installedCliRuns()
    {
        const QString cli = p(QStringLiteral("bin/leopard-cli"));
        const auto devices = runProcess(cli, {QStringLiteral("devices")}, {}, 60000);
        QCOMPARE(devices.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(devices.out).object();
        QVERIFY2(info.contains(QStringLiteral("default_device")), devices.out);
        // The installed demo model is a complete model directory (inspect reads and checks it).
        const auto inspect = runProcess(cli, {QStringLiteral("inspect"), QStringLiteral("--model"),
                                              p(QStringLiteral("share/leopard-desk/demo-model"))}, {}, 120000);
        QVERIFY2(inspect.exitCode == 0, inspect.out + inspect.err);
    }

    void installedDeskFindsItsDemoModel()
    {
        QTemporaryDir home;
        QProcess desk;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
        env.insert(QStringLiteral("LEOPARD_DESK_REPORT"), QStringLiteral("1"));
        env.remove(QStringLiteral("LEOPARD_MODEL_DIR"));
        desk.setProcessEnvironment(env);
        desk.start(p(QStringLiteral("bin/leopard-desk")), {QStringLiteral("--new-instance"),
                                                          p(QStringLiteral("share/leopard-desk/samples/sample-report.pdf"))});
        QVERIFY(desk.waitForStarted(30000));
        QString out;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000 && !(out.contains(QLatin1String("model-loading")) && out.contains(QLatin1String("opened "))))
            if (desk.waitForReadyRead(200))
                out += QString::fromUtf8(desk.readAllStandardOutput());
        desk.kill();
        desk.waitForFinished(10000);
        // Not the build tree's demo model (which exists too): the one beside the installed binary.
        QVERIFY2(out.contains(QStringLiteral("model-loading %1\n").arg(QDir::cleanPath(p(QStringLiteral("share/leopard-desk/demo-model"))))),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("opened ") + p(QStringLiteral("share/leopard-desk/samples/sample-report.pdf"))), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(InstallTest)
#include "tst_packaging_install.moc"
