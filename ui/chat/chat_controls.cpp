// The Ask dock's controls in step with the state: why a question cannot be asked now, which buttons
// are enabled, the note about a restored conversation and the hint saying what the next question is.
#include "ui/chat/chat_panel.h"

#include "ui/search/document_index.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>

namespace leopard::ui {

QString ChatPanel::askBlockedReason() const
{
    switch (m_host->state()) {
    case ModelHost::State::NoModel:
    case ModelHost::State::Failed: return tr("No model is loaded.");
    case ModelHost::State::Loading: return tr("The model is loading…");
    case ModelHost::State::Busy: return tr("The model is answering.");
    case ModelHost::State::Ready: break;
    }
    if (!m_pages->isIdentified())
        return tr("Reading the open documents to find their saved conversations…");
    if (m_question->toPlainText().trimmed().isEmpty())
        return tr("Type a question.");
    if (picksPages() && m_pages->identifiedDocuments().isEmpty())
        return tr("Check the pages to ask about in the page strip.");
    if (picksPages() && !m_index->isReady())
        return m_index->progressText().isEmpty() ? tr("Reading the documents' text to pick pages for the question…")
                                                 : m_index->progressText();
    if (m_plan.plan.overLimit)
        return tr("More than %1 pages are checked; the model takes at most %1.").arg(m_plan.plan.options.maxImages);
    return {};
}

bool ChatPanel::canAsk() const
{
    return !isAnswering() && askBlockedReason().isEmpty();
}

void ChatPanel::updateControls()
{
    const bool answering = isAnswering();
    const QString reason = askBlockedReason();
    const bool possible = !answering && reason.isEmpty();
    const ConversationCore::Outlook o = m_core->outlook(checkedKeys());
    const bool choice = o.inConversation && !o.toAdd.isEmpty();
    const bool haveTurns = turnCount() > 0;
    m_askButton->setVisible(!choice);
    m_addPagesButton->setVisible(choice);
    m_newConversationButton->setVisible(choice);
    m_askButton->setEnabled(possible && (!m_plan.isEmpty() || o.inConversation || picksPages()));
    m_addPagesButton->setEnabled(possible);
    m_newConversationButton->setEnabled(possible && !m_plan.isEmpty());
    if (choice) {
        // Short on the button (the dock is narrow); the hint line above says what the choice is.
        m_addPagesButton->setText(tr("Add %n page(s)", "", int(o.toAdd.size())));
        m_addPagesButton->setAccessibleName(tr("Add %n page(s) to this conversation", "", int(o.toAdd.size())));
    }
    m_stopButton->setEnabled(answering && !m_stopping);
    m_newButton->setEnabled(!answering && haveTurns);
    m_exportButton->setEnabled(!answering && haveTurns);

    // A restored conversation: whether the model continues it, or why it starts afresh, and what
    // reading the file found worth saying.
    QStringList note;
    if (m_core->isRestored() && haveTurns) {
        if (o.exact)
            note << tr("Restored conversation. The next question continues it: the model first re-reads the earlier turns.");
        else if (o.inConversation)
            note << tr("Restored conversation. The model cannot continue it exactly — %1 The next question starts afresh about the pages still found.")
                        .arg(o.afreshReason);
        else
            note << tr("Restored conversation. None of its pages are open; check pages to ask about them.");
    }
    if (haveTurns)
        note << m_core->warnings();
    m_restoredNote->setText(note.join(QLatin1Char(' ')));
    m_restoredNote->setVisible(!note.isEmpty());

    QString hint = reason;
    if (hint.isEmpty()) {
        const int n = int(o.pages.size());
        if (choice)
            hint = tr("The checked pages differ from this conversation's %n page(s): add the new ones to it, or start a new conversation.", "", n);
        else if (o.inConversation)
            hint = o.exact ? (o.replays ? tr("Follow-up about the same %n page(s); the model first re-reads this saved conversation.", "", n)
                                        : tr("Follow-up about the same %n page(s).", "", n))
                           : tr("Next question about the same %n page(s); the model starts afresh (it cannot continue this conversation).", "", n);
        else if (picksPages())
            hint = m_plan.isEmpty()
                ? tr("No page is checked: Leopard picks the %n page(s) that best match the question (or check pages in the strip).",
                     "", m_pagesPerQuestion->value())
                : tr("Leopard picks the %n page(s) that best match the question instead of the checked ones (Options).",
                     "", m_pagesPerQuestion->value());
        else
            hint = tr("New question about %n checked page(s) (%1 model images, plan on the right).", "", int(m_plan.pages.size()))
                       .arg(m_plan.plan.totalModelImages());
    }
    m_hint->setText(hint);
}

} // namespace leopard::ui
