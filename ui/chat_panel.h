#pragma once
// "Ask" dock: questions about the checked pages, answered by the model as it streams.
//
// A conversation is about a set of pages (the checked pages when it started, with their crop plan).
// The next question continues it (a follow-up: the model's KV cache and the chat template carry on)
// as long as the checked pages are the same. When the checked pages differ, the Ask area offers a
// choice: "Add N pages to this conversation" (a follow-up turn that carries the new pages' images)
// or "New conversation" about the checked pages. Each answer lists the pages it was about as links
// ("sample-report.pdf p. 3") that show the page. While an answer streams it is shown as plain text;
// when it is complete it is rendered as Markdown.
//
// Conversations are saved (SessionStore) per *document set*: the open documents' content hashes,
// computed off the GUI thread (setDocuments). Each answer is saved as it streams (AnswerRecorder,
// at most once a second, plus a one-second flush timer so text already shown reaches the disk even
// when no further token arrives); a crash loses at most the answer's last second, and the answer
// reads back marked "interrupted". When the same documents are opened again the newest
// conversation of that set is shown. A restored conversation has no model state (the KV cache died
// with the process): its next question starts a fresh model conversation about the same pages, and
// the transcript says so. (Re-feeding the history would need the exact generated ids, which are not
// saved: re-tokenising an answer's text does not give them back, so the model would see a different
// conversation from the one it had.)
//
// The model itself lives on ModelHost's thread; this widget never waits for it.

#include "ui/model_host.h"
#include "ui/saved_conversation.h"
#include "ui/selection_plan.h"
#include "ui/session_store.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

#include <memory>

class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QToolButton;

namespace leopard::ui {

class ChatPanel : public QWidget
{
    Q_OBJECT
public:
    // `sessionsDirectory` empty: SessionStore::defaultDirectory().
    explicit ChatPanel(ModelHost *host, QWidget *parent = nullptr, const QString &sessionsDirectory = QString());
    ~ChatPanel() override;

    void setSelectionPlan(const SelectionPlan &plan);

    // The open documents, in strip order. Their content is hashed on a pool thread; when the hashes
    // are in, the document set is known and its newest saved conversation is shown (unless the
    // conversation on screen was continued in this run and its pages are all still open).
    void setDocuments(const QVector<viewer::DocumentPtr> &documents);
    bool documentsIdentified() const { return m_hashPending == 0; }
    QString documentSetKey() const { return m_setKey; }  // "" until identified / with no documents

    // The conversation on screen as it would be saved: turns with their pages and settings (the
    // answer streaming now included, as far as it has come, state interrupted).
    SavedConversation savedConversation() const;
    QString conversationId() const { return m_saved.id; }
    bool isRestored() const { return m_restored; }  // read back from disk, no model state
    SessionStore *sessionStore() const { return m_store.get(); }
    // Shows a saved conversation (from the history pane). False (reason in *error) when it cannot
    // be read; refused while an answer streams.
    bool openConversation(const QString &id, QString *error = nullptr);
    // Deletes a saved conversation; when it is the one on screen, the panel starts an empty one.
    bool deleteConversation(const QString &id, QString *error = nullptr);
    int savesDuringLastAnswer() const { return m_savesLastAnswer; }
    int flushIntervalMs() const { return m_flushTimer.interval(); }
    void setFlushIntervalMs(int ms) { m_flushTimer.setInterval(ms); }
    QString lastSaveError() const { return m_saveError; }

    // For tests and the window.
    QString question() const;
    void setQuestion(const QString &text);
    QString transcriptText() const;       // what the transcript shows, as plain text
    QString streamingText() const { return m_streaming; }
    bool isAnswering() const { return m_answering; }
    bool canAsk() const;
    QString askBlockedReason() const;     // why Ask is disabled ("" when it is enabled)
    QString bannerText() const;           // the demo-model banner ("" when hidden)
    int turnCount() const { return int(m_turns.size()); }
    QStringList pageLinks(int turn) const; // link texts of a turn's pages
    QStringList addedPageLinks(int turn) const; // link texts of the pages a turn added
    bool turnInterrupted(int turn) const;
    QString answerText(int turn) const;
    PageRefList conversationPages() const { return m_conversationPages; }
    // Pages checked but not in the conversation (what "Add N pages" would add).
    PageRefList pagesToAdd() const;
    bool offersAddPages() const;          // the Add / New choice is shown
    QTextBrowser *transcript() const { return m_transcript; }
    QString statusText() const;           // the last announcement (the status line's accessible name)

    int maxNewTokens() const;
    void setMaxNewTokens(int n);

public slots:
    void ask();                 // follow-up / new conversation as the hint says
    void askAddingPages();      // follow-up that adds the checked pages not yet in the conversation
    void askInNewConversation(); // new conversation about the checked pages
    // A new conversation about exactly `pages`, in this order (their own crop plan at the current
    // analysis dpi), asking `question` at once. Used by the compare view. Does nothing while an
    // answer streams or without a ready model (the reason is in askBlockedReason()).
    void askAbout(const leopard::ui::PageRefList &pages, const QString &question);
    void stop();
    void newConversation();
    void openPageLink(const QUrl &url);

signals:
    void pageActivated(const leopard::ui::PageRef &page);
    void settingsRequested();
    void answerFinished(const leopard::AskStats &stats);
    // Per-answer links and the transcript's context menu ("Copy", "Export…") and the Export button.
    // `turn` indexes savedConversation().turns. With nothing connected to copyAnswerRequested the
    // panel copies the answer's text to the clipboard itself.
    void copyAnswerRequested(int turn);
    void exportAnswerRequested(int turn);
    void exportConversationRequested();
    // The conversation on screen changed (another one opened, a new one started, a turn saved):
    // the history pane refreshes.
    void conversationsChanged();
    void documentsIdentifiedChanged();

protected:
    void changeEvent(QEvent *event) override; // LanguageChange: retranslateUi()

private:
    void retranslateUi();

    struct Turn {
        QString question;
        PageRefList pages;      // the pages this answer is about (all the conversation's pages)
        PageRefList added;      // pages this turn added to the conversation
        QString answer;         // final text (Markdown) once done, the streamed text before
        bool done = false;
        bool cancelled = false;
        bool followUp = false;
        bool interrupted = false; // read back interrupted (the app died during the answer)
        bool freshContext = false; // the model started afresh (restored conversation, lost context)
        QString error;
        QList<SessionPageRef> savedPages; // `pages` as saved (a restored turn's pages may not be open)
        QList<SessionPageRef> savedAdded;
    };
    enum class AskMode { Auto, AddPages, NewConversation };

    void askWith(AskMode mode);
    void startRequest(AskRequest request, Turn turn);
    void showTranscriptMenu(const QPoint &pos);
    void buildOptionsMenu();
    void updateModelState();
    void updateControls();
    void renderTranscript();
    void appendToken(const QString &text);
    QString turnMarkdown(int index) const;
    static QString pageLinkText(const PageRef &page);
    int turnAt(const QPoint &viewportPos) const;
    void copyAnswer(int turn);
    void announce(const QString &shown, const QString &spoken);

    // Sessions
    void onDocumentsHashed(quint64 generation, const QList<SessionDocument> &docs);
    void showConversation(const SavedConversation &c);
    void startEmptyConversation();
    QList<SessionDocument> identifiedDocuments() const;
    PageRef resolvePage(const SessionPageRef &ref, const SavedConversation &c) const;
    SessionPageRef sessionRef(const PageRef &page) const;
    SessionGenerationSettings currentSettings() const;
    void endRecording(bool complete, const QString &finalText);

    ModelHost *m_host;
    SelectionPlan m_plan;
    PageRefList m_conversationPages;  // the pages the current conversation is about
    std::vector<AskPage> m_conversationAskPages; // the same with their crop plans, as the model got them
    int m_conversationImages = 0;     // model images in the conversation so far
    bool m_modelHasContext = false;   // the worker holds this conversation's KV cache
    std::vector<std::pair<int, int>> m_turnEnds; // transcript position after each turn's actions -> turn
    std::vector<Turn> m_turns;
    QString m_streaming;
    bool m_answering = false;
    bool m_stopping = false;

    // Sessions
    std::unique_ptr<SessionStore> m_store;
    SavedConversation m_saved;          // what is on screen, as saved (id empty until the set is known)
    std::unique_ptr<AnswerRecorder> m_recorder;
    QTimer m_flushTimer;
    int m_savesLastAnswer = 0;
    QString m_saveError;
    bool m_restored = false;            // read back from disk and not asked in since
    bool m_switchPending = false;       // the document set changed while an answer streamed
    bool m_askedThisRun = false;        // asked in by the user in this run
    QVector<viewer::DocumentPtr> m_documents;
    QList<SessionDocument> m_documentHashes; // parallel to m_documents once identified
    QString m_setKey;
    quint64 m_hashGeneration = 0;
    int m_hashPending = 0;
    struct HashEntry { qint64 size; QDateTime modified; QString sha; };
    QHash<QString, HashEntry> m_hashCache; // path -> hash, reused while size and mtime hold

    QLabel *m_banner;
    QLabel *m_firstRun;
    QLabel *m_modelLabel;
    QProgressBar *m_loadBar;
    QToolButton *m_cancelLoad;
    QLabel *m_restoredNote;
    QTextBrowser *m_transcript;
    QPlainTextEdit *m_question;
    QLabel *m_hint;
    QLabel *m_status;                   // accessible status line: "Answer complete", ...
    QPushButton *m_askButton;
    QPushButton *m_addPagesButton;
    QPushButton *m_newConversationButton;
    QPushButton *m_stopButton;
    QToolButton *m_newButton;
    QToolButton *m_exportButton;
    QToolButton *m_optionsButton;
    QSpinBox *m_maxTokens;
    QDoubleSpinBox *m_temperature;
    QDoubleSpinBox *m_topP;
};

} // namespace leopard::ui
