#pragma once
// A leopard-desk process for tests: offscreen, its own XDG runtime directory (so the single-instance
// socket is the test's own), settings in a private HOME, and LEOPARD_DESK_REPORT=1 so it prints one
// line per event ("model-loading DIR", "opened PATH", "handed-over N").
#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

#include <memory>

namespace leopard::test {

struct DeskProcess {
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString output; // everything printed on stdout so far

    void start(const QString &program, const QStringList &args, const QString &runtimeDir, const QString &home,
               const QString &workingDir = QString())
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
        env.insert(QStringLiteral("LEOPARD_DESK_REPORT"), QStringLiteral("1"));
        env.remove(QStringLiteral("LEOPARD_MODEL_DIR"));
        process->setProcessEnvironment(env);
        if (!workingDir.isEmpty())
            process->setWorkingDirectory(workingDir);
        process->setProcessChannelMode(QProcess::SeparateChannels);
        process->start(program, args);
    }

    // Waits until stdout has a line starting with `prefix`; returns it (empty on timeout or exit).
    QString waitForLine(const QString &prefix, int timeoutMs = 60000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            output += QString::fromUtf8(process->readAllStandardOutput());
            for (const QString &line : output.split(QLatin1Char('\n')))
                if (line.startsWith(prefix) && output.contains(line + QLatin1Char('\n')))
                    return line;
            if (process->state() == QProcess::NotRunning)
                return {};
            process->waitForReadyRead(100);
        }
        return {};
    }

    void kill()
    {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(10000);
        }
    }
    ~DeskProcess() { kill(); }
};

inline QString deskPath()
{
    return QStringLiteral(LEOPARD_BINARY_DIR "/app/leopard-desk");
}

} // namespace leopard::test
