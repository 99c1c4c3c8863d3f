#pragma once
// What a page dragged out of the page strip carries, and how drop targets read it back.
//
// A page drag holds three formats:
//   application/x-leopard-page  JSON [{"file": absolute path, "page": 1-based}, ...] — the exact pages
//   text/uri-list               the documents' files, so a drop on another program (or on the main
//                               window, which opens files) still gets something sensible
//   text/plain                  "sample-report.pdf p. 3", one page a line
// Pages are named by file path, not by pointer, so a drop works across windows and survives the
// document being closed and opened again.

#include "ui/pages/page_ref.h"
#include "ui/conversation/saved_conversation.h"

#include <QList>
#include <QStringList>

class QMimeData;

namespace leopard::ui {

inline const QString kPageMimeType = QStringLiteral("application/x-leopard-page");

// Caller owns the result (as QAbstractItemModel::mimeData and QDrag expect).
QMimeData *pageMimeData(const PageRefList &pages);
// The pages of a page drag, in order; empty when `mime` carries no (valid) page list.
QList<SessionPageRef> pagesFromMimeData(const QMimeData *mime);
// Local files of a drag (text/uri-list); non-local URLs go to *remote when given.
QStringList localFilesFromMimeData(const QMimeData *mime, QStringList *remote = nullptr);

} // namespace leopard::ui
