#include "app/server/openai_json.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <random>

namespace leopard::server {
namespace {

using nlohmann::json;

// Generated text is the tokenizer's UTF-8, which may end inside a character only when cut; dump()
// would throw on ill-formed bytes, so they become U+FFFD instead of failing the response.
std::string dump(const json &j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json usageObject(const Usage &u)
{
    return {{"prompt_tokens", u.promptTokens},
            {"completion_tokens", u.completionTokens},
            {"total_tokens", u.promptTokens + u.completionTokens},
            {"prompt_tokens_details", {{"cached_tokens", u.cachedTokens}}}};
}

json chunk(const CompletionHead &h, json choices, bool includeUsage)
{
    json j = {{"id", h.id},
              {"object", "chat.completion.chunk"},
              {"created", h.created},
              {"model", h.model},
              {"system_fingerprint", nullptr},
              {"choices", std::move(choices)}};
    if (includeUsage)
        j["usage"] = nullptr;
    return j;
}

json choice(json delta, const std::string &finishReason)
{
    return json::array({{{"index", 0},
                         {"delta", std::move(delta)},
                         {"logprobs", nullptr},
                         {"finish_reason", finishReason.empty() ? json(nullptr) : json(finishReason)}}});
}

std::string event(const json &j) { return "data: " + dump(j) + "\n\n"; }

json nullable(const std::string &s) { return s.empty() ? json(nullptr) : json(s); }

} // namespace

CompletionHead newCompletionHead(const std::string &model)
{
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    char id[40];
    std::snprintf(id, sizeof id, "chatcmpl-%016llx%08llx", static_cast<unsigned long long>(rng()),
                  static_cast<unsigned long long>(rng() & 0xffffffffu));
    CompletionHead h;
    h.id = id;
    h.created = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    h.model = model;
    return h;
}

std::string completionJson(const CompletionHead &h, const std::string &text, const std::string &finishReason,
                           const Usage &usage)
{
    const json j = {{"id", h.id},
                    {"object", "chat.completion"},
                    {"created", h.created},
                    {"model", h.model},
                    {"system_fingerprint", nullptr},
                    {"choices", json::array({{{"index", 0},
                                              {"message", {{"role", "assistant"}, {"content", text}, {"refusal", nullptr}}},
                                              {"logprobs", nullptr},
                                              {"finish_reason", finishReason}}})},
                    {"usage", usageObject(usage)}};
    return dump(j);
}

std::string roleChunkEvent(const CompletionHead &h, bool includeUsage)
{
    return event(chunk(h, choice({{"role", "assistant"}, {"content", ""}}, {}), includeUsage));
}

std::string contentChunkEvent(const CompletionHead &h, const std::string &text, bool includeUsage)
{
    return event(chunk(h, choice({{"content", text}}, {}), includeUsage));
}

std::string finishChunkEvent(const CompletionHead &h, const std::string &finishReason, bool includeUsage)
{
    return event(chunk(h, choice(json::object(), finishReason), includeUsage));
}

std::string usageChunkEvent(const CompletionHead &h, const Usage &usage)
{
    json j = chunk(h, json::array(), false);
    j["usage"] = usageObject(usage);
    return event(j);
}

std::string errorJson(const ApiError &e)
{
    return dump({{"error", {{"message", e.what()}, {"type", e.type}, {"param", nullable(e.param)}, {"code", nullable(e.code)}}}});
}

std::string errorEvent(const ApiError &e) { return "data: " + errorJson(e) + "\n\n"; }

std::string modelJson(const std::string &id, std::int64_t created)
{
    return dump({{"id", id}, {"object", "model"}, {"created", created}, {"owned_by", "leopard-desk"}});
}

std::string modelListJson(const std::string &id, std::int64_t created)
{
    return dump({{"object", "list"}, {"data", json::array({json::parse(modelJson(id, created))})}});
}

} // namespace leopard::server
