#pragma once
// Find in a page's words, as a document viewer's Find does: the text typed (a word, part of a
// word, or a phrase) is looked for in the page's running text, case and diacritics ignored
// ("zurich" finds "Zürich"), spaces between words counted as one, none between CJK characters
// (written without spaces). Each occurrence comes back with the boxes of the words it touches, so
// the page view can box it, and a short snippet for the result list. Works on OCR'd pages alike:
// it only needs the words the index holds (page_index.h).
#include "index/page_index.h"

namespace leopard::index {

struct FindMatch {
    int page = 0;            // 0-based
    int firstWord = 0;       // index into the page's words
    int wordCount = 0;
    QVector<QRectF> boxes;   // the touched words' boxes (united per line), normalised, origin top left
    QString snippet;         // a few words either side, the match itself inside « »
};

// The folded form of what was typed ("" when nothing is left to look for).
QString findNeedle(const QString &typed);

// A page made ready for Find once (its running text folded), then searched for each thing typed.
class FindablePage
{
public:
    FindablePage() = default;
    explicit FindablePage(IndexedPage page);
    int page() const { return m_page.page; }
    // Every occurrence of `needle` (findNeedle's) on the page, in reading order.
    QVector<FindMatch> find(const QString &needle) const;

private:
    IndexedPage m_page;
    QString m_text;          // the words folded, joined as findNeedle joins what is typed
    QVector<int> m_starts;   // where each word starts in m_text
};

inline QVector<FindMatch> findInPage(const IndexedPage &page, const QString &needle)
{
    return FindablePage(page).find(needle);
}

} // namespace leopard::index
