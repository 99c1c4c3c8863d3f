#pragma once
// The JSON this server answers with, in OpenAI's shapes (the official clients parse it): chat
// completions, their streamed chunks (server-sent events), the model list, errors. Only builds
// strings; what goes into them is decided elsewhere.
#include "app/server/api_error.h"

#include <cstdint>
#include <string>

namespace leopard::server {

struct Usage {
    std::int64_t promptTokens = 0;     // prompt positions the model attended (image features included)
    std::int64_t completionTokens = 0; // generated ids (the stop id included when the model stopped itself)
    std::int64_t cachedTokens = 0;     // prompt positions taken from the kept KV cache (a continued conversation)
};

// One response's constant parts: every chunk of a stream repeats them.
struct CompletionHead {
    std::string id;      // "chatcmpl-<hex>"
    std::int64_t created = 0; // Unix seconds
    std::string model;
};

CompletionHead newCompletionHead(const std::string &model);

std::string completionJson(const CompletionHead &head, const std::string &text, const std::string &finishReason,
                           const Usage &usage);

// One "data: {...}\n\n" event. The first carries the role, the following ones content, the last
// the finish reason (content and finishReason empty: {"delta": {}}); with include_usage every chunk
// has "usage": null and a last one (usageChunk) has no choices and the usage.
std::string roleChunkEvent(const CompletionHead &head, bool includeUsage);
std::string contentChunkEvent(const CompletionHead &head, const std::string &text, bool includeUsage);
std::string finishChunkEvent(const CompletionHead &head, const std::string &finishReason, bool includeUsage);
std::string usageChunkEvent(const CompletionHead &head, const Usage &usage);
std::string errorEvent(const ApiError &error); // an error after the stream began
inline const char *doneEvent() { return "data: [DONE]\n\n"; }

std::string errorJson(const ApiError &error);
std::string modelJson(const std::string &id, std::int64_t created);
std::string modelListJson(const std::string &id, std::int64_t created);

} // namespace leopard::server
