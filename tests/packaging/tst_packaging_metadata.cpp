// packaging/*.desktop and *.metainfo.xml: valid for desktop-file-validate and `appstreamcli validate`
// (Debian's desktop-file-utils and appstream; scripts/setup.sh installs both), consistent with each
// other, and declaring the document types the app opens.
#include "tests/common/process_run.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using leopard::test::runProcess;

namespace {
const QString kPackaging = QStringLiteral(LEOPARD_SOURCE_DIR "/packaging");
const QString kId = QStringLiteral("io.github.leopard_desk.LeopardDesk");
QString desktopFile() { return kPackaging + QLatin1Char('/') + kId + QStringLiteral(".desktop"); }
QString metainfoFile() { return kPackaging + QLatin1Char('/') + kId + QStringLiteral(".metainfo.xml"); }

QString tool(const char *name)
{
    const QString path = QStandardPaths::findExecutable(QLatin1String(name));
    if (path.isEmpty())
        qWarning("%s is not installed (scripts/setup.sh installs it)", name);
    return path;
}

QStringList desktopMimeTypes()
{
    QFile f(desktopFile());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("MimeType="))
            return QString::fromUtf8(line.mid(9)).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    return {};
}
} // namespace

class MetadataTest : public QObject
{
    Q_OBJECT
private slots:
    void desktopFileValidates()
    {
        const QString validator = tool("desktop-file-validate");
        QVERIFY(!validator.isEmpty());
        const auto run = runProcess(validator, {desktopFile()}, {}, 30000);
        QVERIFY2(run.exitCode == 0 && run.out.trimmed().isEmpty(), run.out + run.err); // errors and hints alike
    }

    void metainfoValidates()
    {
        const QString appstreamcli = tool("appstreamcli");
        QVERIFY(!appstreamcli.isEmpty());
        // --no-net: the screenshot URLs are not fetched (CI has no network); everything else is checked.
        const auto run = runProcess(appstreamcli, {QStringLiteral("validate"), QStringLiteral("--no-net"), metainfoFile()}, {}, 60000);
        QVERIFY2(run.exitCode == 0, run.out + run.err);
        QVERIFY2(run.out.contains("Validation was successful"), run.out);
        // No warnings or errors (pedantic notes are allowed: the id's upper-case letters).
        QVERIFY2(!QRegularExpression(QStringLiteral("^[EW]: "), QRegularExpression::MultilineOption)
                      .match(QString::fromUtf8(run.out)).hasMatch(), run.out);
    }

    void desktopFileOpensTheDocumentTypes()
    {
        const QStringList types = desktopMimeTypes();
        for (const char *t : {"application/pdf",
                              "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                              "application/vnd.oasis.opendocument.presentation"})
            QVERIFY2(types.contains(QLatin1String(t)), t);
        // The metainfo's <provides> lists only types the desktop entry declares.
        QFile f(metainfoFile());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString xml = QString::fromUtf8(f.readAll());
        auto it = QRegularExpression(QStringLiteral("<mediatype>([^<]+)</mediatype>")).globalMatch(xml);
        int n = 0;
        while (it.hasNext()) {
            const QString t = it.next().captured(1);
            QVERIFY2(types.contains(t), qPrintable(t));
            ++n;
        }
        QVERIFY(n >= 3);
        QVERIFY(xml.contains(QStringLiteral("<launchable type=\"desktop-id\">%1.desktop</launchable>").arg(kId)));
        QVERIFY(xml.contains(QStringLiteral("<content_rating")));
        QVERIFY(xml.contains(QStringLiteral("<release version=\"%1\"").arg(QLatin1String(LEOPARD_PROJECT_VERSION))));
        // Every screenshot names a picture that exists in docs/.
        auto shots = QRegularExpression(QStringLiteral("<image>https://[^<]*/docs/([^<]+\\.png)</image>")).globalMatch(xml);
        int shotCount = 0;
        while (shots.hasNext()) {
            const QString name = shots.next().captured(1);
            QVERIFY2(QFile::exists(QStringLiteral(LEOPARD_SOURCE_DIR "/docs/") + name), qPrintable(name));
            ++shotCount;
        }
        QVERIFY(shotCount >= 1);
    }
};

QTEST_GUILESS_MAIN(MetadataTest)
#include "tst_packaging_metadata.moc"
