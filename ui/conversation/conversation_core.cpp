// The conversation core's state: documents, sessions, recording the answer. What the next question
// is and the request it becomes are in conversation_requests.cpp.
#include "ui/conversation/conversation_core.h"

#include <algorithm>

#include "ui/conversation/session_writer.h"

namespace leopard::ui {

ConversationCore::ConversationCore(SessionWriter *writer, QObject *parent)
    : QObject(parent),
      m_writer(writer),
      m_store(writer ? writer->directory() : QString())
{
    // Text already shown reaches the writer within a second even when no further token arrives
    // (a long prefill of a follow-up, a slow token): the recorder only saves when text is appended.
    m_flushTimer.setInterval(1000);
    connect(&m_flushTimer, &QTimer::timeout, this, &ConversationCore::flush);
    if (m_writer)
        connect(m_writer, &SessionWriter::saveFailed, this, [this](const QString &, const QString &message) {
            m_saveError = message;
            emit saveFailed(message);
        });
}

ConversationCore::~ConversationCore()
{
    // An answer still streaming stays marked interrupted on disk, with what was shown.
    if (m_recorder)
        m_recorder->interrupt();
}

QList<SessionDocument> ConversationCore::identifiedDocuments() const
{
    QList<SessionDocument> out;
    for (const SessionDocument &d : m_documents)
        if (!d.sha256.isEmpty()) // an unreadable file is not part of the set
            out << d;
    return out;
}

PageKey ConversationCore::resolve(const SessionPageRef &ref, bool *sameContent) const
{
    if (sameContent)
        *sameContent = false;
    if (!m_source)
        return {};
    QString sha;
    for (const SessionDocument &d : m_saved.documents)
        if (d.path == ref.file)
            sha = d.sha256;
    const QList<SessionDocument> open = m_source->openDocuments();
    auto page = [&](const QString &file) {
        const PageKey key{file, ref.page - 1};
        return ref.page >= 1 && ref.page <= m_source->pageCount(file) ? key : PageKey{};
    };
    // By content first: the file may have moved since.
    if (!sha.isEmpty())
        for (const SessionDocument &d : open)
            if (d.sha256 == sha) {
                if (sameContent)
                    *sameContent = true;
                return page(d.path);
            }
    for (const SessionDocument &d : open)
        if (d.path == ref.file)
            return page(d.path); // same place, other bytes (or not hashed yet)
    return {};
}

SessionPageRef ConversationCore::ref(const PageKey &page) const
{
    return {page.file, page.page + 1};
}

AskPage ConversationCore::askPage(const PageKey &page, double dpi, const ImagePlan &plan) const
{
    return m_source->askPage(page, dpi, plan);
}

// ---- documents and sessions -------------------------------------------------------------------

void ConversationCore::setDocuments(const QList<SessionDocument> &identified, bool showNewestSaved)
{
    m_documents = identified;
    m_showNewestPending = showNewestSaved;
    if (m_answering) { // the recorder writes into m_saved: switch when the answer ends
        m_switchPending = true;
        return;
    }
    applyDocuments();
}

void ConversationCore::applyDocuments()
{
    m_switchPending = false;
    const QList<SessionDocument> docs = identifiedDocuments();
    const QString key = docs.isEmpty() ? QString() : SessionStore::documentSetKey(docs);
    if (key == m_setKey)
        return;
    m_setKey = key;
    // Keep a conversation the user is in (asked in this run) while its pages are all open;
    // otherwise show the newest saved conversation of these documents.
    const Outlook now = outlook({});
    if (m_askedThisRun && !m_saved.turns.isEmpty() && !now.pages.isEmpty() && now.missingPages == 0)
        return;
    if (m_showNewestPending && !key.isEmpty()) {
        for (const SessionSummary &s : m_store.list(key)) {
            if (!s.error.isEmpty() || s.turns == 0)
                continue;
            const LoadResult r = m_store.load(s.id);
            if (r.ok()) {
                show(r.conversation);
                return;
            }
        }
    }
    startEmpty();
}

void ConversationCore::startEmpty()
{
    if (m_answering)
        return;
    const QList<SessionDocument> docs = identifiedDocuments();
    m_saved = docs.isEmpty() ? SavedConversation{} : m_store.create(docs);
    m_restored = false;
    m_askedThisRun = false;
    emit changed();
    emit conversationsChanged();
}

void ConversationCore::show(const SavedConversation &conversation)
{
    if (m_answering)
        return;
    m_saved = conversation;
    m_restored = !m_saved.turns.isEmpty();
    m_askedThisRun = false;
    emit changed();
    emit conversationsChanged();
}

bool ConversationCore::open(const QString &id, QString *error)
{
    if (m_answering) {
        if (error)
            *error = tr("Wait for the answer to finish (or stop it) before opening another conversation.");
        return false;
    }
    const LoadResult r = m_store.load(id);
    if (!r.ok()) {
        if (error)
            *error = r.error;
        return false;
    }
    show(r.conversation);
    return true;
}

bool ConversationCore::remove(const QString &id, QString *error)
{
    if (m_answering && id == m_saved.id) {
        if (error)
            *error = tr("This conversation is being answered; stop the answer first.");
        return false;
    }
    const bool removed = m_writer ? m_writer->remove(id, error) : m_store.remove(id, error);
    if (!removed)
        return false;
    if (id == m_saved.id)
        startEmpty();
    emit conversationsChanged();
    return true;
}

// ---- recording the answer ---------------------------------------------------------------------

ConversationCore::Started ConversationCore::begin(AskRequest request, SessionTurn turn, const AskSettings &settings)
{
    request.maxNewTokens = settings.generation.maxNewTokens;
    request.temperature = float(settings.generation.temperature);
    request.topP = float(settings.generation.topP);
    request.seed = std::uint64_t(settings.generation.seed);
    request.promptSetting = settings.promptSetting;
    request.quesType = settings.quesType;
    request.doubleBos = settings.doubleBos;
    request.keepPromptLogits = settings.keepPromptLogits;
    request.attentionMaps = settings.attentionMaps;
    turn.settings = settings.generation;
    turn.asked = QDateTime::currentDateTimeUtc();
    // A page of a document opened since the conversation began: the conversation knows it from now on.
    // A document whose content changed at the same path (this turn then starts afresh, see history())
    // is known by its new content from now on, so the turns after this one continue exactly.
    for (const SessionPageRef &p : turn.pages) {
        const auto open = std::find_if(m_documents.cbegin(), m_documents.cend(), [&](const SessionDocument &d) {
            return d.path == p.file && !d.sha256.isEmpty();
        });
        if (open == m_documents.cend())
            continue;
        const auto known = std::find_if(m_saved.documents.begin(), m_saved.documents.end(),
                                        [&](const SessionDocument &d) { return d.path == p.file; });
        if (known == m_saved.documents.end())
            m_saved.documents << *open;
        else
            known->sha256 = open->sha256;
    }
    m_streaming.clear();
    m_answering = true;
    m_followUpAsked = request.followUp;
    m_restored = false;
    m_askedThisRun = true;
    m_saveError.clear();
    if (m_saved.id.isEmpty() && !m_setKey.isEmpty())
        m_saved = m_store.create(identifiedDocuments());
    if (!m_saved.id.isEmpty() && m_writer) {
        SessionWriter *writer = m_writer;
        m_recorder = std::make_unique<AnswerRecorder>(
            [writer](SavedConversation &c, QString *) {
                c.updated = QDateTime::currentDateTimeUtc();
                writer->save(c); // a copy goes to the writer's thread; failures come back as saveFailed
                return true;
            },
            &m_saved);
        m_recorder->begin(turn);
        m_flushTimer.start();
    } else {
        m_saved.turns.append(turn); // no documents identified (or no writer): kept in memory only
    }
    emit changed();
    emit conversationsChanged();
    Started s;
    s.request = std::move(request);
    return s;
}

void ConversationCore::appendAnswer(const QString &piece)
{
    if (!m_answering)
        return;
    m_streaming += piece;
    if (m_recorder)
        m_recorder->append(piece);
    else if (!m_saved.turns.isEmpty())
        m_saved.turns.last().answer += piece;
}

void ConversationCore::flush()
{
    if (m_recorder)
        m_recorder->flush();
}

void ConversationCore::finishAnswer(const AskStats &stats)
{
    if (!m_answering || m_saved.turns.isEmpty())
        return;
    SessionTurn &t = m_saved.turns.last();
    // The final text (the tokenizer's clean-up applied) replaces the streamed pieces.
    t.answer = stats.text;
    t.stopped = stats.cancelled;
    t.promptIds = stats.turnPromptIds;
    t.generatedIds = stats.generatedIds;
    if (t.promptIds.empty()) // stopped before the model started on it: nothing the model saw to keep
        t.modelPages.clear();
    if (m_followUpAsked && !stats.followUp) {
        t.freshContext = true; // the worker had nothing to continue and started afresh
        if (t.freshReason.isEmpty())
            t.freshReason = tr("The model had lost the conversation.");
    }
    endAnswer(!stats.cancelled);
}

void ConversationCore::failAnswer(const QString &message)
{
    if (!m_answering || m_saved.turns.isEmpty())
        return;
    SessionTurn &t = m_saved.turns.last();
    t.answer = m_streaming;
    t.error = message;
    t.promptIds.clear(); // the worker dropped the conversation: it cannot be continued from here
    t.generatedIds.clear();
    endAnswer(false);
}

void ConversationCore::endAnswer(bool complete)
{
    m_flushTimer.stop();
    m_answering = false;
    m_streaming.clear();
    if (m_recorder) {
        if (complete)
            m_recorder->finish();
        else
            m_recorder->interrupt();
        m_savesLastAnswer = m_recorder->saves();
        m_recorder.reset();
    } else {
        m_saved.turns.last().state = complete ? TurnState::Complete : TurnState::Interrupted;
    }
    emit changed();
    emit conversationsChanged();
    if (m_switchPending)
        applyDocuments();
}

} // namespace leopard::ui
