#pragma once
// The pages picked for a question when the user checked none ("Let Leopard pick pages"): the
// question as a BM25 query over the open documents' indexed pages (search_query.h: stop words
// dropped, numbers kept), the best `count` pages that match at all — a page with no match is never
// picked — given to the model in document order. Shared by the Ask dock and `leopard-cli ask --pages auto`.
#include "index/page_index.h"

namespace leopard::index {

struct PickedPage {
    QString sha;
    int page = 0;           // 0-based
    double bm25 = 0;        // lower is better
    QStringList matched;    // the question's words found on it
};

struct PagePick {
    QVector<PickedPage> pages;  // document order (as `shas` lists them), then page order
    QStringList terms;          // what the question was searched for
    QString error;              // the index failed
    bool isEmpty() const { return pages.isEmpty(); }
};

constexpr int kDefaultPagesPerQuestion = 3;

PagePick pickPages(const PageIndex &index, const QStringList &shas, const QString &question,
                   int count = kDefaultPagesPerQuestion, const QStringList &languages = {QStringLiteral("en")});

// "matched 'operating', 'margin', '2023'": the words a pick matched, for the message shown before the answer.
QString matchedWords(const PagePick &pick);

} // namespace leopard::index
