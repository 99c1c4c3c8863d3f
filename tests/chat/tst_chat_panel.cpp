// The chat dock in the main window, offscreen, with the demo model: open the sample report, check
// a page, type a question, press Ask; tokens appear in the transcript while the event loop keeps
// running; Stop ends the answer; a follow-up continues the conversation; a page link shows its
// page; closing the window mid-answer cancels and joins.
#include "ui/chat/chat_panel.h"
#include "ui/window/main_window.h"
#include "ui/model/model_host.h"
#include "ui/pages/page_strip_model.h"
#include "ui/conversation/session_store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>

#include <memory>

using namespace leopard;
using namespace leopard::ui;

namespace {
const QString kSample = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
const QString kModel = QStringLiteral(LEOPARD_BINARY_DIR "/demo-model");
} // namespace

class TestChatPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void demoModelBannerAndAskFlow();
    void stopCancelsTheAnswer();
    void pageLinkShowsPage();
    void closingMidAnswerJoins();

private:
    void openAndCheck(const QVector<int> &pages);
    QPushButton *button(const char *name) const { return m_window->findChild<QPushButton *>(QLatin1String(name)); }
    std::unique_ptr<MainWindow> m_window;
};

void TestChatPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LeopardDeskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_chat_panel"));
    qunsetenv("LEOPARD_MODEL_DIR");
    QVERIFY2(QFile::exists(kModel + QStringLiteral("/config.json")), "build the leopard_demo_model target first");
    QVERIFY(demoModelDirectory() == kModel);
}

void TestChatPanel::init()
{
    QSettings().clear();
    QDir(SessionStore::defaultDirectory()).removeRecursively(); // no conversation restored from the previous test
    QSettings().setValue(QStringLiteral("model/dtype"), QStringLiteral("fp32"));
    m_window = std::make_unique<MainWindow>();
    m_window->setMessageBoxesEnabled(false);
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setModelDirectory(QString()); // nothing set: the demo model
    QTRY_COMPARE_WITH_TIMEOUT(m_window->modelHost()->state(), ModelHost::State::Ready, 60000);
}

void TestChatPanel::cleanup()
{
    m_window.reset();
}

void TestChatPanel::openAndCheck(const QVector<int> &pages)
{
    QSignalSpy opened(m_window.get(), &MainWindow::documentOpened);
    m_window->openFiles({kSample});
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30000);
    PageStripModel *model = m_window->pageStripModel();
    model->setPagesChecked(model->documents().first().get(), pages, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->chatPanel()->documentsIdentified(), 10000); // their sessions looked up
}

void TestChatPanel::demoModelBannerAndAskFlow()
{
    ChatPanel *chat = m_window->chatPanel();
    QVERIFY(m_window->modelHost()->location().isDemo());
    QVERIFY(chat->bannerText().contains(QStringLiteral("Demo model loaded: random weights")));
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("firstRunPanel"))->isVisibleTo(m_window.get()));
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("firstRunPanel"))->text().contains(QStringLiteral("wyu1/Leopard-LLaVA")));

    // Nothing checked: Ask is disabled and says why.
    chat->setQuestion(QStringLiteral("What does the table show?"));
    QVERIFY(!button("askButton")->isEnabled());
    openAndCheck({2});
    QVERIFY(button("askButton")->isEnabled());

    chat->setMaxNewTokens(24);
    QSignalSpy finished(chat, &ChatPanel::answerFinished);
    int tokenSignals = 0;
    connect(m_window->modelHost(), &ModelHost::token, this, [&] { ++tokenSignals; });
    QElapsedTimer sinceTick;
    sinceTick.start();
    qint64 longest = 0;
    QTimer probe;
    probe.setInterval(1);
    connect(&probe, &QTimer::timeout, this, [&] { longest = qMax(longest, sinceTick.restart()); });
    probe.start();
    QTest::mouseClick(button("askButton"), Qt::LeftButton);
    QVERIFY(chat->isAnswering());
    QVERIFY(button("stopButton")->isEnabled());
    // Tokens show up in the transcript before the answer is finished.
    QTRY_VERIFY_WITH_TIMEOUT(!chat->streamingText().isEmpty() || !finished.isEmpty(), 60000);
    if (finished.isEmpty())
        QVERIFY(chat->transcriptText().contains(chat->streamingText()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    probe.stop();
    const AskStats stats = finished.first().first().value<AskStats>();
    QVERIFY(tokenSignals >= 2);
    qInfo("GUI: %d token signals, time to first token %.3f s, longest event-loop stall %lld ms", tokenSignals,
          stats.secondsToFirstToken, longest);
    // Printed above; the bound only catches a loop that waits for the model or the disk (seconds),
    // not scheduling noise on a loaded machine.
    QVERIFY2(longest < 1000, qPrintable(QString::number(longest)));
    QCOMPARE(chat->turnCount(), 1);
    QCOMPARE(chat->pageLinks(0), QStringList{QStringLiteral("sample-report.pdf p. 3")});
    QVERIFY(chat->transcriptText().contains(QStringLiteral("sample-report.pdf p. 3")));

    // Same pages still checked: the next question is a follow-up, not re-encoded.
    chat->setQuestion(QStringLiteral("And the year before?"));
    QTest::mouseClick(button("askButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    const AskStats follow = finished.last().first().value<AskStats>();
    QVERIFY(follow.followUp);
    QCOMPARE(follow.pagesEncoded, 0);
    QCOMPARE(chat->turnCount(), 2);
}

void TestChatPanel::stopCancelsTheAnswer()
{
    openAndCheck({0});
    ChatPanel *chat = m_window->chatPanel();
    chat->setMaxNewTokens(2000);
    chat->setQuestion(QStringLiteral("Summarise the page."));
    QSignalSpy finished(chat, &ChatPanel::answerFinished);
    QTest::mouseClick(button("askButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!chat->streamingText().isEmpty(), 60000);
    QTest::mouseClick(button("stopButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    const AskStats s = finished.first().first().value<AskStats>();
    QVERIFY(s.cancelled);
    QVERIFY(s.tokens < 2000);
    qInfo("Stop: %d tokens generated, cancel latency %.2f ms", s.tokens, s.cancelLatencySeconds * 1000);
    QVERIFY(s.cancelLatencySeconds >= 0 && s.cancelLatencySeconds < 1.0);
    QVERIFY(!chat->isAnswering());
    QVERIFY(chat->transcriptText().contains(QStringLiteral("Stopped.")));
}

void TestChatPanel::pageLinkShowsPage()
{
    openAndCheck({1, 4});
    ChatPanel *chat = m_window->chatPanel();
    chat->setMaxNewTokens(2);
    chat->setQuestion(QStringLiteral("Compare the pages."));
    QSignalSpy finished(chat, &ChatPanel::answerFinished);
    QTest::mouseClick(button("askButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(chat->pageLinks(0), (QStringList{QStringLiteral("sample-report.pdf p. 2"), QStringLiteral("sample-report.pdf p. 5")}));
    QCOMPARE(m_window->currentPage().page, 0);

    // The link as the transcript holds it (an anchor in the rendered Markdown), clicked.
    QTextBrowser *transcript = chat->transcript();
    QString href;
    for (QTextBlock b = transcript->document()->begin(); b.isValid() && href.isEmpty(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (it.fragment().text().contains(QStringLiteral("p. 5")) && it.fragment().charFormat().isAnchor()) {
                href = it.fragment().charFormat().anchorHref();
                break;
            }
    QVERIFY2(!href.isEmpty(), qPrintable(transcript->toMarkdown()));
    emit transcript->anchorClicked(QUrl(href));
    QCOMPARE(m_window->currentPage().page, 4);
}

void TestChatPanel::closingMidAnswerJoins()
{
    openAndCheck({0});
    ChatPanel *chat = m_window->chatPanel();
    chat->setMaxNewTokens(5000);
    chat->setQuestion(QStringLiteral("Describe everything."));
    QTest::mouseClick(button("askButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!chat->streamingText().isEmpty(), 60000);
    QElapsedTimer t;
    t.start();
    m_window->close();
    m_window.reset(); // ~ModelHost: cancel, quit, join
    qInfo("window closed mid-answer and joined in %lld ms", t.elapsed());
    QVERIFY(t.elapsed() < 2000);
}

QTEST_MAIN(TestChatPanel)
#include "tst_chat_panel.moc"
