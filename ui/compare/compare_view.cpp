#include "ui/compare/compare_view.h"

#include "ui/chat/chat_panel.h"
#include "ui/compare/compare_slot.h"
#include "ui/window/main_window.h"
#include "ui/model/model_host.h"
#include "ui/pages/page_strip_model.h"
#include "ui/pages/page_strip_view.h"
#include "ui/pages/selection_plan.h"
#include "viewer/document_opener.h"

#include <QAction>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace leopard::ui {

namespace {
QString quotedName(const QString &path)
{
    return CompareView::tr("“%1”").arg(QFileInfo(path).fileName());
}

QString pageName(const PageRef &page)
{
    return CompareView::tr("%1 p. %2").arg(page.document->displayName()).arg(page.page + 1);
}
} // namespace

QString CompareView::defaultPrompt()
{
    return tr("Compare these two pages: what changed, and what is the same?");
}

CompareView::CompareView(MainWindow *window, QWidget *parent)
    : QWidget(parent), m_window(window)
{
    setObjectName(QStringLiteral("compareView"));
    const char *names[2] = {"compareSlotLeft", "compareSlotRight"};
    auto *grid = new QGridLayout;
    for (int s = 0; s < 2; ++s) {
        const Side side = Side(s);
        m_slots[s] = new CompareSlot(window->pageRenderer(), QString(), this);
        m_slots[s]->setObjectName(QLatin1String(names[s]));
        m_captions[s] = new QLabel(this);
        m_captions[s]->setObjectName(QLatin1String(names[s]) + QStringLiteral("Caption"));
        m_captions[s]->setTextFormat(Qt::PlainText);
        m_captions[s]->setBuddy(m_slots[s]);
        grid->addWidget(m_captions[s], 0, s);
        grid->addWidget(m_slots[s], 1, s);
        grid->setColumnStretch(s, 1);
        connect(m_slots[s], &CompareSlot::pagesDropped, this, [this, side](const QList<SessionPageRef> &pages) { dropPages(side, pages); });
        connect(m_slots[s], &CompareSlot::filesDropped, this,
                [this, side](const QStringList &files, const QStringList &remote) { dropFiles(side, files, remote); });
        connect(m_slots[s], &CompareSlot::stepRequested, this, [this, side](int delta) { step(side, delta); });
        connect(m_slots[s], &CompareSlot::clearRequested, this, [this, side] { assign(side, {}); });
    }
    grid->setRowStretch(1, 1);

    m_planLabel = new QLabel(this);
    m_planLabel->setObjectName(QStringLiteral("comparePlanLabel"));
    m_planLabel->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("compareMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #842029; background: #f8d7da; border: 1px solid #f5c2c7; padding: 4px; }"));
    m_message->hide();

    m_prompt = new QPlainTextEdit(this);
    m_prompt->setObjectName(QStringLiteral("comparePrompt"));
    m_prompt->setMaximumHeight(m_prompt->fontMetrics().lineSpacing() * 3 + 14);
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &CompareView::updateControls);
    m_promptLabel = new QLabel(this);
    m_promptLabel->setBuddy(m_prompt);

    m_swapButton = new QPushButton(this);
    m_swapButton->setObjectName(QStringLiteral("compareSwapButton"));
    m_clearButton = new QPushButton(this);
    m_clearButton->setObjectName(QStringLiteral("compareClearButton"));
    m_compareButton = new QPushButton(this);
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    m_compareButton->setDefault(true);
    connect(m_swapButton, &QPushButton::clicked, this, &CompareView::swapSlots);
    connect(m_clearButton, &QPushButton::clicked, this, &CompareView::clearSlots);
    connect(m_compareButton, &QPushButton::clicked, this, &CompareView::compare);

    m_answer = new QTextBrowser(this);
    m_answer->setObjectName(QStringLiteral("compareAnswer"));
    m_answer->setOpenLinks(false);
    m_answer->setMaximumHeight(160);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_planLabel, 1);
    buttons->addWidget(m_swapButton);
    buttons->addWidget(m_clearButton);
    buttons->addWidget(m_compareButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_promptLabel);
    layout->addWidget(m_prompt);
    layout->addLayout(buttons);
    layout->addWidget(m_answer);

    // Keyboard alternatives for the drags; the window holds them so they work from any widget.
    m_putLeft = new QAction(this);
    m_putLeft->setObjectName(QStringLiteral("comparePutLeftAction"));
    m_putLeft->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_putLeft, &QAction::triggered, this, [this] { putCurrentPage(Left); });
    m_putRight = new QAction(this);
    m_putRight->setObjectName(QStringLiteral("comparePutRightAction"));
    m_putRight->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_putRight, &QAction::triggered, this, [this] { putCurrentPage(Right); });
    m_swap = new QAction(this);
    m_swap->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    connect(m_swap, &QAction::triggered, this, &CompareView::swapSlots);
    m_clear = new QAction(this);
    connect(m_clear, &QAction::triggered, this, &CompareView::clearSlots);
    m_compare = new QAction(this);
    m_compare->setObjectName(QStringLiteral("compareAction"));
    m_compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    connect(m_compare, &QAction::triggered, this, &CompareView::compare);

    connect(window, &MainWindow::documentOpened, this, &CompareView::documentOpened);
    connect(window, &MainWindow::openFailed, this, &CompareView::openFailed);
    connect(window, &MainWindow::planChanged, this, &CompareView::updatePlan); // the analysis dpi may have changed
    connect(window->pageStripModel(), &PageStripModel::documentRemoved, this, [this](const viewer::Document *document) {
        for (int s = 0; s < 2; ++s)
            if (m_slots[s]->page().document.get() == document)
                assign(Side(s), {});
    });
    ModelHost *host = window->modelHost();
    connect(host, &ModelHost::stateChanged, this, &CompareView::updateControls);
    retranslateUi();
    connect(window->chatPanel(), &ChatPanel::documentsIdentifiedChanged, this, &CompareView::updateControls);
    connect(host, &ModelHost::token, this, &CompareView::appendToken);
    connect(host, &ModelHost::finished, this, &CompareView::answerFinished);
    connect(host, &ModelHost::failed, this, [this](const QString &message) {
        if (!m_comparing)
            return;
        m_comparing = false;
        showMessage(tr("The comparison failed: %1").arg(message));
        updateControls();
    });
    updatePlan();
}

PageRef CompareView::page(Side side) const
{
    return m_slots[side]->page();
}

void CompareView::setPage(Side side, const PageRef &page)
{
    assign(side, page);
}

QString CompareView::prompt() const
{
    return m_prompt->toPlainText();
}

void CompareView::setPrompt(const QString &text)
{
    m_prompt->setPlainText(text);
}

QString CompareView::answerText() const
{
    return m_comparing ? m_streaming : m_answer->toPlainText();
}

void CompareView::showMessage(const QString &text)
{
    m_lastMessage = text;
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        m_window->statusBar()->showMessage(text, 10000);
    emit messageShown(text);
}

void CompareView::assign(Side side, const PageRef &page)
{
    m_slots[side]->setPage(page);
    updatePlan();
    emit pagesChanged();
}

void CompareView::putCurrentPage(Side side)
{
    const PageRef current = m_window->currentPage();
    if (!current.isValid()) {
        showMessage(tr("No page is shown: open a document and pick a page in the page strip first."));
        return;
    }
    showMessage({});
    assign(side, current);
    emit showRequested();
}

void CompareView::swapSlots()
{
    const PageRef left = page(Left), right = page(Right);
    m_slots[Left]->setPage(right);
    m_slots[Right]->setPage(left);
    updatePlan();
    emit pagesChanged();
}

void CompareView::clearSlots()
{
    m_slots[Left]->clear();
    m_slots[Right]->clear();
    m_pending.clear();
    showMessage({});
    updatePlan();
    emit pagesChanged();
}

void CompareView::step(Side side, int delta)
{
    const PageRef current = page(side);
    if (!current.isValid())
        return;
    const int next = current.page + delta;
    if (next >= 0 && next < current.document->pageCount())
        assign(side, {current.document, next});
}

void CompareView::dropPages(Side side, const QList<SessionPageRef> &pages)
{
    showMessage({});
    Side target = side;
    QStringList problems;
    for (int i = 0; i < pages.size(); ++i) {
        if (i >= 2) {
            problems << tr("only two pages can be compared; the other %n dropped page(s) were left out.", "", int(pages.size()) - 2);
            break;
        }
        const SessionPageRef &ref = pages[i];
        const QString path = QFileInfo(ref.file).absoluteFilePath();
        if (const viewer::DocumentPtr document = m_window->pageStripModel()->findDocument(path)) {
            if (ref.page > document->pageCount())
                problems << tr("%1 has no page %2").arg(quotedName(path)).arg(ref.page);
            else
                assign(target, {document, ref.page - 1});
        } else if (QFileInfo(path).isFile() && viewer::isSupportedFile(path)) {
            // Dragged from another window whose document this one has not open: open it here.
            m_pending.insert(path, {int(target), ref.page - 1});
            m_window->openFiles({path});
        } else {
            problems << tr("%1 is not open and cannot be found").arg(quotedName(path));
        }
        target = target == Left ? Right : Left;
    }
    if (!problems.isEmpty())
        showMessage(tr("Cannot compare: %1.").arg(QLocale().createSeparatedList(problems)));
}

void CompareView::dropFiles(Side side, const QStringList &files, const QStringList &remote)
{
    showMessage({});
    QStringList problems;
    if (!remote.isEmpty())
        problems << tr("only local files can be compared, not %1").arg(QLocale().createSeparatedList(remote));
    Side target = side;
    int used = 0;
    for (const QString &file : files) {
        const QFileInfo info(file);
        const QString path = info.absoluteFilePath();
        if (!info.exists()) {
            problems << tr("%1 does not exist").arg(quotedName(path));
            continue;
        }
        if (info.isDir()) {
            problems << tr("%1 is a folder, not a document").arg(quotedName(path));
            continue;
        }
        if (!viewer::isSupportedFile(path)) {
            problems << tr("%1 is not a document Leopard Desk can read (it reads PDF reports, slide decks and page images: %2)")
                            .arg(quotedName(path), viewer::supportedSuffixes().join(QStringLiteral(", ")));
            continue;
        }
        if (used == 2) {
            problems << tr("only two pages can be compared; %1 was left out").arg(quotedName(path));
            continue;
        }
        ++used;
        // A dropped file contributes its first page; PageUp/PageDown in the slot step through it.
        if (const viewer::DocumentPtr open = m_window->pageStripModel()->findDocument(path)) {
            assign(target, {open, 0});
        } else {
            m_pending.insert(path, {int(target), 0});
            m_window->openFiles({path});
        }
        target = target == Left ? Right : Left;
    }
    if (!problems.isEmpty())
        showMessage(tr("Cannot compare: %1.").arg(QLocale().createSeparatedList(problems)));
}

void CompareView::documentOpened(const viewer::DocumentPtr &document)
{
    const QString path = QFileInfo(document->sourcePath()).absoluteFilePath();
    if (!m_pending.contains(path))
        return;
    const QPair<int, int> want = m_pending.take(path);
    if (want.second >= document->pageCount()) {
        showMessage(tr("Cannot compare: %1 has no page %2.").arg(quotedName(path)).arg(want.second + 1));
        return;
    }
    assign(Side(want.first), {document, want.second});
}

void CompareView::openFailed(const QString &path, const QString &message)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!m_pending.remove(absolute))
        return;
    showMessage(message);
}

void CompareView::updatePlan()
{
    PageRefList pages;
    int sideOf[2] = {-1, -1};
    for (int s = 0; s < 2; ++s)
        if (m_slots[s]->page().isValid()) {
            sideOf[s] = int(pages.size());
            pages << m_slots[s]->page();
        }
    const SelectionPlan plan = computeSelectionPlan(pages, m_window->analysisDpi());
    int first = 1;
    for (int s = 0; s < 2; ++s) {
        const PageRef p = m_slots[s]->page();
        if (sideOf[s] < 0) {
            m_slots[s]->setImagePlan(std::nullopt, plan.plan.options.cropSide, 1);
            m_captions[s]->setText(s == Left ? tr("Left: empty") : tr("Right: empty"));
            continue;
        }
        const leopard::ImagePlan &ip = plan.plan.images[size_t(sideOf[s])];
        m_slots[s]->setImagePlan(ip, plan.plan.options.cropSide, first);
        const QString what = ip.tiles() > 0 ? tr("%1 × %2 grid, %3 model images").arg(ip.gridCols).arg(ip.gridRows).arg(ip.modelImages())
                                            : tr("global view only");
        m_captions[s]->setText((s == Left ? tr("Left: %1 — %2") : tr("Right: %1 — %2")).arg(pageName(p), what));
        first += ip.modelImages();
    }
    m_planLabel->setText(pages.isEmpty() ? QString()
                                         : tr("%1 model images, %2 tokens for the pages")
                                               .arg(plan.plan.totalModelImages())
                                               .arg(plan.plan.totalTokens()));
    updateControls();
}

QString CompareView::compareBlockedReason() const
{
    if (!page(Left).isValid() || !page(Right).isValid())
        return tr("Put a page in each slot.");
    if (page(Left) == page(Right))
        return tr("Both slots hold the same page.");
    if (m_prompt->toPlainText().trimmed().isEmpty())
        return tr("Type a comparison prompt.");
    if (!m_window->chatPanel()->documentsIdentified())
        return tr("Identifying the open documents…");
    if (m_comparing || m_window->chatPanel()->isAnswering())
        return tr("The model is answering.");
    switch (m_window->modelHost()->state()) {
    case ModelHost::State::Ready: break;
    case ModelHost::State::Loading: return tr("The model is loading…");
    case ModelHost::State::Busy: return tr("The model is answering.");
    default: return tr("No model is loaded.");
    }
    return {};
}

void CompareView::updateControls()
{
    const QString reason = compareBlockedReason();
    m_compareButton->setEnabled(reason.isEmpty());
    m_compareButton->setToolTip(reason.isEmpty() ? tr("Ask the model about both pages at once (Ctrl+Shift+Enter)") : reason);
    m_compare->setEnabled(reason.isEmpty());
    const bool any = page(Left).isValid() || page(Right).isValid();
    m_swapButton->setEnabled(any);
    m_clearButton->setEnabled(any);
    m_swap->setEnabled(any);
    m_clear->setEnabled(any);
}

void CompareView::compare()
{
    const QString reason = compareBlockedReason();
    if (!reason.isEmpty()) {
        showMessage(reason);
        return;
    }
    showMessage({});
    ChatPanel *chat = m_window->chatPanel();
    m_comparing = true; // before askAbout: its first tokens may be handled inside the call
    m_streaming.clear();
    m_answer->clear();
    chat->askAbout({page(Left), page(Right)}, m_prompt->toPlainText().trimmed());
    if (!chat->isAnswering()) {
        m_comparing = false;
        const QString why = chat->askBlockedReason();
        showMessage(why.isEmpty() ? tr("The comparison could not be started.") : why);
    }
    updateControls();
}

void CompareView::appendToken(const QString &text)
{
    if (!m_comparing)
        return;
    m_streaming += text;
    m_answer->setPlainText(m_streaming);
    m_answer->moveCursor(QTextCursor::End);
}

void CompareView::answerFinished(const leopard::AskStats &stats)
{
    if (!m_comparing)
        return;
    m_comparing = false;
    m_streaming.clear();
    m_answer->setMarkdown(stats.text);
    if (stats.cancelled)
        m_answer->append(tr("(stopped)"));
    updateControls();
}

// ---------------------------------------------------------------------------------------------

void CompareView::retranslateUi()
{
    setAccessibleName(tr("Compare"));
    m_slots[Left]->setEmptyText(tr("Drag a page here from the page strip, or a file from the file manager.\n\nKeyboard: Compare ▸ Put Page in Left Slot (Ctrl+Shift+L)"));
    m_slots[Right]->setEmptyText(tr("Drag a page here from the page strip, or a file from the file manager.\n\nKeyboard: Compare ▸ Put Page in Right Slot (Ctrl+Shift+R)"));
    m_slots[Left]->setAccessibleName(tr("Left comparison page"));
    m_slots[Right]->setAccessibleName(tr("Right comparison page"));
    m_prompt->setAccessibleName(tr("Comparison prompt"));
    // The default prompt follows the language; a prompt the user wrote stays as it is.
    if (m_prompt->toPlainText().isEmpty() || m_prompt->toPlainText() == m_shownDefaultPrompt) {
        m_prompt->setPlainText(defaultPrompt());
        m_shownDefaultPrompt = m_prompt->toPlainText(); // as the editor gives it back (no-break spaces become spaces)
    }
    m_promptLabel->setText(tr("&Prompt:"));
    m_swapButton->setText(tr("S&wap"));
    m_clearButton->setText(tr("C&lear"));
    m_compareButton->setText(tr("&Compare"));
    m_answer->setAccessibleName(tr("Comparison answer"));
    m_answer->setPlaceholderText(tr("The answer appears here and in the Ask dock, where follow-up questions continue it."));
    m_putLeft->setText(tr("Put Page in &Left Slot"));
    m_putLeft->setStatusTip(tr("Put the page shown in the left slot of the compare view"));
    m_putRight->setText(tr("Put Page in &Right Slot"));
    m_putRight->setStatusTip(tr("Put the page shown in the right slot of the compare view"));
    m_swap->setText(tr("&Swap Slots"));
    m_clear->setText(tr("&Clear Slots"));
    m_compare->setText(tr("&Compare the Two Pages"));
    m_compare->setStatusTip(tr("Ask the model about both pages at once with the comparison prompt"));
    if (m_tabs) {
        m_tabs->setTabText(m_tabs->indexOf(m_pageTab), tr("Page"));
        m_tabs->setTabText(m_tabs->indexOf(this), tr("Compare"));
    }
    if (m_menu)
        m_menu->setTitle(tr("&Compare"));
    if (m_showAction)
        m_showAction->setText(tr("Show Compare &View"));
}

void CompareView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updatePlan(); // the captions and the plan line
    }
    QWidget::changeEvent(event);
}

CompareView *installCompareView(MainWindow *window)
{
    auto *view = new CompareView(window);
    // The central area becomes two tabs: the page and the comparison.
    auto *tabs = new QTabWidget(window);
    tabs->setObjectName(QStringLiteral("centralTabs"));
    tabs->setDocumentMode(true);
    QWidget *page = window->takeCentralWidget();
    tabs->addTab(page, QString());
    tabs->addTab(view, QString());
    window->setCentralWidget(tabs);
    QObject::connect(view, &CompareView::showRequested, tabs, [tabs, view] { tabs->setCurrentWidget(view); });
    // Showing a page from elsewhere (a thumbnail click, an answer's page link) brings the page back,
    // except while the compare view is being filled (its drags start with a click on a thumbnail).
    QObject::connect(window->chatPanel(), &ChatPanel::pageActivated, tabs, [tabs, page] { tabs->setCurrentWidget(page); });

    auto *menu = new QMenu(window);
    menu->setObjectName(QStringLiteral("compareMenu"));
    auto *show = menu->addAction(QString(), tabs, [tabs, view] { tabs->setCurrentWidget(view); });
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    menu->addSeparator();
    menu->addAction(view->putLeftAction());
    menu->addAction(view->putRightAction());
    menu->addAction(view->swapAction());
    menu->addAction(view->clearAction());
    menu->addSeparator();
    menu->addAction(view->compareAction());
    // After the Pages menu.
    const QList<QAction *> bar = window->menuBar()->actions();
    const int pagesAt = int(bar.indexOf(window->pagesMenu()->menuAction()));
    QAction *before = pagesAt >= 0 && pagesAt + 1 < bar.size() ? bar[pagesAt + 1] : nullptr;
    window->menuBar()->insertMenu(before, menu);
    for (QAction *a : {view->putLeftAction(), view->putRightAction(), view->swapAction(), view->compareAction()})
        window->addAction(a); // shortcuts work wherever the focus is, menu shown or not

    QObject::connect(window->pageStripView(), &PageStripView::compareRequested, view,
                     [view](const PageRef &page, int side) { view->setPage(CompareView::Side(side), page); emit view->showRequested(); });
    view->m_tabs = tabs;
    view->m_pageTab = page;
    view->m_menu = menu;
    view->m_showAction = show;
    view->retranslateUi(); // the tab titles, the menu
    return view;
}

} // namespace leopard::ui
