#pragma once
// The conversation core: one conversation with the model about some pages, without a widget. The
// Ask dock (ui/chat), the compare view (through the dock) and `leopard-cli ask` all drive it; it
// knows nothing of how questions are typed or answers drawn.
//
// It holds the turns (question, pages with their crop plans, answer, the ids the model saw and
// generated, state) as the SavedConversation that is written to disk, decides what the next
// question is (a new conversation, a follow-up, a follow-up that adds pages), builds the worker's
// AskRequest, records the streaming answer (AnswerRecorder: saved at once, then at most once a
// second, through the SessionWriter's thread) and finishes the turn with the model's ids.
//
// Exact continuation: a follow-up carries the conversation's earlier turns (AskRequest::history:
// their saved prompt and generated ids, their pages with the plans they had). A worker that does not
// hold that state (a conversation restored from disk, a reloaded model) replays them as they first
// ran, so the answer is the one a run that never stopped would have given. When the saved turns
// cannot be replayed — saved by an older version without ids, a document changed since (its hash
// differs), a page now renders at another size, an answer failed or was cut short by a crash, ids
// outside the model's vocabulary — the question starts the model afresh about the pages still
// found, and the turn says why (SessionTurn::freshReason).
//
// Pages come from a PageSource (the open documents). Qt Core and inference's torch-free API only.
#include "inference/inference_worker.h"
#include "ui/conversation/answer_recorder.h"
#include "ui/conversation/page_source.h"
#include "ui/conversation/saved_conversation.h"
#include "ui/conversation/session_store.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace leopard::ui {

class SessionWriter;

// What a question is asked with, besides its pages.
struct AskSettings {
    SessionGenerationSettings generation; // model, device, dtype, max new tokens, sampling, analysis dpi
    PlanOptions plan;                     // crop side and tokens per image (the model's), 50 images
    QString promptSetting = QStringLiteral("direct"); // leopard-cli's harness variants; the app keeps these
    QString quesType = QStringLiteral("open-ended");
    bool doubleBos = true;
    bool keepPromptLogits = false;
    bool attentionMaps = false;           // AskStats::attention: where the answer looked (the app's heat map)
};

class ConversationCore : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        Auto,            // a follow-up when in a conversation and nothing new is checked, else a new one
        AddPages,        // a follow-up that also gives the model the checked pages not yet in it
        NewConversation, // a new conversation about the checked pages
    };

    // How the next question would be answered, given the checked pages.
    struct Outlook {
        PageKeyList pages;     // the conversation's pages still found (open now), in order
        PageKeyList toAdd;     // checked pages not in the conversation
        int missingPages = 0;  // the conversation's pages not found (document closed, moved away, shorter)
        bool inConversation = false; // there are turns and pages to go on about
        bool exact = false;    // the model continues the conversation exactly as it was
        bool replays = false;  // ... after replaying its saved turns (the worker does not hold them)
        QString afreshReason;  // in a conversation but not exact: why the model starts afresh
        int modelImages = 0;   // model images the conversation's context holds (of the 50)
    };

    // Starting a turn: the request for the worker, or why there is none.
    struct Started {
        AskRequest request;
        QString error;
        bool ok() const { return error.isEmpty(); }
    };

    // `writer` saves (may be null: nothing is saved); `store` reads (list, load) in `writer`'s folder.
    explicit ConversationCore(SessionWriter *writer, QObject *parent = nullptr);
    ~ConversationCore() override;

    void setPageSource(const PageSource *source) { m_source = source; }
    const PageSource *pageSource() const { return m_source; }
    // The loaded model's vocabulary (0: unknown); saved ids outside it are not replayed.
    void setVocabularySize(qint64 size) { m_vocabularySize = size; }
    SessionStore &store() { return m_store; }
    SessionWriter *writer() const { return m_writer; }

    // The open documents, identified by content. When the set changes and `showNewestSaved`, the
    // newest saved conversation of the new set is shown — unless the user asked in the one on
    // screen in this run and its pages are all still open. While an answer streams the switch
    // waits for it to end.
    void setDocuments(const QList<SessionDocument> &identified, bool showNewestSaved = true);
    QString documentSetKey() const { return m_setKey; }

    Outlook outlook(const PageKeyList &checked) const;
    Started ask(const QString &question, const PageKeyList &checked, Mode mode, const AskSettings &settings);
    // A new conversation about exactly `pages` in this order (the compare view).
    Started askAbout(const PageKeyList &pages, const QString &question, const AskSettings &settings);

    // The answer, as the worker sends it.
    void appendAnswer(const QString &piece);
    void finishAnswer(const AskStats &stats);
    void failAnswer(const QString &message);
    void flush();                     // what was shown goes to the writer now (also every second)
    bool isAnswering() const { return m_answering; }
    QString streamingText() const { return m_streaming; }

    // The conversation, as saved (the answer streaming now included, as far as it has come).
    const SavedConversation &conversation() const { return m_saved; }
    QList<SessionTurn> turns() const { return m_saved.turns; }
    bool isRestored() const { return m_restored; }  // read back from disk and not asked in since
    QStringList warnings() const { return m_saved.warnings; }
    // The open page a saved page reference means now: the document with the same content first (it
    // may have moved), then the one at the same path (whose content may have changed: *sameContent).
    PageKey resolve(const SessionPageRef &ref, bool *sameContent = nullptr) const;
    PageKeyList conversationPages() const { return outlook({}).pages; }

    void startEmpty();                // a new, empty conversation for the open documents
    bool open(const QString &id, QString *error = nullptr);
    void show(const SavedConversation &conversation);
    bool remove(const QString &id, QString *error = nullptr);

    int savesDuringLastAnswer() const { return m_savesLastAnswer; }
    QString lastSaveError() const { return m_saveError; }
    int flushIntervalMs() const { return m_flushTimer.interval(); }
    void setFlushIntervalMs(int ms) { m_flushTimer.setInterval(ms); }

signals:
    void changed();               // the conversation changed: a turn began or ended, another one is shown
    void conversationsChanged();  // what the store holds changed (the history refreshes)
    void saveFailed(const QString &message);

private:
    struct History;
    History history() const;
    Started begin(AskRequest request, SessionTurn turn, const AskSettings &settings);
    Started startFresh(const QString &question, const PageKeyList &pages, const PageKeyList &added,
                       const AskSettings &settings, const QString &reason);
    AskPage askPage(const PageKey &page, double dpi, const ImagePlan &plan) const;
    SessionPageRef ref(const PageKey &page) const;
    void endAnswer(bool complete);
    void applyDocuments();
    QList<SessionDocument> identifiedDocuments() const;

    SessionWriter *m_writer;
    SessionStore m_store;
    const PageSource *m_source = nullptr;
    qint64 m_vocabularySize = 0;
    SavedConversation m_saved;
    std::unique_ptr<AnswerRecorder> m_recorder;
    QTimer m_flushTimer;
    int m_savesLastAnswer = 0;
    QString m_saveError;
    bool m_answering = false;
    bool m_followUpAsked = false;     // the turn streaming now was sent as a follow-up
    QString m_streaming;
    bool m_restored = false;
    bool m_askedThisRun = false;
    QList<SessionDocument> m_documents; // identified open documents
    QString m_setKey;
    bool m_switchPending = false;
    bool m_showNewestPending = true;
};

} // namespace leopard::ui
