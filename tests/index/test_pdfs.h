#pragma once
// The PDFs tests/index/make_test_pdfs.py writes (a garbage text layer, a long document), made at test
// time into a temporary directory, and this process's memory as /proc/self/status reports it.
#include "tests/common/process_run.h"

#include <QFile>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace leopard::test {

inline QString testPdfScript() { return QStringLiteral(LEOPARD_SOURCE_DIR "/tests/index/make_test_pdfs.py"); }

// "" when python3 is on PATH, else why not.
inline QString pythonMissing()
{
    return QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty() ? QStringLiteral("python3 is not installed")
                                                                               : QString();
}

// Runs the generator with `args` ("garbage OUT MANIFEST", "long OUT --pages N"); "" on success,
// else what it printed.
inline QString makeTestPdf(const QStringList &args)
{
    const ProcessRun r = runProcess(QStringLiteral("python3"), QStringList{testPdfScript()} + args, {}, 120000);
    return r.exitCode == 0 ? QString() : QStringLiteral("make_test_pdfs.py %1 failed (%2): %3")
                                             .arg(args.join(QLatin1Char(' '))).arg(r.exitCode).arg(QString::fromUtf8(r.err));
}

// A field of /proc/self/status in KiB ("VmRSS", "VmHWM"); 0 where there is none.
inline qint64 procStatusKiB(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

} // namespace leopard::test
