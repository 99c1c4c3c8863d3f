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
                               const PageProgress &progress, const OcrOptions *ocr, QString *problem)
{
    QVector<IndexedPage> pages;
    const int count = document.pageCount();
    // A missing language pack is said once, not per page.
    const QString missing = ocr ? missingLanguageData(ocr->languages, ocr->tessdataDir) : QString();
    for (int i = 0; i < count; ++i) {
        if (cancel && cancel->load())
            break;
        IndexedPage p;
        p.page = i;
        p.source = QStringLiteral("none");
        const QVector<viewer::PageWord> words = document.pageWords(i);
        if (isUsableText(words)) {
            if (progress)
                progress(i + 1, count, false);
            p.source = QStringLiteral("text");
            for (const viewer::PageWord &w : words)
                p.words.push_back({w.text, w.box});
        } else if (ocr && missing.isEmpty()) {
            if (progress)
                progress(i + 1, count, true);
            const OcrResult r = recognise(document.analysisImage(i, ocr->resolutionDpi), *ocr, cancel);
            if (!r.error.isEmpty() && problem && problem->isEmpty())
                *problem = QStringLiteral("Page %1: %2.").arg(i + 1).arg(r.error);
            for (const viewer::PageWord &w : r.words)
                p.words.push_back({w.text, w.box});
            if (!p.words.isEmpty())
                p.source = QStringLiteral("ocr");
        } else if (progress) {
            progress(i + 1, count, false);
        }
        pages.push_back(std::move(p));
    }
    if (!missing.isEmpty() && problem && problem->isEmpty())
        for (const IndexedPage &p : pages)
            if (p.source == QLatin1String("none")) {
                *problem = missing;
                break;
            }
    return pages;
}

} // namespace leopard::index
