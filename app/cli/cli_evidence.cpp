#include "app/cli/cli_evidence.h"

#include "app/cli/cli_index.h"
#include "index/document_indexer.h"
#include "index/ocr.h"
#include "viewer/document_opener.h"

#include <QFileInfo>
#include <QHash>

#include <cstdio>
#include <map>

namespace leopard::cli {

nlohmann::json evidenceJson(const QVector<index::Evidence> &evidence)
{
    nlohmann::json list = nlohmann::json::array();
    for (const index::Evidence &e : evidence) {
        nlohmann::json boxes = nlohmann::json::array();
        for (const QRectF &b : e.boxes)
            boxes.push_back({b.left(), b.top(), b.right(), b.bottom()});
        list.push_back({{"span", e.span.text.toStdString()},
                        {"kind", index::evidenceKindName(e.span.kind).toStdString()},
                        {"start", e.span.start},
                        {"length", e.span.length},
                        {"file", e.file.toStdString()},
                        {"page", e.page + 1},
                        {"boxes", boxes},
                        {"text", e.text.toStdString()},
                        {"score", e.score}});
    }
    return list;
}

namespace {

// One page read from the document itself: its text layer when usable, else OCR of that page.
index::IndexedPage readOnePage(const viewer::Document &doc, int page)
{
    index::IndexedPage p;
    p.page = page;
    p.source = QStringLiteral("none");
    QVector<viewer::PageWord> words = doc.pageWords(page);
    if (index::isUsableText(words)) {
        p.source = QStringLiteral("text");
    } else {
        const index::OcrOptions ocr;
        const index::OcrResult r = index::recognise(doc.analysisImage(page, ocr.resolutionDpi), ocr);
        words = r.words;
        if (!r.error.isEmpty())
            std::fprintf(stderr, "leopard-cli: evidence: %s p. %d: %s\n", qPrintable(QFileInfo(doc.sourcePath()).fileName()),
                         page + 1, qPrintable(r.error));
        if (!words.isEmpty())
            p.source = QStringLiteral("ocr");
    }
    for (const viewer::PageWord &w : words)
        p.words.push_back({w.text, w.box});
    return p;
}

} // namespace

nlohmann::json answerEvidence(const AskOptions &options, const ui::SavedConversation &conversation, const QString &answer)
{
    if (conversation.turns.isEmpty())
        return nlohmann::json::array();
    QHash<QString, QString> shaOf;
    for (const ui::SessionDocument &d : conversation.documents)
        shaOf.insert(d.path, d.sha256);
    const bool indexed = !options.indexPath.isEmpty() || !options.picked.empty();
    const QString path = options.indexPath.isEmpty() ? index::PageIndex::defaultPath() : options.indexPath;
    std::unique_ptr<index::PageIndex> idx = indexed && QFileInfo::exists(path) ? openIndex(path) : nullptr;
    std::map<QString, viewer::DocumentPtr> opened;
    QVector<index::EvidencePage> pages;
    for (const ui::SessionPageRef &ref : conversation.turns.last().pages) {
        const QString sha = shaOf.value(ref.file);
        index::EvidencePage page{sha, ref.file, {}};
        if (idx && !sha.isEmpty() && idx->pageCount(sha) >= ref.page) {
            page.page = idx->page(sha, ref.page - 1);
        } else {
            viewer::DocumentPtr &doc = opened[ref.file];
            if (!doc) {
                viewer::OpenResult r = viewer::openDocument(ref.file, viewer::OpenOptions{});
                if (!r.ok()) {
                    std::fprintf(stderr, "leopard-cli: evidence: %s\n", qPrintable(r.message));
                    continue;
                }
                doc = r.document;
            }
            if (ref.page < 1 || ref.page > doc->pageCount())
                continue;
            page.page = readOnePage(*doc, ref.page - 1);
        }
        pages << page;
    }
    return evidenceJson(index::locateEvidence(answer, pages));
}

} // namespace leopard::cli
