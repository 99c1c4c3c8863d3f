#pragma once
// Draws a crop plan over a page: the tile grid, tile numbers (in the order the model receives
// them; the global view is image 1), and the black padding the canvas adds around the page.
//
// Geometry is normalised to the page (DESIGN.md "Page geometry"): tile rectangles are returned in
// page coordinates in [0, 1] (padding falls outside), so the same plan draws at any zoom.

#include "inference/planner.h"

#include <QRectF>
#include <QVector>

class QPainter;

namespace leopard::viewer {

// Tiles of `plan` in normalised page coordinates, row by row; may extend beyond [0,1] into padding.
QVector<QRectF> normalisedTileRects(const leopard::ImagePlan &plan, int cropSide);
// The whole canvas in normalised page coordinates (contains [0,1]^2; larger when padded).
QRectF normalisedCanvasRect(const leopard::ImagePlan &plan);

struct CropOverlayStyle {
    bool drawNumbers = true;
    bool compact = false;   // thumbnails: thinner lines, no numbers below a size
    // Model image number of this page's global view. 1 for a one-page question; for later pages
    // of a multi-page question pass 1 + the model images of the pages before it.
    int firstModelIndex = 1;
};

// `pageRect` is where the page is drawn on the painter. Numbers follow model order: the global view
// is image firstModelIndex (1 by default), so tiles are numbered firstModelIndex + 1, + 2, ... row by row.
void paintCropOverlay(QPainter &painter, const QRectF &pageRect, const leopard::ImagePlan &plan,
                      int cropSide, const CropOverlayStyle &style = {});

} // namespace leopard::viewer
