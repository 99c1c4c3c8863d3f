#pragma once
// Pages as the model receives them: a QImage converted exactly like PIL's convert('RGB') (the
// reference's first step), and the worker's per-page request built from a checked page.

#include "inference/inference_worker.h"
#include "inference/preprocess/rgb_image.h"
#include "ui/page_ref.h"

#include <QImage>

namespace leopard::ui {

// QImage -> PIL's convert('RGB') of the same decoded pixels (alpha dropped, not composited).
preprocess::RgbImage toModelRgb(QImage image);

// A page of a question: the document is kept alive by the render function, which runs on the
// inference worker's thread (Document::analysisImage is thread-safe) and only on a cache miss.
AskPage makeAskPage(const PageRef &page, double analysisDpi, const ImagePlan &plan);

} // namespace leopard::ui
