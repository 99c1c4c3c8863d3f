// The Ask dock's transcript: the conversation core's turns rendered as Markdown (questions, the
// pages each answer was about as links, the answer, its state, Copy / Export links), the answer
// streaming in as plain text, the context menu, and the status line screen readers announce.
#include "ui/chat/chat_panel.h"

#include "ui/evidence/turn_evidence.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMetaMethod>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>

namespace leopard::ui {

namespace {
// Links in the transcript: leopard-page:<turn>/<index into that turn's pages>,
// leopard-answer:copy/<turn> and leopard-answer:export/<turn>.
const QString kPageScheme = QStringLiteral("leopard-page");
const QString kAnswerScheme = QStringLiteral("leopard-answer");
constexpr int kStreamingEvidenceMs = 400; // how often a streaming answer's numbers are looked for

// Markdown special characters in user text (questions, file names) are shown literally.
QString escapeMarkdown(const QString &s)
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

QString savedLinkText(const SessionPageRef &ref)
{
    return ChatPanel::tr("%1 p. %2").arg(QFileInfo(ref.file).fileName()).arg(ref.page);
}
} // namespace

QStringList ChatPanel::pageLinks(int turn) const
{
    QStringList out;
    const SavedConversation &c = m_core->conversation();
    if (turn >= 0 && turn < c.turns.size())
        for (const SessionPageRef &p : c.turns[turn].pages)
            out << savedLinkText(p);
    return out;
}

QStringList ChatPanel::addedPageLinks(int turn) const
{
    QStringList out;
    const SavedConversation &c = m_core->conversation();
    if (turn >= 0 && turn < c.turns.size())
        for (const SessionPageRef &p : c.turns[turn].addedPages)
            out << savedLinkText(p);
    return out;
}

bool ChatPanel::turnInterrupted(int turn) const
{
    const SavedConversation &c = m_core->conversation();
    if (turn < 0 || turn >= c.turns.size())
        return false;
    const SessionTurn &t = c.turns[turn];
    const bool streaming = isAnswering() && turn == c.turns.size() - 1;
    return !streaming && t.state == TurnState::Interrupted && !t.stopped && t.error.isEmpty();
}

QString ChatPanel::answerText(int turn) const
{
    const SavedConversation &c = m_core->conversation();
    return turn >= 0 && turn < c.turns.size() ? c.turns[turn].answer : QString();
}

void ChatPanel::appendToken(const QString &text)
{
    if (!isAnswering())
        return;
    m_core->appendAnswer(text);
    // The text reaches the screen at most every 33 ms, however fast the model streams: laying out
    // the growing paragraph per token would cost more than the tokens arrive apart at a few hundred
    // tokens a second, and the event loop would never get to its timers and input.
    m_pendingText += text;
    if (!m_streamTimer.isActive())
        m_streamTimer.start();
}

void ChatPanel::showPendingText()
{
    if (m_pendingText.isEmpty() || !isAnswering())
        return;
    // Plain text at the end of the document: cheap, whatever the transcript's length.
    QTextCursor cursor(m_transcript->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(m_pendingText);
    m_pendingText.clear();
    // The answer's numbers on its pages while it streams (the window boxes them as they come).
    if (!m_evidenceTick.isValid() || m_evidenceTick.elapsed() >= kStreamingEvidenceMs) {
        m_evidenceTick.start();
        requestEvidence(turnCount() - 1, true);
    }
    QScrollBar *bar = m_transcript->verticalScrollBar();
    bar->setValue(bar->maximum());
}

QString ChatPanel::turnMarkdown(int index) const
{
    const SessionTurn &t = m_core->conversation().turns[index];
    const bool streaming = isAnswering() && index == turnCount() - 1;
    QString md = QStringLiteral("**%1** %2\n\n").arg(tr("You:"), escapeMarkdown(t.question));
    QStringList links;
    for (int i = 0; i < t.pages.size(); ++i)
        links << QStringLiteral("[%1](%2:%3/%4)").arg(escapeMarkdown(savedLinkText(t.pages[i])), kPageScheme).arg(index).arg(i);
    const bool followUp = index > 0 && !t.freshContext;
    md += QStringLiteral("*%1* %2\n\n").arg(followUp ? tr("Follow-up about") : tr("About"), links.join(QStringLiteral(", ")));
    if (!t.addedPages.isEmpty()) {
        QStringList added;
        for (const SessionPageRef &p : t.addedPages)
            added << escapeMarkdown(savedLinkText(p));
        md += QStringLiteral("*%1* %2\n\n").arg(tr("Pages added in this turn:"), added.join(QStringLiteral(", ")));
    }
    if (t.freshContext && index > 0) {
        const QString why = t.freshReason.isEmpty() ? QString() : QLatin1Char(' ') + escapeMarkdown(t.freshReason);
        md += QStringLiteral("*%1%2*\n\n").arg(tr("(The model started afresh here: it did not see the earlier turns.)"), why);
    }
    if (!streaming) {
        md += t.answer.isEmpty() ? QStringLiteral("*%1*").arg(tr("(no answer)")) : answerWithEvidenceLinks(index, t.answer);
        md += QStringLiteral("\n\n");
        if (t.stopped)
            md += QStringLiteral("*%1*\n\n").arg(tr("Stopped."));
        else if (turnInterrupted(index))
            md += QStringLiteral("*%1*\n\n").arg(tr("Interrupted: the app stopped before this answer was complete."));
        if (!t.error.isEmpty())
            md += QStringLiteral("**%1** %2\n\n").arg(tr("Error:"), escapeMarkdown(t.error));
        md += QStringLiteral("[%1](%2:copy/%3) · [%4](%2:export/%3)%5\n\n")
                  .arg(tr("Copy"), kAnswerScheme).arg(index).arg(tr("Export…"), evidenceActionsMarkdown(index));
    }
    md += QStringLiteral("---\n\n");
    return md;
}

void ChatPanel::renderTranscript()
{
    m_pendingText.clear(); // the streaming text is drawn whole below
    // Evidence for the finished answers (new ones come back through changed(); nothing is done again
    // for a turn whose answer and pages are as before, and one whose pages were not open yet is
    // looked at again now that they are).
    for (int i = 0; i < turnCount(); ++i)
        if (!(isAnswering() && i == turnCount() - 1))
            requestEvidence(i, false);
    QString md;
    for (int i = 0; i < turnCount(); ++i)
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
    if (isAnswering()) {
        // The answer streams into a fresh paragraph after the question.
        QTextCursor cursor(m_transcript->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertBlock();
        cursor.insertText(streamingText());
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
    const bool answering = isAnswering();
    const int turn = answering ? -1 : turnAt(pos);
    menu->addSeparator();
    QAction *copy = menu->addAction(tr("Copy Answer"));
    QAction *exportOne = menu->addAction(tr("Export Answer…"));
    copy->setEnabled(turn >= 0);
    exportOne->setEnabled(turn >= 0);
    QAction *exportAll = menu->addAction(tr("Export Conversation…"));
    exportAll->setEnabled(!answering && turnCount() > 0);
    connect(copy, &QAction::triggered, this, [this, turn] { copyAnswer(turn); });
    connect(exportOne, &QAction::triggered, this, [this, turn] { emit exportAnswerRequested(turn); });
    connect(exportAll, &QAction::triggered, this, &ChatPanel::exportConversationRequested);
    menu->exec(m_transcript->viewport()->mapToGlobal(pos));
}

void ChatPanel::copyAnswer(int turn)
{
    if (turn < 0 || turn >= turnCount())
        return;
    if (isSignalConnected(QMetaMethod::fromSignal(&ChatPanel::copyAnswerRequested)))
        emit copyAnswerRequested(turn);
    else
        QApplication::clipboard()->setText(answerText(turn));
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
        if (parts.size() != 2 || isAnswering())
            return;
        const int turn = parts[1].toInt();
        if (turn < 0 || turn >= turnCount())
            return;
        if (parts[0] == QLatin1String("copy"))
            copyAnswer(turn);
        else if (parts[0] == QLatin1String("export"))
            emit exportAnswerRequested(turn);
        return;
    }
    if (url.scheme() == QLatin1String("leopard-evidence")) {
        openEvidenceLink(url);
        return;
    }
    if (url.scheme() != kPageScheme || parts.size() != 2)
        return;
    const int turn = parts[0].toInt();
    const int page = parts[1].toInt();
    const SavedConversation &c = m_core->conversation();
    if (turn < 0 || turn >= c.turns.size() || page < 0 || page >= c.turns[turn].pages.size())
        return;
    // By content first (the file may have moved since), then by path.
    const PageRef ref = pageRef(m_core->resolve(c.turns[turn].pages[page]));
    if (ref.isValid())
        emit pageActivated(ref);
}

} // namespace leopard::ui
