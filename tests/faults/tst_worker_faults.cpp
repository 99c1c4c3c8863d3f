// Faults around the model worker (InferenceWorker, as the Ask dock uses it), with the demo model:
//  - two questions sent quickly in a row: the second waits for the first (queued on the worker's
//    thread), both answer, and each answer equals the one the question gets alone;
//  - out of memory while generating and while loading, under a real address-space limit
//    (setrlimit RLIMIT_AS, this process): failed() with a clear message, no crash, and the worker
//    answers again once memory is back. The load case uses a bigger model written by make-tiny.
// (Closing the window mid-answer: tests/chat tst_chat_panel closingMidAnswerJoins.)
#include "inference/inference_worker.h"
#include "inference/planner.h"
#include "ui/conversation/document_pages.h"
#include "viewer/pdf_document.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/resource.h>

using namespace leopard;

namespace {
const QString kSample = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
const QString kModel = QStringLiteral(LEOPARD_BINARY_DIR "/demo-model");
const QString kCli = QStringLiteral(LEOPARD_BINARY_DIR "/app/leopard-cli");

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAsan = true; // AddressSanitizer reserves terabytes of address space: RLIMIT_AS cannot be used
#else
constexpr bool kAsan = false;
#endif

long long vmSizeBytes()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmSize:"))
            return line.mid(7).trimmed().split(' ').first().toLongLong() * 1024;
    return -1;
}

// Caps this process's address space at what it uses now plus `headroom` until destroyed.
class AddressSpaceLimit {
public:
    explicit AddressSpaceLimit(long long headroom)
    {
        ::getrlimit(RLIMIT_AS, &m_saved);
        rlimit lim = m_saved;
        lim.rlim_cur = static_cast<rlim_t>(vmSizeBytes() + headroom);
        m_ok = ::setrlimit(RLIMIT_AS, &lim) == 0;
    }
    ~AddressSpaceLimit() { ::setrlimit(RLIMIT_AS, &m_saved); }
    bool ok() const { return m_ok; }

private:
    rlimit m_saved{};
    bool m_ok = false;
};
} // namespace

class TestWorkerFaults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kModel + QStringLiteral("/config.json")), "build the leopard_demo_model target first");
        viewer::OpenResult opened = viewer::PdfDocument::open(kSample, {}, kSample, viewer::DocumentKind::Pdf);
        QVERIFY(opened.document);
        m_document = opened.document;
        const QSize size = m_document->analysisPixelSize(0, 72);
        m_plan = planCrops({{size.width(), size.height()}});
    }

    void twoQuestionsInARow()
    {
        QThread thread;
        auto *worker = new InferenceWorker;
        worker->moveToThread(&thread);
        thread.start();
        QList<AskStats> finished;
        QStringList failed;
        int loaded = 0;
        connect(worker, &InferenceWorker::modelLoaded, this, [&] { ++loaded; });
        connect(worker, &InferenceWorker::finished, this, [&](const AskStats &s) { finished << s; });
        connect(worker, &InferenceWorker::failed, this, [&](const QString &m) { failed << m; });
        QMetaObject::invokeMethod(worker, "loadModel", Qt::QueuedConnection, Q_ARG(QString, kModel),
                                  Q_ARG(QString, QStringLiteral("cpu")), Q_ARG(QString, QStringLiteral("fp32")));
        QTRY_COMPARE_WITH_TIMEOUT(loaded, 1, 30000);
        // Each question alone first: the reference answers.
        QMetaObject::invokeMethod(worker, "ask", Qt::QueuedConnection, Q_ARG(leopard::AskRequest, request("What is the title?", 12)));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QMetaObject::invokeMethod(worker, "ask", Qt::QueuedConnection, Q_ARG(leopard::AskRequest, request("Who wrote it?", 12)));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        // Then both sent back to back, without waiting for the first answer.
        QMetaObject::invokeMethod(worker, "ask", Qt::QueuedConnection, Q_ARG(leopard::AskRequest, request("What is the title?", 12)));
        QMetaObject::invokeMethod(worker, "ask", Qt::QueuedConnection, Q_ARG(leopard::AskRequest, request("Who wrote it?", 12)));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.join('\n')));
        QCOMPARE(finished[2].text, finished[0].text);
        QCOMPARE(finished[3].text, finished[1].text);
        QVERIFY(!finished[3].cancelled);
        worker->requestCancel();
        thread.quit();
        QVERIFY(thread.wait(10000));
        delete worker;
    }

    void outOfMemoryWhileGenerating()
    {
        if (kAsan)
            QSKIP("RLIMIT_AS cannot be used under AddressSanitizer");
        InferenceWorker worker; // on this thread: calls are direct, signals arrive at once
        QSignalSpy failed(&worker, &InferenceWorker::failed);
        QSignalSpy finished(&worker, &InferenceWorker::finished);
        worker.loadModel(kModel, QStringLiteral("cpu"), QStringLiteral("fp32"));
        QCOMPARE(failed.count(), 0);
        {
            // 1 GB more than now; 4 million new tokens need a 2 GB KV cache (demo model: 512 bytes/position).
            const AddressSpaceLimit limit(1ll << 30);
            QVERIFY(limit.ok());
            worker.ask(request("What is the title?", 4'000'000));
        }
        QCOMPARE(finished.count(), 0);
        QCOMPARE(failed.count(), 1);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.startsWith(QStringLiteral("Out of memory while answering")), qPrintable(message));
        qInfo("out of memory while generating: %s", qPrintable(message));
        // Memory back: the same worker answers.
        worker.ask(request("What is the title?", 4));
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.first().first().value<AskStats>().tokens > 0);
    }

    void outOfMemoryWhileLoading()
    {
        if (kAsan)
            QSKIP("RLIMIT_AS cannot be used under AddressSanitizer");
        // A model whose fp32 weights (~270 MB: 128256 x 256 embeddings and lm_head) exceed the limit.
        QTemporaryDir tmp;
        const QString big = tmp.filePath(QStringLiteral("big"));
        QProcess make;
        make.start(kCli, {QStringLiteral("make-tiny"), QStringLiteral("--out"), big, QStringLiteral("--tokenizer-dir"),
                          QStringLiteral(LEOPARD_TOKENIZER_DIR), QStringLiteral("--text-hidden"), QStringLiteral("256"),
                          QStringLiteral("--text-intermediate"), QStringLiteral("512")});
        QVERIFY(make.waitForFinished(120000));
        QVERIFY2(make.exitCode() == 0, make.readAllStandardError().constData());

        InferenceWorker worker;
        QSignalSpy failed(&worker, &InferenceWorker::failed);
        QSignalSpy loaded(&worker, &InferenceWorker::modelLoaded);
        {
            const AddressSpaceLimit limit(128ll << 20);
            QVERIFY(limit.ok());
            worker.loadModel(big, QStringLiteral("cpu"), QStringLiteral("fp32"));
        }
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(failed.count(), 1);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.startsWith(QStringLiteral("Cannot load the model from ") + big), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("memory"), Qt::CaseInsensitive), qPrintable(message));
        qInfo("out of memory while loading: %s", qPrintable(message));
        // Without the limit the same model loads in the same worker.
        worker.loadModel(big, QStringLiteral("cpu"), QStringLiteral("fp32"));
        QCOMPARE(loaded.count(), 1);
    }

private:
    AskRequest request(const char *question, int maxNewTokens) const
    {
        AskRequest r;
        r.question = QString::fromUtf8(question);
        r.maxNewTokens = maxNewTokens;
        // 72 dpi keeps the encode short (1 page, the plan's images).
        r.pages.push_back(ui::askPageFor(m_document, 0, 72, m_plan.images[0]));
        return r;
    }

    viewer::DocumentPtr m_document;
    CropPlan m_plan;
};

QTEST_MAIN(TestWorkerFaults)
#include "tst_worker_faults.moc"
