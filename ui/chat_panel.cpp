#include "ui/chat_panel.h"

#include "ui/page_pixels.h"

#include <QEvent>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QTextBrowser>
#include <QTextCursor>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace leopard::ui {

namespace {
// Links in the transcript: leopard-page:<turn>/<index into that turn's pages>.
const QString kPageScheme = QStringLiteral("leopard-page");

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

ChatPanel::ChatPanel(ModelHost *host, QWidget *parent)
    : QWidget(parent),
      m_host(host)
{
    setObjectName(QStringLiteral("chatPanel"));

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("demoBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; border: 1px solid #ffecb5; padding: 6px; }"));
    m_banner->setText(tr("Demo model loaded: random weights, answers are not meaningful — set the real Leopard-LLaVA checkpoint in Settings"));
    m_banner->hide();

    m_firstRun = new QLabel(this);
    m_firstRun->setObjectName(QStringLiteral("firstRunPanel"));
    m_firstRun->setWordWrap(true);
    m_firstRun->setTextFormat(Qt::RichText);
    m_firstRun->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_firstRun->setOpenExternalLinks(false);
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
    m_loadBar = new QProgressBar(this);
    m_loadBar->setObjectName(QStringLiteral("modelLoadProgress"));
    m_loadBar->setAccessibleName(tr("Model loading"));
    m_cancelLoad = new QToolButton(this);
    m_cancelLoad->setObjectName(QStringLiteral("cancelLoadButton"));
    m_cancelLoad->setText(tr("Cancel"));
    m_cancelLoad->setToolTip(tr("Stop loading the model"));
    connect(m_cancelLoad, &QToolButton::clicked, m_host, &ModelHost::cancel);
    auto *loadRow = new QHBoxLayout;
    loadRow->addWidget(m_loadBar, 1);
    loadRow->addWidget(m_cancelLoad);

    m_transcript = new QTextBrowser(this);
    m_transcript->setObjectName(QStringLiteral("transcript"));
    m_transcript->setOpenLinks(false); // page links are handled here, nothing leaves the app
    m_transcript->setAccessibleName(tr("Conversation"));
    connect(m_transcript, &QTextBrowser::anchorClicked, this, &ChatPanel::openPageLink);

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
    m_askButton = new QPushButton(tr("Ask"), this);
    m_askButton->setObjectName(QStringLiteral("askButton"));
    m_askButton->setDefault(true);
    connect(m_askButton, &QPushButton::clicked, this, &ChatPanel::ask);
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(tr("Stop the answer (takes effect within one token)"));
    connect(m_stopButton, &QPushButton::clicked, this, &ChatPanel::stop);
    m_newButton = new QToolButton(this);
    m_newButton->setObjectName(QStringLiteral("newConversationButton"));
    m_newButton->setText(tr("New"));
    m_newButton->setToolTip(tr("Start a new conversation (the next question does not continue this one)"));
    connect(m_newButton, &QToolButton::clicked, this, &ChatPanel::newConversation);
    m_optionsButton = new QToolButton(this);
    m_optionsButton->setObjectName(QStringLiteral("generationOptionsButton"));
    m_optionsButton->setText(tr("Options"));
    m_optionsButton->setPopupMode(QToolButton::InstantPopup);
    buildOptionsMenu();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_optionsButton);
    buttons->addStretch(1);
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_askButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_modelLabel);
    layout->addLayout(loadRow);
    layout->addWidget(m_firstRun);
    layout->addWidget(m_transcript, 1);
    layout->addWidget(m_question);
    layout->addWidget(m_hint);
    layout->addLayout(buttons);

    connect(m_host, &ModelHost::stateChanged, this, &ChatPanel::updateModelState);
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
        t.followUp = stats.followUp;
        m_streaming.clear();
        renderTranscript();
        updateControls();
        emit answerFinished(stats);
    });
    connect(m_host, &ModelHost::failed, this, [this](const QString &message) {
        if (m_answering) {
            m_answering = false;
            m_stopping = false;
            Turn &t = m_turns.back();
            t.answer = m_streaming;
            t.error = message;
            t.done = true;
            m_streaming.clear();
            m_conversationPages.clear(); // the worker dropped the conversation
            renderTranscript();
        }
        updateModelState();
    });
    updateModelState();
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
    m_loadBar->setAccessibleName(tr("Model loading"));
    m_cancelLoad->setText(tr("Cancel"));
    m_cancelLoad->setToolTip(tr("Stop loading the model"));
    m_transcript->setAccessibleName(tr("Conversation"));
    m_question->setPlaceholderText(tr("Ask about the checked pages… (Enter to ask, Shift+Enter for a new line)"));
    m_question->setAccessibleName(tr("Question"));
    m_askButton->setText(tr("Ask"));
    m_stopButton->setText(tr("Stop"));
    m_stopButton->setToolTip(tr("Stop the answer (takes effect within one token)"));
    m_newButton->setText(tr("New"));
    m_newButton->setToolTip(tr("Start a new conversation (the next question does not continue this one)"));
    m_optionsButton->setText(tr("Options"));
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
    m_temperature = new QDoubleSpinBox(box);
    m_temperature->setObjectName(QStringLiteral("temperature"));
    m_temperature->setRange(0.0, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setSpecialValueText(tr("0 (greedy)"));
    m_temperature->setValue(0.0); // greedy, as the reference
    m_topP = new QDoubleSpinBox(box);
    m_topP->setObjectName(QStringLiteral("topP"));
    m_topP->setRange(0.05, 1.0);
    m_topP->setSingleStep(0.05);
    m_topP->setValue(1.0);
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

void ChatPanel::setSelectionPlan(const SelectionPlan &plan)
{
    m_plan = plan;
    updateControls();
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
    if (m_question->toPlainText().trimmed().isEmpty())
        return tr("Type a question.");
    if (m_plan.isEmpty())
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
    m_askButton->setEnabled(!m_answering && reason.isEmpty());
    m_stopButton->setEnabled(m_answering && !m_stopping);
    m_newButton->setEnabled(!m_answering && !m_turns.empty());
    QString hint = reason;
    if (hint.isEmpty()) {
        const bool followUp = !m_turns.empty() && m_plan.pages == m_conversationPages;
        hint = followUp ? tr("Follow-up about the same %n page(s).", "", int(m_plan.pages.size()))
                        : tr("New question about %n checked page(s) (%1 model images, plan on the right).", "", int(m_plan.pages.size()))
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

QStringList ChatPanel::pageLinks(int turn) const
{
    QStringList out;
    if (turn < 0 || turn >= int(m_turns.size()))
        return out;
    for (const PageRef &p : m_turns[size_t(turn)].pages)
        out << pageLinkText(p);
    return out;
}

void ChatPanel::ask()
{
    if (!canAsk())
        return;
    const QString q = m_question->toPlainText().trimmed();
    const bool followUp = !m_turns.empty() && !m_conversationPages.isEmpty() && m_plan.pages == m_conversationPages;
    AskRequest request;
    request.question = q;
    request.followUp = followUp;
    request.maxNewTokens = m_maxTokens->value();
    request.temperature = float(m_temperature->value());
    request.topP = float(m_topP->value());
    if (!followUp) {
        for (int i = 0; i < m_plan.pages.size(); ++i)
            request.pages.push_back(makeAskPage(m_plan.pages[i], m_plan.analysisDpi, m_plan.plan.images[size_t(i)]));
        m_conversationPages = m_plan.pages;
    }
    Turn t;
    t.question = q;
    t.pages = m_conversationPages;
    t.followUp = followUp;
    m_turns.push_back(t);
    m_streaming.clear();
    m_answering = true;
    m_stopping = false;
    m_question->clear();
    renderTranscript();
    m_host->ask(request);
    updateControls();
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
    m_turns.clear();
    m_conversationPages.clear();
    renderTranscript();
    updateControls();
}

void ChatPanel::appendToken(const QString &text)
{
    if (!m_answering)
        return;
    m_streaming += text;
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
    for (int i = 0; i < t.pages.size(); ++i)
        links << QStringLiteral("[%1](%2:%3/%4)").arg(escapeMarkdown(pageLinkText(t.pages[i])), kPageScheme).arg(index).arg(i);
    md += QStringLiteral("*%1* %2\n\n").arg(t.followUp ? tr("Follow-up about") : tr("About"), links.join(QStringLiteral(", ")));
    if (t.done) {
        md += t.answer.isEmpty() ? QStringLiteral("*%1*").arg(tr("(no answer)")) : t.answer;
        md += QStringLiteral("\n\n");
        if (t.cancelled)
            md += QStringLiteral("*%1*\n\n").arg(tr("Stopped."));
        if (!t.error.isEmpty())
            md += QStringLiteral("**%1** %2\n\n").arg(tr("Error:"), escapeMarkdown(t.error));
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

void ChatPanel::openPageLink(const QUrl &url)
{
    if (url.scheme() != kPageScheme)
        return;
    const QStringList parts = url.path().split(QLatin1Char('/'));
    if (parts.size() != 2)
        return;
    const int turn = parts[0].toInt();
    const int page = parts[1].toInt();
    if (turn < 0 || turn >= int(m_turns.size()) || page < 0 || page >= m_turns[size_t(turn)].pages.size())
        return;
    const PageRef ref = m_turns[size_t(turn)].pages[page];
    if (ref.isValid())
        emit pageActivated(ref);
}

} // namespace leopard::ui
