#pragma once
// A question or a Find string turned into a full-text query: its words as unicode61 would index
// them (folded), the query language's stop words and one-letter words dropped ("what was the operating
// margin in 2023" → operating, margin, 2023; numbers are kept), OR-ed so a page matching some of them still ranks
// (BM25 weighs the rarer words); runs of CJK text of three characters or more go to the trigram table.
#include <QString>
#include <QStringList>

namespace leopard::index {

struct SearchQuery {
    QStringList terms;     // folded words, in the query's order, without duplicates
    QStringList cjkRuns;   // CJK substrings (>= 3 characters) for the trigram table
    QString ftsMatch;      // FTS5 MATCH expression over `terms` ("" when there is none)
    QString cjkMatch;      // FTS5 MATCH expression over `cjkRuns`
    bool isEmpty() const { return terms.isEmpty() && cjkRuns.isEmpty(); }
};

// `languages`: ISO 639-1 codes whose stop words are dropped (en, de, fr; others have none here).
SearchQuery parseQuery(const QString &text, const QStringList &languages = {QStringLiteral("en")});

bool isStopWord(const QString &foldedWord, const QStringList &languages);

} // namespace leopard::index
