// No page checked: the Ask dock picks the pages that best match the question from the page index,
// checks them in the strip (their plan drawn), says what it picked and why, and the turn records
// them. The page holding the answer is found independently with pdftotext (poppler-utils) by a
// phrase of the answer; the question is worded unlike the text.
#include "tests/index/pdftotext_words.h"
#include "ui/chat/chat_panel.h"
#include "ui/pages/page_strip_model.h"
#include "ui/search/document_index.h"
#include "ui/window/main_window.h"
#include "viewer/document.h"

#include <QFile>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

using namespace leopard;
using namespace leopard::ui;

namespace {
const QString kReport = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
} // namespace

class TestPickPages : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> m_window;

    QPushButton *askButton() { return m_window->findChild<QPushButton *>(QStringLiteral("askButton")); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sessions")).removeRecursively();
        m_window = std::make_unique<MainWindow>();
        m_window->setMessageBoxesEnabled(false);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->setModelDirectory(QString()); // the demo model
        QTRY_COMPARE_WITH_TIMEOUT(m_window->modelHost()->state(), ModelHost::State::Ready, 60000);
        m_window->openFiles({kReport});
        QTRY_COMPARE_WITH_TIMEOUT(m_window->pageStripModel()->documents().size(), qsizetype(1), 30000);
        ChatPanel *chat = m_window->chatPanel();
        QTRY_VERIFY_WITH_TIMEOUT(chat->documentsIdentified(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(chat->documentIndex()->isReady(), 60000);
    }

    void picksThePageWithTheAnswer()
    {
        ChatPanel *chat = m_window->chatPanel();
        QCOMPARE(m_window->pageStripModel()->checkedCount(), 0);
        const int answerPage = pdftotextPageWith(kReport, QStringLiteral("labour dispute"), 5);
        QVERIFY(answerPage > 0);
        chat->setQuestion(QStringLiteral("Could a strike at the inland rail yards hurt the outlook?"));
        chat->setMaxNewTokens(4);
        QTRY_VERIFY(askButton()->isEnabled());
        QSignalSpy picked(chat, &ChatPanel::pagesPicked);
        QSignalSpy finished(chat, &ChatPanel::answerFinished);
        QTest::mouseClick(askButton(), Qt::LeftButton);
        QCOMPARE(picked.count(), 1);
        // Checked in the strip, at most 3, the answer's page among them.
        const PageRefList checked = m_window->pageStripModel()->checkedPages();
        QVERIFY(!checked.isEmpty() && checked.size() <= 3);
        QList<int> pages;
        for (const PageRef &p : checked)
            pages << p.page + 1;
        QVERIFY2(pages.contains(answerPage), qPrintable(QStringLiteral("answer on p. %1").arg(answerPage)));
        const QString note = chat->pickNoteText();
        QVERIFY2(note.startsWith(QStringLiteral("Picked: sample-report.pdf p. ")) && note.contains(QStringLiteral("matched"))
                     && note.contains(QStringLiteral("p. %1").arg(answerPage)), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("'rail'")) || note.contains(QStringLiteral("'yards'")), qPrintable(note));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        // The turn is about exactly the picked pages.
        const SavedConversation saved = chat->savedConversation();
        QCOMPARE(saved.turns.size(), 1);
        QList<int> turnPages;
        for (const SessionPageRef &r : saved.turns[0].pages)
            turnPages << r.page;
        QCOMPARE(turnPages, pages);
    }

    void nothingMatchingIsSaid()
    {
        ChatPanel *chat = m_window->chatPanel();
        chat->newConversation();
        m_window->pageStripModel()->setDocumentChecked(m_window->pageStripModel()->documents().first().get(), false);
        QCOMPARE(m_window->pageStripModel()->checkedCount(), 0);
        chat->setQuestion(QStringLiteral("zebra giraffe okapi"));
        QTRY_VERIFY(askButton()->isEnabled());
        QSignalSpy picked(chat, &ChatPanel::pagesPicked);
        QTest::mouseClick(askButton(), Qt::LeftButton);
        QCOMPARE(picked.count(), 0);
        QVERIFY(!chat->isAnswering());
        QVERIFY2(chat->pickNoteText().contains(QStringLiteral("No page of the open documents matches the question (looked for: zebra, giraffe, okapi)")),
                 qPrintable(chat->pickNoteText()));
        QCOMPARE(chat->turnCount(), 0);
    }

    // "Let Leopard pick pages" with pages checked, one page per question: the pick replaces them.
    void pickReplacesCheckedPagesWhenAsked()
    {
        ChatPanel *chat = m_window->chatPanel();
        PageStripModel *model = m_window->pageStripModel();
        viewer::Document *doc = model->documents().first().get();
        chat->newConversation();
        model->setDocumentChecked(doc, false);
        model->setPageChecked(doc, 0, true);
        model->setPageChecked(doc, 1, true);
        chat->setAlwaysPicksPages(true);
        chat->setPagesPerQuestion(1);
        const int answerPage = pdftotextPageWith(kReport, QStringLiteral("Bar heights are in thousand TEU"), 5);
        chat->setQuestion(QStringLiteral("In which unit are the bar heights of the chart?"));
        chat->setMaxNewTokens(2);
        QTRY_VERIFY(askButton()->isEnabled());
        QSignalSpy finished(chat, &ChatPanel::answerFinished);
        QTest::mouseClick(askButton(), Qt::LeftButton);
        const PageRefList checked = model->checkedPages();
        QCOMPARE(checked.size(), 1);
        QCOMPARE(checked.first().page + 1, answerPage);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(chat->savedConversation().turns.last().pages.size(), 1);
        chat->setAlwaysPicksPages(false);
        chat->setPagesPerQuestion(3);
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestPickPages)
#include "tst_pick_pages.moc"
