#include "app/server/chat_job.h"

#include <algorithm>

namespace leopard::server {

ChatJob::ChatJob(ChatRequest request) : m_request(std::move(request)) {}

void ChatJob::start()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_started = std::chrono::steady_clock::now();
}

void ChatJob::append(const std::string &text)
{
    if (text.empty())
        return;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_text += text;
    }
    m_changed.notify_all();
}

void ChatJob::finish(ChatOutcome outcome)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const auto now = std::chrono::steady_clock::now();
        const bool started = m_started.time_since_epoch().count() != 0;
        outcome.queueSeconds = std::chrono::duration<double>((started ? m_started : now) - m_queued).count();
        outcome.modelSeconds = started ? std::chrono::duration<double>(now - m_started).count() : 0.0;
        m_outcome = std::move(outcome);
        m_done = true;
    }
    m_changed.notify_all();
}

ChatJob::Progress ChatJob::wait(std::chrono::milliseconds timeout)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait_for(lock, timeout, [&] { return m_done || !m_text.empty(); });
    Progress p;
    p.text.swap(m_text);
    p.done = m_done;
    return p;
}

double ChatJob::secondsSinceQueued() const
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_queued).count();
}

double ChatJob::secondsSinceStart() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_started.time_since_epoch().count() == 0)
        return 0.0;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
}

bool JobQueue::tryPush(ChatJobPtr job)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        // `capacity` waiting behind the one in service (which, while the model is idle, is this one).
        if (m_closed || int(m_jobs.size()) + m_inService >= m_capacity + 1)
            return false;
        m_jobs.push_back(std::move(job));
    }
    m_changed.notify_one();
    return true;
}

ChatJobPtr JobQueue::pop()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [&] { return m_closed || !m_jobs.empty(); });
    if (m_jobs.empty())
        return nullptr;
    ChatJobPtr job = std::move(m_jobs.front());
    m_jobs.pop_front();
    ++m_inService;
    return job;
}

void JobQueue::release()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_inService = std::max(0, m_inService - 1);
}

bool JobQueue::remove(const ChatJobPtr &job)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = std::find(m_jobs.begin(), m_jobs.end(), job);
    if (it == m_jobs.end())
        return false;
    m_jobs.erase(it);
    return true;
}

int JobQueue::size() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return int(m_jobs.size());
}

std::deque<ChatJobPtr> JobQueue::close()
{
    std::deque<ChatJobPtr> left;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        left.swap(m_jobs);
    }
    m_changed.notify_all();
    return left;
}

} // namespace leopard::server
