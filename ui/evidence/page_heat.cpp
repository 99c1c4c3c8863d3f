#include "ui/evidence/page_heat.h"

#include "viewer/crop_overlay.h"

#include <algorithm>

namespace leopard::ui {

QVector<HeatGrid> heatForPage(const SavedConversation &c, int turn, const AttentionMaps &maps,
                              const SessionPageRef &page, int cropSide)
{
    QVector<HeatGrid> grids;
    if (turn < 0 || turn >= c.turns.size() || maps.empty() || maps.gridSide <= 0)
        return grids;
    const int cells = maps.gridSide * maps.gridSide;
    // The model's context turn k is the saved turn `turn - (currentTurn - k)`: the context began at
    // the last fresh start, and every turn since carried its pages in modelPages.
    QVector<const ImageAttention *> global, tiles;
    const leopard::ImagePlan *plan = nullptr;
    for (const ImageAttention &a : maps.images) {
        const int saved = turn - (maps.currentTurn - a.turn);
        if (saved < 0 || saved >= c.turns.size() || a.page < 0 || a.page >= c.turns[saved].modelPages.size()
            || int(a.weights.size()) != cells)
            continue;
        const SessionModelPage &mp = c.turns[saved].modelPages[a.page];
        if (!(mp.page == page))
            continue;
        plan = &mp.plan;
        (a.image == 0 ? global : tiles) << &a;
    }
    if (!plan)
        return grids;
    const QVector<QRectF> tileRects = viewer::normalisedTileRects(*plan, cropSide);
    const bool useTiles = !tiles.isEmpty() && !tileRects.isEmpty();
    for (const ImageAttention *a : useTiles ? tiles : global) {
        HeatGrid g;
        g.cols = g.rows = maps.gridSide;
        if (a->image == 0)
            g.rect = QRectF(0, 0, 1, 1);
        else if (a->image - 1 < tileRects.size())
            g.rect = tileRects[a->image - 1];
        else
            continue;
        g.values = QVector<float>(a->weights.begin(), a->weights.end());
        grids << g;
    }
    float hottest = 0;
    for (const HeatGrid &g : grids)
        for (const float v : g.values)
            hottest = std::max(hottest, v);
    if (hottest > 0)
        for (HeatGrid &g : grids)
            for (float &v : g.values)
                v /= hottest;
    return grids;
}

} // namespace leopard::ui
