#pragma once
// OpenAI's `stop`: the answer ends before the first occurrence of any stop string, which is not
// sent. While streaming, text that might be the start of a stop string is held back until the
// next piece shows whether it is (a stop string can span several tokens); the rest goes out at
// once. Works on UTF-8 bytes: a held-back tail always starts where a stop string starts, so what
// goes out never ends inside a character that was whole in the input.
#include <string>
#include <vector>

namespace leopard::server {

class StopFilter
{
public:
    explicit StopFilter(std::vector<std::string> stops = {});
    // What may be shown now of everything pushed so far. After a stop string was found, nothing more.
    std::string push(const std::string &piece);
    // The held-back tail, when the answer ended without a stop string.
    std::string finish();
    bool stopped() const { return m_stopped; }

private:
    std::vector<std::string> m_stops;
    std::string m_held;
    bool m_stopped = false;
};

} // namespace leopard::server
