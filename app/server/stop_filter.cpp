#include "app/server/stop_filter.h"

#include <algorithm>

namespace leopard::server {

StopFilter::StopFilter(std::vector<std::string> stops) : m_stops(std::move(stops)) {}

std::string StopFilter::push(const std::string &piece)
{
    if (m_stopped)
        return {};
    m_held += piece;
    if (m_stops.empty()) {
        std::string out;
        out.swap(m_held);
        return out;
    }
    // The earliest complete stop string ends the answer there.
    std::size_t cut = std::string::npos;
    for (const std::string &s : m_stops)
        cut = std::min(cut, m_held.find(s));
    if (cut != std::string::npos) {
        m_stopped = true;
        std::string out = m_held.substr(0, cut);
        m_held.clear();
        return out;
    }
    // Hold back the longest tail that is the beginning of some stop string.
    std::size_t keep = 0;
    for (const std::string &s : m_stops) {
        const std::size_t most = std::min(s.size() - 1, m_held.size());
        for (std::size_t n = most; n > keep; --n)
            if (m_held.compare(m_held.size() - n, n, s, 0, n) == 0) {
                keep = n;
                break;
            }
    }
    std::string out = m_held.substr(0, m_held.size() - keep);
    m_held.erase(0, m_held.size() - keep);
    return out;
}

std::string StopFilter::finish()
{
    std::string out;
    if (!m_stopped)
        out.swap(m_held);
    m_held.clear();
    return out;
}

} // namespace leopard::server
