// Saved conversations in the app, offscreen, with the demo model: an answer is saved while it
// streams and restored when the same document is opened again (page links working), the history
// dock lists / opens / deletes (damaged files shown as such), the flush timer puts text already shown
// on disk while no token arrives, a kill -9 mid-answer keeps what was shown (a child run of this
// binary is killed; the parent reopens and checks the file and the panel), pages added mid-
// conversation, cancelling a model load from the UI, accessible names and the answer announcement.
#include "ui/chat/chat_panel.h"
#include "ui/history/history_panel.h"
#include "ui/window/main_window.h"
#include "ui/model/model_host.h"
#include "ui/pages/page_strip_model.h"
#include "ui/conversation/session_store.h"
#include "ui/conversation/session_writer.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QProgressBar>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>

#include <csignal>
#include <memory>

using namespace leopard;
using namespace leopard::ui;

namespace {
const QString kSample = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
const QString kModel = QStringLiteral(LEOPARD_BINARY_DIR "/demo-model");

void setUpApp()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LeopardDeskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_chat_sessions"));
    qunsetenv("LEOPARD_MODEL_DIR");
}

// The link in the transcript whose text contains `text`.
QString anchorFor(QTextBrowser *transcript, const QString &text)
{
    for (QTextBlock b = transcript->document()->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (it.fragment().text().contains(text) && it.fragment().charFormat().isAnchor())
                return it.fragment().charFormat().anchorHref();
    return {};
}

// Child mode (LEOPARD_CHAT_CHILD=1): the app asks a long question about page 1 of the sample and
// reports, every 50 ms, the answer text shown so far ("SHOWN <hex utf-8>") until it is killed.
int runChild(int argc, char **argv)
{
    QApplication app(argc, argv);
    setUpApp();
    QSettings().setValue(QStringLiteral("model/dtype"), QStringLiteral("fp32"));
    MainWindow window;
    window.setMessageBoxesEnabled(false);
    window.show();
    window.setModelDirectory(QString());
    window.openFiles({kSample});
    ChatPanel *chat = window.chatPanel();
    chat->setMaxNewTokens(8000);
    bool asked = false;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (!asked && window.pageStripModel()->documents().size() == 1 && chat->documentsIdentified()
            && window.modelHost()->state() == ModelHost::State::Ready) {
            window.pageStripModel()->setPagesChecked(window.pageStripModel()->documents().first().get(), {0}, true);
            chat->setQuestion(QStringLiteral("Killed mid-answer: describe the page at length."));
            chat->ask();
            asked = chat->isAnswering();
        }
        if (asked) {
            fprintf(stdout, "SHOWN %s\n", chat->streamingText().toUtf8().toHex().constData());
            fflush(stdout);
        }
    });
    poll.start(50);
    return app.exec();
}
} // namespace

class TestChatSessions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void savedWhileStreamingAndRestoredOnReopen();
    void historyListsOpensAndDeletes();
    void addPagesToTheConversation();
    void flushTimerSavesWhileNoTokenArrives();
    void streamingWithSavesKeepsTheLoopFree();
    void killDuringAnswerKeepsWhatWasShown_data();
    void killDuringAnswerKeepsWhatWasShown();
    void cancelModelLoadFromTheUi();
    void accessibleNamesAndAnnouncement();

private:
    void makeWindow(bool loadModel = true);
    void openAndCheck(const QVector<int> &pages);
    AskStats askAndWait(const QString &question, int maxTokens);
    QString sessionsDir() const { return SessionStore::defaultDirectory(); }
    QStringList sessionFiles() const { return QDir(sessionsDir()).entryList({QStringLiteral("*.json")}, QDir::Files); }
    std::unique_ptr<MainWindow> m_window;
};

void TestChatSessions::initTestCase()
{
    setUpApp();
    QVERIFY2(QFile::exists(kModel + QStringLiteral("/config.json")), "build the leopard_demo_model target first");
}

void TestChatSessions::init()
{
    QSettings().clear();
    QSettings().setValue(QStringLiteral("model/dtype"), QStringLiteral("fp32"));
    QDir(sessionsDir()).removeRecursively();
}

void TestChatSessions::cleanup()
{
    m_window.reset();
}

void TestChatSessions::makeWindow(bool loadModel)
{
    m_window = std::make_unique<MainWindow>();
    m_window->setMessageBoxesEnabled(false);
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    if (loadModel) {
        m_window->setModelDirectory(QString()); // the demo model
        QTRY_COMPARE_WITH_TIMEOUT(m_window->modelHost()->state(), ModelHost::State::Ready, 60000);
    }
}

void TestChatSessions::openAndCheck(const QVector<int> &pages)
{
    QSignalSpy opened(m_window.get(), &MainWindow::documentOpened);
    m_window->openFiles({kSample});
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->chatPanel()->documentsIdentified(), 10000);
    QVERIFY(!m_window->chatPanel()->documentSetKey().isEmpty());
    PageStripModel *model = m_window->pageStripModel();
    model->setPagesChecked(model->documents().first().get(), pages, true);
}

AskStats TestChatSessions::askAndWait(const QString &question, int maxTokens)
{
    ChatPanel *chat = m_window->chatPanel();
    QSignalSpy finished(chat, &ChatPanel::answerFinished);
    chat->setMaxNewTokens(maxTokens);
    chat->setQuestion(question);
    chat->ask();
    if (!chat->isAnswering())
        qWarning() << "not asked:" << chat->askBlockedReason() << "turns" << chat->turnCount() << "checked"
                   << m_window->selectionPlan().pages.size() << "conversation pages" << chat->conversationPages().size()
                   << "identified" << chat->documentsIdentified() << "state" << m_window->modelHost()->state()
                   << "question" << chat->question();
    if (!QTest::qWaitFor([&] { return finished.count() == 1; }, 60000))
        return {};
    // Saves happen on the writer's thread: the file is checked once what was queued is written.
    if (!chat->sessionWriter()->waitForIdle(20000))
        qWarning() << "the session writer is still busy";
    return finished.first().first().value<AskStats>();
}

void TestChatSessions::savedWhileStreamingAndRestoredOnReopen()
{
    makeWindow();
    openAndCheck({2});
    ChatPanel *chat = m_window->chatPanel();
    QVERIFY(sessionFiles().isEmpty());
    const AskStats s = askAndWait(QStringLiteral("What does the table show?"), 12);
    QVERIFY(s.tokens > 0);

    // On disk, read back by the store (not by the panel): one file, the turn complete, the final text.
    QCOMPARE(sessionFiles().size(), 1);
    SessionStore store;
    const QList<SessionSummary> listed = store.list(chat->documentSetKey());
    QCOMPARE(listed.size(), 1);
    const LoadResult r = store.load(listed.first().id);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.conversation.turns.size(), 1);
    const SessionTurn &t = r.conversation.turns.first();
    QCOMPARE(t.question, QStringLiteral("What does the table show?"));
    QCOMPARE(t.answer, s.text);
    QCOMPARE(t.state, TurnState::Complete);
    QCOMPARE(t.pages, (QList<SessionPageRef>{{QFileInfo(kSample).absoluteFilePath(), 3}}));
    QCOMPARE(t.settings.maxNewTokens, 12);
    QCOMPARE(t.settings.dtype, QStringLiteral("fp32"));
    QCOMPARE(r.conversation.documents.size(), 1);
    QCOMPARE(r.conversation.documents.first().sha256, SessionStore::hashDocument(kSample));
    QCOMPARE(chat->savedConversation(), r.conversation);
    qInfo("saves during a %d-token answer: %d", s.tokens, chat->savesDuringLastAnswer());
    QVERIFY(chat->savesDuringLastAnswer() >= 2); // begin + finish at least

    // The app closes; a new one opens the same document: the conversation is back.
    m_window.reset();
    makeWindow();
    chat = m_window->chatPanel();
    QCOMPARE(chat->turnCount(), 0);
    openAndCheck({});
    QCOMPARE(chat->turnCount(), 1);
    QVERIFY(chat->isRestored());
    QCOMPARE(chat->conversationId(), listed.first().id);
    QVERIFY(chat->transcriptText().contains(QStringLiteral("What does the table show?")));
    QCOMPARE(chat->pageLinks(0), QStringList{QStringLiteral("sample-report.pdf p. 3")});
    QVERIFY(!chat->turnInterrupted(0));
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("restoredNote"))->isVisibleTo(m_window.get()));
    // Its page link shows the page of the document opened now.
    QCOMPARE(m_window->currentPage().page, 0);
    const QString href = anchorFor(chat->transcript(), QStringLiteral("p. 3"));
    QVERIFY2(!href.isEmpty(), qPrintable(chat->transcript()->toMarkdown()));
    emit chat->transcript()->anchorClicked(QUrl(href));
    QCOMPARE(m_window->currentPage().page, 2);

    // Asking again continues the saved conversation: the model replays the saved turn first (its
    // page encoded again: this process has no features cached) and answers as a follow-up.
    QVERIFY(chat->askBlockedReason().isEmpty() || chat->askBlockedReason() == ChatPanel::tr("Type a question."));
    const AskStats again = askAndWait(QStringLiteral("And the year before?"), 6);
    QVERIFY(again.tokens > 0);
    QVERIFY(again.followUp);
    QCOMPARE(again.replayedTurns, 1);
    QCOMPARE(again.pagesEncoded, 1);
    QCOMPARE(chat->turnCount(), 2);
    QVERIFY(!chat->transcriptText().contains(QStringLiteral("started afresh")));
    const LoadResult r2 = store.load(listed.first().id);
    QCOMPARE(r2.conversation.turns.size(), 2);
    QVERIFY(!r2.conversation.turns[1].freshContext);
    QCOMPARE(r2.conversation.turns[1].pages, t.pages);
    QVERIFY(r2.conversation.turns[1].modelPages.isEmpty()); // no page added: its images are turn 1's
    QCOMPARE(sessionFiles().size(), 1);
}

void TestChatSessions::historyListsOpensAndDeletes()
{
    makeWindow();
    openAndCheck({0});
    ChatPanel *chat = m_window->chatPanel();
    HistoryPanel *history = m_window->historyPanel();
    QVERIFY(history);
    QCOMPARE(history->count(), 0);
    QVERIFY(askAndWait(QStringLiteral("First conversation"), 4).tokens > 0);
    const QString firstId = chat->conversationId();
    chat->newConversation();
    QTest::qWait(20); // distinct "updated" stamps (milliseconds)
    QVERIFY(askAndWait(QStringLiteral("Second conversation"), 4).tokens > 0);
    const QString secondId = chat->conversationId();
    QVERIFY(firstId != secondId);

    // A damaged file of the same document set (its name carries the set key's head).
    const QString damagedId = chat->documentSetKey().left(16) + QStringLiteral("-damaged");
    {
        QFile f(sessionsDir() + QLatin1Char('/') + damagedId + QStringLiteral(".json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": 1, \"id\": ");
    }
    history->refresh(); // read off the GUI thread
    QTRY_VERIFY(!history->isRefreshing());
    QCOMPARE(history->count(), 3);
    // One group for the open report (marked open now), newest first; damaged files in a group of their own.
    QCOMPARE(history->groupCount(), 2);
    QVERIFY2(history->groupTextAt(0).startsWith(QStringLiteral("sample-report.pdf"))
                 && history->groupTextAt(0).contains(QStringLiteral("open now")), qPrintable(history->groupTextAt(0)));
    QCOMPARE(history->idAt(0), secondId);
    QVERIFY(history->textAt(0).startsWith(QStringLiteral("Second conversation\n")));
    QVERIFY2(history->textAt(0).contains(QStringLiteral("1 turn")), qPrintable(history->textAt(0)));
    QVERIFY(history->textAt(0).contains(QStringLiteral("shown")));
    QCOMPARE(history->idAt(1), firstId);
    QVERIFY(!history->textAt(1).contains(QStringLiteral("interrupted")));
    QCOMPARE(history->idAt(2), damagedId);
    QCOMPARE(history->groupTextAt(2), QStringLiteral("Damaged files"));
    QVERIFY(history->damagedAt(2));
    QVERIFY2(history->textAt(2).contains(QStringLiteral("Damaged")) && history->textAt(2).contains(damagedId),
             qPrintable(history->textAt(2)));
    QVERIFY(!history->openRow(2)); // damaged: not opened

    // Open the older one (its document is open: shown at once).
    QVERIFY(history->openRow(1));
    QCOMPARE(chat->conversationId(), firstId);
    QCOMPARE(chat->turnCount(), 1);
    QVERIFY(chat->transcriptText().contains(QStringLiteral("First conversation")));

    // Delete: refused confirmation keeps it; confirmed, the file goes and the list shrinks.
    QString askedAbout;
    history->setConfirmDelete([&](const QString &title) { askedAbout = title; return false; });
    QTRY_VERIFY(!history->isRefreshing());
    const int secondRow = history->idAt(0) == secondId ? 0 : 1;
    QCOMPARE(history->idAt(secondRow), secondId);
    QVERIFY(!history->deleteRow(secondRow));
    QCOMPARE(askedAbout, QStringLiteral("Second conversation"));
    QVERIFY(QFile::exists(SessionStore().filePath(secondId)));
    history->setConfirmDelete([](const QString &) { return true; });
    QVERIFY(history->deleteRow(secondRow));
    QVERIFY(!QFile::exists(SessionStore().filePath(secondId)));
    QCOMPARE(history->count(), 2);
    // The damaged one can be deleted too; deleting the one shown empties the Ask dock.
    QCOMPARE(history->idAt(1), damagedId);
    QVERIFY(history->deleteRow(1));
    QCOMPARE(history->count(), 1);
    QVERIFY(history->deleteRow(0));
    QCOMPARE(history->count(), 0);
    QCOMPARE(chat->turnCount(), 0);
    QVERIFY(sessionFiles().isEmpty());
    QTRY_VERIFY(!history->isRefreshing());
    QCOMPARE(history->count(), 0); // and the listing after the deletes agrees
}

void TestChatSessions::addPagesToTheConversation()
{
    makeWindow();
    openAndCheck({0});
    ChatPanel *chat = m_window->chatPanel();
    PageStripModel *model = m_window->pageStripModel();
    viewer::Document *doc = model->documents().first().get();
    QVERIFY(askAndWait(QStringLiteral("What is the title?"), 4).tokens > 0);
    auto *ask = m_window->findChild<QPushButton *>(QStringLiteral("askButton"));
    auto *add = m_window->findChild<QPushButton *>(QStringLiteral("addPagesButton"));
    auto *fresh = m_window->findChild<QPushButton *>(QStringLiteral("newConversationAskButton"));
    QVERIFY(ask->isVisibleTo(m_window.get()));
    QVERIFY(!add->isVisibleTo(m_window.get()));

    // Page 2 checked as well: the user chooses between adding it and starting over.
    model->setPagesChecked(doc, {1}, true);
    QVERIFY(chat->offersAddPages());
    QVERIFY(!ask->isVisibleTo(m_window.get()));
    QVERIFY(add->isVisibleTo(m_window.get()) && fresh->isVisibleTo(m_window.get()));
    QCOMPARE(add->text(), QStringLiteral("Add 1 page(s)"));
    QCOMPARE(QAccessible::queryAccessibleInterface(add)->text(QAccessible::Name), QStringLiteral("Add 1 page(s) to this conversation"));
    chat->setQuestion(QStringLiteral("And the next page?"));
    QVERIFY(add->isEnabled());
    chat->ask(); // Enter does not choose for the user
    QVERIFY(!chat->isAnswering());
    QSignalSpy finished(chat, &ChatPanel::answerFinished);
    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY(chat->isAnswering());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    const AskStats f = finished.first().first().value<AskStats>();
    QVERIFY(f.followUp);
    QCOMPARE(f.pagesEncoded, 1);
    QCOMPARE(f.pagesFromCache, 1);
    QVERIFY(f.reusedPositions > 0);
    QCOMPARE(chat->turnCount(), 2);
    QCOMPARE(chat->pageLinks(1), (QStringList{QStringLiteral("sample-report.pdf p. 1"), QStringLiteral("sample-report.pdf p. 2")}));
    QCOMPARE(chat->addedPageLinks(1), QStringList{QStringLiteral("sample-report.pdf p. 2")});
    QVERIFY(chat->transcriptText().contains(QStringLiteral("Pages added in this turn: sample-report.pdf p. 2")));
    QVERIFY(!chat->offersAddPages());
    QVERIFY(ask->isVisibleTo(m_window.get()));
    const SavedConversation saved = chat->savedConversation();
    QCOMPARE(saved.turns.size(), 2);
    QCOMPARE(saved.turns[1].addedPages, (QList<SessionPageRef>{{QFileInfo(kSample).absoluteFilePath(), 2}}));
    QCOMPARE(saved.turns[1].pages.size(), 2);
    QCOMPARE(SessionStore().load(saved.id).conversation.turns[1].addedPages, saved.turns[1].addedPages);

    // Only page 3 checked: "New conversation" asks about it alone.
    model->setPagesChecked(doc, {0, 1}, false);
    model->setPagesChecked(doc, {2}, true);
    QVERIFY(chat->offersAddPages());
    chat->setQuestion(QStringLiteral("What about page 3?"));
    QTest::mouseClick(fresh, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QVERIFY(!finished.last().first().value<AskStats>().followUp);
    QCOMPARE(chat->turnCount(), 1);
    QCOMPARE(chat->pageLinks(0), QStringList{QStringLiteral("sample-report.pdf p. 3")});
    QVERIFY(chat->conversationId() != saved.id);

    // askAbout (the compare view's entry): exactly these pages, in this order, in a new conversation.
    const viewer::DocumentPtr d = model->documents().first();
    chat->askAbout({{d, 4}, {d, 1}}, QStringLiteral("Compare these two pages."));
    QVERIFY(chat->isAnswering());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 60000);
    QCOMPARE(chat->turnCount(), 1);
    QCOMPARE(chat->pageLinks(0), (QStringList{QStringLiteral("sample-report.pdf p. 5"), QStringLiteral("sample-report.pdf p. 2")}));
    QCOMPARE(chat->savedConversation().turns.first().question, QStringLiteral("Compare these two pages."));
}

void TestChatSessions::flushTimerSavesWhileNoTokenArrives()
{
    makeWindow();
    openAndCheck({0});
    ChatPanel *chat = m_window->chatPanel();
    QCOMPARE(chat->flushIntervalMs(), 1000);
    // Hold the worker after its 3rd token (a direct connection runs on the worker's thread, after
    // the queued token signals for the GUI are posted): tokens 2 and 3 arrive within milliseconds
    // of the save that token 1 may have caused, so only the timer can put them on disk.
    InferenceWorker *worker = m_window->modelHost()->worker();
    QSemaphore hold;
    QAtomicInt seen = 0;
    auto c = connect(worker, &InferenceWorker::token, worker, [&] {
        if (++seen == 3)
            hold.acquire();
    }, Qt::DirectConnection);
    chat->setMaxNewTokens(400);
    chat->setQuestion(QStringLiteral("Flush me."));
    chat->ask();
    QVERIFY(chat->isAnswering());
    QTRY_VERIFY_WITH_TIMEOUT(seen.loadRelaxed() >= 3, 60000);
    QTest::qWait(100); // the queued tokens reach the panel
    const QString shown = chat->streamingText();
    QVERIFY(!shown.isEmpty());
    const QString id = chat->conversationId();
    auto onDisk = [&] {
        const LoadResult r = SessionStore().load(id);
        return r.ok() && !r.conversation.turns.isEmpty() ? r.conversation.turns.last().answer : QString();
    };
    // Within the interval (+ slack), with no token arriving, the file holds all that is shown.
    QElapsedTimer t;
    t.start();
    QTRY_COMPARE_WITH_TIMEOUT(onDisk(), shown, 1600);
    qInfo("text shown while the worker was held reached the disk after %lld ms", t.elapsed());
    QCOMPARE(SessionStore().load(id).conversation.turns.last().state, TurnState::Interrupted); // not finished yet
    disconnect(c);
    hold.release();
    chat->stop();
    QSignalSpy finished(chat, &ChatPanel::answerFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    // Stopped: kept, marked interrupted, with the final text.
    const LoadResult r = SessionStore().load(id);
    QCOMPARE(r.conversation.turns.last().state, TurnState::Interrupted);
    QCOMPARE(r.conversation.turns.last().answer, finished.first().first().value<AskStats>().text);
}

// The figures the issue asks for: the longest event-loop stall while an answer streams and is saved
// (a 1 ms timer probe), and the saves per answer. Printed; the bound only catches a loop that waits
// for the model or the disk for a long time.
void TestChatSessions::streamingWithSavesKeepsTheLoopFree()
{
    makeWindow();
    openAndCheck({0});
    ChatPanel *chat = m_window->chatPanel();
    QElapsedTimer sinceTick;
    sinceTick.start();
    qint64 longest = 0, longestStreaming = 0; // all of it / from the first token to the last
    int tokenSignals = 0;
    bool streaming = false;
    QTimer probe;
    probe.setInterval(1);
    connect(&probe, &QTimer::timeout, this, [&] {
        const qint64 gap = sinceTick.restart();
        longest = qMax(longest, gap);
        if (streaming)
            longestStreaming = qMax(longestStreaming, gap);
    });
    connect(m_window->modelHost(), &ModelHost::token, this, [&] { ++tokenSignals; streaming = true; });
    connect(chat, &ChatPanel::answerFinished, this, [&] { streaming = false; });
    QElapsedTimer wall;
    wall.start();
    probe.start();
    const AskStats s = askAndWait(QStringLiteral("Describe the page in detail."), 120);
    probe.stop();
    QVERIFY(s.tokens > 0);
    const double seconds = wall.elapsed() / 1000.0;
    const LoadResult r = SessionStore().load(chat->conversationId());
    QVERIFY(r.ok());
    QCOMPARE(r.conversation.turns.last().answer, s.text);
    qInfo("streaming with sessions: %d tokens (%d token signals) in %.1f s (first token after %.1f s), %d saves of the "
          "answer, longest event-loop stall %lld ms (%lld ms while tokens streamed), file %lld bytes",
          s.tokens, tokenSignals, seconds, s.secondsToFirstToken, chat->savesDuringLastAnswer(), longest, longestStreaming,
          QFileInfo(SessionStore().filePath(chat->conversationId())).size());
    // What one save of this conversation costs on this disk (QSaveFile: write, fsync, rename).
    SessionStore store;
    SavedConversation c = r.conversation;
    QElapsedTimer saveTimer;
    saveTimer.start();
    for (int i = 0; i < 5; ++i)
        QVERIFY(store.save(c));
    qInfo("one save of the conversation: %.1f ms (mean of 5)", saveTimer.nsecsElapsed() / 5e6);
    // begin + at most one per second of streaming (+ the flush timer's) + finish
    QVERIFY(chat->savesDuringLastAnswer() >= 2);
    QVERIFY(chat->savesDuringLastAnswer() <= 2 + int(seconds) + 1);
    QVERIFY2(longest < 1000, qPrintable(QString::number(longest)));
}

void TestChatSessions::killDuringAnswerKeepsWhatWasShown_data()
{
    QTest::addColumn<int>("writeDelayMs");
    QTest::newRow("this disk") << 0;
    QTest::newRow("a disk taking 300 ms a write") << 300; // the writer thread's test hook
}

void TestChatSessions::killDuringAnswerKeepsWhatWasShown()
{
    QFETCH(int, writeDelayMs);
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LEOPARD_CHAT_CHILD"), QStringLiteral("1"));
    env.insert(QStringLiteral("LEOPARD_SESSION_WRITE_DELAY_MS"), QString::number(writeDelayMs));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted(10000));
    // (time the line arrived, text shown then)
    QList<QPair<qint64, QString>> reports;
    QElapsedTimer clock;
    clock.start();
    QByteArray pending;
    auto readReports = [&] {
        pending += child.readAllStandardOutput();
        int nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(nl);
            pending.remove(0, nl + 1);
            if (line.startsWith("SHOWN "))
                reports.append({clock.elapsed(), QString::fromUtf8(QByteArray::fromHex(line.mid(6)))});
        }
    };
    // Let it stream for 2.5 s after the first text shows, then kill -9.
    qint64 firstText = -1;
    while (clock.elapsed() < 60000) {
        child.waitForReadyRead(100);
        readReports();
        if (firstText < 0 && !reports.isEmpty() && !reports.last().second.isEmpty())
            firstText = clock.elapsed();
        if (firstText >= 0 && clock.elapsed() - firstText > 2500)
            break;
        QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
    }
    QVERIFY2(firstText >= 0, "the child never showed any answer text");
    const qint64 killedAt = clock.elapsed();
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(10000));
    readReports();
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    const QString lastShown = reports.last().second;
    // What was shown 1.5 s before the kill (the flush interval plus slack) must be on disk.
    QString mustHave;
    for (const auto &[at, text] : reports)
        if (at <= killedAt - 1500)
            mustHave = text;
    QVERIFY(!mustHave.isEmpty());

    SessionStore store;
    const QList<SessionSummary> all = store.list();
    QCOMPARE(all.size(), 1);
    QVERIFY(all.first().interrupted);
    const LoadResult r = store.load(all.first().id);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const SessionTurn turn = r.conversation.turns.last();
    QCOMPARE(turn.state, TurnState::Interrupted);
    QVERIFY2(turn.answer.startsWith(mustHave), qPrintable(QStringLiteral("saved %1 chars, shown 1.5 s before the kill %2")
                                                              .arg(turn.answer.size()).arg(mustHave.size())));
    QVERIFY(lastShown.startsWith(turn.answer) || turn.answer.startsWith(lastShown));
    qInfo("kill -9 mid-answer (%d ms a write): %lld chars shown at the last report, %lld saved, %lld shown 1.5 s before the kill",
          writeDelayMs, qlonglong(lastShown.size()), qlonglong(turn.answer.size()), qlonglong(mustHave.size()));

    // Reopened: the panel shows the answer, marked interrupted; the history says so too.
    makeWindow();
    openAndCheck({});
    ChatPanel *chat = m_window->chatPanel();
    QCOMPARE(chat->turnCount(), 1);
    QVERIFY(chat->turnInterrupted(0));
    QCOMPARE(chat->answerText(0), turn.answer);
    QVERIFY(chat->transcriptText().contains(QStringLiteral("Interrupted: the app stopped before this answer was complete.")));
    QCOMPARE(m_window->historyPanel()->count(), 1);
    QVERIFY(m_window->historyPanel()->textAt(0).contains(QStringLiteral("interrupted")));
}

void TestChatSessions::cancelModelLoadFromTheUi()
{
    makeWindow(false);
    ModelHost *host = m_window->modelHost();
    ChatPanel *chat = m_window->chatPanel();
    auto *cancel = m_window->findChild<QToolButton *>(QStringLiteral("cancelLoadButton"));
    auto *bar = m_window->findChild<QProgressBar *>(QStringLiteral("modelLoadProgress"));
    m_window->setModelDirectory(QString());
    QCOMPARE(host->state(), ModelHost::State::Loading);
    QVERIFY(cancel->isVisibleTo(m_window.get()));
    QVERIFY(bar->isVisibleTo(m_window.get()));
    QSignalSpy states(host, &ModelHost::stateChanged);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(host->state(), ModelHost::State::NoModel, 60000);
    QCOMPARE(host->lastError(), ModelHost::tr("Loading was cancelled."));
    for (const QList<QVariant> &s : states)
        QVERIFY(s.first().value<ModelHost::State>() != ModelHost::State::Ready); // it never got loaded
    QVERIFY(!cancel->isVisibleTo(m_window.get()));
    QVERIFY(!bar->isVisibleTo(m_window.get()));
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("modelLabel"))->text(), ModelHost::tr("Loading was cancelled."));
    chat->setQuestion(QStringLiteral("Anything?"));
    QCOMPARE(chat->askBlockedReason(), ChatPanel::tr("No model is loaded."));
    QVERIFY(!m_window->findChild<QPushButton *>(QStringLiteral("askButton"))->isEnabled());

    // A later load works, and so does asking.
    m_window->setModelDirectory(QString());
    QTRY_COMPARE_WITH_TIMEOUT(host->state(), ModelHost::State::Ready, 60000);
    openAndCheck({0});
    QVERIFY(askAndWait(QStringLiteral("Loaded now?"), 3).tokens > 0);
}

namespace {
QList<QPair<QObject *, QString>> g_alerts; // (object, its accessible name then)
void recordAccessibility(QAccessibleEvent *event)
{
    if (event->type() == QAccessible::Alert && event->object())
        g_alerts.append({event->object(), event->object()->property("accessibleName").toString()});
}
} // namespace

void TestChatSessions::accessibleNamesAndAnnouncement()
{
    makeWindow();
    auto nameOf = [&](const char *objectName) {
        QWidget *w = m_window->findChild<QWidget *>(QLatin1String(objectName));
        QAccessibleInterface *iface = w ? QAccessible::queryAccessibleInterface(w) : nullptr;
        return iface ? iface->text(QAccessible::Name) : QStringLiteral("<missing %1>").arg(QLatin1String(objectName));
    };
    QCOMPARE(nameOf("questionEdit"), QStringLiteral("Question"));
    QCOMPARE(nameOf("askButton"), QStringLiteral("Ask the question"));
    QCOMPARE(nameOf("stopButton"), QStringLiteral("Stop the answer"));
    QCOMPARE(nameOf("transcript"), QStringLiteral("Conversation"));
    QCOMPARE(nameOf("newConversationButton"), QStringLiteral("New conversation"));
    QCOMPARE(nameOf("exportConversationButton"), QStringLiteral("Export the conversation"));
    QCOMPARE(nameOf("generationOptionsButton"), QStringLiteral("Generation options"));
    QCOMPARE(nameOf("cancelLoadButton"), QStringLiteral("Cancel loading the model"));
    QCOMPARE(nameOf("modelLoadProgress"), QStringLiteral("Model loading"));
    QCOMPARE(nameOf("historyList"), QStringLiteral("Saved conversations, by document set"));
    QCOMPARE(nameOf("historyFilter"), QStringLiteral("Filter the saved conversations"));

    openAndCheck({0});
    g_alerts.clear();
    // Events reach handlers only while the platform's accessibility is active (a screen reader is
    // attached); the offscreen platform has none, so there the Alert is checked only when it is.
    QAccessible::setActive(true);
    const bool active = QAccessible::isActive();
    QAccessible::UpdateHandler previous = QAccessible::installUpdateHandler(recordAccessibility);
    const AskStats s = askAndWait(QStringLiteral("Announce me."), 4);
    QAccessible::installUpdateHandler(previous);
    QAccessible::setActive(false);
    QVERIFY(s.tokens > 0);
    ChatPanel *chat = m_window->chatPanel();
    const QString expected = QStringLiteral("Answer complete: ") + s.text;
    QCOMPARE(chat->statusText(), expected);
    QCOMPARE(nameOf("answerStatus"), expected);
    QWidget *status = m_window->findChild<QWidget *>(QStringLiteral("answerStatus"));
    QVERIFY(status->isVisibleTo(m_window.get()));
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("answerStatus"))->text(), QStringLiteral("Answer complete."));
    if (active) {
        QVERIFY(!g_alerts.isEmpty());
        QCOMPARE(g_alerts.last().first, status);
        QCOMPARE(g_alerts.last().second, expected);
    } else {
        qInfo("accessibility is not active on this platform: the Alert event itself was not observed");
    }
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIntValue("LEOPARD_CHAT_CHILD") == 1)
        return runChild(argc, argv);
    QApplication app(argc, argv);
    TestChatSessions test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_chat_sessions.moc"
