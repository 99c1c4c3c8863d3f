#pragma once
// The worker's per-page request built from a checked page (its pixels converted by
// viewer::toModelRgb, exactly like PIL's convert('RGB'), on the worker thread).

#include "inference/inference_worker.h"
#include "inference/preprocess/rgb_image.h"
#include "ui/page_ref.h"

#include <QImage>

namespace leopard::ui {

// A page of a question: the document is kept alive by the render function, which runs on the
// inference worker's thread (Document::analysisImage is thread-safe) and only on a cache miss.
AskPage makeAskPage(const PageRef &page, double analysisDpi, const ImagePlan &plan);

} // namespace leopard::ui
