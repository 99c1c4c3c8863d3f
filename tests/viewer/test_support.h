#pragma once
// Helpers shared by the viewer tests: where fixtures live, and running the independent tools
// (pdfinfo, pdftoppm) whose answers the tests compare against.

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

namespace testsupport {

inline QString sourceDir()
{
    const QByteArray env = qgetenv("LEOPARD_SOURCE_DIR");
    return env.isEmpty() ? QStringLiteral(LEOPARD_SOURCE_DIR) : QString::fromLocal8Bit(env);
}
inline QString fixture(const QString &name) { return sourceDir() + QStringLiteral("/tests/viewer/data/") + name; }
inline QString sample(const QString &name) { return sourceDir() + QStringLiteral("/resources/samples/") + name; }

inline QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Runs a program and returns its stdout; empty when it is missing or fails.
inline QByteArray run(const QString &program, const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted() || !p.waitForFinished(timeoutMs) || p.exitCode() != 0)
        return {};
    return p.readAllStandardOutput();
}

inline bool haveTool(const QString &name) { return !QStandardPaths::findExecutable(name).isEmpty(); }

// Size of the image pdftoppm writes for `page` (1-based) at `dpi`, read back from its PNG.
inline QSize pdftoppmSize(const QString &pdf, int page, double dpi, const QString &workDir, const QStringList &extra = {})
{
    const QString prefix = workDir + QStringLiteral("/ppm-%1-%2").arg(page).arg(dpi);
    const QString p = QString::number(page);
    const QStringList args = QStringList{QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-f"), p, QStringLiteral("-l"), p,
                                         QStringLiteral("-singlefile"), QStringLiteral("-png")}
                             + extra + QStringList{pdf, prefix};
    run(QStringLiteral("pdftoppm"), args);
    if (!QFile::exists(prefix + QStringLiteral(".png")))
        return {};
    return QImageReader(prefix + QStringLiteral(".png")).size();
}

// Whether process `pid` is running (Linux /proc). A killed child may linger as a zombie until it is
// reaped: that counts as gone.
inline bool processAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const int close = line.lastIndexOf(')');
    return close > 0 && line.size() > close + 2 && line.at(close + 2) != 'Z';
}

} // namespace testsupport
