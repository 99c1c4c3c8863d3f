#pragma once
// The sessions' writer thread: one serial queue of saves, so the thread that records an answer
// (the GUI's) never waits on the disk. Each save is a snapshot of a conversation; a newer snapshot
// of the same conversation replaces one still queued (only the newest matters, and a slow disk then
// cannot build up a backlog). Writes go through SessionStore::save (QSaveFile: temporary file,
// fsync, rename), so a kill -9 at any moment leaves the previous file or the new one.
//
// remove()/quarantine() are serialised with the saves (a queued save of a deleted conversation is
// dropped, and so is one taken off the queue but not yet written; one being written finishes
// first), so a delete is never undone by a late save.
// Destroying the writer writes what is still queued, then stops the thread.
//
// Test hook: LEOPARD_SESSION_WRITE_DELAY_MS (or setWriteDelayMs) sleeps that long before every
// write, to show that a slow disk stalls nothing but the writer.
#include "ui/conversation/saved_conversation.h"
#include "ui/conversation/session_store.h"

#include <QObject>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace leopard::ui {

class SessionWriter : public QObject
{
    Q_OBJECT
public:
    explicit SessionWriter(const QString &directory, QObject *parent = nullptr);
    ~SessionWriter() override;

    QString directory() const { return m_directory; }
    void save(const SavedConversation &snapshot); // returns at once
    bool remove(const QString &id, QString *error = nullptr);
    bool quarantine(const QString &id, QString *error = nullptr);
    // Until the queue is empty and nothing is being written; false on timeout (ms; -1: no limit).
    bool waitForIdle(int timeoutMs = -1);
    int writes() const;         // saves done since the start (failed ones included)
    int pending() const;        // snapshots queued or being written
    void setWriteDelayMs(int ms);

signals:
    // Emitted on the writer's thread; receivers on other threads get it queued.
    void saveFailed(const QString &id, const QString &message);
    void written(const QString &id, double seconds);

private:
    void run();
    void dropSaves(const QString &id); // from the queue, and the one taken off it if not yet written

    const QString m_directory;
    SessionStore m_store;             // used under m_storeMutex only
    mutable std::mutex m_mutex;       // the queue and the counters
    std::mutex m_storeMutex;
    std::condition_variable m_wake, m_idle;
    std::deque<SavedConversation> m_queue;
    QString m_inFlight;
    bool m_inFlightCancelled = false; // m_inFlight was removed before it was written
    bool m_stop = false;
    int m_writes = 0;
    int m_delayMs = 0;
    std::thread m_thread;
};

} // namespace leopard::ui
