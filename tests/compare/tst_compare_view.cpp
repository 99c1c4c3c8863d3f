// The compare view in the real main window, offscreen: pages go into the slots by real drag-and-drop
// events carrying what the page strip produces for a drag, by files dropped from "the file manager"
// (text/uri-list), and by the keyboard actions; unsupported drops are explained by name; Compare asks
// the demo model about exactly the two pages (the Ask dock's turn lists them) and the answer streams.
// Export and copy from the window (ExportActions) are checked here too, on that real answer.
#include "tests/common/process_run.h"
#include "ui/chat/chat_panel.h"
#include "ui/compare/compare_mime.h"
#include "ui/compare/compare_slot.h"
#include "ui/compare/compare_view.h"
#include "ui/export/export_actions.h"
#include "ui/window/main_window.h"
#include "ui/model/model_host.h"
#include "ui/pages/page_strip_model.h"
#include "ui/pages/page_strip_view.h"

#include <QAction>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QFile>
#include <QGuiApplication>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace leopard;
using namespace leopard::ui;

namespace {
const QString kReport = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
const QString kDeck = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-deck.odp");
const QString kModel = QStringLiteral(LEOPARD_BINARY_DIR "/demo-model");

// Sends a real drag enter + drop of `mime` to the middle of `target`, as a drag from elsewhere does.
// Returns whether the drop was accepted; *highlighted whether the target lit up on enter.
bool dragAndDrop(QWidget *target, const QMimeData *mime, bool *highlighted = nullptr)
{
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (highlighted)
        *highlighted = enter.isAccepted() && static_cast<CompareSlot *>(target)->isHighlighted();
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(at, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &move);
    QDropEvent drop(at, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

QMimeData *fileDrag(const QStringList &paths)
{
    auto *mime = new QMimeData;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls << (p.contains(QLatin1String("://")) ? QUrl(p) : QUrl::fromLocalFile(p));
    mime->setUrls(urls);
    return mime;
}
} // namespace

class TestCompareView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void stripDragCarriesWhatSlotsAccept();
    void dropFromStripFillsSlotWithCropPlan();
    void fileDropOpensAndTakesFirstPage();
    void unsupportedDropsAreExplained();
    void keyboardPutsCurrentPage();
    void closingDocumentEmptiesSlot();
    void compareStreamsAnswerAboutBothPages();

private:
    viewer::DocumentPtr open(const QString &path);
    std::unique_ptr<MainWindow> m_window;
    CompareView *m_view = nullptr;
};

void TestCompareView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LeopardDeskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_compare_view"));
    qunsetenv("LEOPARD_MODEL_DIR");
    QVERIFY2(QFile::exists(kModel + QStringLiteral("/config.json")), "build the leopard_demo_model target first");
}

void TestCompareView::init()
{
    QSettings().clear();
    QSettings().setValue(QStringLiteral("model/dtype"), QStringLiteral("fp32"));
    m_window = std::make_unique<MainWindow>();
    m_window->setMessageBoxesEnabled(false);
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_view = m_window->findChild<CompareView *>();
    QVERIFY(m_view);
    m_window->findChild<QTabWidget *>(QStringLiteral("centralTabs"))->setCurrentWidget(m_view);
}

void TestCompareView::cleanup()
{
    m_window.reset();
    m_view = nullptr;
}

viewer::DocumentPtr TestCompareView::open(const QString &path)
{
    QSignalSpy opened(m_window.get(), &MainWindow::documentOpened);
    m_window->openFiles({path});
    if (!opened.wait(120000) && opened.isEmpty())
        return nullptr;
    return opened.first().first().value<viewer::DocumentPtr>();
}

void TestCompareView::stripDragCarriesWhatSlotsAccept()
{
    const viewer::DocumentPtr report = open(kReport);
    QVERIFY(report);
    PageStripModel *model = m_window->pageStripModel();
    PageStripView *strip = m_window->pageStripView();
    QVERIFY(strip->dragEnabled());
    const QModelIndex page3 = model->pageIndex(report.get(), 2);
    QVERIFY(model->flags(page3) & Qt::ItemIsDragEnabled);
    QVERIFY(!(model->flags(model->headerIndex(report.get())) & Qt::ItemIsDragEnabled));
    // What QAbstractItemView::startDrag puts on the drag: the model's mimeData for the pressed row.
    std::unique_ptr<QMimeData> mime(model->mimeData({page3}));
    QVERIFY(mime->hasFormat(kPageMimeType));
    QCOMPARE(mime->urls(), QList<QUrl>{QUrl::fromLocalFile(kReport)});
    QCOMPARE(mime->text(), QStringLiteral("sample-report.pdf p. 3"));
    for (const QString &format : model->mimeTypes())
        QVERIFY2(mime->hasFormat(format), qPrintable(format));
    const QList<SessionPageRef> pages = pagesFromMimeData(mime.get());
    QCOMPARE(pages.size(), 1);
    QCOMPARE(pages.first().file, QFileInfo(kReport).absoluteFilePath());
    QCOMPARE(pages.first().page, 3);
}

void TestCompareView::dropFromStripFillsSlotWithCropPlan()
{
    const viewer::DocumentPtr report = open(kReport);
    QVERIFY(report);
    PageStripModel *model = m_window->pageStripModel();
    std::unique_ptr<QMimeData> left(model->mimeData({model->pageIndex(report.get(), 2)}));
    std::unique_ptr<QMimeData> right(model->mimeData({model->pageIndex(report.get(), 4)}));
    bool highlighted = false;
    CompareSlot *leftSlot = m_view->slotWidget(CompareView::Left);
    QVERIFY(dragAndDrop(leftSlot, left.get(), &highlighted));
    QVERIFY(highlighted);              // lit up while the drag was over it
    QVERIFY(!leftSlot->isHighlighted()); // and no longer after the drop
    QCOMPARE(m_view->page(CompareView::Left), (PageRef{report, 2}));
    QVERIFY(dragAndDrop(m_view->slotWidget(CompareView::Right), right.get()));
    QCOMPARE(m_view->page(CompareView::Right), (PageRef{report, 4}));
    // Both are drawn with the plan of the pair.
    QVERIFY(leftSlot->hasImagePlan());
    QVERIFY(m_view->slotWidget(CompareView::Right)->hasImagePlan());
    // Keyboard in the slot: Page Down steps through the document, Delete clears.
    leftSlot->setFocus();
    QTest::keyClick(leftSlot, Qt::Key_PageDown);
    QCOMPARE(m_view->page(CompareView::Left), (PageRef{report, 3}));
    QTest::keyClick(leftSlot, Qt::Key_Delete);
    QVERIFY(!m_view->page(CompareView::Left).isValid());
    // A drop that carries nothing usable is refused on enter (no highlight).
    QMimeData nothing;
    nothing.setText(QStringLiteral("just text"));
    QVERIFY(!dragAndDrop(leftSlot, &nothing, &highlighted));
    QVERIFY(!highlighted);
}

void TestCompareView::fileDropOpensAndTakesFirstPage()
{
    // Two files at once from the file manager: the first goes where it was dropped, the second to the other slot.
    std::unique_ptr<QMimeData> mime(fileDrag({kDeck, kReport}));
    QVERIFY(dragAndDrop(m_view->slotWidget(CompareView::Right), mime.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_view->page(CompareView::Right).isValid() && m_view->page(CompareView::Left).isValid(), 120000);
    QCOMPARE(m_view->page(CompareView::Right).document->displayName(), QStringLiteral("sample-deck.odp"));
    QCOMPARE(m_view->page(CompareView::Right).page, 0);
    QCOMPARE(m_view->page(CompareView::Left).document->displayName(), QStringLiteral("sample-report.pdf"));
    QCOMPARE(m_window->pageStripModel()->documentCount(), 2); // opened in the window too
    QCOMPARE(m_view->pendingOpens(), 0);
}

void TestCompareView::unsupportedDropsAreExplained()
{
    QTemporaryDir dir;
    const QString notes = dir.filePath(QStringLiteral("notes.txt"));
    QFile f(notes);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a document\n");
    f.close();
    bool highlighted = false;
    std::unique_ptr<QMimeData> mime(fileDrag({notes}));
    QVERIFY(dragAndDrop(m_view->slotWidget(CompareView::Left), mime.get(), &highlighted));
    QVERIFY(highlighted);
    QVERIFY2(m_view->lastMessage().contains(QStringLiteral("“notes.txt”")), qPrintable(m_view->lastMessage()));
    QVERIFY(m_view->lastMessage().contains(QStringLiteral("not a document Leopard Desk can read")));
    QVERIFY(m_view->lastMessage().contains(QStringLiteral("pdf")));
    QVERIFY(!m_view->page(CompareView::Left).isValid());

    std::unique_ptr<QMimeData> missing(fileDrag({dir.filePath(QStringLiteral("gone.pdf"))}));
    QVERIFY(dragAndDrop(m_view->slotWidget(CompareView::Left), missing.get()));
    QVERIFY2(m_view->lastMessage().contains(QStringLiteral("“gone.pdf” does not exist")), qPrintable(m_view->lastMessage()));

    std::unique_ptr<QMimeData> remote(fileDrag({QStringLiteral("https://example.com/deck.pptx")}));
    QVERIFY(dragAndDrop(m_view->slotWidget(CompareView::Left), remote.get()));
    QVERIFY2(m_view->lastMessage().contains(QStringLiteral("only local files")), qPrintable(m_view->lastMessage()));

    // A corrupt PDF gets the loader's message, naming it.
    const QString broken = dir.filePath(QStringLiteral("broken.pdf"));
    QFile b(broken);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write("%PDF-1.4\nthis is not really a pdf\n");
    b.close();
    std::unique_ptr<QMimeData> corrupt(fileDrag({broken}));
    QVERIFY(dragAndDrop(m_view->slotWidget(CompareView::Right), corrupt.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_view->lastMessage().contains(QStringLiteral("broken.pdf")), 20000);
    QCOMPARE(m_view->pendingOpens(), 0);
    QVERIFY(!m_view->page(CompareView::Right).isValid());
}

void TestCompareView::keyboardPutsCurrentPage()
{
    const viewer::DocumentPtr report = open(kReport);
    QVERIFY(report);
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("centralTabs"));
    tabs->setCurrentIndex(0);
    m_window->showPage({report, 1});
    m_window->pageStripView()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_view->page(CompareView::Left), (PageRef{report, 1}));
    QCOMPARE(tabs->currentWidget(), m_view); // the view comes forward
    m_window->showPage({report, 3});
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_view->page(CompareView::Right), (PageRef{report, 3}));
    QTest::keyClick(m_window.get(), Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier); // swap
    QCOMPARE(m_view->page(CompareView::Left), (PageRef{report, 3}));
    QCOMPARE(m_view->page(CompareView::Right), (PageRef{report, 1}));
    // The strip's context menu entries end in the same place.
    emit m_window->pageStripView()->compareRequested(PageRef{report, 4}, 1);
    QCOMPARE(m_view->page(CompareView::Right), (PageRef{report, 4}));
    // The Compare menu is in the menu bar with these actions.
    QMenu *menu = m_window->findChild<QMenu *>(QStringLiteral("compareMenu"));
    QVERIFY(menu);
    QVERIFY(m_window->menuBar()->actions().contains(menu->menuAction()));
    QVERIFY(menu->actions().contains(m_view->putLeftAction()));
    QVERIFY(menu->actions().contains(m_view->compareAction()));
}

void TestCompareView::closingDocumentEmptiesSlot()
{
    const viewer::DocumentPtr report = open(kReport);
    QVERIFY(report);
    m_view->setPage(CompareView::Left, {report, 0});
    m_window->closeDocument(report);
    QVERIFY(!m_view->page(CompareView::Left).isValid());
}

void TestCompareView::compareStreamsAnswerAboutBothPages()
{
    m_window->setModelDirectory(QString()); // the demo model
    QTRY_COMPARE_WITH_TIMEOUT(m_window->modelHost()->state(), ModelHost::State::Ready, 20000);
    const viewer::DocumentPtr report = open(kReport);
    QVERIFY(report);
    const viewer::DocumentPtr deck = open(kDeck);
    QVERIFY(deck);
    m_view->setPage(CompareView::Left, {deck, 1});
    m_view->setPage(CompareView::Right, {report, 2});
    QCOMPARE(m_view->prompt(), CompareView::defaultPrompt());
    const QString prompt = QStringLiteral("Compare these two pages: which numbers appear on both?");
    m_view->setPrompt(prompt);
    ChatPanel *chat = m_window->chatPanel();
    chat->setMaxNewTokens(20);
    QSignalSpy finished(chat, &ChatPanel::answerFinished);
    auto *button = m_window->findChild<QPushButton *>(QStringLiteral("compareButton"));
    QTRY_VERIFY_WITH_TIMEOUT(chat->documentsIdentified(), 30000);
    QVERIFY2(button->isEnabled(), qPrintable(m_view->compareBlockedReason()));
    // The answer streams: the view shows text while the answer is still being generated. Checked at
    // each token (this connection runs after the view's own), not by polling: on a fast machine the
    // demo model's 20 tokens and the end can all arrive between two polls.
    bool sawStreaming = false;
    const QMetaObject::Connection watch = connect(m_window->modelHost(), &ModelHost::token, this, [&] {
        if (m_view->isComparing() && !m_view->answerText().isEmpty())
            sawStreaming = true;
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(m_view->isComparing());
    QVERIFY(!button->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    disconnect(watch);
    QVERIFY(sawStreaming);
    const AskStats stats = finished.first().first().value<AskStats>();
    QVERIFY(!m_view->isComparing());
    QVERIFY(!m_view->answerText().trimmed().isEmpty() || stats.text.trimmed().isEmpty()); // the final answer stays shown
    QVERIFY(!stats.text.isEmpty());
    QCOMPARE(stats.pagesEncoded, 2);

    // The Ask dock's turn is about exactly the two pages, in slot order, with the prompt as question.
    QCOMPARE(chat->pageLinks(chat->turnCount() - 1),
             (QStringList{QStringLiteral("sample-deck.odp p. 2"), QStringLiteral("sample-report.pdf p. 3")}));
    const SavedConversation saved = chat->savedConversation();
    QCOMPARE(saved.turns.size(), 1);
    QCOMPARE(saved.turns.last().question, prompt);
    QCOMPARE(saved.turns.last().pages,
             (QList<SessionPageRef>{{deck->sourcePath(), 2}, {report->sourcePath(), 3}}));

    // Export and copy from the window, on this real answer.
    auto *actions = m_window->findChild<ExportActions *>();
    QVERIFY(actions);
    QVERIFY(actions->copyAnswerAction()->isEnabled());
    actions->copyAnswerAction()->trigger();
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY2(copied.contains(prompt), qPrintable(copied));
    QVERIFY(copied.contains(QStringLiteral("sample-deck.odp p. 2, sample-report.pdf p. 3")));
    // The Ask dock's per-answer "Copy" reaches the same code.
    QGuiApplication::clipboard()->clear();
    emit chat->copyAnswerRequested(0);
    QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("sample-deck.odp p. 2, sample-report.pdf p. 3")));
    QVERIFY(QGuiApplication::clipboard()->mimeData()->html().contains(QStringLiteral("#page=3\">sample-report.pdf p. 3</a>")));
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("comparison.pdf"));
    QString error;
    QVERIFY2(actions->exportTo(-1, pdf, &error), qPrintable(error));
    const auto text = leopard::test::runProcess(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QCOMPARE(text.exitCode, 0);
    const QString exported = QString::fromUtf8(text.out).simplified();
    QVERIFY2(exported.contains(prompt), qPrintable(exported));
    QVERIFY(exported.contains(QStringLiteral("sample-deck.odp p. 2")));
    QVERIFY(exported.contains(QStringLiteral("demo-model")));
}

QTEST_MAIN(TestCompareView)
#include "tst_compare_view.moc"
