#pragma once
// Running a program (usually the built leopard-cli) from a test and collecting what it printed.
// Header-only; every test executable gets the project root on its include path.
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace leopard::test {

struct ProcessRun {
    int exitCode = -1;   // -1 when the program did not start, crashed or timed out
    QByteArray out, err;
};

// Runs `program args` in `env`, writes `input` to its stdin (then closes it), waits up to timeoutMs.
inline ProcessRun runProcess(const QString &program, const QStringList &args, const QByteArray &input = {},
                             int timeoutMs = 300000,
                             const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, args);
    ProcessRun run;
    if (!process.waitForStarted(30000))
        return run;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    const bool finished = process.waitForFinished(timeoutMs);
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    if (finished && process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    else
        process.kill();
    return run;
}

inline QString cliPath()
{
    return QStringLiteral(LEOPARD_BINARY_DIR "/app/leopard-cli");
}

// leopard-cli with these arguments.
inline ProcessRun runCli(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 300000,
                         const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return runProcess(cliPath(), args, input, timeoutMs, env);
}

} // namespace leopard::test
