// Single instance, with real leopard-desk processes: a second launch hands its file (given relative
// to its own working directory) to the running window and exits 0 at once, without loading a model;
// the first opens it. A socket left behind by a killed instance does not block the next start, and
// --new-instance opts out.
#include "desk_process.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using leopard::test::DeskProcess;
using leopard::test::deskPath;

namespace {
const QString kSamples = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples");
}

class SingleInstanceTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_runtime, m_home;

private slots:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid() && m_home.isValid());
        QVERIFY(QFileInfo::exists(deskPath()));
    }

    void secondLaunchHandsOverItsFile()
    {
        DeskProcess first;
        first.start(deskPath(), {}, m_runtime.path(), m_home.path());
        // The model starts loading after the socket listens and the window exists.
        QVERIFY2(!first.waitForLine(QStringLiteral("model-loading ")).isEmpty(), qPrintable(first.output));

        DeskProcess second;
        QElapsedTimer timer;
        timer.start();
        second.start(deskPath(), {QStringLiteral("sample-report.pdf")}, m_runtime.path(), m_home.path(), kSamples);
        QVERIFY(second.process->waitForFinished(20000));
        const qint64 ms = timer.elapsed();
        second.output += QString::fromUtf8(second.process->readAllStandardOutput());
        QCOMPARE(second.process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.process->exitCode(), 0);
        QCOMPARE(second.output.trimmed(), QStringLiteral("handed-over 1")); // and no "model-loading"
        qInfo("second launch exited after %lld ms", ms);

        // The path is resolved against the second process's working directory, not the first's.
        const QString expected = QFileInfo(kSamples + QStringLiteral("/sample-report.pdf")).absoluteFilePath();
        QCOMPARE(first.waitForLine(QStringLiteral("opened ")), QStringLiteral("opened ") + expected);
        QVERIFY(first.process->state() == QProcess::Running);

        // A launch without files only raises the window; it still must not start a second app.
        DeskProcess third;
        third.start(deskPath(), {}, m_runtime.path(), m_home.path());
        QVERIFY(third.process->waitForFinished(20000));
        QCOMPARE(third.process->exitCode(), 0);
        QCOMPARE(QString::fromUtf8(third.process->readAllStandardOutput()).trimmed(), QStringLiteral("handed-over 0"));

        // --new-instance: a window of its own, with its own model.
        DeskProcess separate;
        separate.start(deskPath(), {QStringLiteral("--new-instance")}, m_runtime.path(), m_home.path());
        QVERIFY2(!separate.waitForLine(QStringLiteral("model-loading ")).isEmpty(), qPrintable(separate.output));
        QVERIFY(!separate.output.contains(QLatin1String("handed-over")));
    }

    void staleSocketDoesNotBlockStartup()
    {
        const QString socket = m_runtime.path() + QStringLiteral("/leopard-desk.socket");
        {
            DeskProcess crashed;
            crashed.start(deskPath(), {}, m_runtime.path(), m_home.path());
            QVERIFY(!crashed.waitForLine(QStringLiteral("model-loading ")).isEmpty());
            QVERIFY(QFileInfo::exists(socket));
            ::kill(pid_t(crashed.process->processId()), SIGKILL); // no clean-up: the socket file stays
            QVERIFY(crashed.process->waitForFinished(10000));
        }
        QVERIFY2(QFileInfo::exists(socket), "SIGKILL should have left the socket file behind");

        DeskProcess next;
        next.start(deskPath(), {}, m_runtime.path(), m_home.path());
        QVERIFY2(!next.waitForLine(QStringLiteral("model-loading ")).isEmpty(), qPrintable(next.output));
        // ...and it is the instance later launches talk to.
        DeskProcess later;
        later.start(deskPath(), {kSamples + QStringLiteral("/sample-report.pdf")}, m_runtime.path(), m_home.path());
        QVERIFY(later.process->waitForFinished(20000));
        QCOMPARE(later.process->exitCode(), 0);
        QCOMPARE(QString::fromUtf8(later.process->readAllStandardOutput()).trimmed(), QStringLiteral("handed-over 1"));
    }
};

QTEST_GUILESS_MAIN(SingleInstanceTest)
#include "tst_desktop_single_instance.moc"
