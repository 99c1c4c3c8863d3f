#pragma once
// Opening a saved conversation from the History dock when its documents are not all open: the
// documents are opened again from the paths saved with it (a file no longer there: the user is asked
// where it is now, or its pages are left out), and once they are open and their content hashed the
// conversation is shown. A document whose content differs from the saved hash (changed since, or
// another file picked) is said so: its answers are about the earlier version and the next question
// starts afresh about the pages still found (ConversationCore decides that; this says why).
#include "ui/conversation/saved_conversation.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>

namespace leopard::ui {

class ChatPanel;
class MainWindow;

class ConversationReopener : public QObject
{
    Q_OBJECT
public:
    explicit ConversationReopener(MainWindow *window, ChatPanel *chat);

    // Where a document that is no longer at its saved path is now ("" = leave it out). Default: a
    // question, then a file dialog. Tests put an answer in.
    using Locate = std::function<QString(const SessionDocument &missing)>;
    void setLocate(Locate locate) { m_locate = std::move(locate); }

    // Starts reopening conversation `id`; false with the reason in *error when it cannot (damaged
    // file, an answer running, another reopen under way). finished() follows, possibly at once.
    bool reopen(const QString &id, QString *error = nullptr);
    bool isBusy() const { return !m_id.isEmpty(); }

signals:
    // The conversation is shown (or could not be: ok false); notes: what the user should know
    // (changed or missing documents), each naming the file.
    void finished(const QString &id, bool ok, const QStringList &notes);

private:
    void check();   // done once every requested file is open (and hashed) or failed
    void finish();

    MainWindow *m_window;
    ChatPanel *m_chat;
    Locate m_locate;
    QString m_id;
    SavedConversation m_conversation;
    QHash<QString, SessionDocument> m_expected; // absolute path opened -> the saved document it stands for
    QSet<QString> m_failed;
    QStringList m_notes;
};

} // namespace leopard::ui
