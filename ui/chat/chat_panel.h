#pragma once
// "Ask" dock: questions about the checked pages, answered by the model as it streams. The widgets
// and the rendering only: what a question becomes, the turns, recording and saving, restoring and
// the exact continuation of saved conversations are the conversation core's
// (ui/conversation/conversation_core.h), which this panel drives; the open documents reach the
// core through DocumentPages (hashed off the GUI thread).
//
// A conversation is about a set of pages. The next question continues it (a follow-up) as long
// as the checked pages are the same; when they differ, the Ask area offers "Add N pages to this
// conversation" or "New conversation". Each answer lists the pages it was about as links
// ("sample-report.pdf p. 3"). While an answer streams it is shown as plain text; when it is
// complete, as Markdown (chat_transcript.cpp). A restored conversation continues exactly: the
// model first replays its saved turns; when it cannot (see the core), the transcript says why the
// model starts afresh.
//
// The model itself lives on ModelHost's thread; this widget never waits for it, nor for the disk.

#include "ui/conversation/conversation_core.h"
#include "ui/conversation/document_pages.h"
#include "ui/model/model_host.h"
#include "ui/pages/selection_plan.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>
#include <QWidget>

#include <memory>

class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QCheckBox;
class QSpinBox;
class QTextBrowser;
class QToolButton;

namespace leopard::ui {

class SessionWriter;
class DocumentIndex;
class TurnEvidence;

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
    bool documentsIdentified() const { return m_pages->isIdentified(); }
    QString documentSetKey() const { return m_core->documentSetKey(); }  // "" until identified / with no documents

    // The conversation on screen as it would be saved: turns with their pages and settings (the
    // answer streaming now included, as far as it has come, state interrupted).
    SavedConversation savedConversation() const { return m_core->conversation(); }
    QString conversationId() const { return m_core->conversation().id; }
    bool isRestored() const { return m_core->isRestored(); }  // read back from disk, not asked in since
    ConversationCore *core() const { return m_core; }
    DocumentPages *documentPages() const { return m_pages; }
    DocumentIndex *documentIndex() const { return m_index; }
    TurnEvidence *turnEvidence() const { return m_evidence; } // where each answer comes from (ui/evidence)
    // Where the answer of `turn` looked (asked with every question; kept for this run only, not
    // saved); null when it is not known (an answer from before this run, a failed one).
    const AttentionMaps *attentionOf(int turn) const;
    // A turn's pages as open now (file + 0-based page), found by content first.
    PageKeyList turnPages(int turn) const;
    QString pickNoteText() const;
    SessionWriter *sessionWriter() const { return m_writer.get(); }
    SessionStore *sessionStore() const { return &m_core->store(); }
    // Shows a saved conversation (from the history pane). False (reason in *error) when it cannot
    // be read; refused while an answer streams.
    bool openConversation(const QString &id, QString *error = nullptr);
    // Deletes a saved conversation; when it is the one on screen, the panel starts an empty one.
    bool deleteConversation(const QString &id, QString *error = nullptr);
    int savesDuringLastAnswer() const { return m_core->savesDuringLastAnswer(); }
    int flushIntervalMs() const { return m_core->flushIntervalMs(); }
    void setFlushIntervalMs(int ms) { m_core->setFlushIntervalMs(ms); }
    QString lastSaveError() const { return m_core->lastSaveError(); }

    // For tests and the window.
    QString question() const;
    void setQuestion(const QString &text);
    QString transcriptText() const;       // what the transcript shows, as plain text
    QString streamingText() const { return m_core->streamingText(); }
    bool isAnswering() const { return m_core->isAnswering(); }
    bool canAsk() const;
    QString askBlockedReason() const;     // why Ask is disabled ("" when it is enabled)
    QString bannerText() const;           // the demo-model banner ("" when hidden)
    int turnCount() const { return int(m_core->conversation().turns.size()); }
    QStringList pageLinks(int turn) const; // link texts of a turn's pages
    QStringList addedPageLinks(int turn) const; // link texts of the pages a turn added
    bool turnInterrupted(int turn) const;
    QString answerText(int turn) const;
    PageRefList conversationPages() const;
    // Pages checked but not in the conversation (what "Add N pages" would add).
    PageRefList pagesToAdd() const;
    bool offersAddPages() const;          // the Add / New choice is shown
    QTextBrowser *transcript() const { return m_transcript; }
    QString statusText() const;           // the last announcement (the status line's accessible name)

    int maxNewTokens() const;
    void setMaxNewTokens(int n);
    // Pages picked for a question (Options): how many (1-20, default 3), and whether Leopard picks
    // them even when pages are checked (the picked ones then replace the checked ones).
    int pagesPerQuestion() const;
    void setPagesPerQuestion(int n);
    bool alwaysPicksPages() const;
    void setAlwaysPicksPages(bool on);

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
    // No page was checked: these are the pages picked for the question (chat_pick.cpp). The window
    // checks them in the strip, which gives the panel their plan before the question goes out.
    void pagesPicked(const leopard::ui::PageKeyList &pages);
    // An evidence link of turn `turn` was followed (`index` into turnEvidence()->of(turn)), or its
    // "Show all evidence" (index -1).
    void evidenceActivated(int turn, int index);
    void attentionChanged(); // an answer's attention maps arrived, or the conversation changed

protected:
    void changeEvent(QEvent *event) override; // LanguageChange: retranslateUi()

private:
    void retranslateUi();
    void buildOptionsMenu();
    void askWith(ConversationCore::Mode mode);
    void started(const ConversationCore::Started &started);
    AskSettings askSettings() const;
    PageKeyList checkedKeys() const;
    PageRef pageRef(const PageKey &key) const;
    void updateModelState();
    void updateControls();
    void onAnswerFinished(const AskStats &stats);
    void onAnswerFailed(const QString &message);

    // Pages picked for a question (chat_pick.cpp)
    bool picksPages() const;            // nothing checked and no conversation to follow up
    bool pickPages();                   // false (and why, in the pick note) when none can be picked

    // The transcript (chat_transcript.cpp)
    void renderTranscript();
    void appendToken(const QString &text);
    void showPendingText();
    QString turnMarkdown(int index) const;

    // Evidence (chat_evidence.cpp)
    void requestEvidence(int turn, bool streaming);
    QString answerWithEvidenceLinks(int turn, const QString &answer) const;
    QString evidenceActionsMarkdown(int turn) const;
    void openEvidenceLink(const QUrl &url);
    int turnAt(const QPoint &viewportPos) const;
    void showTranscriptMenu(const QPoint &pos);
    void copyAnswer(int turn);
    void announce(const QString &shown, const QString &spoken);

    ModelHost *m_host;
    std::unique_ptr<SessionWriter> m_writer;
    DocumentPages *m_pages;
    DocumentIndex *m_index;             // the open documents' page text (ui/search)
    TurnEvidence *m_evidence;
    QString m_evidenceConversation;     // the conversation m_evidence is about
    QElapsedTimer m_evidenceTick;       // while streaming: numbers looked for at most every 400 ms
    bool m_evidenceRender = false;      // a re-render for new evidence is queued
    QHash<int, AttentionMaps> m_attention; // per turn of m_attentionConversation
    QString m_attentionConversation;
    ConversationCore *m_core;
    SelectionPlan m_plan;
    std::vector<std::pair<int, int>> m_turnEnds; // transcript position after each turn's actions -> turn
    bool m_stopping = false;
    QString m_pendingText;              // streamed text not on screen yet (showPendingText)
    QTimer m_streamTimer;
    QString m_replayStatus;             // "Re-reading the saved conversation (turn 1 of 3)…" while it runs

    QLabel *m_banner;
    QLabel *m_firstRun;
    QLabel *m_modelLabel;
    QProgressBar *m_loadBar;
    QToolButton *m_cancelLoad;
    QLabel *m_restoredNote;
    QLabel *m_pickNote;                 // "Picked: report.pdf p. 47, p. 48 — matched …"
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
    QSpinBox *m_pagesPerQuestion;
    QCheckBox *m_alwaysPick;
};

} // namespace leopard::ui
