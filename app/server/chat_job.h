#pragma once
// One chat request on its way through the server, and the bounded queue it waits in.
//
// A ChatJob is shared by two threads: the HTTP connection thread that received it (and waits for
// its answer, or streams it) and the model thread that answers it. Text flows one way through a
// mutex-guarded buffer; cancelling (the client went away) flows the other way through an atomic
// flag plus ModelRunner::cancel, which stops the worker mid-generation.
//
// The queue holds the jobs waiting behind the one being answered, at most `capacity` (--queue; 0:
// none wait, a request is taken only when the model is free): a full queue is the client's 429,
// never an unbounded wait. A cancelled job leaves the queue at once, so a client that gave up does
// not keep a place.
#include "app/server/api_error.h"
#include "app/server/chat_request.h"
#include "app/server/openai_json.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace leopard::server {

struct ChatOutcome {
    std::optional<ApiError> error; // the model failed (or the request could not be asked): no answer
    std::string finishReason;      // "stop" (end of answer or a stop string), "length" (max_tokens), "cancelled"
    Usage usage;
    double queueSeconds = 0;       // waiting for the model
    double modelSeconds = 0;       // being answered
    std::string note;              // for the log line: how the conversation was continued
};

class ChatJob
{
public:
    explicit ChatJob(ChatRequest request);
    const ChatRequest &request() const { return m_request; }

    // Model thread.
    void start();                          // taken off the queue
    void append(const std::string &text);  // answer text, in order
    void finish(ChatOutcome outcome);      // the last call

    // HTTP thread. Waits up to `timeout` for text not taken yet or for the end.
    struct Progress {
        std::string text; // new since the last wait
        bool done = false;
    };
    Progress wait(std::chrono::milliseconds timeout);
    const ChatOutcome &outcome() const { return m_outcome; } // once wait() said done
    double secondsSinceQueued() const;
    double secondsSinceStart() const; // 0 before start()

    void markCancelled() { m_cancelled.store(true); }
    bool isCancelled() const { return m_cancelled.load(); }

private:
    const ChatRequest m_request;
    const std::chrono::steady_clock::time_point m_queued = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point m_started;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::string m_text;
    bool m_done = false;
    ChatOutcome m_outcome;
    std::atomic<bool> m_cancelled{false};
};

using ChatJobPtr = std::shared_ptr<ChatJob>;

class JobQueue
{
public:
    explicit JobQueue(int capacity) : m_capacity(capacity) {}
    bool tryPush(ChatJobPtr job);  // false: full (or closed)
    ChatJobPtr pop();              // blocks; null once closed. The job is in service until release()
    void release();                // the job pop() gave is answered: its place is free
    bool remove(const ChatJobPtr &job);
    int size() const;
    int capacity() const { return m_capacity; }
    std::deque<ChatJobPtr> close(); // no more jobs taken; returns those still waiting

private:
    const int m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<ChatJobPtr> m_jobs;
    int m_inService = 0; // taken by pop(), not yet released (0 or 1: one model thread)
    bool m_closed = false;
};

} // namespace leopard::server
