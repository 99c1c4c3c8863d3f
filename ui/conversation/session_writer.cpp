#include "ui/conversation/session_writer.h"

#include <QElapsedTimer>

#include <chrono>

namespace leopard::ui {

SessionWriter::SessionWriter(const QString &directory, QObject *parent)
    : QObject(parent), m_directory(directory), m_store(directory)
{
    bool ok = false;
    const int delay = qEnvironmentVariableIntValue("LEOPARD_SESSION_WRITE_DELAY_MS", &ok);
    if (ok && delay > 0)
        m_delayMs = delay;
    m_thread = std::thread([this] { run(); });
}

SessionWriter::~SessionWriter()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join(); // run() writes what is queued before it returns
}

void SessionWriter::setWriteDelayMs(int ms)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_delayMs = ms;
}

void SessionWriter::save(const SavedConversation &snapshot)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        bool replaced = false;
        for (SavedConversation &queued : m_queue)
            if (queued.id == snapshot.id) {
                queued = snapshot;
                replaced = true;
                break;
            }
        if (!replaced)
            m_queue.push_back(snapshot);
    }
    m_wake.notify_one();
}

void SessionWriter::run()
{
    for (;;) {
        SavedConversation next;
        int delay = 0;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
            if (m_queue.empty()) // stopping, nothing left
                return;
            next = std::move(m_queue.front());
            m_queue.pop_front();
            m_inFlight = next.id;
            delay = m_delayMs;
        }
        if (delay > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        QElapsedTimer timer;
        timer.start();
        QString error;
        bool ok;
        bool dropped = false;
        {
            std::lock_guard<std::mutex> storeLock(m_storeMutex);
            {
                // remove()/quarantine() of this conversation while it waited (the slow-disk delay)
                // cancelled it; one that comes later waits for m_storeMutex, so it runs after the write.
                std::lock_guard<std::mutex> lock(m_mutex);
                dropped = m_inFlightCancelled;
            }
            ok = dropped || m_store.save(next, &error, /*stamp=*/false); // stamped when the snapshot was taken
        }
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_inFlight.clear();
            m_inFlightCancelled = false;
            if (!dropped)
                ++m_writes;
        }
        m_idle.notify_all();
        if (dropped)
            continue;
        if (ok)
            emit written(next.id, timer.nsecsElapsed() / 1e9);
        else
            emit saveFailed(next.id, error);
    }
}

void SessionWriter::dropSaves(const QString &id)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (auto it = m_queue.begin(); it != m_queue.end();)
            it = it->id == id ? m_queue.erase(it) : it + 1;
        if (m_inFlight == id)
            m_inFlightCancelled = true; // taken off the queue, not yet written
    }
    m_idle.notify_all();
}

bool SessionWriter::remove(const QString &id, QString *error)
{
    dropSaves(id);
    std::lock_guard<std::mutex> storeLock(m_storeMutex); // a save of it being written finishes first
    return m_store.remove(id, error);
}

bool SessionWriter::quarantine(const QString &id, QString *error)
{
    dropSaves(id);
    std::lock_guard<std::mutex> storeLock(m_storeMutex);
    return m_store.quarantine(id, error);
}

bool SessionWriter::waitForIdle(int timeoutMs)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    auto idle = [this] { return m_queue.empty() && m_inFlight.isEmpty(); };
    if (timeoutMs < 0) {
        m_idle.wait(lock, idle);
        return true;
    }
    return m_idle.wait_for(lock, std::chrono::milliseconds(timeoutMs), idle);
}

int SessionWriter::writes() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_writes;
}

int SessionWriter::pending() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return int(m_queue.size()) + (m_inFlight.isEmpty() ? 0 : 1);
}

} // namespace leopard::ui
