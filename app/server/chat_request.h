#pragma once
// POST /v1/chat/completions: the request body, checked and turned into what the conversation core
// asks — turns of (question, images it brings, the answer that followed) — so nothing downstream
// ever sees raw client JSON. Every refusal is an ApiError naming the field.
//
// How OpenAI messages become Leopard turns (the Llama 3 chat template the worker continues):
// - system (and developer) text goes in front of the first question, then a blank line: Leopard's
//   prompt has no system header (the reference builds none), so this is where it can go;
// - consecutive user messages are one turn (texts joined by a newline, images in order), an
//   assistant message ends the turn (consecutive assistant messages are joined the same way);
// - images: in front of the question, Leopard's layout (the prompt builder puts an <image> tag per
//   image there), unless a text part comes before an image of the turn: then every image of the turn
//   gets its <image> tag where it is, so "compare <image> with <image>" reads as written. An image
//   already given earlier in the conversation is not given again (the model has it in context);
// - the last message must be the user's: it is the question to answer.
#include "app/server/request_images.h"
#include "app/server/serve_config.h"

#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace leopard::server {

struct ChatTurn {
    QString question;        // trimmed; system text in front of the first; <image> tags where interleaved
    std::vector<int> images; // indexes into ChatRequest::images this turn brings, in order
    QString answer;          // the assistant's reply that followed (every turn but the last), trimmed
};

struct ChatRequest {
    std::string model;       // as asked ("" = not given: the one model)
    std::vector<ChatImage> images;
    std::vector<ChatTurn> turns; // at least one; the last is the question to answer
    bool stream = false;
    bool includeUsage = false;   // stream_options.include_usage
    int maxTokens = 0;
    float temperature = 0.0f;    // 0: greedy (the reference's default; OpenAI's is 1)
    float topP = 1.0f;
    std::uint64_t seed = 0;
    bool seedGiven = false;
    std::vector<std::string> stop; // at most 4, none empty
};

struct ChatParseOptions {
    std::string modelId;       // the served model's id: another "model" is a 404
    ServeLimits limits;
    int defaultMaxTokens = 128;
    int maxTokensLimit = 16384; // the model's context (max_position_embeddings)
};

// Throws ApiError: 400 for bad JSON or fields (the message and `param` name the field), 404 for
// another model, 413 never (the body's size is checked before it is read).
ChatRequest parseChatRequest(const std::string &body, const ChatParseOptions &options);

} // namespace leopard::server
