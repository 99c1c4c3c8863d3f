#pragma once
// "Ask" dock: questions about the checked pages, answered by the model as it streams.
//
// A conversation is about one set of pages (the checked pages when it started, with their crop
// plan). The next question continues it (a follow-up: the model's KV cache and the chat template
// carry on) as long as the checked pages are the same; checking other pages starts a new one.
// Each answer lists the pages it was about as links ("sample-report.pdf p. 3") that show the page.
// While an answer streams it is shown as plain text; when it is complete it is rendered as Markdown.
//
// The model itself lives on ModelHost's thread; this widget never waits for it.

#include "ui/model_host.h"
#include "ui/selection_plan.h"

#include <QWidget>

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
    explicit ChatPanel(ModelHost *host, QWidget *parent = nullptr);

    void setSelectionPlan(const SelectionPlan &plan);

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
    QTextBrowser *transcript() const { return m_transcript; }

    int maxNewTokens() const;
    void setMaxNewTokens(int n);

public slots:
    void ask();
    void stop();
    void newConversation();
    void openPageLink(const QUrl &url);

signals:
    void pageActivated(const leopard::ui::PageRef &page);
    void settingsRequested();
    void answerFinished(const leopard::AskStats &stats);

protected:
    void changeEvent(QEvent *event) override; // LanguageChange: retranslateUi()

private:
    void retranslateUi();

    struct Turn {
        QString question;
        PageRefList pages;      // the pages this answer is about
        QString answer;         // final text (Markdown) once done, the streamed text before
        bool done = false;
        bool cancelled = false;
        bool followUp = false;
        QString error;
    };

    void buildOptionsMenu();
    void updateModelState();
    void updateControls();
    void renderTranscript();
    void appendToken(const QString &text);
    QString turnMarkdown(int index) const;
    static QString pageLinkText(const PageRef &page);

    ModelHost *m_host;
    SelectionPlan m_plan;
    PageRefList m_conversationPages;  // the pages the current conversation is about
    std::vector<Turn> m_turns;
    QString m_streaming;
    bool m_answering = false;
    bool m_stopping = false;

    QLabel *m_banner;
    QLabel *m_firstRun;
    QLabel *m_modelLabel;
    QProgressBar *m_loadBar;
    QToolButton *m_cancelLoad;
    QTextBrowser *m_transcript;
    QPlainTextEdit *m_question;
    QLabel *m_hint;
    QPushButton *m_askButton;
    QPushButton *m_stopButton;
    QToolButton *m_newButton;
    QToolButton *m_optionsButton;
    QSpinBox *m_maxTokens;
    QDoubleSpinBox *m_temperature;
    QDoubleSpinBox *m_topP;
};

} // namespace leopard::ui
