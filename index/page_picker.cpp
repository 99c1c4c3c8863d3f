#include "index/page_picker.h"

#include "index/search_query.h"

#include <algorithm>

namespace leopard::index {

PagePick pickPages(const PageIndex &index, const QStringList &shas, const QString &question, int count,
                   const QStringList &languages)
{
    PagePick pick;
    const SearchQuery query = parseQuery(question, languages);
    pick.terms = query.terms + query.cjkRuns;
    const QVector<SearchHit> hits = index.search(shas, question, std::max(1, count), languages, &pick.error);
    for (const SearchHit &h : hits)
        pick.pages.push_back({h.sha, h.page, h.bm25, h.matched});
    std::stable_sort(pick.pages.begin(), pick.pages.end(), [&](const PickedPage &a, const PickedPage &b) {
        const qsizetype da = shas.indexOf(a.sha), db = shas.indexOf(b.sha);
        return da != db ? da < db : a.page < b.page;
    });
    return pick;
}

QString matchedWords(const PagePick &pick)
{
    QStringList words;
    for (const PickedPage &p : pick.pages)
        for (const QString &m : p.matched)
            if (!words.contains(m))
                words << m;
    for (QString &w : words)
        w = QLatin1Char('\'') + w + QLatin1Char('\'');
    return words.join(QLatin1String(", "));
}

} // namespace leopard::index
