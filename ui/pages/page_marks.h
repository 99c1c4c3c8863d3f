#pragma once
// What is drawn over a page besides its crop plan, in normalised page coordinates (origin top left)
// so it draws at any zoom: Find's hits, an answer's evidence, and where the model looked (a heat map
// over the model images' 13 × 13 feature grids). Each has a colour of its own, chosen to read on the
// white paper pages are rendered on in either palette and to stay apart from the crop plan's orange:
// Find yellow (the current hit outlined dark orange), evidence green, the heat violet.
#include <QRectF>
#include <QVector>

class QPainter;

namespace leopard::ui {

// One model image's attention over the page: `rect` is where the image lies on the page (the global
// view: the whole page; a tile: its cell, which may reach into the padding), values row-major
// cols × rows, scaled so the page's hottest cell is 1.
struct HeatGrid {
    QRectF rect;
    int cols = 13, rows = 13;
    QVector<float> values;
};

struct PageMarks {
    QVector<QRectF> find, currentFind;          // Find's hits; the current hit's boxes
    QVector<QRectF> evidence, currentEvidence;  // an answer's evidence; the one opened from a link
    QVector<HeatGrid> heat;                     // where the model looked; empty: not shown
    bool isEmpty() const
    {
        return find.isEmpty() && currentFind.isEmpty() && evidence.isEmpty() && currentEvidence.isEmpty() && heat.isEmpty();
    }
};

// `page` is where the page is drawn on the painter.
void paintPageMarks(QPainter &painter, const QRectF &page, const PageMarks &marks);
// The heat map's legend ("where the model looked: less … more"), bottom right of `area`.
void paintHeatLegend(QPainter &painter, const QRectF &area, const QString &title);

} // namespace leopard::ui
