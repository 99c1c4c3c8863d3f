#pragma once
// The server's sockets, under cpp-httplib: each connection is served by our own Stream with a
// deadline, instead of httplib's SocketStream.
//
// Why: httplib 0.11's read timeout is per read() — a client that sends one byte every second never
// trips it and keeps a connection thread forever (slowloris). Here a request (request line,
// headers and body) must arrive within ServeLimits::requestSeconds of its first byte, or the
// connection is cut (408 when a response can still be given). The same Stream also tells the
// handlers, without writing anything, whether the client has gone away (peerClosed: FIN or RST
// seen by poll), so a streaming answer, or a plain one still waiting for the model, is cancelled
// at once and the next queued request starts.
//
// httplib makes this possible without patching it: Server::process_and_close_socket is virtual and
// process_request (which parses and routes one request from any Stream) is protected.
#include "app/server/serve_config.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

namespace leopard::server {

class ConnectionStream final : public httplib::Stream
{
public:
    ConnectionStream(::socket_t sock, const ServeLimits &limits, std::function<bool()> stopping);

    void beginRequest(); // the clock for receiving one request starts now
    void endRequest();   // the request was read and answered: no deadline while idle
    bool deadlineHit() const { return m_deadlineHit; }
    int requestSeconds() const { return m_limits.requestSeconds; }
    // True when the client closed its side or the connection broke. Does not wait, reads nothing.
    bool peerClosed() const;
    // Waits (up to ServeLimits::keepAliveSeconds) for the next request's first byte.
    bool waitForRequest() const;

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char *ptr, size_t size) override;
    ssize_t write(const char *ptr, size_t size) override;
    void get_remote_ip_and_port(std::string &ip, int &port) const override;
    void get_local_ip_and_port(std::string &ip, int &port) const override;
    ::socket_t socket() const override { return m_sock; }

private:
    bool waitReadable() const;

    ::socket_t m_sock;
    ServeLimits m_limits;
    std::function<bool()> m_stopping;
    std::chrono::steady_clock::time_point m_deadline{};
    bool m_hasDeadline = false;
    mutable bool m_deadlineHit = false;
    char m_buffer[4096];
    std::size_t m_bufferOffset = 0, m_bufferSize = 0;
};

// What the handlers of one connection thread share with the connection loop and the logger
// (thread-local: httplib runs a connection's requests on one thread, content providers included).
struct ConnectionContext {
    ConnectionStream *stream = nullptr;
    bool closeAfterResponse = false; // the connection cannot carry another request (unread body, timeout)
    std::chrono::steady_clock::time_point started;
    long long promptTokens = -1, completionTokens = -1;
    std::string note;                // for the log line
    bool logged = false;
};
ConnectionContext &currentConnection();

class DeadlineServer : public httplib::Server
{
public:
    explicit DeadlineServer(const ServeLimits &limits) : m_limits(limits) {}
    // One line for a request cut off before a response could be given (slow client).
    std::function<void(const std::string &remote, const std::string &what)> onCutOff;

private:
    bool process_and_close_socket(::socket_t sock) override;
    ServeLimits m_limits;
};

} // namespace leopard::server
