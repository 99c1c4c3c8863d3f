#include "ui/chat/chat_panel.h"

#include "ui/evidence/turn_evidence.h"
#include "ui/search/document_index.h"

#include "ui/conversation/session_writer.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/color_scheme.h"

#include <QApplication>
#include <QEvent>
#include <QFormLayout>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace leopard::ui {

namespace {
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
      m_writer(std::make_unique<SessionWriter>(sessionsDirectory.isEmpty() ? SessionStore::defaultDirectory() : sessionsDirectory)),
      m_pages(new DocumentPages(this)),
      m_index(new DocumentIndex(index::PageIndex::defaultPath(), this)),
      m_evidence(new TurnEvidence(m_index, this)),
      m_core(new ConversationCore(m_writer.get(), this))
{
    setObjectName(QStringLiteral("chatPanel"));

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("demoBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    setNoticeStyle(m_banner, NoticeKind::Caution); // ui/settings/color_scheme.h: follows the light/dark palette
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
    m_restoredNote->hide();
    m_pickNote = new QLabel(this);
    m_pickNote->setObjectName(QStringLiteral("pickNote"));
    m_pickNote->setWordWrap(true);
    setNoticeStyle(m_pickNote, NoticeKind::Info);
    m_pickNote->hide();

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
    m_question->setPlaceholderText(tr("Ask about the checked pages, or with none checked about the whole document… (Enter to ask, Shift+Enter for a new line)"));
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
    layout->addWidget(m_pickNote);
    layout->addWidget(m_transcript, 1);
    layout->addWidget(m_question);
    layout->addWidget(m_hint);
    layout->addWidget(m_status);
    layout->addLayout(choice);
    layout->addLayout(buttons);

    m_streamTimer.setSingleShot(true);
    m_streamTimer.setInterval(33);
    connect(&m_streamTimer, &QTimer::timeout, this, &ChatPanel::showPendingText);
    m_core->setPageSource(m_pages);
    connect(m_pages, &DocumentPages::identified, this, [this] {
        m_core->setDocuments(m_pages->identifiedDocuments());
        QList<QPair<SessionDocument, viewer::DocumentPtr>> docs;
        for (const SessionDocument &d : m_pages->identifiedDocuments())
            if (const viewer::DocumentPtr doc = m_pages->document(d.path))
                docs << qMakePair(d, doc);
        m_index->setDocuments(docs); // their page text, read in the background when new
        updateControls();
        emit documentsIdentifiedChanged();
        emit conversationsChanged();
    });
    connect(m_core, &ConversationCore::changed, this, [this] {
        if (!m_core->isAnswering())
            renderTranscript();
        updateControls();
    });
    connect(m_core, &ConversationCore::conversationsChanged, this, &ChatPanel::conversationsChanged);
    connect(m_core, &ConversationCore::saveFailed, this, [this](const QString &message) {
        announce(tr("The conversation could not be saved: %1").arg(message), tr("The conversation could not be saved: %1").arg(message));
    });

    // New evidence for a finished answer: its links appear (one re-render for several turns).
    connect(m_evidence, &TurnEvidence::changed, this, [this](int turn) {
        if ((isAnswering() && turn == turnCount() - 1) || m_evidenceRender)
            return;
        m_evidenceRender = true;
        QTimer::singleShot(0, this, [this] {
            m_evidenceRender = false;
            renderTranscript();
        });
    });
    connect(m_index, &DocumentIndex::progress, this, &ChatPanel::updateControls);
    connect(m_index, &DocumentIndex::ready, this, &ChatPanel::updateControls);
    connect(m_host, &ModelHost::stateChanged, this, [this] { updateModelState(); });
    connect(m_host, &ModelHost::modelReady, this, [this](const ModelInfo &info) { m_core->setVocabularySize(info.vocabSize); });
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
    connect(m_host, &ModelHost::replayProgress, this, [this](int done, int total) {
        if (!m_core->isAnswering())
            return;
        if (done < total)
            announce(tr("Re-reading the saved conversation (turn %1 of %2)…").arg(done + 1).arg(total),
                     tr("Re-reading the saved conversation"));
        else
            announce(tr("Answering…"), tr("Answering…"));
    });
    connect(m_host, &ModelHost::token, this, &ChatPanel::appendToken);
    connect(m_host, &ModelHost::finished, this, &ChatPanel::onAnswerFinished);
    connect(m_host, &ModelHost::failed, this, &ChatPanel::onAnswerFailed);
    updateModelState();
}

ChatPanel::~ChatPanel()
{
    // The core marks an answer still streaming interrupted; the writer then writes what is queued.
    delete m_core;
    m_core = nullptr;
}

void ChatPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

// The constructor's and buildOptionsMenu()'s texts again, in the language now installed; the
// model line, the hint, the restored note and the transcript ("You:", "About") are rebuilt from the state.
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
    m_transcript->setAccessibleName(tr("Conversation"));
    m_transcript->setAccessibleDescription(tr("Questions and the model's answers; each answer has Copy and Export links"));
    m_status->setAccessibleDescription(tr("Answer status"));
    m_question->setPlaceholderText(tr("Ask about the checked pages, or with none checked about the whole document… (Enter to ask, Shift+Enter for a new line)"));
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
    if (turnCount() > 0 && !isAnswering())
        renderTranscript();
}


QString ChatPanel::question() const { return m_question->toPlainText(); }
void ChatPanel::setQuestion(const QString &text) { m_question->setPlainText(text); }
// With the streamed text not drawn yet (it is, within 33 ms).
QString ChatPanel::transcriptText() const { return m_transcript->toPlainText() + m_pendingText; }
QString ChatPanel::bannerText() const { return m_banner->isVisibleTo(const_cast<ChatPanel *>(this)) ? m_banner->text() : QString(); }
QString ChatPanel::statusText() const { return m_status->accessibleName(); }

void ChatPanel::setSelectionPlan(const SelectionPlan &plan)
{
    m_plan = plan;
    updateControls();
}

void ChatPanel::setDocuments(const QVector<viewer::DocumentPtr> &documents)
{
    const bool was = m_pages->isIdentified();
    m_pages->setDocuments(documents);
    if (was != m_pages->isIdentified())
        updateControls();
}

PageKeyList ChatPanel::checkedKeys() const
{
    PageKeyList keys;
    for (const PageRef &p : m_plan.pages)
        if (p.document)
            keys << PageKey{p.document->sourcePath(), p.page};
    return keys;
}

PageRef ChatPanel::pageRef(const PageKey &key) const
{
    const PageRef ref{m_pages->document(key.file), key.page};
    return ref.isValid() ? ref : PageRef{};
}

PageRefList ChatPanel::conversationPages() const
{
    PageRefList out;
    for (const PageKey &k : m_core->conversationPages())
        out << pageRef(k);
    return out;
}

PageRefList ChatPanel::pagesToAdd() const
{
    PageRefList out;
    const ConversationCore::Outlook o = m_core->outlook(checkedKeys());
    if (o.inConversation)
        for (const PageKey &k : o.toAdd)
            out << pageRef(k);
    return out;
}

bool ChatPanel::offersAddPages() const
{
    return !pagesToAdd().isEmpty();
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
        QString text = tr("Model: %1 (%2) · %3 · %4")
                           .arg(i.directory, describeSource(m_host->location().source), i.device, i.dtype);
        if (i.weights == QLatin1String("int8") || i.weights == QLatin1String("int4"))
            text += tr(" · %1 weights (%2)").arg(i.weights, QLocale().formattedDataSize(i.weightBytes, 1, QLocale::DataSizeSIFormat));
        m_modelLabel->setText(text);
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

void ChatPanel::ask() { askWith(ConversationCore::Mode::Auto); }
void ChatPanel::askAddingPages() { askWith(ConversationCore::Mode::AddPages); }
void ChatPanel::askInNewConversation() { askWith(ConversationCore::Mode::NewConversation); }

void ChatPanel::askWith(ConversationCore::Mode mode)
{
    if (!canAsk())
        return;
    m_pickNote->hide();
    if (picksPages() && !pickPages())
        return;
    const ConversationCore::Started s = m_core->ask(m_question->toPlainText(), checkedKeys(), mode, askSettings());
    if (s.ok())
        started(s);
}

void ChatPanel::askAbout(const PageRefList &pages, const QString &question)
{
    if (isAnswering() || m_host->state() != ModelHost::State::Ready || !m_pages->isIdentified())
        return;
    PageKeyList keys;
    for (const PageRef &p : pages) {
        if (!p.isValid())
            return;
        keys << PageKey{p.document->sourcePath(), p.page};
    }
    const ConversationCore::Started s = m_core->askAbout(keys, question, askSettings());
    if (s.ok())
        started(s);
}

void ChatPanel::started(const ConversationCore::Started &s)
{
    m_stopping = false;
    m_question->clear();
    renderTranscript();
    m_host->ask(s.request);
    updateControls();
    announce(tr("Answering…"), tr("Answering…"));
}

void ChatPanel::onAnswerFinished(const AskStats &stats)
{
    if (!isAnswering())
        return;
    m_stopping = false;
    if (m_attentionConversation != m_core->conversation().id) {
        m_attention.clear();
        m_attentionConversation = m_core->conversation().id;
    }
    if (!stats.attention.empty())
        m_attention.insert(turnCount() - 1, stats.attention);
    m_core->finishAnswer(stats); // renders the transcript (changed())
    emit attentionChanged();
    if (stats.cancelled)
        announce(tr("Answer stopped."), tr("Answer stopped: %1").arg(stats.text.left(400)));
    else
        announce(tr("Answer complete."), tr("Answer complete: %1").arg(stats.text.left(400)));
    emit answerFinished(stats);
}

void ChatPanel::onAnswerFailed(const QString &message)
{
    if (isAnswering()) {
        m_stopping = false;
        m_core->failAnswer(message);
        announce(tr("The answer failed."), tr("The answer failed: %1").arg(message));
    }
    updateModelState();
}

void ChatPanel::stop()
{
    if (!isAnswering())
        return;
    m_stopping = true;
    m_host->cancel();
    updateControls();
}

void ChatPanel::newConversation()
{
    if (isAnswering())
        return;
    m_core->startEmpty();
}

bool ChatPanel::openConversation(const QString &id, QString *error)
{
    return m_core->open(id, error);
}

bool ChatPanel::deleteConversation(const QString &id, QString *error)
{
    return m_core->remove(id, error);
}

} // namespace leopard::ui
