#include "index/document_indexer.h"

namespace leopard::index {

bool isUsableText(const QVector<viewer::PageWord> &words)
{
    qsizetype letters = 0, total = 0;
    for (const viewer::PageWord &w : words)
        for (const QChar c : w.text) {
            ++total;
            letters += c.isLetterOrNumber() && c.category() != QChar::Other_PrivateUse ? 1 : 0;
        }
    return total > 0 && letters * 2 >= total;
}

QVector<IndexedPage> readPages(const viewer::Document &document, const std::atomic_bool *cancel,
                               const std::function<void(int, int)> &progress)
{
    QVector<IndexedPage> pages;
    const int count = document.pageCount();
    for (int i = 0; i < count; ++i) {
        if (cancel && cancel->load())
            break;
        IndexedPage p;
        p.page = i;
        const QVector<viewer::PageWord> words = document.pageWords(i);
        if (isUsableText(words)) {
            p.source = QStringLiteral("text");
            for (const viewer::PageWord &w : words)
                p.words.push_back({w.text, w.box});
        } else {
            p.source = QStringLiteral("none");
        }
        pages.push_back(std::move(p));
        if (progress)
            progress(i + 1, count);
    }
    return pages;
}

} // namespace leopard::index
