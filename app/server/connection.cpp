#include "app/server/connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace leopard::server {
namespace {

using Clock = std::chrono::steady_clock;

int pollFor(int fd, short events, int timeoutMs, short *revents)
{
    pollfd p{fd, events, 0};
    int r;
    do
        r = ::poll(&p, 1, timeoutMs);
    while (r < 0 && errno == EINTR);
    *revents = r > 0 ? p.revents : 0;
    return r;
}

void addressOf(int fd, bool peer, std::string &ip, int &port)
{
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    const int r = peer ? ::getpeername(fd, reinterpret_cast<sockaddr *>(&addr), &len)
                       : ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    ip.clear();
    port = -1;
    if (r != 0)
        return;
    char text[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET) {
        const auto *a = reinterpret_cast<const sockaddr_in *>(&addr);
        ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
        port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
        const auto *a = reinterpret_cast<const sockaddr_in6 *>(&addr);
        ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
        port = ntohs(a->sin6_port);
    }
    ip = text;
}

} // namespace

ConnectionStream::ConnectionStream(::socket_t sock, const ServeLimits &limits, std::function<bool()> stopping)
    : m_sock(sock), m_limits(limits), m_stopping(std::move(stopping))
{
}

void ConnectionStream::beginRequest()
{
    m_deadline = Clock::now() + std::chrono::seconds(m_limits.requestSeconds);
    m_hasDeadline = true;
    m_deadlineHit = false;
}

void ConnectionStream::endRequest() { m_hasDeadline = false; }

bool ConnectionStream::peerClosed() const
{
    short ev = 0;
    if (pollFor(m_sock, POLLRDHUP, 0, &ev) < 0)
        return true;
    return (ev & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL)) != 0;
}

bool ConnectionStream::waitForRequest() const
{
    const auto until = Clock::now() + std::chrono::seconds(m_limits.keepAliveSeconds);
    while (!m_stopping()) {
        short ev = 0;
        const int r = pollFor(m_sock, POLLIN, 100, &ev);
        if (r < 0)
            return false;
        if (r > 0)
            return (ev & (POLLIN | POLLHUP | POLLRDHUP)) != 0; // data, or an end that the parse will see
        if (Clock::now() >= until)
            return false;
    }
    return false;
}

// Waits for bytes, never past the request's deadline, in slices so that a stopping server is noticed.
bool ConnectionStream::waitReadable() const
{
    // Outside a request (httplib does not read there) the wait is bounded all the same.
    const auto until = m_hasDeadline ? m_deadline : Clock::now() + std::chrono::seconds(m_limits.requestSeconds);
    for (;;) {
        if (m_stopping())
            return false;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        if (left <= 0) {
            m_deadlineHit = m_hasDeadline;
            return false;
        }
        short ev = 0;
        const int r = pollFor(m_sock, POLLIN, int(std::min<long long>(left, 1000)), &ev);
        if (r < 0)
            return false;
        if (r > 0)
            return true; // readable, or an error/end the read will report
    }
}

bool ConnectionStream::is_readable() const { return m_bufferOffset < m_bufferSize || waitReadable(); }

bool ConnectionStream::is_writable() const
{
    short ev = 0;
    const int r = pollFor(m_sock, POLLOUT, m_limits.writeSeconds * 1000, &ev);
    return r > 0 && (ev & POLLOUT) && !(ev & (POLLERR | POLLHUP | POLLNVAL));
}

ssize_t ConnectionStream::read(char *ptr, size_t size)
{
    if (m_bufferOffset < m_bufferSize) {
        const std::size_t n = std::min(size, m_bufferSize - m_bufferOffset);
        std::memcpy(ptr, m_buffer + m_bufferOffset, n);
        m_bufferOffset += n;
        return ssize_t(n);
    }
    if (!waitReadable())
        return -1;
    // httplib reads request lines a byte at a time: buffer small reads.
    const bool buffered = size < sizeof m_buffer;
    ssize_t n;
    do
        n = ::recv(m_sock, buffered ? m_buffer : ptr, buffered ? sizeof m_buffer : size, 0);
    while (n < 0 && errno == EINTR);
    if (n <= 0 || !buffered)
        return n;
    m_bufferSize = std::size_t(n);
    m_bufferOffset = std::min(size, m_bufferSize);
    std::memcpy(ptr, m_buffer, m_bufferOffset);
    return ssize_t(m_bufferOffset);
}

ssize_t ConnectionStream::write(const char *ptr, size_t size)
{
    if (!is_writable())
        return -1;
    ssize_t n;
    do
        n = ::send(m_sock, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
}

void ConnectionStream::get_remote_ip_and_port(std::string &ip, int &port) const { addressOf(m_sock, true, ip, port); }

void ConnectionStream::get_local_ip_and_port(std::string &ip, int &port) const { addressOf(m_sock, false, ip, port); }

ConnectionContext &currentConnection()
{
    static thread_local ConnectionContext context;
    return context;
}

bool DeadlineServer::process_and_close_socket(::socket_t sock)
{
    ConnectionStream strm(sock, m_limits, [this] { return svr_sock_ == INVALID_SOCKET; });
    ConnectionContext &ctx = currentConnection();
    ctx = ConnectionContext{};
    ctx.stream = &strm;
    bool ret = false;
    for (std::size_t count = keep_alive_max_count_; count > 0 && svr_sock_ != INVALID_SOCKET; --count) {
        if (!strm.waitForRequest())
            break;
        strm.beginRequest();
        ctx.closeAfterResponse = false;
        ctx.started = Clock::now();
        ctx.promptTokens = ctx.completionTokens = -1;
        ctx.note.clear();
        ctx.logged = false;
        bool closed = false;
        ret = process_request(strm, count == 1, closed, nullptr);
        strm.endRequest();
        if (strm.deadlineHit() && !ctx.logged && onCutOff) {
            std::string ip;
            int port = 0;
            strm.get_remote_ip_and_port(ip, port);
            onCutOff(ip, "request not received within " + std::to_string(m_limits.requestSeconds) + " s: connection closed");
        }
        if (!ret || closed || ctx.closeAfterResponse || strm.deadlineHit())
            break;
    }
    ctx.stream = nullptr;
    if (ctx.closeAfterResponse && !strm.deadlineHit()) {
        // A lingering close: the client may still be sending the body we refused; reading it for a
        // moment lets the response reach it instead of a reset.
        ::shutdown(sock, SHUT_WR);
        const auto until = Clock::now() + std::chrono::seconds(2);
        char sink[16384];
        short ev = 0;
        while (Clock::now() < until && pollFor(sock, POLLIN, 200, &ev) >= 0) {
            if (!(ev & POLLIN) && !(ev & (POLLHUP | POLLERR)))
                continue;
            if (::recv(sock, sink, sizeof sink, 0) <= 0)
                break;
        }
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ret;
}

} // namespace leopard::server
