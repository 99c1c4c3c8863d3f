#include "app/server/http_server.h"

#include "app/server/api_error.h"
#include "app/server/chat_job.h"
#include "app/server/chat_request.h"
#include "app/server/connection.h"
#include "app/server/model_runner.h"
#include "app/server/openai_json.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

namespace leopard::server {
namespace {

using httplib::Request;
using httplib::Response;

void send(Response &res, const ApiError &e)
{
    res.status = e.status;
    ConnectionContext &ctx = currentConnection(); // the log line names the error
    ctx.note += (ctx.note.empty() ? "" : ", ") + (e.code.empty() ? e.type : e.code) + (e.param.empty() ? "" : " " + e.param);
    if (e.retryAfterSeconds > 0)
        res.set_header("Retry-After", std::to_string(e.retryAfterSeconds));
    if (e.status == 401)
        res.set_header("WWW-Authenticate", "Bearer");
    res.set_content(errorJson(e), "application/json");
}

ApiError serverError(int status, const std::string &message, const std::string &code, int retryAfter = 0)
{
    ApiError e(status, message, "", code, "server_error");
    e.retryAfterSeconds = retryAfter;
    return e;
}

// Compares in time independent of where the strings differ (the key is a secret).
bool sameSecret(const std::string &a, const std::string &b)
{
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (std::size_t i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
    return diff == 0;
}

long long contentLength(const Request &req)
{
    if (!req.has_header("Content-Length"))
        return -1;
    try {
        return std::stoll(req.get_header_value("Content-Length"));
    } catch (const std::exception &) {
        return -1;
    }
}

std::mutex g_logMutex;

void logLine(const std::string &line)
{
    const std::string stamp = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    std::lock_guard<std::mutex> lock(g_logMutex);
    std::fprintf(stderr, "leopard-cli serve: %s %s\n", stamp.c_str(), line.c_str());
    std::fflush(stderr);
}

} // namespace

// The route handlers, with what they share.
struct HttpServer::Handlers {
    HttpServer &s;

    ApiError unauthorized(const Request &req) const
    {
        const std::string given = req.get_header_value("Authorization");
        ApiError e(401,
                   given.empty() ? "Missing API key: send the header \"Authorization: Bearer KEY\" (the key given to --api-key)."
                                 : "Incorrect API key provided.",
                   "", "invalid_api_key");
        return e;
    }

    bool authorized(const Request &req) const
    {
        if (s.m_config.apiKey.isEmpty())
            return true;
        const std::string header = req.get_header_value("Authorization");
        const std::string prefix = "Bearer ";
        return header.size() > prefix.size() && header.compare(0, prefix.size(), prefix) == 0 &&
               sameSecret(header.substr(prefix.size()), s.m_config.apiKey.toStdString());
    }

    void health(const Request &, Response &res) const
    {
        const ModelRunner::Counters c = s.m_runner.counters();
        const ModelRunner::State st = s.m_runner.state();
        const char *state = st == ModelRunner::State::Ready     ? "ready"
                            : st == ModelRunner::State::Loading ? "loading"
                            : st == ModelRunner::State::Failed  ? "failed"
                                                                : "stopping";
        const nlohmann::json j = {{"status", "ok"},
                                  {"model_loaded", st == ModelRunner::State::Ready},
                                  {"model_state", state},
                                  {"model", s.m_runner.modelId().toStdString()},
                                  {"queued", c.queued},
                                  {"queue_limit", s.m_config.queue},
                                  {"busy", c.busy},
                                  {"answered", c.answered},
                                  {"cancelled", c.cancelled},
                                  {"failed", c.failed}};
        res.set_content(j.dump(), "application/json");
    }

    void models(const Request &req, Response &res) const
    {
        if (!authorized(req))
            return send(res, unauthorized(req));
        res.set_content(modelListJson(s.m_runner.modelId().toStdString(), created()), "application/json");
    }

    void model(const Request &req, Response &res) const
    {
        if (!authorized(req))
            return send(res, unauthorized(req));
        const std::string id = req.matches[1];
        if (id != s.m_runner.modelId().toStdString())
            return send(res, ApiError(404, "The model \"" + id + "\" does not exist here.", "model", "model_not_found"));
        res.set_content(modelJson(id, created()), "application/json");
    }

    std::int64_t created() const { return startedAt; } // OpenAI's is the model's release; ours, when it was served

    const std::int64_t startedAt = QDateTime::currentSecsSinceEpoch();

    ApiError notReady() const
    {
        switch (s.m_runner.state()) {
        case ModelRunner::State::Loading:
            return serverError(503, "The model is still loading; try again shortly (GET /health says when it is ready).",
                               "model_loading", 10);
        case ModelRunner::State::Failed:
            return serverError(503, "The model failed to load; see the server's log.", "model_not_loaded");
        default:
            return serverError(503, "The server is shutting down.", "shutting_down");
        }
    }

    void chat(const Request &req, Response &res, const httplib::ContentReader &reader) const
    {
        ConnectionContext &ctx = currentConnection();
        const long long maxBody = s.m_config.limits.maxBodyBytes;
        const long long length = contentLength(req);
        if (!authorized(req)) {
            // Drop a small body so the connection stays usable; a big one is not worth reading.
            std::size_t read = 0;
            if (length < 0 || length > (1 << 20) ||
                !reader([&](const char *, size_t n) { return (read += n) <= (1u << 20); }))
                ctx.closeAfterResponse = true;
            return send(res, unauthorized(req));
        }
        if (length > maxBody) { // refused before reading it (the client may still be sending: linger, close)
            ctx.closeAfterResponse = true;
            return send(res, ApiError(413, "The request body is " + std::to_string(length) + " bytes; this server takes at most " +
                                               std::to_string(maxBody) + " (--max-body-mb).",
                                      "", "request_too_large"));
        }
        std::string body;
        bool tooLarge = false;
        const bool read = reader([&](const char *data, size_t n) {
            if (body.size() + n > std::size_t(maxBody)) { // chunked or compressed bodies are counted as they arrive
                tooLarge = true;
                return false;
            }
            body.append(data, n);
            return true;
        });
        if (tooLarge || !read) {
            ctx.closeAfterResponse = true;
            if (tooLarge)
                return send(res, ApiError(413, "The request body is larger than " + std::to_string(maxBody) + " bytes (--max-body-mb).",
                                          "", "request_too_large"));
            if (ctx.stream && ctx.stream->deadlineHit())
                return send(res, timedOut());
            if (res.status == 415)
                return send(res, ApiError(415, "The body's Content-Encoding is not one this server reads (gzip, br, or none).", "",
                                          "unsupported_encoding"));
            return send(res, ApiError(400, "The request body could not be read.", "", "invalid_body"));
        }
        if (s.m_runner.state() != ModelRunner::State::Ready)
            return send(res, notReady());

        ChatParseOptions options;
        options.modelId = s.m_runner.modelId().toStdString();
        options.limits = s.m_config.limits;
        options.defaultMaxTokens = s.m_config.defaultMaxTokens;
        options.maxTokensLimit = s.m_runner.contextTokens();
        ChatRequest parsed;
        try {
            parsed = parseChatRequest(body, options);
        } catch (const ApiError &e) {
            return send(res, e);
        }
        std::string().swap(body); // up to the body limit: not kept while the answer is generated
        const bool stream = parsed.stream;
        const bool includeUsage = parsed.includeUsage;
        const auto job = std::make_shared<ChatJob>(std::move(parsed));
        switch (s.m_runner.submit(job)) {
        case ModelRunner::Submitted::Queued: break;
        case ModelRunner::Submitted::NotReady: return send(res, notReady());
        case ModelRunner::Submitted::Full: {
            ApiError e(429,
                       "The server is busy: " + std::to_string(s.m_config.queue) +
                           " requests are already waiting for the model (--queue). Retry later.",
                       "", "rate_limit_exceeded", "requests");
            e.retryAfterSeconds = s.m_runner.retryAfterSeconds();
            ctx.note = "queue full";
            return send(res, e);
        }
        }

        // Wait for the answer (plain) or its first text (streaming), watching the client: one that
        // goes away cancels its job, and the next in the queue starts.
        std::string text;
        bool done = false;
        for (;;) {
            const ChatJob::Progress p = job->wait(std::chrono::milliseconds(200));
            text += p.text;
            done = p.done;
            if (done || (stream && !text.empty()))
                break;
            if (ctx.stream && ctx.stream->peerClosed()) {
                cancelAndNote(s.m_runner, job, "client went away while waiting: cancelled");
                ctx.closeAfterResponse = true;
                res.status = 499; // nginx's "client closed request": for the log, nobody reads it
                return;
            }
        }
        const CompletionHead head = newCompletionHead(options.modelId);
        if (done && (!stream || job->outcome().error || job->outcome().finishReason == "cancelled"))
            return finishPlain(res, head, *job, text);
        stream ? streamAnswer(res, head, job, text, done, includeUsage) : finishPlain(res, head, *job, text);
    }

    static ApiError timedOut()
    {
        ConnectionContext &ctx = currentConnection();
        return ApiError(408, "The request did not arrive within " + std::to_string(ctx.stream ? ctx.stream->requestSeconds() : 0) +
                                 " s (--request-timeout); the connection is closed.",
                        "", "request_timeout");
    }

    static void noteOutcome(const ChatOutcome &o)
    {
        ConnectionContext &ctx = currentConnection();
        ctx.promptTokens = o.usage.promptTokens;
        ctx.completionTokens = o.usage.completionTokens;
        char buf[96];
        std::snprintf(buf, sizeof buf, "queued %.2fs model %.2fs", o.queueSeconds, o.modelSeconds);
        ctx.note += (ctx.note.empty() ? "" : ", ") + std::string(buf);
        if (!o.finishReason.empty())
            ctx.note += ", finish " + o.finishReason;
        if (!o.note.empty())
            ctx.note += ", " + o.note;
        if (o.error)
            ctx.note += std::string(", error: ") + o.error->what();
    }

    // Cancels a job whose client is gone and waits a moment for it to stop, so that the log line
    // (written when this request's handling ends) tells how far it came.
    static void cancelAndNote(ModelRunner &runner, const ChatJobPtr &job, const std::string &why)
    {
        runner.cancel(job);
        currentConnection().note = why;
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        while (std::chrono::steady_clock::now() < until)
            if (job->wait(std::chrono::milliseconds(100)).done) {
                noteOutcome(job->outcome());
                break;
            }
    }

    static void finishPlain(Response &res, const CompletionHead &head, const ChatJob &job, const std::string &text)
    {
        const ChatOutcome &o = job.outcome();
        noteOutcome(o);
        if (o.error)
            return send(res, *o.error);
        if (o.finishReason == "cancelled")
            return send(res, serverError(503, "The answer was cancelled: the server is shutting down.", "shutting_down"));
        res.set_content(completionJson(head, text, o.finishReason, o.usage), "application/json");
    }

    void streamAnswer(Response &res, const CompletionHead &head, const ChatJobPtr &job, const std::string &first,
                      bool done, bool includeUsage) const
    {
        struct State {
            ChatJobPtr job;
            CompletionHead head;
            std::string pending;
            bool done = false, includeUsage = false, roleSent = false, finished = false;
        };
        auto st = std::make_shared<State>(State{job, head, first, done, includeUsage});
        ModelRunner *runner = &s.m_runner;
        res.set_header("Cache-Control", "no-cache");
        res.set_header("X-Accel-Buffering", "no"); // a proxy in front must not hold the events back
        res.set_chunked_content_provider(
            "text/event-stream",
            [st, runner](size_t, httplib::DataSink &sink) {
                // The client is gone (a write failed, or poll saw it close): cancel now, so the log
                // line (written before the releaser runs) says so and the next job starts at once.
                auto gone = [&] {
                    cancelAndNote(*runner, st->job, "client went away mid-stream: cancelled");
                    return false;
                };
                auto put = [&sink](const std::string &event) { return sink.write(event.data(), event.size()); };
                if (!st->roleSent) {
                    st->roleSent = true;
                    if (!put(roleChunkEvent(st->head, st->includeUsage)))
                        return gone();
                }
                if (!st->pending.empty()) {
                    if (!put(contentChunkEvent(st->head, st->pending, st->includeUsage)))
                        return gone();
                    st->pending.clear();
                }
                if (!st->done) {
                    const ChatJob::Progress p = st->job->wait(std::chrono::milliseconds(200));
                    if (!p.text.empty() && !put(contentChunkEvent(st->head, p.text, st->includeUsage)))
                        return gone();
                    st->done = p.done;
                    if (!st->done) {
                        ConnectionContext &ctx = currentConnection();
                        return ctx.stream && ctx.stream->peerClosed() ? gone() : true;
                    }
                }
                const ChatOutcome &o = st->job->outcome();
                noteOutcome(o);
                if (o.error)
                    put(errorEvent(*o.error));
                else if (o.finishReason == "cancelled")
                    put(errorEvent(serverError(503, "The answer was cancelled: the server is shutting down.", "shutting_down")));
                else {
                    put(finishChunkEvent(st->head, o.finishReason, st->includeUsage));
                    if (st->includeUsage)
                        put(usageChunkEvent(st->head, o.usage));
                }
                put(doneEvent());
                sink.done();
                st->finished = true;
                return true;
            },
            [st, runner](bool success) {
                if (!success && !st->finished) // ended some other way (the server stopping): no answer is wanted
                    runner->cancel(st->job);
            });
    }

    void logRequest(const Request &req, const Response &res) const
    {
        ConnectionContext &ctx = currentConnection();
        ctx.logged = true;
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - ctx.started).count();
        std::string line = req.remote_addr + " " + req.method + " " + req.path + " " + std::to_string(res.status);
        if (ctx.promptTokens >= 0)
            line += " tokens " + std::to_string(ctx.promptTokens) + "+" + std::to_string(ctx.completionTokens);
        char buf[32];
        std::snprintf(buf, sizeof buf, " %.3fs", seconds);
        line += buf;
        if (!ctx.note.empty())
            line += " (" + ctx.note + ")";
        logLine(line);
    }

    // httplib's own refusals (no route, malformed HTTP, too long a URI) and our 499, in OpenAI's shape.
    httplib::Server::HandlerResponse error(const Request &req, Response &res) const
    {
        if (!res.body.empty())
            return httplib::Server::HandlerResponse::Unhandled; // a handler's own error
        ConnectionContext &ctx = currentConnection();
        ApiError e(res.status, "The request could not be served.", "", "");
        if (ctx.stream && ctx.stream->deadlineHit()) {
            e = timedOut();
            ctx.closeAfterResponse = true;
        } else if (res.status == 404) {
            const bool known = req.path == "/v1/chat/completions" || req.path == "/v1/models" || req.path == "/health" ||
                               req.path.rfind("/v1/models/", 0) == 0;
            e = known ? ApiError(405, "The method " + req.method + " is not allowed on " + req.path + ".", "", "method_not_allowed")
                      : ApiError(404, "Unknown path: " + req.method + " " + req.path +
                                          " (this server has POST /v1/chat/completions, GET /v1/models, GET /health).",
                                 "", "unknown_url");
        } else if (res.status == 413) {
            e = ApiError(413, "The request body is larger than " + std::to_string(s.m_config.limits.maxBodyBytes) + " bytes.", "",
                         "request_too_large");
            ctx.closeAfterResponse = true;
        } else if (res.status == 400 || res.status == 414 || res.status == 416) {
            e = ApiError(res.status, res.status == 414 ? "The request URI is too long." : "The request could not be read as HTTP.",
                         "", "invalid_request");
            ctx.closeAfterResponse = true;
        } else if (res.status >= 500) {
            e = serverError(res.status, "The server failed on this request.", "server_error");
        }
        send(res, e);
        return httplib::Server::HandlerResponse::Handled;
    }
};

HttpServer::HttpServer(const ServeConfig &config, ModelRunner &runner)
    : m_config(config), m_runner(runner), m_http(std::make_unique<DeadlineServer>(config.limits))
{
    routes();
}

HttpServer::~HttpServer() = default;

void HttpServer::routes()
{
    auto h = std::make_shared<Handlers>(Handlers{*this});
    // Every queued or answered client holds a connection thread while it waits; the spare ones serve
    // /health, refusals and slow clients meanwhile.
    const std::size_t threads = m_config.threads > 0 ? std::size_t(m_config.threads) : std::size_t(m_config.queue + 9);
    m_http->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    m_http->set_keep_alive_max_count(100);
    m_http->set_payload_max_length(std::size_t(m_config.limits.maxBodyBytes));
    m_http->Get("/health", [h](const Request &req, Response &res) { h->health(req, res); });
    m_http->Get("/v1/models", [h](const Request &req, Response &res) { h->models(req, res); });
    m_http->Get(R"(/v1/models/(.+))", [h](const Request &req, Response &res) { h->model(req, res); });
    m_http->Post("/v1/chat/completions", [h](const Request &req, Response &res, const httplib::ContentReader &reader) {
        h->chat(req, res, reader);
    });
    const httplib::Server::HandlerWithResponse onError = [h](const Request &req, Response &res) { return h->error(req, res); };
    m_http->set_error_handler(onError);
    m_http->set_exception_handler([](const Request &, Response &res, std::exception_ptr ep) {
        std::string what = "unknown error";
        try {
            if (ep)
                std::rethrow_exception(ep);
        } catch (const std::exception &e) {
            what = e.what();
        } catch (...) {
        }
        send(res, serverError(500, "The server failed on this request: " + what, "server_error"));
    });
    m_http->set_logger([h](const Request &req, const Response &res) { h->logRequest(req, res); });
    m_http->onCutOff = [](const std::string &remote, const std::string &what) { logLine(remote + " - - 408 (" + what + ")"); };
}

bool HttpServer::bind(QString *error)
{
    const std::string host = m_config.host.toStdString();
    if (m_config.port == 0) {
        m_port = m_http->bind_to_any_port(host);
    } else {
        m_port = m_http->bind_to_port(host, m_config.port) ? m_config.port : -1;
    }
    if (m_port <= 0) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2 (in use, or not an address of this machine)")
                         .arg(m_config.host)
                         .arg(m_config.port);
        return false;
    }
    return true;
}

bool HttpServer::run()
{
    m_inRun.store(true);
    if (m_stopRequested.load())
        return true;
    return m_http->listen_after_bind();
}

// httplib's stop() does nothing before listening has begun: a stop that comes while run() is
// starting waits for it (briefly); one that comes before run() makes run() return at once.
void HttpServer::stop()
{
    m_stopRequested.store(true);
    for (int i = 0; i < 500 && m_inRun.load() && !m_http->is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    m_http->stop();
}

} // namespace leopard::server
