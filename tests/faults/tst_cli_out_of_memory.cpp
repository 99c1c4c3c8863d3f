// `leopard-cli ask` under a real memory limit (prlimit --as, i.e. RLIMIT_AS in the child): running
// out of memory must end with a clear message and exit code 3, never a crash or an abort. The limit
// is found first as the smallest of 1, 2, 4, 8 GB under which a 4-token answer works; then, under
// 1.25 x that limit, the same 4-token question still works and a 16-million-token one (an 8 GB KV
// cache on the demo model) must fail cleanly.
#include "tests/common/process_run.h"

#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using leopard::test::ProcessRun;
using leopard::test::runProcess;

class TestCliOutOfMemory : public QObject
{
    Q_OBJECT
private slots:
    void outOfMemoryWhileAnswering()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer reserves terabytes of address space: RLIMIT_AS cannot be used");
#endif
        const QString prlimit = QStandardPaths::findExecutable(QStringLiteral("prlimit"));
        if (prlimit.isEmpty())
            QSKIP("prlimit (util-linux) is not installed");
        QTemporaryDir tmp;
        const QString png = tmp.filePath(QStringLiteral("page.png"));
        QImage page(400, 300, QImage::Format_RGB32);
        page.fill(Qt::white);
        QVERIFY(page.save(png));
        auto ask = [&](long long limit, int maxNewTokens) {
            return runProcess(prlimit, {QStringLiteral("--as=%1").arg(limit), QStringLiteral(LEOPARD_BINARY_DIR "/app/leopard-cli"),
                                        QStringLiteral("ask"), QStringLiteral("--model"), QStringLiteral(LEOPARD_BINARY_DIR "/demo-model"),
                                        QStringLiteral("--dtype"), QStringLiteral("fp32"), QStringLiteral("--images"), png,
                                        QStringLiteral("--max-new-tokens"), QString::number(maxNewTokens),
                                        QStringLiteral("--"), QStringLiteral("What is this?")},
                              {}, 120000);
        };
        long long limit = 0;
        for (long long gb : {1, 2, 4, 8}) {
            if (ask(gb << 30, 4).exitCode == 0) {
                limit = (gb << 30) * 5 / 4;
                break;
            }
        }
        QVERIFY2(limit > 0, "leopard-cli ask does not run even under an 8 GB limit");
        const ProcessRun small = ask(limit, 4);
        QVERIFY2(small.exitCode == 0, small.err.constData());
        const ProcessRun big = ask(limit, 16'000'000);
        qInfo("limit %lld MB; stderr: %s", limit >> 20, big.err.trimmed().split('\n').last().constData());
        QCOMPARE(big.exitCode, 3); // -1 would be a crash, an abort or a hang
        QVERIFY2(big.err.contains("leopard-cli ask: out of memory while answering"), big.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliOutOfMemory)
#include "tst_cli_out_of_memory.moc"
