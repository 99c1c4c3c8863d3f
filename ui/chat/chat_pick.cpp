// The Ask dock picking pages for a question when none is checked: the best matching pages of the
// open documents (ui/search/document_index.h, index/page_picker.h), checked in the strip by the
// window (pagesPicked) so their crop plan is drawn and the turn records them, and said before the
// answer starts: "Picked: report.pdf p. 47, p. 48, deck.pptx p. 3 — matched 'operating', 'margin'".
#include "ui/chat/chat_panel.h"

#include "ui/search/document_index.h"

#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QCheckBox>

namespace leopard::ui {

bool ChatPanel::picksPages() const
{
    return (m_plan.isEmpty() || m_alwaysPick->isChecked()) && !m_core->outlook({}).inConversation && !m_core->isAnswering();
}

QString ChatPanel::pickNoteText() const { return m_pickNote->isVisibleTo(this) ? m_pickNote->text() : QString(); }

bool ChatPanel::pickPages()
{
    const DocumentIndex::Pick p = m_index->pick(m_question->toPlainText(), m_pagesPerQuestion->value());
    QString note;
    if (!p.pick.error.isEmpty()) {
        note = p.pick.error;
    } else if (p.pages.isEmpty()) {
        note = p.pick.terms.isEmpty()
            ? tr("The question has no words to look for in the documents. Check the pages to ask about in the page strip.")
            : tr("No page of the open documents matches the question (looked for: %1). Check the pages to ask about in "
                 "the page strip.").arg(p.pick.terms.join(QLatin1String(", ")));
    }
    if (!note.isEmpty()) {
        m_pickNote->setText(note);
        m_pickNote->show();
        announce(note, note);
        return false;
    }
    emit pagesPicked(p.pages); // the window checks them; the plan arrives through setSelectionPlan()
    // "report.pdf p. 47, p. 48, deck.pptx p. 3"
    QStringList parts;
    QString lastFile;
    for (const PageKey &k : p.pages) {
        parts << (k.file == lastFile ? tr("p. %1").arg(k.page + 1)
                                     : tr("%1 p. %2").arg(QFileInfo(k.file).fileName()).arg(k.page + 1));
        lastFile = k.file;
    }
    m_pickNote->setText(tr("Picked: %1 — matched %2").arg(parts.join(QLatin1String(", ")), index::matchedWords(p.pick)));
    m_pickNote->show();
    return !m_plan.isEmpty();
}

} // namespace leopard::ui
