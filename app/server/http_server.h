#pragma once
// The HTTP side of `leopard-cli serve`: OpenAI's chat-completions API over cpp-httplib.
//   POST /v1/chat/completions   plain JSON, or server-sent events with "stream": true
//   GET  /v1/models, /v1/models/{id}   the one model
//   GET  /health                {"status": "ok", "model_loaded": ...} (no API key needed)
//
// Why cpp-httplib (Debian's libcpp-httplib-dev 0.11): its chunked content provider streams a
// response piece by piece and learns when the client has gone away (the provider returns false, its
// releaser says so), which server-sent events and cancel-on-disconnect need; it has a body-size
// limit and read/write timeouts; it is one header plus a small library in Debian. Qt HttpServer
// 6.4 (the Qt here) cannot stream a response at all. The one thing httplib lacks, a deadline for a
// whole request, is added in connection.h.
//
// Each connection runs on one of a fixed pool of threads; a chat request's thread parses and checks
// it (images decoded there, in parallel with the model), queues it for the model thread
// (model_runner.h) and then waits for its text, writing it out as it comes when streaming.
#include "app/server/serve_config.h"

#include <QString>

#include <atomic>
#include <memory>

namespace leopard::server {

class ModelRunner;
class DeadlineServer;

class HttpServer
{
public:
    HttpServer(const ServeConfig &config, ModelRunner &runner);
    ~HttpServer();

    // Binds the listening socket (port 0: any free one). False, with why, when it cannot.
    bool bind(QString *error);
    int port() const { return m_port; }
    // Serves until stop() (from another thread). Returns false when listening failed.
    bool run();
    void stop();

private:
    void routes();
    struct Handlers;
    ServeConfig m_config;
    ModelRunner &m_runner;
    std::unique_ptr<DeadlineServer> m_http;
    int m_port = 0;
    std::atomic<bool> m_inRun{false}, m_stopRequested{false};
};

} // namespace leopard::server
