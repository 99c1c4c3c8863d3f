#include "ui/chat_panel.h"

#include "ui/app_settings.h"
#include "ui/color_scheme.h"
#include "ui/page_pixels.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMetaMethod>
#include <QPointer>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QThreadPool>
#include <QTextBrowser>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace leopard::ui {

namespace {
// Links in the transcript: leopard-page:<turn>/<index into that turn's pages>,
// leopard-answer:copy/<turn> and leopard-answer:export/<turn>.
const QString kPageScheme = QStringLiteral("leopard-page");
const QString kAnswerScheme = QStringLiteral("leopard-answer");

// Markdown special characters in user text (questions, file names) are shown literally.
QString escapeMarkdown(QString s)
{
    static const QString specials = QStringLiteral("\\`*_{}[]()#+-.!<>|");
    QString out;
    out.reserve(s.size() * 2);
    for (const QChar c : s) {
        if (specials.contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

// Ctrl+Enter (or Enter without Shift) in the question box asks.
class QuestionEdit : public QPlainTextEdit
{
public:
    using QPlainTextEdit::QPlainTextEdit;
    std::function<void()> onSubmit;

protected:
    void keyPressEvent(QKeyEvent *e) override
    {
        if ((e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter) && !(e->modifiers() & Qt::ShiftModifier)) {
            if (onSubmit)
                onSubmit();
            return;
        }
        QPlainTextEdit::keyPressEvent(e);
    }
};
} // namespace

ChatPanel::ChatPanel(ModelHost *host, QWidget *parent, const QString &sessionsDirectory)
    : QWidget(parent),
      m_host(host),
      m_store(std::make_unique<SessionStore>(sessionsDirectory.isEmpty() ? SessionStore::defaultDirectory() : sessionsDirectory))
{
    setObjectName(QStringLiteral("chatPanel"));

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("demoBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    setNoticeStyle(m_banner, NoticeKind::Caution); // ui/color_scheme.h: follows the light/dark palette
    m_banner->setText(tr("Demo model loaded: random weights, answers are not meaningful — set the real Leopard-LLaVA checkpoint in Settings"));
    m_banner->hide();

    m_firstRun = new QLabel(this);
    m_firstRun->setObjectName(QStringLiteral("firstRunPanel"));
    m_firstRun->setWordWrap(true);
    m_firstRun->setTextFormat(Qt::RichText);
    m_firstRun->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_firstRun->setOpenExternalLinks(false);
    m_firstRun->setAccessibleName(tr("Getting the real model"));
    m_firstRun->setText(tr(
        "<p><b>Getting the real model</b></p>"
        "<p>Leopard Desk runs <b>wyu1/Leopard-LLaVA</b> from Hugging Face (a snapshot with two .bin shards, "
        "17 GB in all, plus config.json and the tokenizer files). Download it, for example with "
        "<code>huggingface-cli download wyu1/Leopard-LLaVA --local-dir ~/models/Leopard-LLaVA</code>, "
        "then point the app at that folder: <a href=\"settings\">Settings ▸ Preferences ▸ Model</a>, "
        "the <code>--model DIR</code> option, or the <code>LEOPARD_MODEL_DIR</code> environment variable.</p>"));
    connect(m_firstRun, &QLabel::linkActivated, this, &ChatPanel::settingsRequested);
    m_firstRun->hide();

    m_modelLabel = new QLabel(this);
    m_modelLabel->setObjectName(QStringLiteral("modelLabel"));
    m_modelLabel->setWordWrap(true);
    m_modelLabel->setAccessibleName(tr("Model status"));
    m_loadBar = new QProgressBar(this);
    m_loadBar->setObjectName(QStringLiteral("modelLoadProgress"));
    m_loadBar->setAccessibleName(tr("Model loading"));
    m_cancelLoad = new QToolButton(this);
    m_cancelLoad->setObjectName(QStringLiteral("cancelLoadButton"));
    m_cancelLoad->setText(tr("Cancel"));
    m_cancelLoad->setToolTip(tr("Stop loading the model"));
    m_cancelLoad->setAccessibleName(tr("Cancel loading the model"));
    connect(m_cancelLoad, &QToolButton::clicked, m_host, &ModelHost::cancel);
    auto *loadRow = new QHBoxLayout;
    loadRow->addWidget(m_loadBar, 1);
    loadRow->addWidget(m_cancelLoad);

    m_restoredNote = new QLabel(this);
    m_restoredNote->setObjectName(QStringLiteral("restoredNote"));
    m_restoredNote->setWordWrap(true);
    setNoticeStyle(m_restoredNote, NoticeKind::Info);
    m_restoredNote->setText(tr("Restored conversation. The model does not remember it: the next question starts a fresh "
                               "conversation with the model about the same pages."));
    m_restoredNote->hide();

    m_transcript = new QTextBrowser(this);
    m_transcript->setObjectName(QStringLiteral("transcript"));
    m_transcript->setOpenLinks(false); // page links are handled here, nothing leaves the app
    m_transcript->setAccessibleName(tr("Conversation"));
    m_transcript->setAccessibleDescription(tr("Questions and the model's answers; each answer has Copy and Export links"));
    m_transcript->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_transcript, &QTextBrowser::anchorClicked, this, &ChatPanel::openPageLink);
    connect(m_transcript, &QWidget::customContextMenuRequested, this, &ChatPanel::showTranscriptMenu);

    auto *edit = new QuestionEdit(this);
    edit->onSubmit = [this] { ask(); };
    m_question = edit;
    m_question->setObjectName(QStringLiteral("questionEdit"));
    m_question->setPlaceholderText(tr("Ask about the checked pages… (Enter to ask, Shift+Enter for a new line)"));
    m_question->setAccessibleName(tr("Question"));
    m_question->setMaximumHeight(m_question->fontMetrics().lineSpacing() * 4 + 12);
    connect(m_question, &QPlainTextEdit::textChanged, this, &ChatPanel::updateControls);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("askHint"));
    m_hint->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("answerStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleDescription(tr("Answer status"));
    m_askButton = new QPushButton(tr("Ask"), this);
    m_askButton->setObjectName(QStringLiteral("askButton"));
    m_askButton->setDefault(true);
    m_askButton->setAccessibleName(tr("Ask the question"));
    connect(m_askButton, &QPushButton::clicked, this, &ChatPanel::ask);
    m_addPagesButton = new QPushButton(this);
    m_addPagesButton->setObjectName(QStringLiteral("addPagesButton"));
    m_addPagesButton->setToolTip(tr("Ask in this conversation, giving the model the newly checked pages too"));
    connect(m_addPagesButton, &QPushButton::clicked, this, &ChatPanel::askAddingPages);
    m_newConversationButton = new QPushButton(tr("New conversation"), this);
    m_newConversationButton->setObjectName(QStringLiteral("newConversationAskButton"));
    m_newConversationButton->setToolTip(tr("Ask in a new conversation about the checked pages only"));
    m_newConversationButton->setAccessibleName(tr("Ask in a new conversation about the checked pages"));
    connect(m_newConversationButton, &QPushButton::clicked, this, &ChatPanel::askInNewConversation);
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(tr("Stop the answer (takes effect within one token)"));
    m_stopButton->setAccessibleName(tr("Stop the answer"));
    connect(m_stopButton, &QPushButton::clicked, this, &ChatPanel::stop);
    m_newButton = new QToolButton(this);
    m_newButton->setObjectName(QStringLiteral("newConversationButton"));
    m_newButton->setText(tr("New"));
    m_newButton->setToolTip(tr("Start a new conversation (the next question does not continue this one)"));
    m_newButton->setAccessibleName(tr("New conversation"));
    connect(m_newButton, &QToolButton::clicked, this, &ChatPanel::newConversation);
    m_exportButton = new QToolButton(this);
    m_exportButton->setObjectName(QStringLiteral("exportConversationButton"));
    m_exportButton->setText(tr("Export…"));
    m_exportButton->setToolTip(tr("Export this conversation"));
    m_exportButton->setAccessibleName(tr("Export the conversation"));
    connect(m_exportButton, &QToolButton::clicked, this, &ChatPanel::exportConversationRequested);
    m_optionsButton = new QToolButton(this);
    m_optionsButton->setObjectName(QStringLiteral("generationOptionsButton"));
    m_optionsButton->setText(tr("Options"));
    m_optionsButton->setPopupMode(QToolButton::InstantPopup);
    m_optionsButton->setAccessibleName(tr("Generation options"));
    buildOptionsMenu();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_exportButton);
    buttons->addWidget(m_optionsButton);
    buttons->addStretch(1);
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_askButton);
    // The choice when the checked pages differ from the conversation's: a row of its own (the
    // texts are long, and they replace Ask).
    auto *choice = new QHBoxLayout;
    choice->addStretch(1);
    choice->addWidget(m_newConversationButton);
    choice->addWidget(m_addPagesButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_modelLabel);
    layout->addLayout(loadRow);
    layout->addWidget(m_firstRun);
    layout->addWidget(m_restoredNote);
    layout->addWidget(m_transcript, 1);
    layout->addWidget(m_question);
    layout->addWidget(m_hint);
    layout->addWidget(m_status);
    layout->addLayout(choice);
    layout->addLayout(buttons);

    // Text already shown reaches the disk within a second even when no further token arrives
    // (a long prefill of a follow-up, a slow token): the recorder only saves when append() is called.
    m_flushTimer.setInterval(1000);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        if (m_recorder && !m_recorder->flush())
            m_saveError = m_recorder->lastError();
    });

    connect(m_host, &ModelHost::stateChanged, this, [this](ModelHost::State s) {
        if (s == ModelHost::State::Loading || s == ModelHost::State::NoModel || s == ModelHost::State::Failed)
            m_modelHasContext = false; // a (re)load drops the worker's conversation
        updateModelState();
    });
    connect(m_host, &ModelHost::loadProgress, this, [this](const QString &stage, qint64 done, qint64 total) {
        if (total > 0) {
            // Progress bars hold ints: count in KiB so a 17 GB checkpoint fits.
            m_loadBar->setRange(0, int(total / 1024));
            m_loadBar->setValue(int(done / 1024));
            m_modelLabel->setText(tr("Loading the model: %1 — %2 of %3 MB")
                                      .arg(stage)
                                      .arg(double(done) / 1e6, 0, 'f', 0)
                                      .arg(double(total) / 1e6, 0, 'f', 0));
        } else {
            m_loadBar->setRange(0, 0);
            m_modelLabel->setText(tr("Loading the model: %1…").arg(stage));
        }
    });
    connect(m_host, &ModelHost::token, this, &ChatPanel::appendToken);
    connect(m_host, &ModelHost::finished, this, [this](const AskStats &stats) {
        if (!m_answering)
            return;
        m_answering = false;
        m_stopping = false;
        Turn &t = m_turns.back();
        t.answer = stats.text;
        t.done = true;
        t.cancelled = stats.cancelled;
        if (t.followUp && !stats.followUp) {
            t.freshContext = true; // the worker had lost the conversation and started afresh
            if (!m_saved.turns.isEmpty())
                m_saved.turns.last().freshContext = true;
        }
        t.followUp = stats.followUp;
        m_modelHasContext = !(stats.cancelled && stats.tokens == 0);
        m_streaming.clear();
        endRecording(!stats.cancelled, stats.text);
        renderTranscript();
        updateControls();
        if (stats.cancelled)
            announce(tr("Answer stopped."), tr("Answer stopped: %1").arg(stats.text.left(400)));
        else
            announce(tr("Answer complete."), tr("Answer complete: %1").arg(stats.text.left(400)));
        emit answerFinished(stats);
        if (m_switchPending)
            onDocumentsHashed(m_hashGeneration, m_documentHashes);
    });
    connect(m_host, &ModelHost::failed, this, [this](const QString &message) {
        if (m_answering) {
            m_answering = false;
            m_stopping = false;
            Turn &t = m_turns.back();
            t.answer = m_streaming;
            t.error = message;
            t.done = true;
            endRecording(false, m_streaming);
            m_streaming.clear();
            m_modelHasContext = false; // the worker dropped the conversation
            renderTranscript();
            announce(tr("The answer failed."), tr("The answer failed: %1").arg(message));
            if (m_switchPending)
                onDocumentsHashed(m_hashGeneration, m_documentHashes);
        }
        updateModelState();
    });
    updateModelState();
}

ChatPanel::~ChatPanel()
{
    // An answer still streaming stays marked interrupted on disk, with what was shown.
    if (m_recorder)
        m_recorder->interrupt();
}

void ChatPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

// The constructor's and buildOptionsMenu()'s texts again, in the language now installed; the
// model line, the hint and the transcript ("You:", "About") are rebuilt from the state.
void ChatPanel::retranslateUi()
{
    m_banner->setText(tr("Demo model loaded: random weights, answers are not meaningful — set the real Leopard-LLaVA checkpoint in Settings"));
    m_firstRun->setText(tr(
        "<p><b>Getting the real model</b></p>"
        "<p>Leopard Desk runs <b>wyu1/Leopard-LLaVA</b> from Hugging Face (a snapshot with two .bin shards, "
        "17 GB in all, plus config.json and the tokenizer files). Download it, for example with "
        "<code>huggingface-cli download wyu1/Leopard-LLaVA --local-dir ~/models/Leopard-LLaVA</code>, "
        "then point the app at that folder: <a href=\"settings\">Settings ▸ Preferences ▸ Model</a>, "
        "the <code>--model DIR</code> option, or the <code>LEOPARD_MODEL_DIR</code> environment variable.</p>"));
    m_firstRun->setAccessibleName(tr("Getting the real model"));
    m_modelLabel->setAccessibleName(tr("Model status"));
    m_loadBar->setAccessibleName(tr("Model loading"));
    m_cancelLoad->setText(tr("Cancel"));
    m_cancelLoad->setToolTip(tr("Stop loading the model"));
    m_cancelLoad->setAccessibleName(tr("Cancel loading the model"));
    m_restoredNote->setText(tr("Restored conversation. The model does not remember it: the next question starts a fresh "
                               "conversation with the model about the same pages."));
    m_transcript->setAccessibleName(tr("Conversation"));
    m_transcript->setAccessibleDescription(tr("Questions and the model's answers; each answer has Copy and Export links"));
    m_status->setAccessibleDescription(tr("Answer status"));
    m_question->setPlaceholderText(tr("Ask about the checked pages… (Enter to ask, Shift+Enter for a new line)"));
    m_question->setAccessibleName(tr("Question"));
    m_askButton->setText(tr("Ask"));
    m_askButton->setAccessibleName(tr("Ask the question"));
    m_addPagesButton->setToolTip(tr("Ask in this conversation, giving the model the newly checked pages too"));
    m_newConversationButton->setText(tr("New conversation"));
    m_newConversationButton->setToolTip(tr("Ask in a new conversation about the checked pages only"));
    m_newConversationButton->setAccessibleName(tr("Ask in a new conversation about the checked pages"));
    m_stopButton->setText(tr("Stop"));
    m_stopButton->setToolTip(tr("Stop the answer (takes effect within one token)"));
    m_stopButton->setAccessibleName(tr("Stop the answer"));
    m_newButton->setText(tr("New"));
    m_newButton->setToolTip(tr("Start a new conversation (the next question does not continue this one)"));
    m_newButton->setAccessibleName(tr("New conversation"));
    m_exportButton->setText(tr("Export…"));
    m_exportButton->setToolTip(tr("Export this conversation"));
    m_exportButton->setAccessibleName(tr("Export the conversation"));
    m_optionsButton->setText(tr("Options"));
    m_optionsButton->setAccessibleName(tr("Generation options"));
    m_maxTokens->setAccessibleName(tr("Maximum new tokens"));
    m_temperature->setAccessibleName(tr("Temperature"));
    m_topP->setAccessibleName(tr("Top-p"));
    m_optionsButton->setToolTip(tr("Generation options: max new tokens, temperature (0 = greedy), top-p"));
    m_temperature->setSpecialValueText(tr("0 (greedy)"));
    if (auto *form = qobject_cast<QFormLayout *>(m_maxTokens->parentWidget()->layout())) {
        const std::pair<QWidget *, QString> rows[] = {
            {m_maxTokens, tr("Max new tokens:")}, {m_temperature, tr("Temperature:")}, {m_topP, tr("Top-p:")}};
        for (const auto &[field, text] : rows)
            if (auto *label = qobject_cast<QLabel *>(form->labelForField(field)))
                label->setText(text);
    }
    updateModelState();
    if (!m_turns.empty())
        renderTranscript();
}

void ChatPanel::buildOptionsMenu()
{
    auto *menu = new QMenu(m_optionsButton);
    auto *box = new QWidget(menu);
    auto *form = new QFormLayout(box);
    m_maxTokens = new QSpinBox(box);
    m_maxTokens->setObjectName(QStringLiteral("maxNewTokens"));
    m_maxTokens->setRange(1, 8192);
    m_maxTokens->setValue(128); // the reference's default
    m_maxTokens->setAccessibleName(tr("Maximum new tokens"));
    m_temperature = new QDoubleSpinBox(box);
    m_temperature->setObjectName(QStringLiteral("temperature"));
    m_temperature->setRange(0.0, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setSpecialValueText(tr("0 (greedy)"));
    m_temperature->setValue(0.0); // greedy, as the reference
    m_temperature->setAccessibleName(tr("Temperature"));
    m_topP = new QDoubleSpinBox(box);
    m_topP->setObjectName(QStringLiteral("topP"));
    m_topP->setRange(0.05, 1.0);
    m_topP->setSingleStep(0.05);
    m_topP->setValue(1.0);
    m_topP->setAccessibleName(tr("Top-p"));
    form->addRow(tr("Max new tokens:"), m_maxTokens);
    form->addRow(tr("Temperature:"), m_temperature);
    form->addRow(tr("Top-p:"), m_topP);
    // Remembered between sessions.
    QSettings settings;
    m_maxTokens->setValue(settings.value(QStringLiteral("chat/maxNewTokens"), 128).toInt());
    m_temperature->setValue(settings.value(QStringLiteral("chat/temperature"), 0.0).toDouble());
    m_topP->setValue(settings.value(QStringLiteral("chat/topP"), 1.0).toDouble());
    connect(m_maxTokens, &QSpinBox::valueChanged, this, [](int v) { QSettings().setValue(QStringLiteral("chat/maxNewTokens"), v); });
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, [](double v) { QSettings().setValue(QStringLiteral("chat/temperature"), v); });
    connect(m_topP, &QDoubleSpinBox::valueChanged, this, [](double v) { QSettings().setValue(QStringLiteral("chat/topP"), v); });
    auto *action = new QWidgetAction(menu);
    action->setDefaultWidget(box);
    menu->addAction(action);
    m_optionsButton->setMenu(menu);
    m_optionsButton->setToolTip(tr("Generation options: max new tokens, temperature (0 = greedy), top-p"));
}

int ChatPanel::maxNewTokens() const { return m_maxTokens->value(); }
void ChatPanel::setMaxNewTokens(int n) { m_maxTokens->setValue(n); }

QString ChatPanel::question() const { return m_question->toPlainText(); }
void ChatPanel::setQuestion(const QString &text) { m_question->setPlainText(text); }
QString ChatPanel::transcriptText() const { return m_transcript->toPlainText(); }
QString ChatPanel::bannerText() const { return m_banner->isVisibleTo(const_cast<ChatPanel *>(this)) ? m_banner->text() : QString(); }
QString ChatPanel::statusText() const { return m_status->accessibleName(); }

void ChatPanel::setSelectionPlan(const SelectionPlan &plan)
{
    m_plan = plan;
    updateControls();
}

PageRefList ChatPanel::pagesToAdd() const
{
    PageRefList out;
    if (m_turns.empty() || m_conversationPages.isEmpty())
        return out;
    for (const PageRef &p : m_plan.pages)
        if (!m_conversationPages.contains(p))
            out.push_back(p);
    return out;
}

bool ChatPanel::offersAddPages() const
{
    return !pagesToAdd().isEmpty();
}

QString ChatPanel::askBlockedReason() const
{
    switch (m_host->state()) {
    case ModelHost::State::NoModel:
    case ModelHost::State::Failed: return tr("No model is loaded.");
    case ModelHost::State::Loading: return tr("The model is loading…");
    case ModelHost::State::Busy: return tr("The model is answering.");
    case ModelHost::State::Ready: break;
    }
    if (m_hashPending > 0)
        return tr("Reading the open documents to find their saved conversations…");
    if (m_question->toPlainText().trimmed().isEmpty())
        return tr("Type a question.");
    if (m_plan.isEmpty() && m_conversationPages.isEmpty())
        return tr("Check the pages to ask about in the page strip.");
    if (m_plan.plan.overLimit)
        return tr("More than %1 pages are checked; the model takes at most %1.").arg(m_plan.plan.options.maxImages);
    return {};
}

bool ChatPanel::canAsk() const
{
    return !m_answering && askBlockedReason().isEmpty();
}

void ChatPanel::updateControls()
{
    const QString reason = askBlockedReason();
    const bool possible = !m_answering && reason.isEmpty();
    const PageRefList add = pagesToAdd();
    const bool choice = !add.isEmpty();
    m_askButton->setVisible(!choice);
    m_addPagesButton->setVisible(choice);
    m_newConversationButton->setVisible(choice);
    m_askButton->setEnabled(possible && (!m_plan.isEmpty() || !m_conversationPages.isEmpty()));
    m_addPagesButton->setEnabled(possible);
    m_newConversationButton->setEnabled(possible && !m_plan.isEmpty());
    if (choice) {
        // Short on the button (the dock is narrow); the hint line above says what the choice is.
        m_addPagesButton->setText(tr("Add %n page(s)", "", int(add.size())));
        m_addPagesButton->setAccessibleName(tr("Add %n page(s) to this conversation", "", int(add.size())));
    }
    m_stopButton->setEnabled(m_answering && !m_stopping);
    m_newButton->setEnabled(!m_answering && !m_turns.empty());
    m_exportButton->setEnabled(!m_answering && !m_turns.empty());
    m_restoredNote->setVisible(m_restored && !m_turns.empty());
    QString hint = reason;
    if (hint.isEmpty()) {
        const int n = int(m_conversationPages.size());
        if (choice)
            hint = tr("The checked pages differ from this conversation's %n page(s): add the new ones to it, or start a new conversation.", "", n);
        else if (!m_turns.empty() && !m_conversationPages.isEmpty())
            hint = m_modelHasContext ? tr("Follow-up about the same %n page(s).", "", n)
                                     : tr("Next question about the same %n page(s); the model starts afresh (it does not remember this conversation).", "", n);
        else
            hint = tr("New question about %n checked page(s) (%1 model images, plan on the right).", "", int(m_plan.pages.size()))
                       .arg(m_plan.plan.totalModelImages());
    }
    m_hint->setText(hint);
}

void ChatPanel::updateModelState()
{
    const ModelHost::State s = m_host->state();
    const bool loading = s == ModelHost::State::Loading;
    m_loadBar->setVisible(loading);
    m_cancelLoad->setVisible(loading);
    const bool demo = m_host->location().isDemo() && (s == ModelHost::State::Ready || s == ModelHost::State::Busy || loading);
    m_banner->setVisible(demo);
    m_firstRun->setVisible(m_host->location().isDemo() || m_host->location().directory.isEmpty() || s == ModelHost::State::Failed);
    switch (s) {
    case ModelHost::State::Loading:
        m_loadBar->setRange(0, 0);
        m_modelLabel->setText(tr("Loading the model from %1…").arg(m_host->location().directory));
        break;
    case ModelHost::State::Ready:
    case ModelHost::State::Busy: {
        const ModelInfo &i = m_host->info();
        m_modelLabel->setText(tr("Model: %1 (%2) · %3 · %4")
                                  .arg(i.directory, describeSource(m_host->location().source), i.device, i.dtype));
        break;
    }
    case ModelHost::State::Failed:
        m_modelLabel->setText(m_host->lastError());
        break;
    case ModelHost::State::NoModel:
        m_modelLabel->setText(m_host->lastError().isEmpty() ? tr("No model is loaded.") : m_host->lastError());
        break;
    }
    updateControls();
}

QString ChatPanel::pageLinkText(const PageRef &page)
{
    return tr("%1 p. %2").arg(page.document ? page.document->displayName() : QString()).arg(page.page + 1);
}

namespace {
QString savedLinkText(const SessionPageRef &ref)
{
    return ChatPanel::tr("%1 p. %2").arg(QFileInfo(ref.file).fileName()).arg(ref.page);
}
} // namespace

QStringList ChatPanel::pageLinks(int turn) const
{
    QStringList out;
    if (turn < 0 || turn >= int(m_turns.size()))
        return out;
    for (const SessionPageRef &p : m_turns[size_t(turn)].savedPages)
        out << savedLinkText(p);
    return out;
}

QStringList ChatPanel::addedPageLinks(int turn) const
{
    QStringList out;
    if (turn < 0 || turn >= int(m_turns.size()))
        return out;
    for (const SessionPageRef &p : m_turns[size_t(turn)].savedAdded)
        out << savedLinkText(p);
    return out;
}

bool ChatPanel::turnInterrupted(int turn) const
{
    return turn >= 0 && turn < int(m_turns.size()) && m_turns[size_t(turn)].interrupted;
}

QString ChatPanel::answerText(int turn) const
{
    return turn >= 0 && turn < int(m_turns.size()) ? m_turns[size_t(turn)].answer : QString();
}

SessionPageRef ChatPanel::sessionRef(const PageRef &page) const
{
    return {page.document ? page.document->sourcePath() : QString(), page.page + 1};
}

SessionGenerationSettings ChatPanel::currentSettings() const
{
    SessionGenerationSettings s;
    s.modelDir = m_host->info().directory;
    s.dtype = m_host->info().dtype;
    s.device = m_host->info().device;
    s.maxNewTokens = m_maxTokens->value();
    s.temperature = m_temperature->value();
    s.topP = m_topP->value();
    s.seed = 0;
    s.analysisDpi = m_plan.analysisDpi > 0 ? m_plan.analysisDpi : AppSettings::analysisDpi();
    return s;
}

SavedConversation ChatPanel::savedConversation() const
{
    return m_saved;
}

void ChatPanel::ask() { askWith(AskMode::Auto); }
void ChatPanel::askAddingPages() { askWith(AskMode::AddPages); }
void ChatPanel::askInNewConversation() { askWith(AskMode::NewConversation); }

void ChatPanel::askWith(AskMode mode)
{
    if (!canAsk())
        return;
    const QString q = m_question->toPlainText().trimmed();
    const double dpi = m_plan.analysisDpi > 0 ? m_plan.analysisDpi : AppSettings::analysisDpi();
    const PageRefList add = pagesToAdd();
    const bool inConversation = !m_turns.empty() && !m_conversationPages.isEmpty();
    if (mode == AskMode::Auto) {
        if (!add.isEmpty())
            return; // the user chooses: Add pages or New conversation (the hint says so)
        mode = inConversation ? AskMode::AddPages : AskMode::NewConversation;
    }
    if (mode == AskMode::AddPages && !inConversation)
        mode = AskMode::NewConversation;

    AskRequest request;
    request.question = q;
    request.maxNewTokens = m_maxTokens->value();
    request.temperature = float(m_temperature->value());
    request.topP = float(m_topP->value());
    Turn t;
    t.question = q;

    if (mode == AskMode::NewConversation) {
        if (m_plan.isEmpty())
            return;
        if (!m_turns.empty())
            newConversation();
        for (int i = 0; i < m_plan.pages.size(); ++i)
            request.pages.push_back(makeAskPage(m_plan.pages[i], m_plan.analysisDpi, m_plan.plan.images[size_t(i)]));
        m_conversationPages = m_plan.pages;
        m_conversationAskPages = request.pages;
        m_conversationImages = m_plan.plan.totalModelImages();
    } else if (m_modelHasContext) {
        // A follow-up; with new pages their images go into this turn, planned within what the
        // conversation has left of the model's 50 images.
        request.followUp = true;
        request.pages = m_conversationAskPages; // what the worker uses if it lost the conversation
        if (!add.isEmpty()) {
            PlanOptions options;
            options.maxImages = std::max(int(add.size()), 50 - m_conversationImages);
            const SelectionPlan addPlan = computeSelectionPlan(add, dpi, options);
            for (int i = 0; i < add.size(); ++i)
                request.newPages.push_back(makeAskPage(add[i], dpi, addPlan.plan.images[size_t(i)]));
            m_conversationAskPages.insert(m_conversationAskPages.end(), request.newPages.begin(), request.newPages.end());
            m_conversationPages += add;
            m_conversationImages += addPlan.plan.totalModelImages();
            t.added = add;
        }
        t.followUp = true;
    } else {
        // Restored (or the model lost it): a fresh model conversation about the conversation's
        // pages plus any added ones, planned together as a first question would be.
        PageRefList pages = m_conversationPages;
        pages += add;
        for (const PageRef &p : pages)
            if (!p.isValid())
                return;
        const SelectionPlan all = computeSelectionPlan(pages, dpi);
        if (all.plan.overLimit)
            return;
        request.pages.clear();
        for (int i = 0; i < pages.size(); ++i)
            request.pages.push_back(makeAskPage(pages[i], dpi, all.plan.images[size_t(i)]));
        m_conversationPages = pages;
        m_conversationAskPages = request.pages;
        m_conversationImages = all.plan.totalModelImages();
        t.added = add;
        t.freshContext = true;
    }
    t.pages = m_conversationPages;
    startRequest(request, t);
}

void ChatPanel::askAbout(const PageRefList &pages, const QString &question)
{
    if (m_answering || m_host->state() != ModelHost::State::Ready || m_hashPending > 0 || pages.isEmpty()
        || question.trimmed().isEmpty())
        return;
    for (const PageRef &p : pages)
        if (!p.isValid())
            return;
    const double dpi = m_plan.analysisDpi > 0 ? m_plan.analysisDpi : AppSettings::analysisDpi();
    const SelectionPlan plan = computeSelectionPlan(pages, dpi);
    if (plan.plan.overLimit)
        return;
    newConversation();
    AskRequest request;
    request.question = question.trimmed();
    request.maxNewTokens = m_maxTokens->value();
    request.temperature = float(m_temperature->value());
    request.topP = float(m_topP->value());
    for (int i = 0; i < pages.size(); ++i)
        request.pages.push_back(makeAskPage(pages[i], dpi, plan.plan.images[size_t(i)]));
    m_conversationPages = pages;
    m_conversationAskPages = request.pages;
    m_conversationImages = plan.plan.totalModelImages();
    Turn t;
    t.question = request.question;
    t.pages = pages;
    m_question->clear();
    startRequest(request, t);
}

void ChatPanel::startRequest(AskRequest request, Turn t)
{
    for (const PageRef &p : t.pages)
        t.savedPages << sessionRef(p);
    for (const PageRef &p : t.added)
        t.savedAdded << sessionRef(p);
    SessionTurn saved;
    saved.question = t.question;
    saved.pages = t.savedPages;
    saved.addedPages = t.savedAdded;
    saved.freshContext = t.freshContext;
    saved.settings = currentSettings();
    saved.asked = QDateTime::currentDateTimeUtc();
    m_turns.push_back(t);
    m_streaming.clear();
    m_answering = true;
    m_stopping = false;
    m_restored = false;
    m_askedThisRun = true;
    m_saveError.clear();
    if (m_saved.id.isEmpty() && !m_setKey.isEmpty())
        m_saved = m_store->create(identifiedDocuments());
    if (!m_saved.id.isEmpty()) {
        m_recorder = std::make_unique<AnswerRecorder>(m_store.get(), &m_saved);
        if (!m_recorder->begin(saved))
            m_saveError = m_recorder->lastError();
        m_flushTimer.start();
    } else {
        m_saved.turns.append(saved); // no documents identified: kept in memory only
    }
    m_question->clear();
    renderTranscript();
    m_host->ask(request);
    updateControls();
    announce(tr("Answering…"), tr("Answering…"));
    emit conversationsChanged();
}

void ChatPanel::endRecording(bool complete, const QString &finalText)
{
    m_flushTimer.stop();
    if (m_saved.turns.isEmpty())
        return;
    // The final text (the tokenizer's clean-up applied) replaces the streamed pieces.
    m_saved.turns.last().answer = finalText;
    if (m_recorder) {
        const bool ok = complete ? m_recorder->finish() : m_recorder->interrupt();
        if (!ok)
            m_saveError = m_recorder->lastError();
        m_savesLastAnswer = m_recorder->saves();
        m_recorder.reset();
    } else {
        m_saved.turns.last().state = complete ? TurnState::Complete : TurnState::Interrupted;
    }
    emit conversationsChanged();
}

void ChatPanel::stop()
{
    if (!m_answering)
        return;
    m_stopping = true;
    m_host->cancel();
    updateControls();
}

void ChatPanel::newConversation()
{
    if (m_answering)
        return;
    startEmptyConversation();
    emit conversationsChanged();
}

void ChatPanel::startEmptyConversation()
{
    m_turns.clear();
    m_conversationPages.clear();
    m_conversationAskPages.clear();
    m_conversationImages = 0;
    m_modelHasContext = false;
    m_restored = false;
    m_askedThisRun = false;
    m_saved = m_setKey.isEmpty() ? SavedConversation{} : m_store->create(identifiedDocuments());
    renderTranscript();
    updateControls();
}

void ChatPanel::appendToken(const QString &text)
{
    if (!m_answering)
        return;
    m_streaming += text;
    if (m_recorder) {
        if (!m_recorder->append(text))
            m_saveError = m_recorder->lastError();
    } else if (!m_saved.turns.isEmpty()) {
        m_saved.turns.last().answer += text;
    }
    // Plain text at the end of the document: cheap per token, whatever the transcript's length.
    QTextCursor cursor(m_transcript->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
    QScrollBar *bar = m_transcript->verticalScrollBar();
    bar->setValue(bar->maximum());
}

QString ChatPanel::turnMarkdown(int index) const
{
    const Turn &t = m_turns[size_t(index)];
    QString md = QStringLiteral("**%1** %2\n\n").arg(tr("You:"), escapeMarkdown(t.question));
    QStringList links;
    for (int i = 0; i < t.savedPages.size(); ++i)
        links << QStringLiteral("[%1](%2:%3/%4)").arg(escapeMarkdown(savedLinkText(t.savedPages[i])), kPageScheme).arg(index).arg(i);
    md += QStringLiteral("*%1* %2\n\n").arg(t.followUp ? tr("Follow-up about") : tr("About"), links.join(QStringLiteral(", ")));
    if (!t.savedAdded.isEmpty()) {
        QStringList added;
        for (const SessionPageRef &p : t.savedAdded)
            added << escapeMarkdown(savedLinkText(p));
        md += QStringLiteral("*%1* %2\n\n").arg(tr("Pages added in this turn:"), added.join(QStringLiteral(", ")));
    }
    if (t.freshContext)
        md += QStringLiteral("*%1*\n\n").arg(tr("(The model started afresh here: it did not see the earlier turns.)"));
    if (t.done) {
        md += t.answer.isEmpty() ? QStringLiteral("*%1*").arg(tr("(no answer)")) : t.answer;
        md += QStringLiteral("\n\n");
        if (t.interrupted)
            md += QStringLiteral("*%1*\n\n").arg(tr("Interrupted: the app stopped before this answer was complete."));
        else if (t.cancelled)
            md += QStringLiteral("*%1*\n\n").arg(tr("Stopped."));
        if (!t.error.isEmpty())
            md += QStringLiteral("**%1** %2\n\n").arg(tr("Error:"), escapeMarkdown(t.error));
        md += QStringLiteral("[%1](%2:copy/%3) · [%4](%2:export/%3)\n\n")
                  .arg(tr("Copy"), kAnswerScheme).arg(index).arg(tr("Export…"));
    }
    md += QStringLiteral("---\n\n");
    return md;
}

void ChatPanel::renderTranscript()
{
    QString md;
    for (int i = 0; i < int(m_turns.size()); ++i)
        md += turnMarkdown(i);
    m_transcript->setMarkdown(md);
    // Where each turn ends (its Copy link), for the context menu.
    m_turnEnds.clear();
    for (QTextBlock b = m_transcript->document()->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isAnchor() && f.anchorHref().startsWith(kAnswerScheme + QStringLiteral(":copy/")))
                m_turnEnds.emplace_back(b.position() + b.length(), f.anchorHref().section(QLatin1Char('/'), -1).toInt());
        }
    if (m_answering) {
        // The answer streams into a fresh paragraph after the question.
        QTextCursor cursor(m_transcript->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertBlock();
        cursor.insertText(m_streaming);
    }
    QScrollBar *bar = m_transcript->verticalScrollBar();
    bar->setValue(bar->maximum());
}

int ChatPanel::turnAt(const QPoint &viewportPos) const
{
    const int pos = m_transcript->cursorForPosition(viewportPos).position();
    for (const auto &[end, turn] : m_turnEnds)
        if (pos < end)
            return turn;
    return -1; // below the last finished answer (or the one streaming)
}

void ChatPanel::showTranscriptMenu(const QPoint &pos)
{
    std::unique_ptr<QMenu> menu(m_transcript->createStandardContextMenu());
    const int turn = m_answering ? -1 : turnAt(pos);
    menu->addSeparator();
    QAction *copy = menu->addAction(tr("Copy Answer"));
    QAction *exportOne = menu->addAction(tr("Export Answer…"));
    copy->setEnabled(turn >= 0);
    exportOne->setEnabled(turn >= 0);
    QAction *exportAll = menu->addAction(tr("Export Conversation…"));
    exportAll->setEnabled(!m_answering && !m_turns.empty());
    connect(copy, &QAction::triggered, this, [this, turn] { copyAnswer(turn); });
    connect(exportOne, &QAction::triggered, this, [this, turn] { emit exportAnswerRequested(turn); });
    connect(exportAll, &QAction::triggered, this, &ChatPanel::exportConversationRequested);
    menu->exec(m_transcript->viewport()->mapToGlobal(pos));
}

void ChatPanel::copyAnswer(int turn)
{
    if (turn < 0 || turn >= int(m_turns.size()))
        return;
    if (isSignalConnected(QMetaMethod::fromSignal(&ChatPanel::copyAnswerRequested)))
        emit copyAnswerRequested(turn);
    else
        QApplication::clipboard()->setText(m_turns[size_t(turn)].answer);
}

void ChatPanel::announce(const QString &shown, const QString &spoken)
{
    // Qt 6.4 has no QAccessibleAnnouncementEvent: the status line's accessible name becomes the
    // announcement (with the answer's text, which the line itself does not repeat on screen), and
    // NameChanged + Alert make screen readers read it.
    m_status->setText(shown);
    m_status->setAccessibleName(spoken);
    QAccessibleEvent changed(m_status, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&changed);
    QAccessibleEvent alert(m_status, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void ChatPanel::openPageLink(const QUrl &url)
{
    const QStringList parts = url.path().split(QLatin1Char('/'));
    if (url.scheme() == kAnswerScheme) {
        if (parts.size() != 2 || m_answering)
            return;
        const int turn = parts[1].toInt();
        if (turn < 0 || turn >= int(m_turns.size()))
            return;
        if (parts[0] == QLatin1String("copy"))
            copyAnswer(turn);
        else if (parts[0] == QLatin1String("export"))
            emit exportAnswerRequested(turn);
        return;
    }
    if (url.scheme() != kPageScheme || parts.size() != 2)
        return;
    const int turn = parts[0].toInt();
    const int page = parts[1].toInt();
    if (turn < 0 || turn >= int(m_turns.size()) || page < 0 || page >= m_turns[size_t(turn)].savedPages.size())
        return;
    const Turn &t = m_turns[size_t(turn)];
    PageRef ref = page < t.pages.size() ? t.pages[page] : PageRef{};
    if (!ref.isValid() || !m_documents.contains(ref.document))
        ref = resolvePage(t.savedPages[page], m_saved); // restored, or its document was reopened
    if (ref.isValid())
        emit pageActivated(ref);
}

// ---- sessions ---------------------------------------------------------------------------------

PageRef ChatPanel::resolvePage(const SessionPageRef &ref, const SavedConversation &c) const
{
    // By content first (the file may have moved since), then by path.
    QString sha;
    for (const SessionDocument &d : c.documents)
        if (d.path == ref.file)
            sha = d.sha256;
    int found = -1;
    if (!sha.isEmpty() && m_documentHashes.size() == m_documents.size())
        for (int i = 0; i < m_documentHashes.size() && found < 0; ++i)
            if (m_documentHashes[i].sha256 == sha)
                found = i;
    for (int i = 0; i < m_documents.size() && found < 0; ++i)
        if (m_documents[i]->sourcePath() == ref.file)
            found = i;
    if (found < 0)
        return {};
    const PageRef p{m_documents[found], ref.page - 1};
    return p.isValid() ? p : PageRef{};
}

QList<SessionDocument> ChatPanel::identifiedDocuments() const
{
    QList<SessionDocument> out;
    for (const SessionDocument &d : m_documentHashes)
        if (!d.sha256.isEmpty()) // an unreadable file is not part of the set
            out << d;
    return out;
}

void ChatPanel::setDocuments(const QVector<viewer::DocumentPtr> &documents)
{
    if (m_hashGeneration > 0 && documents == m_documents)
        return; // the same documents (being) identified already
    m_documents = documents;
    const quint64 generation = ++m_hashGeneration;
    m_documentHashes.clear();
    struct Job { QString path; qint64 size; QDateTime modified; QString cached; };
    QVector<Job> jobs;
    for (const viewer::DocumentPtr &d : documents) {
        const QFileInfo fi(d->sourcePath());
        Job j{fi.absoluteFilePath(), fi.size(), fi.lastModified(), {}};
        const auto hit = m_hashCache.constFind(j.path);
        if (hit != m_hashCache.cend() && hit->size == j.size && hit->modified == j.modified)
            j.cached = hit->sha;
        jobs << j;
    }
    m_hashPending = 1;
    updateControls();
    // Reading a 1 GB file takes a second: never on the GUI thread.
    QPointer<ChatPanel> self(this);
    QThreadPool::globalInstance()->start([self, generation, jobs] {
        QList<SessionDocument> docs;
        QVector<Job> done = jobs;
        for (Job &j : done) {
            if (j.cached.isEmpty())
                j.cached = SessionStore::hashDocument(j.path); // empty when unreadable
            docs.append({j.path, j.cached});
        }
        QMetaObject::invokeMethod(qApp, [self, generation, docs, done] {
            if (!self)
                return;
            for (const Job &j : done)
                if (!j.cached.isEmpty())
                    self->m_hashCache.insert(j.path, {j.size, j.modified, j.cached});
            self->onDocumentsHashed(generation, docs);
        }, Qt::QueuedConnection);
    });
}

void ChatPanel::onDocumentsHashed(quint64 generation, const QList<SessionDocument> &docsIn)
{
    if (generation != m_hashGeneration)
        return; // the documents changed again meanwhile
    QList<SessionDocument> docs;
    for (const SessionDocument &d : docsIn)
        if (!d.sha256.isEmpty())
            docs << d;
    m_documentHashes = docsIn;
    m_hashPending = 0;
    if (m_answering) { // the recorder writes into m_saved: switch when the answer ends
        m_switchPending = true;
        updateControls();
        return;
    }
    m_switchPending = false;
    const QString key = docs.isEmpty() ? QString() : SessionStore::documentSetKey(docs);
    const bool changed = key != m_setKey;
    m_setKey = key;
    if (changed) {
        // Keep a conversation the user is in (asked in this run) while its pages are all open;
        // otherwise show the newest saved conversation of these documents.
        bool keep = m_askedThisRun && !m_turns.empty() && !m_conversationPages.isEmpty();
        for (const PageRef &p : m_conversationPages)
            keep = keep && m_documents.contains(p.document);
        if (!keep) {
            bool shown = false;
            if (!key.isEmpty()) {
                for (const SessionSummary &s : m_store->list(key)) {
                    if (!s.error.isEmpty() || s.turns == 0)
                        continue;
                    const LoadResult r = m_store->load(s.id);
                    if (r.ok()) {
                        showConversation(r.conversation);
                        shown = true;
                        break;
                    }
                }
            }
            if (!shown)
                startEmptyConversation();
        }
    }
    updateControls();
    emit documentsIdentifiedChanged();
    emit conversationsChanged();
}

void ChatPanel::showConversation(const SavedConversation &c)
{
    m_saved = c;
    m_turns.clear();
    for (const SessionTurn &st : c.turns) {
        Turn t;
        t.question = st.question;
        t.answer = st.answer;
        t.done = true;
        t.interrupted = st.state == TurnState::Interrupted;
        t.freshContext = st.freshContext;
        t.followUp = false;
        t.savedPages = st.pages;
        t.savedAdded = st.addedPages;
        for (const SessionPageRef &r : st.pages)
            t.pages << resolvePage(r, c);
        for (const SessionPageRef &r : st.addedPages)
            t.added << resolvePage(r, c);
        m_turns.push_back(t);
    }
    // The next question is about the last turn's pages, when they are all open.
    m_conversationPages.clear();
    m_conversationAskPages.clear();
    m_conversationImages = 0;
    if (!m_turns.empty()) {
        bool all = true;
        for (const PageRef &p : m_turns.back().pages)
            all = all && p.isValid();
        if (all)
            m_conversationPages = m_turns.back().pages;
    }
    m_modelHasContext = false;
    m_restored = !m_turns.empty();
    m_askedThisRun = false;
    renderTranscript();
    updateControls();
}

bool ChatPanel::openConversation(const QString &id, QString *error)
{
    if (m_answering) {
        if (error)
            *error = tr("Wait for the answer to finish (or stop it) before opening another conversation.");
        return false;
    }
    const LoadResult r = m_store->load(id);
    if (!r.ok()) {
        if (error)
            *error = r.error;
        return false;
    }
    showConversation(r.conversation);
    emit conversationsChanged();
    return true;
}

bool ChatPanel::deleteConversation(const QString &id, QString *error)
{
    if (m_answering && id == m_saved.id) {
        if (error)
            *error = tr("This conversation is being answered; stop the answer first.");
        return false;
    }
    if (!m_store->remove(id, error))
        return false;
    if (id == m_saved.id)
        startEmptyConversation();
    emit conversationsChanged();
    return true;
}

} // namespace leopard::ui
