#pragma once
// Where an answer looked, as a heat map on one page (page_marks.h's HeatGrid), without widgets:
// the answer's attention to each model image of the model's context (AttentionMaps) is put back on
// the pages those images came from, in the geometry of each page's saved crop plan — the global
// view over the whole page (it squashes the page into 364 × 364), each tile over its square of the
// canvas. A page with tiles shows its tiles (finer: 28 px cells of the canvas) and not its global
// view, whose coarse cells would blur them; a page without tiles shows its global view. Values are
// scaled so the page's hottest cell is 1.
#include "inference/inference_worker.h"
#include "ui/conversation/saved_conversation.h"
#include "ui/pages/page_marks.h"

namespace leopard::ui {

// The heat of `page` (file as saved + 1-based page) in the answer of saved turn `turn` of `c`,
// whose attention is `maps`. Empty when that answer did not look at the page (it was not in the
// model's context).
QVector<HeatGrid> heatForPage(const SavedConversation &c, int turn, const AttentionMaps &maps,
                              const SessionPageRef &page, int cropSide);

} // namespace leopard::ui
