#include "index/page_find.h"

#include "index/text_fold.h"

#include <algorithm>

namespace leopard::index {

namespace {

// Runs of white space become one space; none is kept next to a CJK character, as the page's text
// is joined the same way (text_fold.h: CJK is written without spaces).
QString joinForFind(const QString &folded)
{
    QString out;
    bool space = false;
    for (const QChar c : folded) {
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (space && !isCjk(c) && !isCjk(out.back()))
            out += QLatin1Char(' ');
        space = false;
        out += c;
    }
    return out;
}

// Two word boxes on one text line: they overlap vertically by more than half the smaller's height,
// and the second starts to the right of the first.
bool sameLine(const QRectF &a, const QRectF &b)
{
    const double overlap = std::min(a.bottom(), b.bottom()) - std::max(a.top(), b.top());
    return overlap > 0.5 * std::min(a.height(), b.height()) && b.left() >= a.left();
}

// How many words of context a snippet shows on each side of the match.
constexpr int kSnippetWords = 6;

QString snippetFor(const IndexedPage &page, int first, int count)
{
    QStringList parts;
    const int from = std::max(0, first - kSnippetWords);
    const int to = std::min(int(page.words.size()), first + count + kSnippetWords);
    if (from > 0)
        parts << QStringLiteral("…");
    for (int i = from; i < to; ++i) {
        QString w = page.words[i].text;
        if (i == first)
            w.prepend(QStringLiteral("«"));
        if (i == first + count - 1)
            w.append(QStringLiteral("»"));
        parts << w;
    }
    if (to < page.words.size())
        parts << QStringLiteral("…");
    return parts.join(QLatin1Char(' '));
}

} // namespace

QString findNeedle(const QString &typed)
{
    return joinForFind(foldText(typed));
}

FindablePage::FindablePage(IndexedPage page)
    : m_page(std::move(page))
{
    m_starts.reserve(m_page.words.size());
    for (const IndexedWord &w : m_page.words) {
        const QString f = joinForFind(foldText(w.text));
        if (!m_text.isEmpty() && !f.isEmpty() && !isCjk(m_text.back()) && !isCjk(f.front()))
            m_text += QLatin1Char(' ');
        m_starts << int(m_text.size());
        m_text += f;
    }
}

QVector<FindMatch> FindablePage::find(const QString &needle) const
{
    QVector<FindMatch> matches;
    if (needle.isEmpty() || m_page.words.isEmpty())
        return matches;
    const IndexedPage &page = m_page;
    const QString &text = m_text;
    const QVector<int> &starts = m_starts;
    // The word holding character `at` (the last word starting at or before it).
    auto wordAt = [&](int at) { return int(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin()) - 1; };
    for (qsizetype at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.size())) {
        FindMatch m;
        m.page = page.page;
        m.firstWord = std::max(0, wordAt(int(at)));
        const int last = std::max(m.firstWord, wordAt(int(at + needle.size() - 1)));
        m.wordCount = last - m.firstWord + 1;
        // One box per line: a phrase's words side by side are drawn as one marker.
        for (int i = m.firstWord; i <= last; ++i) {
            const QRectF &b = page.words[i].box;
            if (!m.boxes.isEmpty() && sameLine(m.boxes.last(), b))
                m.boxes.last() = m.boxes.last().united(b);
            else
                m.boxes << b;
        }
        m.snippet = snippetFor(page, m.firstWord, m.wordCount);
        matches << m;
    }
    return matches;
}

} // namespace leopard::index
