#include "app/server/conversation_memory.h"

#include "app/server/api_error.h"
#include "ui/conversation/session_store.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <algorithm>

namespace leopard::server {

QByteArray transcriptKey(const ChatRequest &request, std::size_t turns, const QString *lastAnswer)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    auto add = [&h](char tag, const QString &text) {
        const QByteArray utf8 = text.toUtf8();
        const QByteArray head = QByteArray(1, tag) + QByteArray::number(utf8.size()) + ':';
        h.addData(head);
        h.addData(utf8);
    };
    for (std::size_t t = 0; t < turns && t < request.turns.size(); ++t) {
        const ChatTurn &turn = request.turns[t];
        add('Q', turn.question);
        for (int i : turn.images)
            add('I', request.images[std::size_t(i)].sha256);
        add('A', t + 1 == turns && lastAnswer ? lastAnswer->trimmed() : turn.answer);
    }
    return h.result();
}

const ui::SavedConversation *ConversationMemory::find(const QByteArray &key)
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const auto &e) { return e.first == key; });
    if (it == m_entries.end())
        return nullptr;
    m_entries.splice(m_entries.begin(), m_entries, it);
    return &m_entries.front().second;
}

void ConversationMemory::remember(const QByteArray &key, const ui::SavedConversation &conversation)
{
    if (m_capacity <= 0)
        return;
    m_entries.remove_if([&](const auto &e) { return e.first == key; });
    m_entries.emplace_front(key, conversation);
    while (int(m_entries.size()) > m_capacity)
        m_entries.pop_back();
}

ui::SavedConversation conversationFromText(const ChatRequest &request, std::size_t turns, const ImagePages &pages,
                                           const TextHistoryContext &c)
{
    const std::int32_t eot = c.tokenizer.tokenId("<|eot_id|>").value_or(-1);
    const std::int32_t eos = c.tokenizer.tokenId("<|end_of_text|>").value_or(-1);
    // An id and set key as the store gives them (in memory only: the server saves nothing): the core
    // replaces a conversation without an id by a new, empty one when its first turn is asked.
    ui::SavedConversation saved = ui::SessionStore(QString()).create(pages.openDocuments());

    std::vector<std::int32_t> ids;      // the conversation so far, as the worker would hold it
    QList<ui::SessionPageRef> inContext; // its pages, in order (no repeats: ConversationCore::outlook's view)
    std::size_t imagesBefore = 0;       // input images in the context (ImageEmbeddings' pages)
    int modelImages = 0;                // of the model's 50
    try {
        for (std::size_t t = 0; t < turns; ++t) {
            const ChatTurn &turn = request.turns[t];
            ui::SessionTurn st;
            st.question = turn.question;
            st.answer = turn.answer;
            st.freshContext = t == 0;
            st.state = ui::TurnState::Complete;
            st.settings = c.settings;
            st.asked = st.answered = saved.created;

            // This turn's new images, planned as the core plans them: the first turn over all of its
            // images, a later one within what the conversation has left of the 50 (conversation_requests.cpp).
            std::vector<PixelSize> sizes;
            for (int i : turn.images)
                sizes.push_back({request.images[std::size_t(i)].width, request.images[std::size_t(i)].height});
            PlanOptions options = c.plan;
            if (t > 0)
                options.maxImages = std::max(int(sizes.size()), c.plan.maxImages - modelImages);
            const CropPlan plan = planCrops(sizes, options);
            std::vector<int> perImage;
            for (std::size_t k = 0; k < turn.images.size(); ++k) {
                const ui::PageKey key = pages.key(request.images[std::size_t(turn.images[k])]);
                const ui::SessionPageRef ref{key.file, key.page + 1};
                st.modelPages.append({ref, plan.images[k]});
                perImage.push_back(plan.images[k].modelImages());
                modelImages += plan.images[k].modelImages();
                if (!inContext.contains(ref))
                    inContext << ref;
                if (t > 0)
                    st.addedPages << ref;
            }
            st.pages = inContext;
            const std::string question = turn.question.toStdString();
            if (t == 0) {
                ids = buildPrompt(c.tokenizer, c.config, question, perImage, c.prompt).ids;
                st.promptIds = ids;
            } else {
                const std::size_t before = ids.size();
                ids = appendFollowUp(c.tokenizer, c.config, ids, question, perImage, imagesBefore, c.prompt);
                st.promptIds.assign(ids.begin() + std::ptrdiff_t(before), ids.end());
            }
            imagesBefore += turn.images.size();
            // The reply as the model would have said it: its text's ids, then <|eot_id|>. Stop ids
            // inside the text (a client echoing "<|eot_id|>") are dropped: the model cannot have said them
            // mid-answer, and the replay would stop there.
            for (std::int32_t id : c.tokenizer.encode(turn.answer.toStdString(), /*addSpecialTokens=*/false))
                if (id != eot && id != eos)
                    st.generatedIds.push_back(id);
            if (eot >= 0)
                st.generatedIds.push_back(eot);
            st.settings.maxNewTokens = int(st.generatedIds.size()); // the replay sizes its KV cache by it
            ids.insert(ids.end(), st.generatedIds.begin(), st.generatedIds.end());
            saved.turns.append(st);
        }
    } catch (const PromptError &e) {
        throw ApiError(400, std::string("messages: the conversation cannot be given to the model: ") + e.what(), "messages",
                       "context_length_exceeded");
    }
    if (std::int64_t(ids.size()) > c.config.text.maxPositionEmbeddings)
        throw ApiError(400, "messages: the conversation is " + std::to_string(ids.size()) + " tokens before the question, more than the " +
                                std::to_string(c.config.text.maxPositionEmbeddings) + " the model takes",
                       "messages", "context_length_exceeded");
    return saved;
}

} // namespace leopard::server
