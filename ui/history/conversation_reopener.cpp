#include "ui/history/conversation_reopener.h"

#include "ui/chat/chat_panel.h"
#include "ui/conversation/document_pages.h"
#include "ui/pages/page_strip_model.h"
#include "ui/window/main_window.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace leopard::ui {

namespace {
QString fileName(const QString &path) { return QFileInfo(path).fileName(); }
QString absolute(const QString &path) { return QFileInfo(path).absoluteFilePath(); }
} // namespace

ConversationReopener::ConversationReopener(MainWindow *window, ChatPanel *chat)
    : QObject(window), m_window(window), m_chat(chat)
{
    m_locate = [this](const SessionDocument &missing) {
        QMessageBox box(QMessageBox::Question, tr("Document Not Found"),
                        tr("“%1” is no longer at %2. Where is it now?").arg(fileName(missing.path), missing.path),
                        QMessageBox::NoButton, m_window);
        QAbstractButton *locate = box.addButton(tr("Locate…"), QMessageBox::AcceptRole);
        box.addButton(tr("Leave It Out"), QMessageBox::RejectRole);
        box.exec();
        if (box.clickedButton() != locate)
            return QString();
        return QFileDialog::getOpenFileName(m_window, tr("Where is “%1”?").arg(fileName(missing.path)),
                                            QFileInfo(missing.path).absolutePath());
    };
    // Queued: the window's own handlers (strip, chat documents) run first.
    connect(m_window, &MainWindow::openFailed, this, [this](const QString &path, const QString &message) {
        if (!isBusy() || !m_expected.contains(absolute(path)))
            return;
        m_failed.insert(absolute(path));
        m_notes << message;
        check();
    }, Qt::QueuedConnection);
    connect(m_chat, &ChatPanel::documentsIdentifiedChanged, this, &ConversationReopener::check, Qt::QueuedConnection);
}

bool ConversationReopener::reopen(const QString &id, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (isBusy())
        return fail(tr("Another conversation is being opened."));
    if (m_chat->isAnswering())
        return fail(tr("Wait for the answer to finish (or stop it) before opening another conversation."));
    const LoadResult r = m_chat->sessionStore()->load(id);
    if (!r.ok())
        return fail(r.error);
    m_id = id;
    m_conversation = r.conversation;
    m_expected.clear();
    m_failed.clear();
    m_notes.clear();
    // Documents open with the saved content (at any path) need nothing.
    QSet<QString> openHashes;
    for (const SessionDocument &d : m_chat->documentPages()->identifiedDocuments())
        openHashes.insert(d.sha256);
    QStringList paths;
    for (const SessionDocument &d : m_conversation.documents) {
        if (openHashes.contains(d.sha256))
            continue;
        QString path = d.path;
        if (!QFileInfo::exists(path)) {
            path = m_locate ? m_locate(d) : QString();
            if (path.isEmpty()) {
                m_notes << tr("“%1” is no longer at %2: its pages are left out.").arg(fileName(d.path), d.path);
                continue;
            }
        }
        m_expected.insert(absolute(path), d);
        paths << path;
    }
    if (!paths.isEmpty())
        m_window->openFiles(paths);
    check();
    return true;
}

void ConversationReopener::check()
{
    if (!isBusy() || m_window->pendingOpens() > 0 || !m_chat->documentsIdentified())
        return;
    QSet<QString> identified;
    for (const SessionDocument &d : m_chat->documentPages()->identifiedDocuments())
        identified.insert(absolute(d.path));
    for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it)
        if (!m_failed.contains(it.key()) && !identified.contains(it.key()))
            return; // opened but not yet hashed (or not yet handed to the chat)
    finish();
}

void ConversationReopener::finish()
{
    const QString id = m_id;
    QString error;
    const bool ok = m_chat->openConversation(id, &error);
    if (!ok)
        m_notes << error;
    for (const SessionDocument &d : m_chat->documentPages()->identifiedDocuments()) {
        const auto it = m_expected.constFind(absolute(d.path));
        if (it == m_expected.cend() || it->sha256 == d.sha256)
            continue;
        m_notes << (absolute(d.path) == absolute(it->path)
                        ? tr("“%1” has changed since this conversation was saved: its answers are about the earlier "
                             "version, and the next question starts afresh about the pages still found.").arg(fileName(d.path))
                        : tr("“%1” is not the document this conversation was about (“%2”, its content differs): the "
                             "next question starts afresh about the pages still found.").arg(d.path, fileName(it->path)));
    }
    m_id.clear();
    m_expected.clear();
    emit finished(id, ok, m_notes);
}

} // namespace leopard::ui
