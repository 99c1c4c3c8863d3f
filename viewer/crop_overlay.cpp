#include "viewer/crop_overlay.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace leopard::viewer {

// The page occupies plan.resized on the canvas, at (pasteX, pasteY). A canvas point (cx, cy)
// is therefore at ((cx - pasteX) / resized.width, (cy - pasteY) / resized.height) of the page.
// (The resize keeps the page's aspect up to one pixel of rounding, so this is the page.)

namespace {

bool hasGeometry(const leopard::ImagePlan &plan)
{
    return plan.resized.width > 0 && plan.resized.height > 0;
}

QRectF toNormalised(const leopard::ImagePlan &plan, double x, double y, double w, double h)
{
    const double rw = plan.resized.width, rh = plan.resized.height;
    return QRectF((x - plan.pasteX) / rw, (y - plan.pasteY) / rh, w / rw, h / rh);
}

QRectF toPainter(const QRectF &pageRect, const QRectF &n)
{
    return QRectF(pageRect.x() + n.x() * pageRect.width(), pageRect.y() + n.y() * pageRect.height(),
                  n.width() * pageRect.width(), n.height() * pageRect.height());
}

} // namespace

QVector<QRectF> normalisedTileRects(const leopard::ImagePlan &plan, int cropSide)
{
    QVector<QRectF> out;
    if (!hasGeometry(plan) || cropSide <= 0)
        return out;
    // Row by row, left to right: the order divide_to_patches hands tiles to the model.
    for (int r = 0; r < plan.gridRows; ++r)
        for (int c = 0; c < plan.gridCols; ++c)
            out.append(toNormalised(plan, double(c) * cropSide, double(r) * cropSide, cropSide, cropSide));
    return out;
}

QRectF normalisedCanvasRect(const leopard::ImagePlan &plan)
{
    if (!hasGeometry(plan) || plan.canvas.width <= 0 || plan.canvas.height <= 0)
        return QRectF(0, 0, 1, 1);
    return toNormalised(plan, 0, 0, plan.canvas.width, plan.canvas.height);
}

void paintCropOverlay(QPainter &painter, const QRectF &pageRect, const leopard::ImagePlan &plan,
                      int cropSide, const CropOverlayStyle &style)
{
    if (pageRect.isEmpty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor accent(230, 110, 20);           // tiles: orange reads on white pages and dark scans
    const qreal line = style.compact ? 1.0 : 2.0;

    const QVector<QRectF> tiles = normalisedTileRects(plan, cropSide);
    if (tiles.isEmpty()) {
        // No crops: the model sees only the global view (the whole page squashed to one square).
        QPen pen(accent, 1.0, Qt::DashLine);
        pen.setCosmetic(true);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(pageRect.adjusted(0.5, 0.5, -0.5, -0.5));
        if (!style.compact && style.drawNumbers && pageRect.width() > 120) {
            QFont font = painter.font();
            font.setPixelSize(11);
            painter.setFont(font);
            const QString text = QCoreApplication::translate("CropOverlay", "global view only");
            const QRectF box = QFontMetricsF(font).boundingRect(text).adjusted(-4, -2, 4, 2);
            const QRectF at(pageRect.topLeft() + QPointF(4, 4), box.size());
            painter.fillRect(at, QColor(255, 255, 255, 210));
            painter.setPen(accent.darker(130));
            painter.drawText(at, Qt::AlignCenter, text);
        }
        painter.restore();
        return;
    }

    // Padding: the black bars the canvas adds around the page, shown as hatched grey.
    const QRectF canvas = toPainter(pageRect, normalisedCanvasRect(plan));
    QPainterPath padding;
    padding.addRect(canvas);
    QPainterPath page;
    page.addRect(pageRect);
    padding = padding.subtracted(page);
    if (!padding.isEmpty()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(90, 90, 90, 110));
        painter.drawPath(padding);
        painter.setBrush(QBrush(QColor(40, 40, 40, 160), Qt::BDiagPattern));
        painter.drawPath(padding);
    }

    // Tile grid.
    QPen pen(accent, line);
    pen.setCosmetic(true);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    QVector<QRectF> onScreen;
    onScreen.reserve(tiles.size());
    for (const QRectF &n : tiles) {
        onScreen.append(toPainter(pageRect, n));
        painter.drawRect(onScreen.back());
    }

    // Numbers in model order: image `firstModelIndex` is the global view (the whole page), the
    // tiles follow row by row, so tile k (0-based) is image firstModelIndex + 1 + k.
    const qreal tileSide = std::min(onScreen.front().width(), onScreen.front().height());
    const bool numbers = style.drawNumbers && tileSide >= (style.compact ? 18.0 : 24.0);
    if (numbers) {
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(int(std::clamp(tileSide * 0.16, 9.0, 28.0)));
        painter.setFont(font);
        const QFontMetricsF fm(font);
        for (int k = 0; k < onScreen.size(); ++k) {
            const QString text = QString::number(style.firstModelIndex + 1 + k);
            const QSizeF sz = fm.boundingRect(text).size() + QSizeF(8, 2);
            QRectF badge(QPointF(0, 0), QSizeF(std::max(sz.width(), sz.height()), sz.height()));
            badge.moveCenter(onScreen[k].center());
            painter.setPen(Qt::NoPen);
            // Translucent: the page under the badge stays legible.
            painter.setBrush(QColor(accent.red(), accent.green(), accent.blue(), 185));
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
            painter.setPen(Qt::white);
            painter.drawText(badge, Qt::AlignCenter, text);
        }
        if (!style.compact) {
            // Where image `firstModelIndex` went: say so once, in the canvas corner.
            font.setBold(false);
            font.setPixelSize(11);
            painter.setFont(font);
            const QString text = QCoreApplication::translate("CropOverlay", "%1 = whole page").arg(style.firstModelIndex);
            const QRectF box = QFontMetricsF(font).boundingRect(text).adjusted(-4, -2, 4, 2);
            const QRectF at(canvas.topLeft() + QPointF(4, 4), box.size());
            if (at.width() < canvas.width() / 2) {
                painter.fillRect(at, QColor(255, 255, 255, 210));
                painter.setPen(accent.darker(130));
                painter.drawText(at, Qt::AlignCenter, text);
            }
        }
    }
    painter.restore();
}

} // namespace leopard::viewer
