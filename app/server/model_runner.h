#pragma once
// The one model of `leopard-cli serve` and the one thread that runs it. The model thread owns the
// InferenceWorker (libtorch) and a ConversationCore (the app's turn logic: new conversation,
// follow-up, pages added mid-conversation, exact replay) and answers the queued jobs one at a
// time, in order. HTTP threads only submit jobs, cancel them and read their text.
//
// One model, one thread, a bounded queue: the model computes one answer at a time anyway (its
// KV cache and feature cache are single-conversation state), so several requests at once would only
// share the cores and all be slow; a queue with a bound gives the ones that fit their turn and
// tells the rest to come back (429 + Retry-After), instead of letting memory grow with the clients.
#include "app/server/chat_job.h"
#include "app/server/serve_config.h"
#include "inference/inference_worker.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace leopard::server {

class ModelRunner
{
public:
    // Reads the model's config.json at once (throws std::exception naming the file when it cannot),
    // so a wrong --model fails before the server listens.
    explicit ModelRunner(const ServeConfig &config);
    ~ModelRunner();
    ModelRunner(const ModelRunner &) = delete;
    ModelRunner &operator=(const ModelRunner &) = delete;

    // Starts the model thread: it loads the model, reports through `onLoaded` (called on the model
    // thread), then answers jobs until stop().
    void start(std::function<void(bool ok, const QString &message)> onLoaded);
    // Cancels the answer being generated, answers the waiting jobs 503, joins the thread.
    void stop();

    enum class State { Loading, Ready, Failed, Stopped };
    State state() const { return m_state.load(); }
    QString modelId() const { return m_modelId; }
    int contextTokens() const { return m_contextTokens; } // max_position_embeddings: the bound on max_tokens
    ModelInfo info() const;

    enum class Submitted { Queued, Full, NotReady };
    Submitted submit(const ChatJobPtr &job);
    // Any thread. A waiting job leaves the queue; the one being answered stops within a token.
    void cancel(const ChatJobPtr &job);

    // What a client told to come back should wait: the recent mean answer time times the jobs ahead.
    int retryAfterSeconds() const;

    struct Counters {
        int queued = 0;
        bool busy = false;
        long long answered = 0, cancelled = 0, failed = 0;
    };
    Counters counters() const;

private:
    struct Session;
    void run(const std::function<void(bool, const QString &)> &onLoaded);
    void answer(Session &session, const ChatJobPtr &job);
    void ask(Session &session, const ChatJobPtr &job, const AskRequest &request, const std::string &how);
    void complete(const ChatJobPtr &job, ChatOutcome outcome);

    const ServeConfig m_config;
    QString m_modelId;
    int m_contextTokens = 0;
    JobQueue m_queue;
    QThread *m_thread = nullptr;
    std::atomic<State> m_state{State::Loading};
    InferenceWorker *m_worker = nullptr; // owned by the model thread's Session; set while it lives

    mutable std::mutex m_mutex; // guards what follows
    ChatJobPtr m_current;       // the job being answered
    ModelInfo m_info;
    double m_meanSeconds = 5.0; // recent answer time (exponential mean), for Retry-After
    long long m_answered = 0, m_cancelled = 0, m_failed = 0;
};

} // namespace leopard::server
