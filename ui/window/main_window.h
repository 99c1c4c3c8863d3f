#pragma once
// The Leopard Desk main window: open documents (menu, command line, drag and drop), the page strip
// (left), the page with its crop overlay (centre), and the crop plan for the checked pages (right).

#include "ui/pages/page_ref.h"
#include "ui/pages/selection_plan.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QHash>
#include <QSet>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;

namespace leopard::viewer { class DocumentLoader; class PageRenderer; }

namespace leopard::ui {

class PageStripModel;
class PageStripView;
class PageView;
class PlanPanel;
class ChatPanel;
class HistoryPanel;
class ConversationReopener;
class ModelHost;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens files through the DocumentLoader (worker thread). Unsupported or missing files get a
    // message naming them; a file already open is shown instead of opened twice.
    void openFiles(const QStringList &paths);
    int pendingOpens() const { return m_opening.size(); }

    // `--model DIR` from the command line (empty: $LEOPARD_MODEL_DIR, Settings, the demo model);
    // starts loading the model on its thread.
    void setModelDirectory(const QString &dir);
    QString modelDirectory() const { return m_modelDirectory; }

    double analysisDpi() const { return m_analysisDpi; }
    void setAnalysisDpi(double dpi);

    // What the window shows, for tests and for later panels (chat, export).
    PageStripModel *pageStripModel() const { return m_model; }
    PageStripView *pageStripView() const { return m_strip; }
    PageView *pageView() const { return m_view; }
    PlanPanel *planPanel() const { return m_planPanel; }
    ChatPanel *chatPanel() const { return m_chatPanel; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    ConversationReopener *conversationReopener() const { return m_reopener; }
    ModelHost *modelHost() const { return m_modelHost; }
    viewer::PageRenderer *pageRenderer() const { return m_renderer; }
    leopard::CropPlan currentPlan() const { return m_plan.plan; }
    const SelectionPlan &selectionPlan() const { return m_plan; }
    PageRef currentPage() const;
    QString lastMessage() const { return m_lastMessage; }

    // The menus, so that features living in their own files (compare view, export, help) add their
    // actions without editing createMenus(). The Edit menu starts empty.
    QMenu *fileMenu() const { return m_fileMenu; }
    QMenu *editMenu() const { return m_editMenu; }
    QMenu *viewMenu() const { return m_viewMenu; }
    QMenu *pagesMenu() const { return m_pagesMenu; }
    QMenu *helpMenu() const { return m_helpMenu; }
    QAction *quitAction() const { return m_quitAction; }

    // Message boxes are window-modal and never block; tests may turn them off (the status bar
    // and messageShown() still carry every message).
    void setMessageBoxesEnabled(bool enabled) { m_messageBoxes = enabled; }
    bool messageBoxesEnabled() const { return m_messageBoxes; }

public slots:
    void showPage(const leopard::ui::PageRef &page);
    void closeDocument(const leopard::viewer::DocumentPtr &document);
    void closeCurrentDocument();
    void openFileDialog();
    void refreshRecentMenu();
    void showSettings();
    void showAbout();
    void showShortcuts();
    // Brings the window to the front (a second launch handed it files).
    void raiseWindow();

signals:
    void documentOpened(const leopard::viewer::DocumentPtr &document);
    void openFailed(const QString &path, const QString &message);
    void messageShown(const QString &text);
    void planChanged();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override; // LanguageChange: retranslateUi()

private:
    void retranslateUi();
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createStatusBar();
    void connectLoader();
    void recomputePlan();
    void updateCurrentPagePlan();
    void updateStatus();
    void updateBusy();
    void updateActions();
    void stepPage(int delta);
    void askPassword(const QString &path, bool wrongPassword);
    void showMessage(QMessageBox::Icon icon, const QString &title, const QString &text);

    viewer::PageRenderer *m_renderer;
    viewer::DocumentLoader *m_loader;
    PageStripModel *m_model;
    PageStripView *m_strip;
    PageView *m_view;
    PlanPanel *m_planPanel;
    ModelHost *m_modelHost;
    ChatPanel *m_chatPanel;
    HistoryPanel *m_historyPanel = nullptr;
    ConversationReopener *m_reopener = nullptr;
    void syncChatDocuments(); // the open documents to the chat's sessions, once no open is pending

    SelectionPlan m_plan;
    double m_analysisDpi;
    QString m_modelDirectory;
    QSet<QString> m_opening;          // absolute paths being opened
    // When each path was asked for: documents join the strip in the order the user gave them
    // (command line, drop, dialog), not in the order their opens happen to finish.
    QHash<QString, quint64> m_requestOrder;
    quint64 m_nextRequest = 0;
    int stripPositionFor(const QString &path) const;
    QString m_openingStage;
    QString m_lastMessage;
    bool m_messageBoxes = true;

    QMenu *m_recentMenu = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_actualSizeAction = nullptr;
    QAction *m_fitWidthAction = nullptr;
    QAction *m_fitPageAction = nullptr;
    QActionGroup *m_fitGroup = nullptr;
    QAction *m_overlayAction = nullptr;
    QAction *m_checkPageAction = nullptr;
    QAction *m_checkAllAction = nullptr;
    QAction *m_uncheckAllAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_nextPageAction = nullptr;
    QAction *m_previousPageAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_askAction = nullptr;
    QAction *m_stopAnswerAction = nullptr;
    QAction *m_newConversationAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_sampleAction = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_pagesMenu = nullptr;
    QMenu *m_helpMenu = nullptr;

    QLabel *m_pageLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QLabel *m_busyLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QToolButton *m_cancelOpenButton = nullptr;
};

} // namespace leopard::ui
