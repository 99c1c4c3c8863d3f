// Saved conversations continue exactly, in the app (offscreen, the demo model in fp32): Q1 then Q2
// in one window is the reference; Q1, the window closed (and once: the app killed with kill -9 after
// Q1, a child run of this binary), then the document reopened and Q2 asked must give the same ids.
// Also: a conversation saved in format 1 (a committed file written by the release before this one)
// opens and starts afresh saying why; a document changed since starts afresh saying so; a store whose
// every write takes 300 ms leaves the event loop free while an answer streams.
#include "ui/chat/chat_panel.h"
#include "ui/conversation/session_store.h"
#include "ui/conversation/session_writer.h"
#include "ui/history/history_panel.h"
#include "ui/model/model_host.h"
#include "ui/pages/page_strip_model.h"
#include "ui/window/main_window.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>

using namespace leopard;
using namespace leopard::ui;

namespace {
const QString kSample = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
const QString kFixture = QStringLiteral(LEOPARD_SOURCE_DIR "/tests/sessions/fixtures/format1-two-turns.json");
const QString kQ1 = QStringLiteral("What is the total revenue in the table?");
const QString kQ2 = QStringLiteral("And how does it compare with last year?");
constexpr int kTokens1 = 7, kTokens2 = 9;

void setUpApp()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LeopardDeskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_chat_continuation"));
    qunsetenv("LEOPARD_MODEL_DIR");
}

std::unique_ptr<MainWindow> newWindow()
{
    auto w = std::make_unique<MainWindow>();
    w->setMessageBoxesEnabled(false);
    w->resize(1400, 900);
    w->show();
    w->setModelDirectory(QString()); // the demo model
    return w;
}

bool openSample(MainWindow *w, const QString &path, const QVector<int> &pages)
{
    QSignalSpy opened(w, &MainWindow::documentOpened);
    w->openFiles({path});
    if (!QTest::qWaitFor([&] { return opened.count() == 1 && w->chatPanel()->documentsIdentified(); }, 30000))
        return false;
    if (!QTest::qWaitFor([&] { return w->modelHost()->state() == ModelHost::State::Ready; }, 60000))
        return false;
    PageStripModel *model = w->pageStripModel();
    model->setPagesChecked(model->documents().first().get(), pages, true);
    return true;
}

AskStats ask(MainWindow *w, const QString &question, int maxTokens)
{
    ChatPanel *chat = w->chatPanel();
    QSignalSpy finished(chat, &ChatPanel::answerFinished);
    chat->setMaxNewTokens(maxTokens);
    chat->setQuestion(question);
    chat->ask();
    if (!chat->isAnswering()) {
        qWarning() << "not asked:" << chat->askBlockedReason();
        return {};
    }
    if (!QTest::qWaitFor([&] { return finished.count() == 1; }, 60000))
        return {};
    chat->sessionWriter()->waitForIdle(20000);
    return finished.first().first().value<AskStats>();
}

// Child mode (LEOPARD_CONTINUATION_CHILD=1): Q1 about page 1, then "ANSWERED <id>" once the answer
// is saved, then it waits to be killed.
int runChild(int argc, char **argv)
{
    QApplication app(argc, argv);
    setUpApp();
    QSettings().setValue(QStringLiteral("model/dtype"), QStringLiteral("fp32"));
    auto w = newWindow();
    if (!openSample(w.get(), kSample, {0}))
        return 3;
    const AskStats s = ask(w.get(), kQ1, kTokens1);
    if (s.tokens == 0)
        return 4;
    std::printf("ANSWERED %s\n", qPrintable(w->chatPanel()->conversationId()));
    std::fflush(stdout);
    return app.exec();
}
} // namespace

class TestChatContinuation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup() { m_window.reset(); }
    void continuesAfterQuit();
    void continuesAfterKill();
    void formatOneConversationStartsAfreshSayingWhy();
    void changedDocumentStartsAfreshSayingSo();
    void slowDiskKeepsTheLoopFree();

private:
    // Q1 then Q2 in one window: the answers a run that never stopped gives.
    void reference();
    void restoreAndAskQ2(const QString &id);
    QString sessionsDir() const { return SessionStore::defaultDirectory(); }
    std::unique_ptr<MainWindow> m_window;
    AskStats m_q1, m_q2;
};

void TestChatContinuation::initTestCase()
{
    setUpApp();
    QVERIFY2(QFile::exists(QStringLiteral(LEOPARD_BINARY_DIR "/demo-model/config.json")), "build the leopard_demo_model target first");
}

void TestChatContinuation::init()
{
    QSettings().clear();
    QSettings().setValue(QStringLiteral("model/dtype"), QStringLiteral("fp32"));
    QDir(sessionsDir()).removeRecursively();
}

void TestChatContinuation::reference()
{
    if (m_q2.tokens > 0)
        return;
    m_window = newWindow();
    QVERIFY(openSample(m_window.get(), kSample, {0}));
    m_q1 = ask(m_window.get(), kQ1, kTokens1);
    QVERIFY(m_q1.tokens > 0);
    m_q2 = ask(m_window.get(), kQ2, kTokens2);
    QVERIFY(m_q2.followUp);
    QCOMPARE(m_q2.replayedTurns, 0);
    m_window.reset();
    QDir(sessionsDir()).removeRecursively();
}

void TestChatContinuation::restoreAndAskQ2(const QString &id)
{
    m_window = newWindow();
    QVERIFY(openSample(m_window.get(), kSample, {}));
    ChatPanel *chat = m_window->chatPanel();
    QCOMPARE(chat->conversationId(), id);
    QVERIFY(chat->isRestored());
    QVERIFY(!chat->transcriptText().contains(QStringLiteral("starts afresh")));
    const AskStats q2 = ask(m_window.get(), kQ2, kTokens2);
    QVERIFY(q2.followUp);
    QCOMPARE(q2.replayedTurns, 1);
    QVERIFY(q2.turnPromptIds == m_q2.turnPromptIds);
    QVERIFY2(q2.generatedIds == m_q2.generatedIds, "the restored conversation's answer differs from the one given in one run");
    QCOMPARE(q2.text, m_q2.text);
    // The second turn on disk carries the same ids (read back without the store).
    QFile f(SessionStore().filePath(id));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray turns = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("turns")).toArray();
    QCOMPARE(turns.size(), 2);
    const QJsonArray generated = turns[1].toObject().value(QStringLiteral("generated_ids")).toArray();
    QCOMPARE(generated.size(), int(m_q2.generatedIds.size()));
    for (int i = 0; i < generated.size(); ++i)
        QCOMPARE(generated[i].toInt(), m_q2.generatedIds[std::size_t(i)]);
    qInfo("restored and continued: %zu ids identical to the run that never stopped; replay %.2f s, first token %.2f s",
          q2.generatedIds.size(), q2.replaySeconds, q2.secondsToFirstToken);
}

void TestChatContinuation::continuesAfterQuit()
{
    reference();
    m_window = newWindow();
    QVERIFY(openSample(m_window.get(), kSample, {0}));
    const AskStats q1 = ask(m_window.get(), kQ1, kTokens1);
    QVERIFY(q1.generatedIds == m_q1.generatedIds);
    const QString id = m_window->chatPanel()->conversationId();
    m_window.reset(); // quit
    restoreAndAskQ2(id);
}

void TestChatContinuation::continuesAfterKill()
{
    reference();
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LEOPARD_CONTINUATION_CHILD"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted(10000));
    QString id;
    QElapsedTimer clock;
    clock.start();
    while (id.isEmpty() && clock.elapsed() < 120000) {
        child.waitForReadyRead(200);
        while (child.canReadLine()) {
            const QByteArray line = child.readLine().trimmed();
            if (line.startsWith("ANSWERED "))
                id = QString::fromUtf8(line.mid(9));
        }
        QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
    }
    QVERIFY2(!id.isEmpty(), "the child never answered");
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    restoreAndAskQ2(id);
}

void TestChatContinuation::formatOneConversationStartsAfreshSayingWhy()
{
    // The fixture names the sample at the path it had when it was written; the sample's content
    // (its SHA-256 in the file) finds it wherever this checkout is.
    QVERIFY(QDir().mkpath(sessionsDir()));
    QFile fixture(kFixture);
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QJsonObject saved = QJsonDocument::fromJson(fixture.readAll()).object();
    QCOMPARE(saved.value(QStringLiteral("format")).toInt(), 1);
    const QString id = saved.value(QStringLiteral("id")).toString();
    QVERIFY(QFile::copy(kFixture, SessionStore().filePath(id)));

    m_window = newWindow();
    QVERIFY(openSample(m_window.get(), kSample, {}));
    ChatPanel *chat = m_window->chatPanel();
    QCOMPARE(chat->conversationId(), id);
    QCOMPARE(chat->turnCount(), 2);
    QCOMPARE(chat->answerText(1), saved.value(QStringLiteral("turns")).toArray()[1].toObject().value(QStringLiteral("answer")).toString());
    QCOMPARE(chat->pageLinks(1), (QStringList{QStringLiteral("sample-report.pdf p. 1"), QStringLiteral("sample-report.pdf p. 2")}));
    QVERIFY2(chat->transcriptText().contains(QStringLiteral("earlier version")) ||
                 m_window->findChild<QLabel *>(QStringLiteral("restoredNote"))->text().contains(QStringLiteral("earlier version")),
             "the restored note says why the model starts afresh");
    const AskStats s = ask(m_window.get(), kQ2, 4);
    QVERIFY(s.tokens > 0);
    QVERIFY(!s.followUp);
    QCOMPARE(s.pagesEncoded, 2); // both pages of the conversation, planned together afresh
    const LoadResult r = SessionStore().load(id);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.conversation.turns.size(), 3);
    QVERIFY(r.conversation.turns[2].freshContext);
    QVERIFY(r.conversation.turns[2].freshReason.contains(QStringLiteral("earlier version")));
    QCOMPARE(r.conversation.turns[0].answer, saved.value(QStringLiteral("turns")).toArray()[0].toObject().value(QStringLiteral("answer")).toString());
}

void TestChatContinuation::changedDocumentStartsAfreshSayingSo()
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("report.pdf"));
    QVERIFY(QFile::copy(kSample, copy));
    m_window = newWindow();
    QVERIFY(openSample(m_window.get(), copy, {0}));
    QVERIFY(ask(m_window.get(), kQ1, 4).tokens > 0);
    const QString id = m_window->chatPanel()->conversationId();
    m_window.reset();
    // A new revision of the file: the same pages, other bytes (a comment after the end).
    QFile f(copy);
    QVERIFY(f.open(QIODevice::Append));
    f.write("\n% revised\n");
    f.close();

    m_window = newWindow();
    QVERIFY(openSample(m_window.get(), copy, {}));
    ChatPanel *chat = m_window->chatPanel();
    QCOMPARE(chat->turnCount(), 0); // other content: not this conversation's document set
    QString error;
    QVERIFY2(chat->openConversation(id, &error), qPrintable(error));
    const AskStats s = ask(m_window.get(), kQ2, 4);
    QVERIFY(s.tokens > 0);
    QVERIFY(!s.followUp);
    const LoadResult r = SessionStore().load(id);
    QVERIFY(r.ok());
    QVERIFY(r.conversation.turns.last().freshContext);
    QVERIFY2(r.conversation.turns.last().freshReason.contains(QStringLiteral("changed")), qPrintable(r.conversation.turns.last().freshReason));
    QVERIFY(chat->transcriptText().contains(QStringLiteral("changed since")));
}

void TestChatContinuation::slowDiskKeepsTheLoopFree()
{
    m_window = newWindow();
    ChatPanel *chat = m_window->chatPanel();
    chat->sessionWriter()->setWriteDelayMs(300);
    QVERIFY(openSample(m_window.get(), kSample, {0}));
    QElapsedTimer sinceTick;
    sinceTick.start();
    qint64 longest = 0, longestStreaming = 0;
    bool streaming = false;
    QTimer probe;
    probe.setInterval(1);
    connect(&probe, &QTimer::timeout, this, [&] {
        const qint64 gap = sinceTick.restart();
        longest = qMax(longest, gap);
        if (streaming)
            longestStreaming = qMax(longestStreaming, gap);
    });
    connect(m_window->modelHost(), &ModelHost::token, this, [&] { streaming = true; });
    connect(chat, &ChatPanel::answerFinished, this, [&] { streaming = false; });
    const int writesBefore = chat->sessionWriter()->writes();
    probe.start();
    const AskStats s = ask(m_window.get(), QStringLiteral("Describe the page in detail."), 3000);
    probe.stop();
    QVERIFY(s.tokens > 0);
    const int writes = chat->sessionWriter()->writes() - writesBefore;
    const LoadResult r = SessionStore().load(chat->conversationId());
    QVERIFY(r.ok());
    QCOMPARE(r.conversation.turns.last().answer, s.text);
    qInfo("slow store (300 ms a write): %d tokens in %.1f s of decode, %d saves queued, %d written; longest event-loop "
          "stall %lld ms while tokens streamed, %lld ms over the whole question",
          s.tokens, s.decodeSeconds, chat->savesDuringLastAnswer(), writes, longestStreaming, longest);
    QVERIFY2(longestStreaming < 50, qPrintable(QString::number(longestStreaming)));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIntValue("LEOPARD_CONTINUATION_CHILD") == 1)
        return runChild(argc, argv);
    QApplication app(argc, argv);
    TestChatContinuation test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_chat_continuation.moc"
