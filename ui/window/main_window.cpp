// The main window: building its docks and status bar, pages, plan, status, dialogs and messages.
// Its actions and menus are in main_window_actions.cpp, opening and closing documents in
// main_window_files.cpp.
#include "ui/window/main_window.h"

#include "ui/settings/app_settings.h"
#include "ui/settings/color_scheme.h"
#include "ui/chat/chat_panel.h"
#include "ui/conversation/conversation_core.h"
#include "ui/history/conversation_reopener.h"
#include "ui/history/history_panel.h"
#include "ui/search/document_index.h"
#include "ui/settings/language.h"
#include "ui/compare/compare_view.h"
#include "ui/evidence/evidence_view.h"
#include "ui/evidence/heat_view.h"
#include "ui/search/find_bar.h"
#include "ui/export/export_actions.h"
#include "ui/model/model_host.h"
#include "ui/model/model_location.h"
#include "ui/pages/page_strip_model.h"
#include "ui/pages/page_strip_view.h"
#include "ui/pages/page_view.h"
#include "ui/pages/plan_panel.h"
#include "ui/settings/recent_files.h"
#include "ui/settings/settings_dialog.h"
#include "ui/window/shortcuts_dialog.h"
#include "viewer/document_opener.h"
#include "viewer/page_renderer.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>


namespace leopard::ui {


MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent),
      m_renderer(new viewer::PageRenderer(this)),
      m_loader(new viewer::DocumentLoader(this)),
      m_model(new PageStripModel(this)),
      m_analysisDpi(AppSettings::analysisDpi())
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Leopard Desk"));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_view = new PageView(m_renderer, this);
    m_view->setOverlayVisible(AppSettings::showCropOverlay());
    setCentralWidget(m_view);
    m_strip = new PageStripView(m_model, m_renderer, this);
    m_strip->setOverlayVisible(AppSettings::showCropOverlay());
    m_planPanel = new PlanPanel(this);
    m_modelHost = new ModelHost(this);
    m_chatPanel = new ChatPanel(m_modelHost, this);

    createActions();
    createMenus();
    createToolBar();
    createDocks();
    createStatusBar();
    connectLoader();

    connect(m_model, &PageStripModel::checkedPagesChanged, this, &MainWindow::recomputePlan);
    connect(m_model, &PageStripModel::checkedPagesChanged, this, &MainWindow::updateActions);
    connect(m_strip, &PageStripView::pageActivated, this, &MainWindow::showPage);
    connect(m_strip, &PageStripView::closeDocumentRequested, this, &MainWindow::closeDocument);
    connect(m_planPanel, &PlanPanel::pageActivated, this, &MainWindow::showPage);
    connect(m_chatPanel, &ChatPanel::pageActivated, this, [this](const PageRef &page) {
        if (m_model->findDocument(page.document->sourcePath()) == page.document) // not closed since
            showPage(page);
    });
    connect(m_chatPanel, &ChatPanel::settingsRequested, this, &MainWindow::showSettings);
    // Pages picked for a question: checked in the strip (their plan is drawn and goes to the chat at
    // once, through checkedPagesChanged), the first one shown.
    connect(m_chatPanel, &ChatPanel::pagesPicked, this, [this](const PageKeyList &pages) {
        for (const viewer::DocumentPtr &doc : m_model->documents()) // "Let Leopard pick pages": they replace the checked ones
            m_model->setDocumentChecked(doc.get(), false);
        for (const PageKey &k : pages)
            if (const viewer::DocumentPtr doc = m_model->findDocument(k.file))
                m_model->setPageChecked(doc.get(), k.page, true);
        if (!pages.isEmpty())
            if (const viewer::DocumentPtr doc = m_model->findDocument(pages.first().file))
                showPage({doc, pages.first().page});
    });
    connect(m_chatPanel->documentIndex(), &DocumentIndex::progress, this, [this](const QString &text) {
        statusBar()->showMessage(text, text.isEmpty() ? 1 : 0);
    });
    connect(m_chatPanel->documentIndex(), &DocumentIndex::message, this, [this](const QString &text) {
        statusBar()->showMessage(text, 15000);
    });
    connect(this, &MainWindow::planChanged, this, [this] { m_chatPanel->setSelectionPlan(m_plan); });
    connect(m_model, &PageStripModel::documentAdded, this, &MainWindow::syncChatDocuments);
    connect(m_model, &PageStripModel::documentRemoved, this, &MainWindow::syncChatDocuments);
    connect(this, &MainWindow::openFailed, this, &MainWindow::syncChatDocuments);
    connect(m_view, &PageView::pageStepRequested, this, &MainWindow::stepPage);
    connect(m_view, &PageView::zoomChanged, this, &MainWindow::updateStatus);
    connect(m_view, &PageView::fitModeChanged, this, [this](PageView::FitMode mode) {
        m_fitWidthAction->setChecked(mode == PageView::FitMode::FitWidth);
        m_fitPageAction->setChecked(mode == PageView::FitMode::FitPage);
        if (mode == PageView::FitMode::None) { // an exclusive group cannot show "neither" by itself
            m_fitGroup->setExclusive(false);
            m_fitWidthAction->setChecked(false);
            m_fitPageAction->setChecked(false);
            m_fitGroup->setExclusive(true);
        }
    });

    installFind(this);          // Edit ▸ Find, the find bar over the page (ui/search/find_bar.*)
    installEvidence(this);      // answers' evidence boxed on the page (ui/evidence/evidence_view.*)
    installHeatView(this);      // View ▸ Show Where the Model Looked (ui/evidence/heat_view.*)
    installCompareView(this);   // the "Compare" tab and menu (ui/compare/compare_view.*)
    installExportActions(this); // File ▸ Export…, Edit ▸ Copy Answer (ui/export/export_actions.*)

    QSettings settings;
    resize(1400, 900);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());

    recomputePlan();
    retranslateUi(); // also refreshes the recent menu and the status bar
    updateActions();
}

MainWindow::~MainWindow()
{
    m_loader->cancelAll();
}

void MainWindow::createDocks()
{
    auto *stripDock = new QDockWidget(tr("Pages"), this);
    stripDock->setObjectName(QStringLiteral("pagesDock"));
    stripDock->setWidget(m_strip);
    stripDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, stripDock);

    auto *planDock = new QDockWidget(tr("Crop Plan"), this);
    planDock->setObjectName(QStringLiteral("planDock"));
    planDock->setWidget(m_planPanel);
    planDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::RightDockWidgetArea, planDock);

    auto *chatDock = new QDockWidget(tr("Ask"), this);
    chatDock->setObjectName(QStringLiteral("chatDock"));
    chatDock->setWidget(m_chatPanel);
    chatDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    splitDockWidget(planDock, chatDock, Qt::Vertical);

    resizeDocks({stripDock, planDock}, {240, 420}, Qt::Horizontal);
    resizeDocks({planDock, chatDock}, {260, 640}, Qt::Vertical);
    // Panel toggles: F7-F9 are free in every desktop's standard keys and sit together; History shares
    // the Ask panel's place (tabbed), so Shift+F9.
    m_historyPanel = new HistoryPanel(m_chatPanel, this);
    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("historyDock"));
    historyDock->setWidget(m_historyPanel);
    historyDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    tabifyDockWidget(chatDock, historyDock);
    chatDock->raise();
    // Opening a conversation from History reopens its documents first; then the Ask dock shows it.
    m_reopener = new ConversationReopener(this, m_chatPanel);
    m_historyPanel->setReopen([this](const QString &id, QString *error) { return m_reopener->reopen(id, error); });
    connect(m_reopener, &ConversationReopener::finished, m_historyPanel, &HistoryPanel::reopenFinished);
    connect(m_reopener, &ConversationReopener::finished, this, [this, chatDock](const QString &, bool ok, const QStringList &notes) {
        if (ok) {
            chatDock->raise();
            // The page the conversation last asked about comes to the front (its documents just opened).
            const SavedConversation &c = m_chatPanel->core()->conversation();
            if (!c.turns.isEmpty() && !c.turns.last().pages.isEmpty()) {
                const PageKey key = m_chatPanel->core()->resolve(c.turns.last().pages.first());
                if (const viewer::DocumentPtr doc = key.isValid() ? m_model->findDocument(key.file) : nullptr)
                    showPage({doc, key.page});
            }
        }
        if (!notes.isEmpty())
            statusBar()->showMessage(notes.join(QLatin1Char(' ')), 15000);
    });
    const std::tuple<QDockWidget *, QKeySequence, const char *> toggles[] = {
        {stripDock, Qt::Key_F7, "togglePagesDockAction"}, {planDock, Qt::Key_F8, "togglePlanDockAction"},
        {chatDock, Qt::Key_F9, "toggleAskDockAction"}, {historyDock, Qt::SHIFT | Qt::Key_F9, "toggleHistoryDockAction"}};
    for (const auto &[dock, key, name] : toggles) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setShortcut(key);
        toggle->setObjectName(QLatin1String(name));
        m_viewMenu->addAction(toggle);
    }
}

void MainWindow::syncChatDocuments()
{
    // Several files opened at once: the document set is the whole batch, not each step of it.
    if (m_opening.isEmpty())
        m_chatPanel->setDocuments(m_model->documents());
}

void MainWindow::createStatusBar()
{
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyLabel->setAccessibleName(tr("Opening status"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("busyIndicator"));
    m_busyBar->setAccessibleName(tr("Opening documents"));
    m_busyBar->setRange(0, 0); // indeterminate: deck conversion has no known length
    m_busyBar->setMaximumWidth(120);
    m_busyBar->setMaximumHeight(14);
    m_cancelOpenButton = new QToolButton(this);
    m_cancelOpenButton->setObjectName(QStringLiteral("cancelOpenButton"));
    m_cancelOpenButton->setText(tr("Cancel"));
    m_cancelOpenButton->setAccessibleName(tr("Cancel opening"));
    m_cancelOpenButton->setToolTip(tr("Stop opening the documents still loading (e.g. a slow slide deck conversion)"));
    m_cancelOpenButton->setAutoRaise(true);
    connect(m_cancelOpenButton, &QToolButton::clicked, this, [this] {
        m_loader->cancelAll(); // cancelled opens report nothing back
        m_opening.clear();
        m_openingStage.clear();
        updateBusy();
        statusBar()->showMessage(tr("Opening cancelled"), 4000);
    });
    m_pageLabel = new QLabel(this);
    m_pageLabel->setObjectName(QStringLiteral("pageLabel"));
    m_pageLabel->setAccessibleName(tr("Page shown"));
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    m_zoomLabel->setAccessibleName(tr("Zoom"));
    m_zoomLabel->setMinimumWidth(56);
    m_zoomLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusBar()->addPermanentWidget(m_busyLabel);
    statusBar()->addPermanentWidget(m_busyBar);
    statusBar()->addPermanentWidget(m_cancelOpenButton);
    statusBar()->addPermanentWidget(m_pageLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    updateBusy();
}

void MainWindow::setModelDirectory(const QString &dir)
{
    m_modelDirectory = dir;
    m_modelHost->load(dir);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_loader->cancelAll();
    m_modelHost->cancel(); // an answer in progress stops within one token; ~ModelHost joins the thread
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

// ---------------------------------------------------------------------------------------------
// Pages, plan, status

PageRef MainWindow::currentPage() const
{
    return m_view->page();
}

void MainWindow::showPage(const PageRef &page)
{
    if (!page.isValid())
        return;
    m_view->setPage(page);
    m_strip->setCurrentPage(page);
    updateCurrentPagePlan();
    updateStatus();
    updateActions();
}

void MainWindow::stepPage(int delta)
{
    const PageRef current = currentPage();
    if (!current.document)
        return;
    int row = m_model->pageIndex(current.document.get(), current.page).row();
    const int rows = m_model->rowCount();
    for (row += delta; row >= 0 && row < rows; row += delta) {
        const PageRef ref = m_model->pageAt(m_model->index(row));
        if (ref.document) {
            showPage(ref);
            return;
        }
    }
}

void MainWindow::setAnalysisDpi(double dpi)
{
    if (qFuzzyCompare(dpi, m_analysisDpi))
        return;
    m_analysisDpi = dpi;
    AppSettings::setAnalysisDpi(dpi);
    recomputePlan();
}

void MainWindow::recomputePlan()
{
    m_plan = computeSelectionPlan(m_model->checkedPages(), m_analysisDpi);
    m_strip->setSelectionPlan(m_plan);
    m_planPanel->setSelectionPlan(m_plan);
    updateCurrentPagePlan();
    emit planChanged();
}

void MainWindow::updateCurrentPagePlan()
{
    const PageRef page = currentPage();
    const leopard::ImagePlan *plan = page.document ? m_plan.planFor(page.document.get(), page.page) : nullptr;
    m_view->setImagePlan(plan ? std::optional<leopard::ImagePlan>(*plan) : std::nullopt, m_plan.plan.options.cropSide);
    m_planPanel->setCurrentPage(page);
    m_checkPageAction->setChecked(page.document && m_model->isChecked(page.document.get(), page.page));
}

void MainWindow::updateStatus()
{
    const PageRef page = currentPage();
    if (page.document) {
        m_pageLabel->setText(tr("%1 · page %2 of %3").arg(page.document->displayName()).arg(page.page + 1).arg(page.document->pageCount()));
        m_zoomLabel->setText(tr("%1 %").arg(qRound(m_view->zoom() * 100)));
        setWindowTitle(tr("%1 — Leopard Desk").arg(page.document->displayName()));
        m_view->setAccessibleDescription(m_pageLabel->text());
    } else {
        m_pageLabel->clear();
        m_zoomLabel->clear();
        setWindowTitle(tr("Leopard Desk"));
        m_view->setAccessibleDescription(tr("No document open"));
    }
}

void MainWindow::updateBusy()
{
    const bool busy = !m_opening.isEmpty();
    m_busyBar->setVisible(busy);
    m_busyLabel->setVisible(busy);
    m_cancelOpenButton->setVisible(busy);
    if (!busy) {
        syncChatDocuments(); // cancelled, refused and duplicate opens end a batch too
        return;
    }
    QString text = m_openingStage;
    if (text.isEmpty())
        text = tr("Opening %n document(s)…", nullptr, int(m_opening.size()));
    m_busyLabel->setText(text);
}

// ---------------------------------------------------------------------------------------------
// Dialogs and messages

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    dialog.setAnalysisDpi(m_analysisDpi);
    if (dialog.exec() != QDialog::Accepted)
        return;
    setAnalysisDpi(dialog.analysisDpi());
    if (dialog.colorScheme() != AppSettings::colorScheme()) {
        AppSettings::setColorScheme(dialog.colorScheme());
        applyColorScheme(colorSchemeFromString(dialog.colorScheme()));
    }
    dialog.saveOcrLanguages(); // for documents read from now on
    if (dialog.saveModelSettings())
        m_modelHost->load(m_modelDirectory); // --model and LEOPARD_MODEL_DIR still come first
    if (dialog.languageChoice() != Language::savedChoice()) {
        Language::setSavedChoice(dialog.languageChoice());
        if (!m_messageBoxes
            || QMessageBox::question(this, tr("Language"),
                                     tr("Switch to the new language now? Menus and panels change at once; "
                                        "otherwise the language changes the next time Leopard Desk starts."))
                   == QMessageBox::Yes)
            Language::apply(dialog.languageChoice()); // LanguageChange reaches every widget
    }

}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(this);
    dialog.exec();
}

void MainWindow::raiseWindow()
{
    if (isMinimized())
        setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    show();
    raise();
    activateWindow();
}

void MainWindow::showAbout()
{
    QString text = tr("<h3>Leopard Desk %1</h3>"
                      "<p>Read reports, slide decks and page images with the Leopard vision-language model, and see "
                      "how it cuts every page into 364 × 364 crops.</p>"
                      "<p>Model: Leopard (Jia et al., “Leopard: A Vision Language Model for Text-Rich Multi-Image "
                      "Tasks”, TMLR 2025).</p>")
                       .arg(QCoreApplication::applicationVersion());
    if (!m_modelDirectory.isEmpty())
        text += tr("<p>Model directory: %1</p>").arg(m_modelDirectory.toHtmlEscaped());
    QMessageBox::about(this, tr("About Leopard Desk"), text);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::showMessage(QMessageBox::Icon icon, const QString &title, const QString &text)
{
    m_lastMessage = text;
    statusBar()->showMessage(text, 10000);
    emit messageShown(text);
    if (!m_messageBoxes)
        return;
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // window-modal, returns at once
}

} // namespace leopard::ui
