#include "ui/conversation/history_groups.h"

#include "index/text_fold.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace leopard::ui {

namespace {

bool matches(const SessionSummary &s, const QStringList &words)
{
    if (words.isEmpty())
        return true;
    QString haystack = s.title + QLatin1Char('\n') + s.text;
    for (const SessionDocument &d : s.documentSet)
        haystack += QLatin1Char('\n') + QFileInfo(d.path).fileName();
    haystack = index::foldText(haystack);
    return std::all_of(words.begin(), words.end(), [&](const QString &w) { return haystack.contains(w); });
}

} // namespace

QList<HistoryGroup> groupHistory(const QList<SessionSummary> &all, const QString &filter)
{
    const QStringList words = index::foldText(filter).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    QList<SessionSummary> sorted = all;
    std::stable_sort(sorted.begin(), sorted.end(), [](const SessionSummary &a, const SessionSummary &b) {
        return a.updated > b.updated;
    });
    QList<HistoryGroup> groups;
    QHash<QString, int> byKey;
    HistoryGroup damaged;
    damaged.damaged = true;
    for (const SessionSummary &s : sorted) {
        if (!s.error.isEmpty()) {
            if (words.isEmpty())
                damaged.conversations << s;
            continue;
        }
        if (!matches(s, words))
            continue;
        auto it = byKey.find(s.setKey);
        if (it == byKey.end()) { // the first (newest) of its set: the group goes here in the order
            HistoryGroup g;
            g.setKey = s.setKey;
            g.documents = s.documentSet;
            groups << g;
            it = byKey.insert(s.setKey, int(groups.size()) - 1);
        }
        groups[*it].conversations << s;
    }
    if (!damaged.conversations.isEmpty())
        groups << damaged;
    return groups;
}

} // namespace leopard::ui
