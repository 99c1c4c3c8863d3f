#include "app/server/model_runner.h"

#include "app/server/conversation_memory.h"
#include "app/server/image_pages.h"
#include "app/server/stop_filter.h"
#include "inference/checkpoint/model_config.h"
#include "inference/tokenizer/tokenizer.h"
#include "ui/conversation/conversation_core.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <cmath>
#include <optional>

namespace leopard::server {

// What lives on the model thread (created and destroyed there).
struct ModelRunner::Session {
    InferenceWorker worker;
    ui::ConversationCore core{nullptr}; // no writer: the server keeps no sessions on disk
    ConversationMemory memory;
    std::optional<Tokenizer> tokenizer;
    ckpt::ModelConfig config;
    ModelInfo info;
    QString failure; // the worker's last `failed` message

    // The answer being generated: where its text goes.
    struct Current {
        ChatJobPtr job;
        StopFilter filter;
        std::string text;     // what the client gets
        bool stopString = false;
        bool finished = false;
        AskStats stats;
    };
    std::unique_ptr<Current> current;

    explicit Session(int conversations) : memory(conversations) {}
};

namespace {

bool outOfMemory(const QString &message)
{
    return message.contains(QLatin1String("out of memory"), Qt::CaseInsensitive) ||
           message.contains(QLatin1String("can't allocate memory"), Qt::CaseInsensitive);
}

} // namespace

ModelRunner::ModelRunner(const ServeConfig &config) : m_config(config), m_queue(std::max(0, config.queue))
{
    const ckpt::ModelConfig mc = ckpt::ModelConfig::fromFile(QDir(config.modelDir).filePath(QStringLiteral("config.json")).toStdString());
    m_contextTokens = int(mc.text.maxPositionEmbeddings);
    m_modelId = config.modelName.isEmpty() ? QFileInfo(QDir::cleanPath(QDir(config.modelDir).absolutePath())).fileName()
                                           : config.modelName;
}

ModelRunner::~ModelRunner() { stop(); }

void ModelRunner::start(std::function<void(bool, const QString &)> onLoaded)
{
    m_thread = QThread::create([this, onLoaded] { run(onLoaded); });
    m_thread->setObjectName(QStringLiteral("leopard-model"));
    m_thread->start();
}

void ModelRunner::stop()
{
    if (!m_thread)
        return;
    m_state.store(State::Stopped);
    for (const ChatJobPtr &job : m_queue.close()) {
        ChatOutcome o;
        o.error = ApiError(503, "The server is shutting down.", "", "shutting_down", "server_error");
        job->finish(std::move(o));
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_worker)
            m_worker->requestCancel(); // a load or an answer in progress stops at its next check
    }
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

ModelInfo ModelRunner::info() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_info;
}

ModelRunner::Submitted ModelRunner::submit(const ChatJobPtr &job)
{
    if (m_state.load() != State::Ready)
        return Submitted::NotReady;
    return m_queue.tryPush(job) ? Submitted::Queued : Submitted::Full;
}

void ModelRunner::cancel(const ChatJobPtr &job)
{
    job->markCancelled();
    if (m_queue.remove(job)) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            ++m_cancelled; // counted before the client hears: /health never lags what a client saw
        }
        ChatOutcome o;
        o.finishReason = "cancelled";
        job->finish(std::move(o));
        return;
    }
    // Under the lock that also guards m_current: a cancel meant for this job can never reach the
    // worker after the next job has started (see ask()).
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_current == job && m_worker)
        m_worker->requestCancel();
}

int ModelRunner::retryAfterSeconds() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const double wait = m_meanSeconds * double(m_queue.size() + 1);
    return int(std::clamp(std::ceil(wait), 1.0, 600.0));
}

ModelRunner::Counters ModelRunner::counters() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Counters c;
    c.queued = m_queue.size();
    c.busy = m_current != nullptr;
    c.answered = m_answered;
    c.cancelled = m_cancelled;
    c.failed = m_failed;
    return c;
}

void ModelRunner::run(const std::function<void(bool, const QString &)> &onLoaded)
{
    Session s(m_config.conversationsKept);
    s.worker.setFeatureCacheLimit(m_config.featureCachePages);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_worker = &s.worker;
    }
    // The worker's signals arrive on this thread, inside loadModel / ask (direct connections).
    QObject::connect(&s.worker, &InferenceWorker::modelLoaded, [&s](const ModelInfo &i) { s.info = i; });
    QObject::connect(&s.worker, &InferenceWorker::failed, [&s](const QString &m) { s.failure = m; });
    QObject::connect(&s.worker, &InferenceWorker::token, [&s](const QString &piece) {
        Session::Current *c = s.current.get();
        if (!c || c->filter.stopped())
            return;
        s.core.appendAnswer(piece);
        const std::string out = c->filter.push(piece.toStdString());
        c->text += out;
        c->job->append(out);
        if (c->filter.stopped()) { // the answer ends before the stop string: stop generating
            c->stopString = true;
            s.worker.requestCancel();
        }
    });
    QObject::connect(&s.worker, &InferenceWorker::finished, [&s](const AskStats &stats) {
        if (!s.current)
            return;
        s.current->stats = stats;
        s.current->finished = true;
    });

    s.worker.setWeights(m_config.weights);
    s.worker.loadModel(m_config.modelDir, m_config.device, m_config.dtype);
    QString problem;
    if (s.info.directory.isEmpty()) {
        problem = s.failure.isEmpty() ? QStringLiteral("the model load was cancelled") : s.failure;
    } else {
        try {
            s.tokenizer = Tokenizer::fromDirectory(m_config.modelDir.toStdString());
            s.config = ckpt::ModelConfig::fromFile(QDir(m_config.modelDir).filePath(QStringLiteral("config.json")).toStdString());
        } catch (const std::exception &e) {
            problem = QString::fromStdString(e.what());
        }
    }
    if (!problem.isEmpty()) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_worker = nullptr;
        }
        State expected = State::Loading;
        m_state.compare_exchange_strong(expected, State::Failed);
        if (onLoaded)
            onLoaded(false, problem);
        return;
    }
    s.core.setVocabularySize(s.info.vocabSize);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_info = s.info;
    }
    State expected = State::Loading;
    m_state.compare_exchange_strong(expected, State::Ready);
    if (onLoaded)
        onLoaded(true, QStringLiteral("%1 (%2, %3, %4 weights) loaded in %5 s")
                           .arg(m_modelId, s.info.device, s.info.dtype, s.info.weights)
                           .arg(s.info.loadSeconds, 0, 'f', 1));

    while (ChatJobPtr job = m_queue.pop())
        answer(s, job); // ends with complete(), which frees the job's place in the queue

    std::lock_guard<std::mutex> lock(m_mutex);
    m_worker = nullptr;
}

// One job: its turns become a question of the conversation core, exactly continued when the server
// remembers the earlier turns (conversation_memory.h), then the worker answers it.
void ModelRunner::answer(Session &s, const ChatJobPtr &job)
{
    job->start();
    const ChatRequest &r = job->request();
    auto fail = [&](ApiError e) {
        ChatOutcome o;
        o.error = std::move(e);
        complete(job, std::move(o));
    };
    if (job->isCancelled()) {
        ChatOutcome o;
        o.finishReason = "cancelled";
        complete(job, std::move(o));
        return;
    }

    ImagePages pages(r.images, m_config.limits);
    s.core.setPageSource(&pages);
    s.core.setDocuments(pages.openDocuments(), /*showNewestSaved=*/false);

    ui::AskSettings settings;
    settings.generation.modelDir = s.info.directory;
    settings.generation.dtype = s.info.dtype;
    settings.generation.device = s.info.device;
    settings.generation.maxNewTokens = r.maxTokens;
    settings.generation.temperature = r.temperature;
    settings.generation.topP = r.topP;
    settings.generation.seed = qint64(r.seed);
    settings.plan.cropSide = s.info.cropSide;
    settings.plan.tokensPerImage = s.info.tokensPerImage;
    settings.promptSetting = m_config.promptSetting;

    const std::size_t n = r.turns.size();
    const QString question = r.turns.back().question;
    std::string how;
    ui::ConversationCore::Started started;
    try {
        if (n == 1) {
            ui::PageKeyList asked;
            for (int i : r.turns[0].images)
                asked << pages.key(r.images[std::size_t(i)]);
            s.core.startEmpty();
            started = s.core.askAbout(asked, question, settings);
            how = "new conversation";
        } else {
            const QByteArray key = transcriptKey(r, n - 1);
            ui::SavedConversation earlier;
            if (const ui::SavedConversation *known = s.memory.find(key)) {
                earlier = *known;
                how = "continued";
            } else {
                PromptOptions prompt;
                prompt.setting = m_config.promptSetting.toStdString();
                const TextHistoryContext context{*s.tokenizer, s.config, prompt, settings.plan, settings.generation};
                earlier = conversationFromText(r, n - 1, pages, context);
                how = "rebuilt from text";
            }
            s.core.show(earlier);
            ui::PageKeyList checked;
            for (const ChatTurn &t : r.turns)
                for (int i : t.images)
                    if (!checked.contains(pages.key(r.images[std::size_t(i)])))
                        checked << pages.key(r.images[std::size_t(i)]);
            const ui::ConversationCore::Outlook outlook = s.core.outlook(checked);
            if (outlook.inConversation && !outlook.exact)
                how += ", afresh: " + outlook.afreshReason.toStdString();
            started = s.core.ask(question, checked, ui::ConversationCore::Mode::AddPages, settings);
        }
    } catch (const ApiError &e) {
        fail(e);
        return;
    } catch (const std::exception &e) { // a tokenizer or prompt-builder error: this request fails, the thread goes on
        fail(ApiError(500, std::string("The request could not be prepared: ") + e.what(), "", "server_error", "server_error"));
        return;
    }
    if (!started.ok()) {
        fail(ApiError(400, "messages: " + started.error.toStdString(), "messages", "invalid_conversation"));
        return;
    }
    ask(s, job, started.request, how);
}

void ModelRunner::ask(Session &s, const ChatJobPtr &job, const AskRequest &askIn, const std::string &how)
{
    const ChatRequest &r = job->request();
    AskRequest request = askIn;
    s.current = std::make_unique<Session::Current>();
    s.current->job = job;
    s.current->filter = StopFilter(r.stop);
    s.failure.clear();
    {
        // Becoming the current job and reading the cancel epoch happen together, under the lock
        // cancel() takes: a cancel for this job after this point stops it (the epoch moved), one
        // for the previous job cannot reach it.
        std::lock_guard<std::mutex> lock(m_mutex);
        m_current = job;
        request.cancelEpoch = s.worker.cancelEpoch();
    }
    if (job->isCancelled()) // cancelled between taking it off the queue and now
        s.worker.requestCancel();
    s.worker.ask(request);

    Session::Current &c = *s.current;
    ChatOutcome o;
    o.note = how;
    if (!c.finished) {
        s.core.failAnswer(s.failure);
        const QString message = s.failure.isEmpty() ? QStringLiteral("The model could not answer.") : s.failure;
        if (outOfMemory(message))
            o.error = ApiError(503, message.toStdString() + " The server is still up; try fewer or smaller images, or fewer max_tokens.",
                               "", "out_of_memory", "server_error");
        else
            o.error = ApiError(500, message.toStdString(), "", "model_error", "server_error");
    } else {
        const std::string tail = c.filter.finish();
        c.text += tail;
        job->append(tail);
        s.core.finishAnswer(c.stats);
        if (c.stopString)
            o.finishReason = "stop";
        else if (c.stats.cancelled)
            o.finishReason = "cancelled"; // the client went away
        else
            o.finishReason = c.stats.stoppedOnEos ? "stop" : "length";
        o.usage.promptTokens = c.stats.promptLength;
        o.usage.completionTokens = c.stats.tokens;
        o.usage.cachedTokens = c.stats.reusedPositions;
        if (c.stats.replayedTurns > 0)
            o.note += ", replayed " + std::to_string(c.stats.replayedTurns) + " turns";
        // Remembered for exact continuation only when the client got what the model said: not when a
        // stop string cut it (the model's ids go on past the cut) or the answer was cancelled.
        if (!c.stopString && !c.stats.cancelled) {
            const QString text = QString::fromStdString(c.text);
            s.memory.remember(transcriptKey(r, r.turns.size(), &text), s.core.conversation());
        }
    }
    s.current.reset();
    complete(job, std::move(o));
}

// The last step of every job the model thread took: counters, the queue place and the current job
// are settled first, then the client hears — so a client that got its answer and asks /health, or
// asks again at once, never sees the server still busy with it.
void ModelRunner::complete(const ChatJobPtr &job, ChatOutcome outcome)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_current == job)
            m_current.reset();
        m_meanSeconds = 0.7 * m_meanSeconds + 0.3 * job->secondsSinceStart();
        if (outcome.error)
            ++m_failed;
        else if (outcome.finishReason == "cancelled")
            ++m_cancelled;
        else
            ++m_answered;
    }
    m_queue.release();
    job->finish(std::move(outcome));
}

} // namespace leopard::server
