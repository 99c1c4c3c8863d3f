#pragma once
// Saves an answer while it streams: the turn at once (marked interrupted, so a crash during the
// prefill still leaves the question), then at most once per interval while text arrives, then once
// more at the end (complete, or left interrupted). A crash or kill -9 loses at most the last
// interval of the answer. Where the saves go is the caller's: the conversation core hands each
// snapshot to its SessionWriter (another thread: the GUI never waits on the disk); tests and the
// sessions test's writer child save straight through a SessionStore.
// Not thread-safe: call from the thread that receives the answer.
#include "ui/conversation/saved_conversation.h"

#include <QElapsedTimer>

#include <functional>

namespace leopard::ui {

class AnswerRecorder
{
public:
    // Writes the conversation as it is now; false (reason in *error) when it could not.
    using Save = std::function<bool(SavedConversation &conversation, QString *error)>;

    AnswerRecorder(Save save, SavedConversation *conversation, int intervalMs = 1000);
    bool begin(const SessionTurn &turn);  // appends the turn (interrupted) and saves it at once
    bool append(const QString &piece);    // adds text; saves when the interval has passed
    bool flush();                         // saves now if there is unsaved text
    bool finish();                        // marks complete, saves
    bool interrupt();                     // leaves it interrupted, saves what there is
    QString lastError() const { return m_error; }
    int saves() const { return m_saves; }

private:
    bool saveNow(TurnState state);
    Save m_save;
    SavedConversation *m_conversation;
    int m_intervalMs;
    QElapsedTimer m_sinceSave;
    bool m_dirty = false;
    int m_saves = 0;
    QString m_error;
};

} // namespace leopard::ui
