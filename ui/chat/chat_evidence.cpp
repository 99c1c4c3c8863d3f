// The Ask dock's evidence: each answer's spans found on its pages (ui/evidence/turn_evidence.h)
// become links in the transcript — leopard-evidence:<turn>/<index> — with "Show all evidence" per
// turn (leopard-evidence:all/<turn>); numbers are looked for while the answer streams, everything
// once it is done. The window shows what a link points at (ui/evidence/evidence_view.h).
#include "ui/chat/chat_panel.h"

#include "ui/evidence/turn_evidence.h"

#include <QFileInfo>
#include <QUrl>

namespace leopard::ui {

namespace {
const QString kEvidenceScheme = QStringLiteral("leopard-evidence");

// Inside a link's text only brackets and backslashes need escaping; inside its title, quotes.
QString linkText(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        if (c == QLatin1Char('[') || c == QLatin1Char(']') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

// True when `at` lies inside an inline code span (an odd number of backticks before it on its line).
bool insideCode(const QString &md, int at)
{
    int ticks = 0;
    for (int i = at - 1; i >= 0 && md[i] != QLatin1Char('\n'); --i)
        ticks += md[i] == QLatin1Char('`');
    return ticks % 2 == 1;
}
} // namespace

PageKeyList ChatPanel::turnPages(int turn) const
{
    PageKeyList keys;
    const SavedConversation &c = m_core->conversation();
    if (turn < 0 || turn >= c.turns.size())
        return keys;
    for (const SessionPageRef &r : c.turns[turn].pages) {
        const PageKey k = m_core->resolve(r);
        if (k.isValid())
            keys << k;
    }
    return keys;
}

const AttentionMaps *ChatPanel::attentionOf(int turn) const
{
    if (m_attentionConversation != m_core->conversation().id)
        return nullptr;
    const auto it = m_attention.constFind(turn);
    return it == m_attention.constEnd() ? nullptr : &*it;
}

void ChatPanel::requestEvidence(int turn, bool streaming)
{
    if (m_evidenceConversation != m_core->conversation().id) { // another conversation on screen
        m_evidence->clear();
        m_evidenceConversation = m_core->conversation().id;
    }
    const QString answer = streaming ? streamingText() : answerText(turn);
    if (!answer.isEmpty())
        m_evidence->update(turn, answer, turnPages(turn), streaming);
}

QString ChatPanel::answerWithEvidenceLinks(int turn, const QString &answer) const
{
    if (!m_evidence->isKnown(turn))
        return answer;
    const QVector<index::Evidence> &found = m_evidence->of(turn);
    // From the end, so earlier offsets stay true; overlapping spans keep the first.
    QVector<int> order;
    for (int i = 0; i < found.size(); ++i)
        order << i;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return found[a].span.start < found[b].span.start; });
    QString md = answer;
    int limit = int(md.size());
    QVector<int> kept;
    int end = -1;
    for (const int i : order) {
        const index::EvidenceSpan &s = found[i].span;
        if (s.start < end || s.start + s.length > answer.size() || insideCode(answer, s.start))
            continue;
        const QString text = answer.mid(s.start, s.length);
        if (text.contains(QLatin1Char('`')) || text.contains(QLatin1Char('\n')))
            continue;
        kept << i;
        end = s.start + s.length;
    }
    for (int k = int(kept.size()) - 1; k >= 0; --k) {
        const index::Evidence &e = found[kept[k]];
        const QString text = answer.mid(e.span.start, e.span.length);
        if (e.span.start + e.span.length > limit)
            continue;
        const QString title = tr("Evidence for “%1” on %2 p. %3").arg(text, QFileInfo(e.file).fileName()).arg(e.page + 1);
        QString cleanTitle = title;
        cleanTitle.replace(QLatin1Char('"'), QLatin1Char('\''));
        md.replace(e.span.start, e.span.length,
                   QStringLiteral("[%1](%2:%3/%4 \"%5\")").arg(linkText(text), kEvidenceScheme).arg(turn).arg(kept[k]).arg(cleanTitle));
        limit = e.span.start;
    }
    return md;
}

QString ChatPanel::evidenceActionsMarkdown(int turn) const
{
    const int n = m_evidence->isKnown(turn) ? int(m_evidence->of(turn).size()) : 0;
    if (n == 0)
        return {};
    return QStringLiteral(" · [%1](%2:all/%3)").arg(tr("Show all evidence (%n)", nullptr, n), kEvidenceScheme).arg(turn);
}

void ChatPanel::openEvidenceLink(const QUrl &url)
{
    const QStringList parts = url.path().split(QLatin1Char('/'));
    if (parts.size() != 2)
        return;
    if (parts[0] == QLatin1String("all")) {
        emit evidenceActivated(parts[1].toInt(), -1);
        return;
    }
    const int turn = parts[0].toInt(), i = parts[1].toInt();
    if (i >= 0 && i < m_evidence->of(turn).size())
        emit evidenceActivated(turn, i);
}

} // namespace leopard::ui
