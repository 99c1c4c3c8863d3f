#include "inference/checkpoint/strict_json.h"
#include "inference/checkpoint/error.h"

#include <fstream>
#include <iterator>
#include <set>
#include <vector>

namespace leopard::ckpt {

nlohmann::json parseStrictJsonFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(path, "cannot open");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parseStrictJson(text.data(), text.data() + text.size(), path, "");
}

nlohmann::json parseStrictJson(const char *begin, const char *end, const std::string &file, const std::string &what)
{
    std::vector<std::set<std::string>> open; // the keys seen so far in each enclosing object
    std::string duplicate;
    const nlohmann::json::parser_callback_t track = [&](int, nlohmann::json::parse_event_t event,
                                                        nlohmann::json &parsed) {
        switch (event) {
        case nlohmann::json::parse_event_t::object_start:
            open.emplace_back();
            break;
        case nlohmann::json::parse_event_t::object_end:
            if (!open.empty())
                open.pop_back();
            break;
        case nlohmann::json::parse_event_t::key:
            if (!open.empty() && !open.back().insert(parsed.get<std::string>()).second && duplicate.empty())
                duplicate = parsed.get<std::string>();
            break;
        default:
            break;
        }
        return true;
    };
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(begin, end, track);
    } catch (const nlohmann::json::exception &e) {
        fail(file, (what.empty() ? std::string() : what + " is ") + "not valid JSON: " + e.what());
    }
    if (!duplicate.empty())
        fail(file, "key '" + duplicate + "' appears twice" + (what.empty() ? std::string() : " in " + what) +
                       " (which one a reader takes is arbitrary); refusing the file");
    return j;
}

} // namespace leopard::ckpt
