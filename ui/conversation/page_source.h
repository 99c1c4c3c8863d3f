#pragma once
// Where the conversation core finds pages: the documents that are open. The desktop app implements
// it over the viewer's documents (DocumentPages, document_pages.h), leopard-cli over the files on
// its command line. Pages are named by the open file's path and a 0-based index (PageKey); saved
// conversations name them by the path they had and a 1-based number (SessionPageRef), and find
// them again by content hash first (ConversationCore::resolve).
#include "inference/inference_worker.h"
#include "inference/planner.h"
#include "ui/conversation/saved_conversation.h"

#include <QList>
#include <QString>

namespace leopard::ui {

struct PageKey {
    QString file;   // absolute path of the open document
    int page = -1;  // 0-based
    bool isValid() const { return !file.isEmpty() && page >= 0; }
    bool operator==(const PageKey &o) const { return file == o.file && page == o.page; }
    bool operator!=(const PageKey &o) const { return !(*this == o); }
};
using PageKeyList = QList<PageKey>;

class PageSource
{
public:
    virtual ~PageSource() = default;
    // The open documents in order, each with the hex SHA-256 of its bytes ("" while it is being
    // hashed, or when it cannot be read).
    virtual QList<SessionDocument> openDocuments() const = 0;
    virtual int pageCount(const QString &file) const = 0;                     // 0 when not open
    virtual PixelSize analysisSize(const PageKey &page, double dpi) const = 0; // 0 x 0 when unknown
    // The page as the model gets it (its render runs on the worker thread, on a cache miss only).
    virtual AskPage askPage(const PageKey &page, double dpi, const ImagePlan &plan) const = 0;
};

} // namespace leopard::ui
