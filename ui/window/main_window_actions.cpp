// The main window's actions, menus and tool bar, their texts in the installed language
// (retranslateUi) and which of them apply now (updateActions).
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
} // namespace

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

} // namespace leopard::ui
