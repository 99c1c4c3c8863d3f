#pragma once
// A document's pages as the index holds them: the text layer's words with their boxes (Poppler's
// text boxes, through viewer::Document::pageWords). A page without a usable text layer — scans, image
// files, image-only slides, garbage text layers — is read by OCR (ocr.h) on its analysis render when
// `ocr` is given (source "ocr"); else, or when OCR finds nothing, it is kept as source "none".
#include "index/ocr.h"
#include "index/page_index.h"
#include "viewer/document.h"

#include <atomic>
#include <functional>

namespace leopard::index {

// Pages without a usable text layer are read by OCR on a pool of `ocr->threads` threads (each
// renders and reads its page), after every page's text layer.
// Progress: page (1-based) of pages and whether it is being read by OCR, before each page. `cancel`:
// checked before each page; an abandoned read returns what it has (the caller does not store it).
// `problem`: the first OCR problem (a missing language pack, a page past its time limit), naming the page.
using PageProgress = std::function<void(int page, int pages, bool ocr)>;
QVector<IndexedPage> readPages(const viewer::Document &document, const std::atomic_bool *cancel = nullptr,
                               const PageProgress &progress = {}, const OcrOptions *ocr = nullptr,
                               QString *problem = nullptr);

// A text layer worth indexing: some words, and mostly letters or digits (a broken ToUnicode map gives
// runs of symbols and private-use characters instead).
// Threads OCR uses by default: all cores but one, at least one.
int defaultOcrThreads();

bool isUsableText(const QVector<viewer::PageWord> &words);

} // namespace leopard::index
