// The page index as leopard-cli uses it (index, search, ask --pages auto): documents hashed and
// indexed on first use, progress on stderr.
#include "app/cli/cli_index.h"

#include "index/document_indexer.h"
#include "ui/conversation/session_store.h"
#include "viewer/document_opener.h"

#include <QFileInfo>

#include <cstdio>

namespace leopard::cli {

// Hashes `path` and indexes it unless the index has it. Empty sha (message printed) on failure.
QString ensureIndexed(index::PageIndex &idx, const QString &path, const viewer::Document *open, const QString &knownSha)
{
    QString error;
    const QString sha = knownSha.isEmpty() ? ui::SessionStore::hashDocument(path, &error) : knownSha;
    if (sha.isEmpty()) {
        std::fprintf(stderr, "leopard-cli: %s\n", qPrintable(error.isEmpty() ? QStringLiteral("%1 cannot be read").arg(path) : error));
        return {};
    }
    const QString name = QFileInfo(path).fileName();
    if (const int pages = idx.pageCount(sha); pages >= 0) {
        std::fprintf(stderr, "%s: indexed already (%d pages)\n", qPrintable(name), pages);
        return sha;
    }
    viewer::OpenResult opened;
    if (!open) {
        opened = viewer::openDocument(path, viewer::OpenOptions{});
        if (!opened.ok()) {
            std::fprintf(stderr, "leopard-cli: %s\n", qPrintable(opened.message));
            return {};
        }
        open = opened.document.get();
    }
    index::OcrOptions ocr;
    QString problem;
    const QVector<index::IndexedPage> pages = index::readPages(*open, nullptr, [&](int page, int count, bool byOcr) {
        std::fprintf(stderr, "\r%s: reading page %d of %d%s", qPrintable(name), page, count, byOcr ? " (OCR)" : "");
    }, &ocr, &problem);
    if (!problem.isEmpty())
        std::fprintf(stderr, "\n%s: %s", qPrintable(name), qPrintable(problem));
    int noText = 0, byOcr = 0;
    for (const index::IndexedPage &p : pages) {
        noText += p.source == QLatin1String("none") ? 1 : 0;
        byOcr += p.source == QLatin1String("ocr") ? 1 : 0;
    }
    std::fprintf(stderr, "\n");
    if (!idx.addDocument(sha, path, pages, &error)) {
        std::fprintf(stderr, "leopard-cli: %s\n", qPrintable(error));
        return {};
    }
    std::fprintf(stderr, "%s: %d pages indexed", qPrintable(name), int(pages.size()));
    if (byOcr > 0)
        std::fprintf(stderr, " (%d read by OCR)", byOcr);
    if (noText > 0)
        std::fprintf(stderr, " (%d with no text found)", noText);
    std::fprintf(stderr, "\n");
    return sha;
}

std::unique_ptr<index::PageIndex> openIndex(const QString &path)
{
    auto idx = std::make_unique<index::PageIndex>(path);
    if (!idx->openMessage().isEmpty())
        std::fprintf(stderr, "leopard-cli: %s\n", qPrintable(idx->openMessage()));
    return idx;
}

} // namespace leopard::cli
