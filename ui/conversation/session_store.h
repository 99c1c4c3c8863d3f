#pragma once
// Saved chat sessions: one JSON file per conversation under
// QStandardPaths::AppDataLocation + "/sessions" (e.g. ~/.local/share/LeopardDesk/leopard-desk/sessions).
// Qt Core only; no widgets, no model.
//
// Which conversations belong to which documents: the *document set key* is the SHA-256 of the
// sorted SHA-256s of the documents' bytes (documentSetKey). Content, not paths, because analysts
// move, rename and re-download reports: the same bytes get their history back wherever they live,
// and a changed file (a new revision of the report) does not inherit answers about pages that are
// no longer what they were. Sorted, so the order the files were opened in does not matter. The
// paths are kept in the file for display. Hashing reads each file once (~1 s per GB): call
// hashDocument() off the GUI thread, e.g. next to the document open.
//
// How it is used (the conversation core, ui/conversation/conversation_core.h, does this):
//   SessionStore store;                                   // default directory
//   docs = {{path, SessionStore::hashDocument(path)}, ...} // worker thread
//   QList<SessionSummary> past = store.list(SessionStore::documentSetKey(docs));  // history pane
//   SavedConversation c = past.isEmpty() ? store.create(docs) : store.load(past.first().id).conversation;
//   // asking: an AnswerRecorder (answer_recorder.h) saves the turn at once (state interrupted),
//   // then at most once a second while tokens stream, then once more, complete, at the end,
//   // through a SessionWriter (session_writer.h: its own thread, so the GUI never waits on the disk).
//   store.remove(id)                  // delete from the history pane
// On reopen, a turn whose state is Interrupted was cut short (crash, kill, cancel): show it so.
//
// Writes go through QSaveFile (temporary file, fsync, rename), so a crash or kill -9 at any moment
// leaves either the previous file or the new one, never a mix. A file that does not parse is
// reported (LoadResult::error names it) and never overwritten silently: save() refuses until the
// caller sets it aside with quarantine() (renamed to *.damaged-<time>, kept for the user).
// A full disk makes save() return false with the reason; the previous file stays as it was.
#include "ui/conversation/saved_conversation.h"

#include <QSet>

namespace leopard::ui {

struct SessionSummary {
    QString id;
    QString setKey;
    QString title;          // the first question (empty for a conversation with no turns)
    QStringList documents;  // paths
    QList<SessionDocument> documentSet; // paths with their content hashes (reopening checks them)
    QString text;           // every question and answer, for the history's filter
    QDateTime updated;
    int turns = 0;
    bool interrupted = false; // the last turn was cut short
    QString error;          // set when the file is damaged (then only id is meaningful)
};

struct LoadResult {
    SavedConversation conversation;
    QString error; // empty on success; otherwise names the file and what is wrong
    bool newer = false; // the file is from a newer version (not damaged: never to be set aside)
    bool ok() const { return error.isEmpty(); }
};

class SessionStore
{
public:
    static QString defaultDirectory(); // AppDataLocation + "/sessions"
    // The desktop app's sessions folder whichever program asks (leopard-cli shares the app's
    // conversations): GenericDataLocation (XDG_DATA_HOME) + "/LeopardDesk/Leopard Desk/sessions".
    static QString deskDirectory();
    explicit SessionStore(QString directory = defaultDirectory());

    QString directory() const { return m_dir; }
    QString filePath(const QString &id) const;

    static QString hashDocument(const QString &path, QString *error = nullptr); // hex SHA-256; empty on error
    static QString documentSetKey(const QList<SessionDocument> &documents);

    // A new, empty conversation for these documents (not written until the first save).
    SavedConversation create(const QList<SessionDocument> &documents) const;
    LoadResult load(const QString &id) const;
    // Writes `c` atomically, setting c.updated to now (unless !stamp: the writer thread saves
    // snapshots stamped when they were taken). False (reason in *error) on I/O failure or when
    // the file on disk is damaged and was not written over.
    bool save(SavedConversation &c, QString *error = nullptr, bool stamp = true);
    bool remove(const QString &id, QString *error = nullptr);
    // Renames a damaged file aside (to <id>.json.damaged-<UTC time>) so a fresh save can happen.
    bool quarantine(const QString &id, QString *error = nullptr);
    // Newest first; all conversations, or only those of one document set. Damaged files are
    // listed with `error` set so the history pane can say so.
    QList<SessionSummary> list(const QString &setKey = QString()) const;

private:
    QString m_dir;
    QSet<QString> m_checked; // ids whose file on disk was verified (or written) by this store
};

} // namespace leopard::ui
