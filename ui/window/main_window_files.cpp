// The main window opening documents (the loader on its worker thread, passwords, request order),
// closing them, the recent files menu, and files dropped on the window.
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
QString fileName(const QString &path)
{
    return QFileInfo(path).fileName();
}
} // namespace

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

} // namespace leopard::ui
