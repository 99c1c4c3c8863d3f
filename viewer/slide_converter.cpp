#include "viewer/slide_converter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace leopard::viewer {

namespace {

QString nameOf(const QString &path) { return QFileInfo(path).fileName(); }

const char kInstallHint[] = QT_TRANSLATE_NOOP("SlideConverter", "Install LibreOffice Impress to open slide decks (on Debian or Ubuntu: "
                            "sudo apt install libreoffice-impress), or set the path to soffice in Settings.");

QString sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

// soffice is a shell script that starts oosplash, which starts soffice.bin: killing only the
// process QProcess started would leave the real converter running. The child therefore gets its
// own process group, and time-outs and cancellations kill the whole group.
void killGroup(QProcess &process, qint64 pid)
{
    if (pid > 0)
        ::kill(-static_cast<pid_t>(pid), SIGKILL);
    process.kill();
    process.waitForFinished(5000);
}

QString lastLines(const QByteArray &output, int lines = 4)
{
    QStringList all = QString::fromLocal8Bit(output).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // LibreOffice always warns about Java on systems without it; that says nothing about the deck.
    all.erase(std::remove_if(all.begin(), all.end(), [](const QString &l) { return l.contains(QLatin1String("javaldx")); }),
              all.end());
    return all.mid(std::max(0, int(all.size()) - lines)).join(QLatin1Char(' ')).trimmed();
}

// The LibreOffice import filter for a deck, from its first bytes and its suffix. Forcing the filter
// matters: left to guess, LibreOffice opens a damaged deck as plain text in Writer and "converts" it
// into pages of garbage. Zip-based decks (pptx, odp, key) are told apart by suffix; a PowerPoint
// file saved under the other PowerPoint suffix is common and still opens. Empty: not a deck.
QString importFilterFor(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = f.read(8);
    const bool zip = head.startsWith("PK\x03\x04");
    const bool ole = head.startsWith(QByteArray::fromHex("d0cf11e0a1b11ae1")); // PowerPoint 97-2003
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (ole)
        return QStringLiteral("MS PowerPoint 97");
    if (!zip)
        return {};
    if (suffix == QLatin1String("odp"))
        return QStringLiteral("impress8");
    if (suffix == QLatin1String("key"))
        return QStringLiteral("Apple Keynote");
    return QStringLiteral("Impress MS PowerPoint 2007 XML"); // pptx, or a pptx named .ppt
}

} // namespace

QString defaultSlideCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/slides");
}

QString cachedPdfPathFor(const QString &deckPath, const QString &cacheDir)
{
    const QString hash = sha256Of(deckPath);
    if (hash.isEmpty())
        return {};
    return QDir(cacheDir.isEmpty() ? defaultSlideCacheDir() : cacheDir).filePath(hash + QStringLiteral(".pdf"));
}

QString findSoffice(const QString &explicitPath)
{
    if (!explicitPath.isEmpty()) {
        const QFileInfo fi(explicitPath);
        return fi.isFile() && fi.isExecutable() ? fi.absoluteFilePath() : QString();
    }
    for (const char *name : {"soffice", "libreoffice"}) {
        const QString found = QStandardPaths::findExecutable(QString::fromLatin1(name));
        if (!found.isEmpty())
            return found;
    }
    return {};
}

ConversionResult convertDeckToPdf(const QString &deckPath, const OpenOptions &options)
{
    ConversionResult result;
    const QString name = nameOf(deckPath);
    auto report = [&](const QString &stage) { if (options.progress) options.progress(stage); };
    auto cancelled = [&] { return options.cancel && options.cancel->load(); };

    report(QCoreApplication::translate("SlideConverter", "Checking %1…").arg(name));
    const QString cacheDir = options.cacheDir.isEmpty() ? defaultSlideCacheDir() : options.cacheDir;
    const QString cached = cachedPdfPathFor(deckPath, cacheDir);
    if (cached.isEmpty()) {
        result.error = OpenError::NotFound;
        result.message = QCoreApplication::translate("SlideConverter", "%1 cannot be read.").arg(name);
        return result;
    }
    if (QFileInfo(cached).size() > 0) {
        result.pdfPath = cached;
        result.fromCache = true;
        return result;
    }

    const QString filter = importFilterFor(deckPath);
    if (filter.isEmpty()) {
        result.error = OpenError::ConversionFailed;
        result.message = QCoreApplication::translate("SlideConverter", "%1 is not a slide deck LibreOffice can read: it is neither a PowerPoint, "
                                        "OpenDocument nor Keynote file. It may be damaged or renamed.").arg(name);
        return result;
    }

    const QString soffice = findSoffice(options.sofficePath);
    if (soffice.isEmpty()) {
        result.error = OpenError::ConverterMissing;
        result.message = options.sofficePath.isEmpty()
            ? QCoreApplication::translate("SlideConverter", "%1 is a slide deck and needs LibreOffice to open, but LibreOffice was not found. %2")
                  .arg(name, QCoreApplication::translate("SlideConverter", kInstallHint))
            : QCoreApplication::translate("SlideConverter", "%1 is a slide deck and needs LibreOffice to open, but %2 is not an executable program. %3")
                  .arg(name, options.sofficePath, QCoreApplication::translate("SlideConverter", kInstallHint));
        return result;
    }
    if (cancelled()) {
        result.error = OpenError::Cancelled;
        result.message = QCoreApplication::translate("SlideConverter", "Opening %1 was cancelled.").arg(name);
        return result;
    }

    QTemporaryDir work(QDir::tempPath() + QStringLiteral("/leopard-convert-XXXXXX"));
    if (!work.isValid() || !QDir().mkpath(cacheDir)) {
        result.error = OpenError::ConversionFailed;
        result.message = QCoreApplication::translate("SlideConverter", "%1 cannot be converted: no room for temporary files (%2).")
                             .arg(name, work.isValid() ? cacheDir : QDir::tempPath());
        return result;
    }
    const QString outDir = work.filePath(QStringLiteral("out"));
    QDir().mkpath(outDir);

    QProcess process;
    process.setProgram(soffice);
    process.setArguments({
        // A private profile per conversion: parallel conversions and a LibreOffice the user has
        // open would otherwise share (and lock) one profile, and the second one would do nothing.
        QStringLiteral("-env:UserInstallation=") + QUrl::fromLocalFile(work.filePath(QStringLiteral("profile"))).toString(),
        QStringLiteral("--headless"), QStringLiteral("--invisible"), QStringLiteral("--norestore"),
        QStringLiteral("--nolockcheck"),
        QStringLiteral("--infilter=") + filter,
        QStringLiteral("--convert-to"), QStringLiteral("pdf:impress_pdf_Export"),
        QStringLiteral("--outdir"), outDir,
        QFileInfo(deckPath).absoluteFilePath()});
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    process.setProcessChannelMode(QProcess::MergedChannels);

    report(QCoreApplication::translate("SlideConverter", "Converting %1 with LibreOffice…").arg(name));
    QElapsedTimer clock;
    clock.start();
    process.start();
    if (!process.waitForStarted(10000)) {
        result.error = OpenError::ConverterMissing;
        result.message = QCoreApplication::translate("SlideConverter", "%1 needs LibreOffice to open, but %2 could not be started (%3). %4")
                             .arg(name, soffice, process.errorString(), QCoreApplication::translate("SlideConverter", kInstallHint));
        return result;
    }
    // Kept: QProcess forgets the id once the process has exited, and its group may outlive it.
    const qint64 pid = process.processId();
    QByteArray output;
    qint64 lastReport = 0;
    while (!process.waitForFinished(100)) {
        output += process.readAll();
        if (cancelled()) {
            killGroup(process, pid);
            result.error = OpenError::Cancelled;
            result.message = QCoreApplication::translate("SlideConverter", "Opening %1 was cancelled.").arg(name);
            return result;
        }
        if (options.conversionTimeoutMs > 0 && clock.elapsed() > options.conversionTimeoutMs) {
            killGroup(process, pid);
            result.error = OpenError::TimedOut;
            result.message = QCoreApplication::translate("SlideConverter", "%1 took longer than %2 seconds to convert with LibreOffice and was stopped. "
                                            "A very large deck may need a longer time limit in Settings.")
                                 .arg(name).arg(options.conversionTimeoutMs / 1000.0, 0, 'f', options.conversionTimeoutMs % 1000 ? 1 : 0);
            return result;
        }
        if (clock.elapsed() - lastReport >= 2000) {
            lastReport = clock.elapsed();
            report(QCoreApplication::translate("SlideConverter", "Converting %1 with LibreOffice… %2 s").arg(name).arg(lastReport / 1000));
        }
        if (process.state() == QProcess::NotRunning)
            break;
    }
    output += process.readAll();
    // oosplash may leave helpers behind in the group after soffice itself exits.
    if (pid > 0)
        ::kill(-static_cast<pid_t>(pid), SIGKILL);

    const QStringList pdfs = QDir(outDir).entryList({QStringLiteral("*.pdf")}, QDir::Files);
    const QString produced = pdfs.isEmpty() ? QString() : QDir(outDir).filePath(pdfs.first());
    if (produced.isEmpty() || QFileInfo(produced).size() == 0) {
        result.error = OpenError::ConversionFailed;
        const QString detail = lastLines(output);
        result.message = QCoreApplication::translate("SlideConverter", "LibreOffice could not convert %1 (it produced no PDF%2). "
                                        "The file may be damaged or in a format LibreOffice cannot read.")
                             .arg(name, detail.isEmpty() ? QString()
                                                         : QCoreApplication::translate("SlideConverter", "; it said: \"%1\"").arg(detail));
        if (process.exitStatus() == QProcess::CrashExit)
            result.message += QCoreApplication::translate("SlideConverter", " LibreOffice crashed.");
        return result;
    }

    // Into the cache atomically: a reader never sees half a PDF, and two conversions of the same
    // deck at once both end with a complete file.
    QFile in(produced);
    QSaveFile out(cached);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly)
        || out.write(in.readAll()) < 0 || !out.commit()) {
        result.error = OpenError::ConversionFailed;
        result.message = QCoreApplication::translate("SlideConverter", "%1 was converted, but the result could not be saved in %2 (%3).")
                             .arg(name, cacheDir, out.errorString());
        return result;
    }
    result.pdfPath = cached;
    return result;
}

} // namespace leopard::viewer
