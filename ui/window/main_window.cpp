#include "ui/window/main_window.h"

#include "ui/settings/app_settings.h"
#include "ui/settings/color_scheme.h"
#include "ui/chat/chat_panel.h"
#include "ui/history/history_panel.h"
#include "ui/settings/language.h"
#include "ui/compare/compare_view.h"
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

namespace {
// Theme icon, else its "-symbolic" variant (GNOME's Adwaita ships mostly those), else a style icon.
QIcon themeIcon(const char *name, QStyle::StandardPixmap fallback)
{
    const QString plain = QLatin1String(name);
    if (QIcon::hasThemeIcon(plain))
        return QIcon::fromTheme(plain);
    const QString symbolic = plain + QLatin1String("-symbolic");
    if (QIcon::hasThemeIcon(symbolic))
        return symbolicIcon(QIcon::fromTheme(symbolic)); // drawn in the palette's text colour (dark mode)
    return QApplication::style()->standardIcon(fallback);
}

// The platform's standard key where it has one; else `fallback` (e.g. Quit has no standard key in the
// Windows scheme, which is also what the offscreen platform uses; Preferences has none on GNOME).
void setStandardShortcut(QAction *action, QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    const QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    action->setShortcuts(keys.isEmpty() ? QList<QKeySequence>{fallback} : keys);
}

QString fileName(const QString &path)
{
    return QFileInfo(path).fileName();
}
} // namespace

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

// ---------------------------------------------------------------------------------------------
// Building the window

void MainWindow::createActions()
{
    m_openAction = new QAction(themeIcon("document-open", QStyle::SP_DialogOpenButton), tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open reports (PDF), slide decks or page images"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openFileDialog);

    m_closeAction = new QAction(themeIcon("window-close", QStyle::SP_DialogCloseButton), tr("&Close Document"), this);
    m_closeAction->setShortcut(QKeySequence::Close);
    m_closeAction->setStatusTip(tr("Close the document of the page shown"));
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeCurrentDocument);

    m_quitAction = new QAction(themeIcon("application-exit", QStyle::SP_DialogCloseButton), tr("&Quit"), this);
    setStandardShortcut(m_quitAction, QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_zoomInAction = new QAction(themeIcon("zoom-in", QStyle::SP_ArrowUp), tr("Zoom &In"), this);
    m_zoomInAction->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(m_zoomInAction, &QAction::triggered, m_view, &PageView::zoomIn);

    m_zoomOutAction = new QAction(themeIcon("zoom-out", QStyle::SP_ArrowDown), tr("Zoom &Out"), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, m_view, &PageView::zoomOut);

    m_actualSizeAction = new QAction(themeIcon("zoom-original", QStyle::SP_DesktopIcon), tr("&Actual Size"), this);
    m_actualSizeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_actualSizeAction, &QAction::triggered, this, [this] { m_view->setZoom(1.0); });

    m_fitGroup = new QActionGroup(this);
    m_fitWidthAction = new QAction(themeIcon(QIcon::hasThemeIcon(QStringLiteral("zoom-fit-width")) || QIcon::hasThemeIcon(QStringLiteral("zoom-fit-width-symbolic"))
                                                    ? "zoom-fit-width" : "format-justify-fill", // Adwaita has no zoom-fit-width
                                                QStyle::SP_ToolBarHorizontalExtensionButton), tr("Fit &Width"), m_fitGroup);
    m_fitWidthAction->setCheckable(true);
    m_fitWidthAction->setChecked(true);
    m_fitWidthAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(m_fitWidthAction, &QAction::triggered, m_view, &PageView::fitWidth);
    m_fitPageAction = new QAction(themeIcon("zoom-fit-best", QStyle::SP_TitleBarMaxButton), tr("Fit &Page"), m_fitGroup);
    m_fitPageAction->setCheckable(true);
    m_fitPageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_fitPageAction, &QAction::triggered, m_view, &PageView::fitPage);

    m_overlayAction = new QAction(themeIcon("view-grid", QStyle::SP_FileDialogDetailedView), tr("Show &Crop Overlay"), this);
    m_overlayAction->setCheckable(true);
    m_overlayAction->setChecked(AppSettings::showCropOverlay());
    m_overlayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_overlayAction->setStatusTip(tr("Draw the 364 × 364 crops the model will receive over checked pages"));
    connect(m_overlayAction, &QAction::toggled, this, [this](bool on) {
        AppSettings::setShowCropOverlay(on);
        m_view->setOverlayVisible(on);
        m_strip->setOverlayVisible(on);
    });

    m_checkPageAction = new QAction(tr("&Check Page Shown"), this);
    m_checkPageAction->setCheckable(true);
    m_checkPageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_checkPageAction, &QAction::triggered, this, [this](bool on) {
        const PageRef page = currentPage();
        if (page.document)
            m_model->setPageChecked(page.document.get(), page.page, on);
    });
    m_checkAllAction = new QAction(tr("Check &All Pages"), this);
    m_checkAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m_checkAllAction, &QAction::triggered, this, [this] {
        for (const viewer::DocumentPtr &d : m_model->documents())
            m_model->setDocumentChecked(d.get(), true);
    });
    m_uncheckAllAction = new QAction(tr("&Uncheck All Pages"), this);
    m_uncheckAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_uncheckAllAction, &QAction::triggered, m_model, &PageStripModel::clearChecks);

    m_settingsAction = new QAction(themeIcon("preferences-system", QStyle::SP_FileDialogInfoView), tr("&Preferences…"), this);
    setStandardShortcut(m_settingsAction, QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    m_aboutAction = new QAction(tr("&About Leopard Desk"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    // Page stepping beyond the page view's own keys (Page Up/Down at the ends of a page), so that it
    // works wherever the focus is.
    m_nextPageAction = new QAction(themeIcon("go-next", QStyle::SP_ArrowForward), tr("&Next Page"), this);
    m_nextPageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    connect(m_nextPageAction, &QAction::triggered, this, [this] { stepPage(+1); });
    m_previousPageAction = new QAction(themeIcon("go-previous", QStyle::SP_ArrowBack), tr("P&revious Page"), this);
    m_previousPageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    connect(m_previousPageAction, &QAction::triggered, this, [this] { stepPage(-1); });

    m_fullScreenAction = new QAction(themeIcon("view-fullscreen", QStyle::SP_TitleBarMaxButton), tr("&Full Screen"), this);
    m_fullScreenAction->setCheckable(true);
    m_fullScreenAction->setShortcut(QKeySequence::FullScreen);
    connect(m_fullScreenAction, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen) : (windowState() & ~Qt::WindowFullScreen));
    });

    // The Ask dock's main actions, reachable from the keyboard wherever the focus is.
    m_askAction = new QAction(tr("&Ask a Question"), this);
    m_askAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_askAction->setStatusTip(tr("Show the Ask panel and put the cursor in the question field"));
    connect(m_askAction, &QAction::triggered, this, [this] {
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("chatDock"))) {
            dock->show();
            dock->raise();
        }
        if (auto *question = m_chatPanel->findChild<QPlainTextEdit *>(QStringLiteral("questionEdit")))
            question->setFocus(Qt::ShortcutFocusReason);
    });
    m_stopAnswerAction = new QAction(themeIcon("process-stop", QStyle::SP_BrowserStop), tr("&Stop Answer"), this);
    m_stopAnswerAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    connect(m_stopAnswerAction, &QAction::triggered, m_chatPanel, &ChatPanel::stop);
    m_newConversationAction = new QAction(tr("&New Conversation"), this);
    m_newConversationAction->setShortcut(QKeySequence::New);
    connect(m_newConversationAction, &QAction::triggered, m_chatPanel, &ChatPanel::newConversation);

    m_shortcutsAction = new QAction(themeIcon("help-keyboard-shortcuts", QStyle::SP_DialogHelpButton), tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setShortcut(QKeySequence::HelpContents);
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);

    m_sampleAction = new QAction(tr("Open &Sample Report"), this);
    m_sampleAction->setStatusTip(tr("Open the report that comes with Leopard Desk, to try it out"));
    m_sampleAction->setVisible(!sampleDocumentsDirectory().isEmpty());
    connect(m_sampleAction, &QAction::triggered, this, [this] {
        openFiles({sampleDocumentsDirectory() + QStringLiteral("/sample-report.pdf")});
    });

    // Names for tests and for the shortcuts dialog's stable order.
    const std::pair<QAction *, const char *> named[] = {
        {m_openAction, "openAction"}, {m_closeAction, "closeAction"}, {m_quitAction, "quitAction"},
        {m_zoomInAction, "zoomInAction"}, {m_zoomOutAction, "zoomOutAction"}, {m_actualSizeAction, "actualSizeAction"},
        {m_fitWidthAction, "fitWidthAction"}, {m_fitPageAction, "fitPageAction"}, {m_overlayAction, "overlayAction"},
        {m_checkPageAction, "checkPageAction"}, {m_checkAllAction, "checkAllAction"}, {m_uncheckAllAction, "uncheckAllAction"},
        {m_settingsAction, "settingsAction"}, {m_aboutAction, "aboutAction"}, {m_nextPageAction, "nextPageAction"},
        {m_previousPageAction, "previousPageAction"}, {m_fullScreenAction, "fullScreenAction"}, {m_askAction, "askAction"},
        {m_stopAnswerAction, "stopAnswerAction"}, {m_newConversationAction, "newConversationAction"},
        {m_shortcutsAction, "shortcutsAction"}, {m_sampleAction, "sampleAction"}};
    for (const auto &[action, name] : named)
        action->setObjectName(QLatin1String(name));
}

void MainWindow::createMenus()
{
    QMenu *file = m_fileMenu = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(themeIcon("document-open-recent", QStyle::SP_DirOpenIcon), tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_recentMenu->setToolTipsVisible(true); // the full path of each entry
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::refreshRecentMenu);
    file->addSeparator();
    file->addAction(m_closeAction);
    file->addSeparator(); // export actions go here (insert before the quit action)
    file->addAction(m_quitAction);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addAction(m_actualSizeAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_fitWidthAction);
    m_viewMenu->addAction(m_fitPageAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_overlayAction);
    m_viewMenu->addAction(m_fullScreenAction);
    m_viewMenu->addSeparator(); // dock toggles follow (createDocks)

    QMenu *pages = m_pagesMenu = menuBar()->addMenu(tr("&Pages"));
    pages->addAction(m_nextPageAction);
    pages->addAction(m_previousPageAction);
    pages->addSeparator();
    pages->addAction(m_checkPageAction);
    pages->addAction(m_checkAllAction);
    pages->addAction(m_uncheckAllAction);

    QMenu *ask = menuBar()->addMenu(tr("&Ask"));
    ask->addAction(m_askAction);
    ask->addAction(m_stopAnswerAction);
    ask->addAction(m_newConversationAction);

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(m_settingsAction);

    QMenu *help = m_helpMenu = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addAction(m_sampleAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setAccessibleName(tr("Main toolbar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openAction);
    bar->addSeparator();
    bar->addAction(m_zoomOutAction);
    bar->addAction(m_zoomInAction);
    bar->addAction(m_fitWidthAction);
    bar->addAction(m_fitPageAction);
    bar->addSeparator();
    bar->addAction(m_overlayAction);
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

void MainWindow::connectLoader()
{
    connect(m_loader, &viewer::DocumentLoader::progress, this, [this](const QString &, const QString &stage) {
        m_openingStage = stage;
        updateBusy();
    });
    connect(m_loader, &viewer::DocumentLoader::opened, this, [this](const QString &path, const viewer::DocumentPtr &document) {
        m_opening.remove(path);
        m_openingStage.clear();
        updateBusy();
        if (!document)
            return;
        if (m_model->findDocument(document->sourcePath())) { // opened twice meanwhile
            showPage({m_model->findDocument(document->sourcePath()), 0});
            return;
        }
        m_model->insertDocument(stripPositionFor(path), document);
        RecentFiles::add(path);
        refreshRecentMenu();
        if (!currentPage().document)
            showPage({document, 0});
        statusBar()->showMessage(tr("Opened “%1” (%n page(s))", nullptr, document->pageCount()).arg(document->displayName()), 5000);
        updateActions();
        emit documentOpened(document);
    });
    connect(m_loader, &viewer::DocumentLoader::passwordRequired, this, &MainWindow::askPassword);
    connect(m_loader, &viewer::DocumentLoader::failed, this, [this](const QString &path, const QString &message) {
        m_opening.remove(path);
        m_openingStage.clear();
        updateBusy();
        QString text = message;
        if (!text.contains(fileName(path)))
            text = tr("Cannot open “%1”: %2").arg(fileName(path), message);
        showMessage(QMessageBox::Warning, tr("Cannot Open File"), text);
        emit openFailed(path, text);
    });
}

int MainWindow::stripPositionFor(const QString &path) const
{
    // The strip is kept in request order, so the new document goes after every one asked for earlier.
    const quint64 order = m_requestOrder.value(path, m_nextRequest);
    int position = 0;
    for (const viewer::DocumentPtr &open : m_model->documents()) {
        if (m_requestOrder.value(open->sourcePath(), 0) > order)
            break;
        ++position;
    }
    return position;
}

// ---------------------------------------------------------------------------------------------
// Opening and closing

void MainWindow::openFiles(const QStringList &paths)
{
    QStringList unsupported, missing;
    for (const QString &p : paths) {
        const QFileInfo info(p);
        const QString path = info.absoluteFilePath();
        if (const viewer::DocumentPtr open = m_model->findDocument(path)) {
            showPage({open, 0});
            statusBar()->showMessage(tr("“%1” is already open").arg(open->displayName()), 4000);
            continue;
        }
        if (!info.exists()) {
            missing << info.fileName();
            continue;
        }
        if (!info.isFile()) { // a folder
            unsupported << info.fileName();
            continue;
        }
        if (!viewer::isSupportedFile(path)) {
            unsupported << info.fileName();
            continue;
        }
        if (m_opening.contains(path))
            continue;
        m_opening.insert(path);
        m_requestOrder.insert(path, m_nextRequest++);
        m_openingStage = tr("Opening “%1”…").arg(info.fileName());
        m_loader->open(path);
    }
    updateBusy();
    if (!missing.isEmpty())
        showMessage(QMessageBox::Warning, tr("File Not Found"),
                    tr("Cannot open %1: the file does not exist.").arg(QLocale().createSeparatedList(
                        [&] { QStringList q; for (const QString &m : missing) q << tr("“%1”").arg(m); return q; }())));
    if (!unsupported.isEmpty()) {
        QStringList quoted;
        for (const QString &u : unsupported)
            quoted << tr("“%1”").arg(u);
        showMessage(QMessageBox::Information, tr("Unsupported File"),
                    tr("Leopard Desk cannot open %1. It opens PDF reports, slide decks and page images (%2).")
                        .arg(QLocale().createSeparatedList(quoted), viewer::supportedSuffixes().join(QStringLiteral(", "))));
    }
}

void MainWindow::openFileDialog()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("paths/lastOpenDir")).toString();
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Documents"), dir, viewer::fileDialogFilter());
    if (files.isEmpty())
        return;
    settings.setValue(QStringLiteral("paths/lastOpenDir"), QFileInfo(files.first()).absolutePath());
    openFiles(files);
}

void MainWindow::askPassword(const QString &path, bool wrongPassword)
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("passwordDialog"));
    dialog->setWindowTitle(tr("Password Required"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setTextEchoMode(QLineEdit::Password);
    dialog->setLabelText(wrongPassword ? tr("The password for “%1” was wrong. Try again:").arg(fileName(path))
                                       : tr("“%1” is protected. Password:").arg(fileName(path)));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, path](const QString &password) {
        m_loader->open(path, password);
    });
    connect(dialog, &QDialog::rejected, this, [this, path] {
        m_opening.remove(path);
        updateBusy();
        statusBar()->showMessage(tr("“%1” was not opened").arg(fileName(path)), 5000);
    });
    dialog->open();
}

void MainWindow::closeDocument(const viewer::DocumentPtr &document)
{
    if (!document)
        return;
    PageRef next = currentPage();
    if (next.document == document) {
        next = {};
        for (const viewer::DocumentPtr &d : m_model->documents())
            if (d != document && d->pageCount() > 0) {
                next = {d, 0};
                break;
            }
        m_view->setPage(next); // let go of the document before it is removed
    }
    m_model->removeDocument(document.get());
    m_renderer->forget(document.get());
    if (next.document)
        showPage(next);
    else
        m_view->clear();
    statusBar()->showMessage(tr("Closed “%1”").arg(document->displayName()), 4000);
    updateStatus();
    updateActions();
}

void MainWindow::closeCurrentDocument()
{
    closeDocument(currentPage().document);
}

void MainWindow::refreshRecentMenu()
{
    const QStringList removed = RecentFiles::removeMissing();
    if (!removed.isEmpty()) {
        QStringList names;
        for (const QString &r : removed)
            names << tr("“%1”").arg(fileName(r));
        const QString text = tr("Removed from Open Recent because they no longer exist: %1", nullptr, int(names.size())).arg(QLocale().createSeparatedList(names));
        m_lastMessage = text;
        statusBar()->showMessage(text, 8000);
        emit messageShown(text);
    }
    m_recentMenu->clear();
    const QStringList files = RecentFiles::list();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction *a = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1 < 10 ? QString::number(i + 1) : QStringLiteral("1&0"), fileName(path)));
        a->setToolTip(path);
        a->setStatusTip(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (!QFileInfo::exists(path)) {
                RecentFiles::remove(path);
                refreshRecentMenu();
                showMessage(QMessageBox::Warning, tr("File Not Found"),
                            tr("“%1” no longer exists and was removed from Open Recent.").arg(path));
                return;
            }
            openFiles({path});
        });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent documents"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear List"), this, [this] {
            RecentFiles::clear();
            refreshRecentMenu();
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Drag and drop

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls()) {
        for (const QUrl &url : event->mimeData()->urls())
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
    }
    event->ignore();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList files, remote;
    for (const QUrl &url : event->mimeData()->urls())
        (url.isLocalFile() ? files : remote) << (url.isLocalFile() ? url.toLocalFile() : url.toDisplayString());
    if (!remote.isEmpty())
        showMessage(QMessageBox::Information, tr("Unsupported File"),
                    tr("Only local files can be opened; not %1.").arg(QLocale().createSeparatedList(remote)));
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    openFiles(files);
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

void MainWindow::updateActions()
{
    const bool hasPage = currentPage().document != nullptr;
    const bool hasDocs = !m_model->documents().isEmpty();
    m_closeAction->setEnabled(hasPage);
    for (QAction *a : {m_zoomInAction, m_zoomOutAction, m_actualSizeAction, m_fitWidthAction, m_fitPageAction, m_checkPageAction})
        a->setEnabled(hasPage);
    m_checkAllAction->setEnabled(hasDocs);
    m_nextPageAction->setEnabled(hasPage);
    m_previousPageAction->setEnabled(hasPage);
    m_uncheckAllAction->setEnabled(m_model->checkedCount() > 0);
    if (hasPage) {
        const PageRef page = currentPage();
        m_checkPageAction->setChecked(m_model->isChecked(page.document.get(), page.page));
    }
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

// Sets again, in the language now installed, every text the window set when it was built; the
// strings are the ones createActions(), createMenus(), createToolBar() and createDocks() use (lupdate
// lists each once). The panels retranslate themselves in their own changeEvent().
void MainWindow::retranslateUi()
{
    m_openAction->setText(tr("&Open…"));
    m_openAction->setStatusTip(tr("Open reports (PDF), slide decks or page images"));
    m_closeAction->setText(tr("&Close Document"));
    m_closeAction->setStatusTip(tr("Close the document of the page shown"));
    m_quitAction->setText(tr("&Quit"));
    m_zoomInAction->setText(tr("Zoom &In"));
    m_zoomOutAction->setText(tr("Zoom &Out"));
    m_actualSizeAction->setText(tr("&Actual Size"));
    m_fitWidthAction->setText(tr("Fit &Width"));
    m_fitPageAction->setText(tr("Fit &Page"));
    m_overlayAction->setText(tr("Show &Crop Overlay"));
    m_overlayAction->setStatusTip(tr("Draw the 364 × 364 crops the model will receive over checked pages"));
    m_checkPageAction->setText(tr("&Check Page Shown"));
    m_checkAllAction->setText(tr("Check &All Pages"));
    m_uncheckAllAction->setText(tr("&Uncheck All Pages"));
    m_settingsAction->setText(tr("&Preferences…"));
    m_aboutAction->setText(tr("&About Leopard Desk"));
    m_nextPageAction->setText(tr("&Next Page"));
    m_previousPageAction->setText(tr("P&revious Page"));
    m_fullScreenAction->setText(tr("&Full Screen"));
    m_askAction->setText(tr("&Ask a Question"));
    m_askAction->setStatusTip(tr("Show the Ask panel and put the cursor in the question field"));
    m_stopAnswerAction->setText(tr("&Stop Answer"));
    m_newConversationAction->setText(tr("&New Conversation"));
    m_shortcutsAction->setText(tr("&Keyboard Shortcuts"));
    m_sampleAction->setText(tr("Open &Sample Report"));
    m_sampleAction->setStatusTip(tr("Open the report that comes with Leopard Desk, to try it out"));
    if (QMenu *ask = qobject_cast<QMenu *>(m_askAction->associatedObjects().value(0)))
        ask->setTitle(tr("&Ask"));
    m_pageLabel->setAccessibleName(tr("Page shown"));
    m_zoomLabel->setAccessibleName(tr("Zoom"));
    m_busyLabel->setAccessibleName(tr("Opening status"));

    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    m_pagesMenu->setTitle(tr("&Pages"));
    for (QObject *o : m_settingsAction->associatedObjects())
        if (auto *menu = qobject_cast<QMenu *>(o); menu && menu->parent() == menuBar())
            menu->setTitle(tr("&Settings"));
    m_helpMenu->setTitle(tr("&Help"));

    if (auto *bar = findChild<QToolBar *>(QStringLiteral("mainToolBar"))) {
        bar->setWindowTitle(tr("Main"));
        bar->setAccessibleName(tr("Main toolbar"));
    }
    const std::pair<const char *, QString> docks[] = {
        {"pagesDock", tr("Pages")}, {"planDock", tr("Crop Plan")}, {"chatDock", tr("Ask")}, {"historyDock", tr("History")}};
    for (const auto &[name, title] : docks)
        if (auto *dock = findChild<QDockWidget *>(QLatin1String(name)))
            dock->setWindowTitle(title); // its toggle action in the View menu follows

    // Toolbar buttons show the action's text without its mnemonic; Qt drops "&" but not the
    // parenthesised mnemonics Chinese and Japanese use ("開く(&O)…" would show as "開く(O)…").
    static const QRegularExpression cjkMnemonic(QStringLiteral("\\(&[^)]\\)"));
    for (QAction *a : {m_openAction, m_zoomInAction, m_zoomOutAction, m_fitWidthAction, m_fitPageAction, m_overlayAction})
        a->setIconText(QString(a->text()).remove(cjkMnemonic).remove(QLatin1Char('&')));

    m_busyBar->setAccessibleName(tr("Opening documents"));
    m_cancelOpenButton->setText(tr("Cancel"));
    m_cancelOpenButton->setAccessibleName(tr("Cancel opening"));
    m_cancelOpenButton->setToolTip(tr("Stop opening the documents still loading (e.g. a slow slide deck conversion)"));
    refreshRecentMenu();
    updateStatus();
    updateBusy();
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
