#pragma once
// A document's pages as the index holds them: the text layer's words with their boxes (Poppler's
// text boxes, through viewer::Document::pageWords). A page without a usable text layer is kept as
// source "none" — scans and image files, which OCR is to read (not built yet: docs/NOTES.md).
#include "index/page_index.h"
#include "viewer/document.h"

#include <atomic>
#include <functional>

namespace leopard::index {

// Progress: page (1-based) of pages, after each page. `cancel`: checked before each page; an
// abandoned read returns what it has (the caller does not store it).
QVector<IndexedPage> readPages(const viewer::Document &document, const std::atomic_bool *cancel = nullptr,
                               const std::function<void(int page, int pages)> &progress = {});

// A text layer worth indexing: some words, and mostly letters or digits (a broken ToUnicode map gives
// runs of symbols and private-use characters instead).
bool isUsableText(const QVector<viewer::PageWord> &words);

} // namespace leopard::index
