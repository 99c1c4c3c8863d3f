#pragma once
// The evidence side of exports (answer_export.h), without widgets: an answer's found spans
// (index/evidence.h) turned into the passages listed under it and the boxes drawn on its pages,
// the passages written as Markdown and HTML, and a page picture with its marks painted on.
#include "index/evidence.h"
#include "ui/conversation/page_source.h"
#include "ui/export/answer_export.h"

namespace leopard::ui {

// `pages[i]` is where turn.pages[i] is open now (invalid when it is not): evidence found on it is
// drawn on picture i; its passages are listed in answer order with the page as the turn names it.
TurnAnnotations annotationsFromEvidence(const SessionTurn &turn, const PageKeyList &pages,
                                        const QVector<index::Evidence> &evidence);

// "#### Evidence" and one line per passage: - “span” — file p. N: “page text”. "" when none.
QString passagesMarkdown(const QVector<ExportPassage> &passages);
// The same as HTML paragraphs (QTextDocument, which prints the PDF, lays lists out loosely).
QString passagesHtml(const QVector<ExportPassage> &passages);

// `image` (a page drawn over the whole image) with `evidence` boxed and `heat` shaded as the page
// view draws them, and the heat's legend when there is heat.
QImage markedPageImage(const QImage &image, const QVector<QRectF> &evidence, const QVector<HeatGrid> &heat);

} // namespace leopard::ui
