#pragma once
// Multi-turn requests, exactly where possible. OpenAI's API is stateless: every request carries
// the whole conversation (earlier user turns, the assistant's replies as text). Leopard's
// conversation core continues a conversation exactly from the token ids the model saw and said
// (ui/conversation: SessionTurn::promptIds / generatedIds), and the worker keeps the KV cache of the
// conversation it answered last. So the server remembers, for each conversation it answered, the
// core's SavedConversation under a key of its transcript (questions, images by content, answers as
// text) — and a request whose earlier turns have such a key continues it:
//   - the worker still holds it (the conversation asked in last): the KV cache is reused, nothing
//     before the new question is computed again (usage.prompt_tokens_details.cached_tokens);
//   - another conversation was asked in since: the core's history makes the worker replay it from
//     the remembered ids — the answer is the one an uninterrupted conversation gives.
// Earlier turns the server did not answer (or whose reply the client changed, or cut with `stop`)
// have no ids: they are built here from their text, as the prompt builder builds every turn —
// Llama 3 chat template, the crop plan the core would give each turn's new images — with the
// assistant's text tokenised as the model's reply (ended by <|eot_id|>). That is the prompt an
// honest re-ask gives; it is not the exact state of a model that generated those replies (the
// model's own ids may tokenise the same text differently), and the log says "rebuilt from text".
#include "app/server/chat_request.h"
#include "app/server/image_pages.h"
#include "inference/checkpoint/model_config.h"
#include "inference/planner.h"
#include "inference/tokenizer/tokenizer.h"
#include "inference/torch/prompt_builder.h"
#include "ui/conversation/saved_conversation.h"

#include <QByteArray>

#include <list>
#include <utility>
#include <vector>

namespace leopard::server {

// Identity of a transcript: the first `turns` turns of `request` (questions, image contents,
// answers; the last of them with `lastAnswer` instead of its own when given).
QByteArray transcriptKey(const ChatRequest &request, std::size_t turns, const QString *lastAnswer = nullptr);

class ConversationMemory
{
public:
    explicit ConversationMemory(int capacity) : m_capacity(capacity) {}
    // The conversation with this transcript, most recently used first; null when forgotten or never seen.
    const ui::SavedConversation *find(const QByteArray &key);
    void remember(const QByteArray &key, const ui::SavedConversation &conversation);
    int size() const { return int(m_entries.size()); }

private:
    int m_capacity;
    std::list<std::pair<QByteArray, ui::SavedConversation>> m_entries; // most recent first
};

struct TextHistoryContext {
    const Tokenizer &tokenizer;
    const ckpt::ModelConfig &config;
    PromptOptions prompt;                   // as the worker builds prompts (setting, BOS)
    PlanOptions plan;                       // the model's crop side and tokens per image
    ui::SessionGenerationSettings settings; // saved with each turn
};

// The first `turns` turns of `request` (each with its answer) as a saved conversation the core can
// continue: ids built from the text (see the header). Throws ApiError (400) when the prompt cannot
// be built (e.g. longer than the model's context).
ui::SavedConversation conversationFromText(const ChatRequest &request, std::size_t turns, const ImagePages &pages,
                                           const TextHistoryContext &context);

} // namespace leopard::server
