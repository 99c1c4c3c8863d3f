#include "ui/pages/page_marks.h"

#include <QFontMetrics>
#include <QLinearGradient>
#include <QPainter>

#include <algorithm>

namespace leopard::ui {

namespace {

const QColor kHeat(96, 40, 210);          // violet: apart from the crops' orange, Find's yellow, evidence's green
const QColor kEvidence(0, 150, 90);
constexpr int kHeatMaxAlpha = 150;        // the hottest cell still lets the text under it be read

QRectF onPage(const QRectF &page, const QRectF &b)
{
    return QRectF(page.x() + b.x() * page.width(), page.y() + b.y() * page.height(), b.width() * page.width(),
                  b.height() * page.height());
}

void paintHeat(QPainter &p, const QRectF &page, const QVector<HeatGrid> &grids)
{
    p.save();
    p.setClipRect(page); // the padding the canvas adds is not the page
    p.setPen(Qt::NoPen);
    for (const HeatGrid &g : grids) {
        if (g.cols <= 0 || g.rows <= 0 || g.values.size() < g.cols * g.rows)
            continue;
        const QRectF r = onPage(page, g.rect);
        const double w = r.width() / g.cols, h = r.height() / g.rows;
        for (int y = 0; y < g.rows; ++y)
            for (int x = 0; x < g.cols; ++x) {
                const float v = std::clamp(g.values[y * g.cols + x], 0.0f, 1.0f);
                if (v < 0.02f)
                    continue;
                QColor c = kHeat;
                c.setAlpha(int(v * kHeatMaxAlpha));
                p.setBrush(c);
                // Cells overlap by a hair so no seams show between them at fractional sizes.
                p.drawRect(QRectF(r.x() + x * w, r.y() + y * h, w + 0.5, h + 0.5));
            }
    }
    p.restore();
}

void paintBoxes(QPainter &p, const QRectF &page, const QVector<QRectF> &boxes, const QPen &pen, const QColor &fill)
{
    p.setPen(pen);
    p.setBrush(fill);
    for (const QRectF &b : boxes)
        p.drawRoundedRect(onPage(page, b).adjusted(-2, -1, 2, 1), 2, 2);
}

} // namespace

void paintPageMarks(QPainter &p, const QRectF &page, const PageMarks &m)
{
    if (!m.heat.isEmpty())
        paintHeat(p, page, m.heat);
    QColor evidenceFill = kEvidence;
    evidenceFill.setAlpha(55);
    paintBoxes(p, page, m.evidence, QPen(kEvidence, 1.5), evidenceFill);
    evidenceFill.setAlpha(90);
    paintBoxes(p, page, m.currentEvidence, QPen(kEvidence.darker(130), 2.5), evidenceFill);
    paintBoxes(p, page, m.find, Qt::NoPen, QColor(255, 214, 0, 100));
    paintBoxes(p, page, m.currentFind, QPen(QColor(214, 92, 0), 2), QColor(255, 150, 0, 110));
}

void paintHeatLegend(QPainter &p, const QRectF &area, const QString &title)
{
    const QFontMetrics fm(p.font());
    const double barW = 90, h = fm.height() + 10;
    const double w = fm.horizontalAdvance(title) + barW + 30;
    const QRectF chip(area.right() - w - 10, area.bottom() - 2 * h - 16, w, h);
    p.save();
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(20, 22, 26, 190)); // the page view's caption chip, legible on paper in either palette
    p.drawRoundedRect(chip, h / 2, h / 2);
    p.setPen(Qt::white);
    const QRectF text(chip.x() + 12, chip.y(), fm.horizontalAdvance(title), h);
    p.drawText(text, Qt::AlignVCenter | Qt::AlignLeft, title);
    const QRectF bar(text.right() + 8, chip.y() + h / 2 - 5, barW, 10);
    QLinearGradient g(bar.topLeft(), bar.topRight());
    QColor lo = kHeat, hi = kHeat;
    lo.setAlpha(10);
    hi.setAlpha(kHeatMaxAlpha);
    g.setColorAt(0, lo);
    g.setColorAt(1, hi);
    p.fillRect(bar, Qt::white);
    p.fillRect(bar, g);
    p.restore();
}

} // namespace leopard::ui
