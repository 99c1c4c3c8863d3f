#include "ui/pages/page_strip_delegate.h"

#include "ui/pages/page_strip_model.h"
#include "ui/pages/selection_plan.h"
#include "viewer/crop_overlay.h"
#include "viewer/page_renderer.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QtMath>

namespace leopard::ui {

namespace {
constexpr int kHeaderHeight = 50;
constexpr int kSide = 8;          // horizontal margin inside a row
constexpr int kTop = 6;           // space above a thumbnail
constexpr int kLabelHeight = 24;  // check box + page number row under a thumbnail
constexpr int kBottom = 6;
constexpr int kDpiStepPx = 32;    // thumbnails render at widths rounded up to this step (fewer re-renders on resize)

QFont smallFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(qMax(7.0, base.pointSizeF() * 0.88));
    return f;
}

int indicatorSide()
{
    return QApplication::style()->pixelMetric(QStyle::PM_IndicatorWidth);
}
} // namespace

PageStripDelegate::PageStripDelegate(viewer::PageRenderer *renderer, QObject *parent)
    : QStyledItemDelegate(parent), m_renderer(renderer)
{
    connect(m_renderer, &viewer::PageRenderer::renderFailed, this,
            [this](const viewer::Document *document, int page, const QString &) { m_failed.insert({document, page}); });
}

void PageStripDelegate::setThumbnailWidth(int width)
{
    m_thumbWidth = qBound(64, width, 420);
}

void PageStripDelegate::forgetFailures(const viewer::Document *document)
{
    for (auto it = m_failed.begin(); it != m_failed.end();)
        it = it->first == document ? m_failed.erase(it) : std::next(it);
}

double PageStripDelegate::thumbnailDpi(const viewer::Document *document, int page, qreal devicePixelRatio) const
{
    const QSizeF points = document->pageSizePoints(page);
    if (points.width() <= 0)
        return 72.0;
    const int steppedWidth = ((m_thumbWidth + kDpiStepPx - 1) / kDpiStepPx) * kDpiStepPx;
    // Tall pages are capped in height (see thumbnailSize); render for whichever side limits.
    const double aspect = points.height() / points.width();
    const double widthPx = aspect > 2.0 ? steppedWidth * 2.0 / aspect : steppedWidth;
    return widthPx * devicePixelRatio * 72.0 / points.width();
}

QSize PageStripDelegate::thumbnailSize(const QModelIndex &index) const
{
    const QSizeF points = index.data(PageStripModel::PageSizePointsRole).toSizeF();
    if (points.isEmpty())
        return {m_thumbWidth, m_thumbWidth};
    const double aspect = points.height() / points.width();
    if (aspect > 2.0) // very tall pages: cap the height at twice the width
        return {qRound(m_thumbWidth * 2.0 / aspect), m_thumbWidth * 2};
    return {m_thumbWidth, qMax(16, qRound(m_thumbWidth * aspect))};
}

QSize PageStripDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    const int width = m_thumbWidth + 2 * kSide;
    if (index.data(PageStripModel::RowKindRole).toInt() == PageStripModel::HeaderRow)
        return {width, kHeaderHeight};
    return {width, kTop + thumbnailSize(index).height() + kLabelHeight + kBottom};
}

QRect PageStripDelegate::thumbnailRect(const QRect &rowRect, const QModelIndex &index) const
{
    const QSize size = thumbnailSize(index);
    return {rowRect.left() + (rowRect.width() - size.width()) / 2, rowRect.top() + kTop, size.width(), size.height()};
}

QRect PageStripDelegate::checkBoxRect(const QRect &rowRect, const QModelIndex &index) const
{
    const int side = indicatorSide();
    if (index.data(PageStripModel::RowKindRole).toInt() == PageStripModel::HeaderRow)
        return {rowRect.left() + kSide + 2, rowRect.top() + (kHeaderHeight - side) / 2, side, side};
    const QRect thumb = thumbnailRect(rowRect, index);
    return {thumb.left(), thumb.bottom() + 1 + (kLabelHeight - side) / 2, side, side};
}

QRect PageStripDelegate::checkNoneRect(const QRect &rowRect) const
{
    const QFontMetrics fm(smallFont(QApplication::font()));
    const int w = fm.horizontalAdvance(tr("None")) + 10;
    return {rowRect.right() - kSide - w, rowRect.top() + 26, w, fm.height() + 4};
}

QRect PageStripDelegate::checkAllRect(const QRect &rowRect) const
{
    const QFontMetrics fm(smallFont(QApplication::font()));
    const QRect none = checkNoneRect(rowRect);
    const int w = fm.horizontalAdvance(tr("All")) + 10;
    return {none.left() - 4 - w, none.top(), w, none.height()};
}

PageStripDelegate::HitArea PageStripDelegate::hitTest(const QRect &rowRect, const QModelIndex &index, const QPoint &pos) const
{
    if (checkBoxRect(rowRect, index).adjusted(-4, -4, 4, 4).contains(pos))
        return HitArea::CheckBox;
    if (index.data(PageStripModel::RowKindRole).toInt() == PageStripModel::HeaderRow) {
        if (checkAllRect(rowRect).contains(pos))
            return HitArea::CheckAll;
        if (checkNoneRect(rowRect).contains(pos))
            return HitArea::CheckNone;
        return HitArea::None;
    }
    return thumbnailRect(rowRect, index).contains(pos) ? HitArea::Thumbnail : HitArea::None;
}

void PageStripDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setRenderHint(QPainter::SmoothPixmapTransform, true);
    if (index.data(PageStripModel::RowKindRole).toInt() == PageStripModel::HeaderRow)
        paintHeader(p, option, index);
    else
        paintPage(p, option, index);
    p->restore();
}

static void drawCheckBox(QPainter *p, const QStyleOptionViewItem &option, const QRect &rect, Qt::CheckState state)
{
    QStyleOptionButton box;
    box.rect = rect;
    box.palette = option.palette;
    box.state = QStyle::State_Enabled;
    box.state |= state == Qt::Checked ? QStyle::State_On
               : state == Qt::PartiallyChecked ? QStyle::State_NoChange : QStyle::State_Off;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_IndicatorCheckBox, &box, p, widget);
}

void PageStripDelegate::paintHeader(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QRect r = option.rect;
    const QPalette &pal = option.palette;
    p->fillRect(r.adjusted(0, 2, 0, 0), pal.color(QPalette::Window));
    p->setPen(pal.color(QPalette::Mid));
    p->drawLine(r.bottomLeft(), r.bottomRight());

    const auto state = Qt::CheckState(index.data(Qt::CheckStateRole).toInt());
    const QRect box = checkBoxRect(r, index);
    drawCheckBox(p, option, box, state);

    const int textLeft = box.right() + 8;
    QFont bold = option.font;
    bold.setBold(true);
    p->setFont(bold);
    p->setPen(pal.color(QPalette::WindowText));
    const QRect nameRect(textLeft, r.top() + 6, r.right() - kSide - textLeft, QFontMetrics(bold).height());
    p->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(bold).elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, nameRect.width()));

    const QFont small = smallFont(option.font);
    p->setFont(small);
    const int pages = index.data(PageStripModel::PageCountRole).toInt();
    const int checked = index.data(PageStripModel::CheckedCountRole).toInt();
    const QRect all = checkAllRect(r);
    const QRect none = checkNoneRect(r);
    QColor dim = pal.color(QPalette::WindowText);
    dim.setAlphaF(0.65);
    p->setPen(dim);
    const QString pageCount = tr("%n page(s)", nullptr, pages);
    QString counts = checked > 0 ? pageCount + QStringLiteral(" · ") + tr("%1 checked").arg(checked) : pageCount;
    const QRect countRect(textLeft, all.top(), all.left() - 4 - textLeft, all.height());
    // Longer languages ("5 Seiten · 5 markiert") do not fit beside All/None in a narrow strip: the short form.
    if (checked > 0 && QFontMetrics(small).horizontalAdvance(counts) > countRect.width())
        counts = tr("%1/%2 checked").arg(checked).arg(pages);
    p->drawText(countRect, Qt::AlignLeft | Qt::AlignVCenter, QFontMetrics(small).elidedText(counts, Qt::ElideRight, countRect.width()));

    // "All" / "None" as small link buttons.
    const QColor link = pal.color(QPalette::Link);
    for (const auto &[rect, text, enabled] : {std::make_tuple(all, tr("All"), checked < pages),
                                              std::make_tuple(none, tr("None"), checked > 0)}) {
        QColor c = link;
        if (!enabled)
            c.setAlphaF(0.35);
        QColor frame = c;
        frame.setAlphaF(enabled ? 0.45 : 0.2);
        p->setPen(frame);
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        p->setPen(c);
        p->drawText(rect, Qt::AlignCenter, text);
    }
}

void PageStripDelegate::paintPage(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *model = qobject_cast<const PageStripModel *>(index.model());
    if (!model)
        return;
    const PageRef ref = model->pageAt(index);
    if (!ref.document)
        return;
    const QRect r = option.rect;
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
    const QColor accent = pal.color(QPalette::Highlight);

    if (selected) {
        QColor bg = accent;
        bg.setAlphaF(0.18);
        p->setPen(Qt::NoPen);
        p->setBrush(bg);
        p->drawRoundedRect(QRectF(r).adjusted(3, 1, -3, -1), 6, 6);
    }

    const QRect thumb = thumbnailRect(r, index);
    // Shadow and paper.
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0, 0, 0, 40));
    p->drawRect(thumb.translated(1, 2));
    p->fillRect(thumb, Qt::white);

    const qreal dpr = option.widget ? option.widget->devicePixelRatioF() : qApp->devicePixelRatio();
    const double dpi = thumbnailDpi(ref.document.get(), ref.page, dpr);
    QImage image;
    if (!m_failed.contains({ref.document.get(), ref.page}))
        image = m_renderer->request(ref.document, ref.page, dpi);
    if (!image.isNull()) {
        p->drawImage(QRectF(thumb), image);
    } else {
        QColor c(Qt::black); // on the white paper, whatever the palette
        c.setAlphaF(0.45);
        p->setPen(c);
        p->setFont(smallFont(option.font));
        p->drawText(thumb, Qt::AlignCenter,
                    m_failed.contains({ref.document.get(), ref.page}) ? tr("Cannot render") : tr("Rendering…"));
    }

    const leopard::ImagePlan *plan = (checked && m_plan) ? m_plan->planFor(ref.document.get(), ref.page) : nullptr;
    if (plan && m_overlayVisible) {
        p->save();
        p->setClipRect(r.adjusted(2, 0, -2, 0));
        viewer::CropOverlayStyle style;
        style.compact = true;
        style.drawNumbers = false;
        viewer::paintCropOverlay(*p, QRectF(thumb), *plan, m_plan->plan.options.cropSide, style);
        p->restore();
    }

    // Find's badge: how many hits the page has, in the marker colour the page view uses.
    if (const int hits = findMarkOf(ref.document.get(), ref.page)) {
        QFont f = smallFont(option.font);
        f.setBold(true);
        const QFontMetrics fm(f);
        const QString text = hits > 99 ? QStringLiteral("99+") : QString::number(hits);
        const QRectF badge(thumb.right() - fm.horizontalAdvance(text) - 14, thumb.top() + 4, fm.horizontalAdvance(text) + 10, fm.height() + 2);
        p->setPen(QPen(QColor(214, 92, 0), 1));
        p->setBrush(QColor(255, 214, 0));
        p->drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
        p->setFont(f);
        p->setPen(Qt::black); // on the yellow badge, whatever the palette
        p->drawText(badge, Qt::AlignCenter, text);
    }

    // Evidence: a green tag bottom left, in the page view's evidence colour.
    if (hasEvidenceMark(ref.document.get(), ref.page)) {
        QFont f = smallFont(option.font);
        f.setBold(true);
        const QFontMetrics fm(f);
        const QString text = tr("evidence");
        const QRectF tag(thumb.left() + 4, thumb.bottom() - fm.height() - 6, fm.horizontalAdvance(text) + 10, fm.height() + 2);
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0, 150, 90));
        p->drawRoundedRect(tag, 3, 3);
        p->setFont(f);
        p->setPen(Qt::white);
        p->drawText(tag, Qt::AlignCenter, text);
    }

    // Frame: accent when checked.
    p->setBrush(Qt::NoBrush);
    if (checked) {
        p->setPen(QPen(accent, 2.5));
        p->drawRect(QRectF(thumb).adjusted(-1.25, -1.25, 1.25, 1.25));
    } else {
        p->setPen(QPen(pal.color(QPalette::Mid), 1));
        p->drawRect(QRectF(thumb).adjusted(-0.5, -0.5, 0.5, 0.5));
    }

    // Label row: check box, page number, and the page's share of the plan.
    const QRect box = checkBoxRect(r, index);
    drawCheckBox(p, option, box, checked ? Qt::Checked : Qt::Unchecked);
    p->setFont(option.font);
    p->setPen(pal.color(QPalette::Text));
    const QRect label(box.right() + 6, thumb.bottom() + 1, thumb.right() - box.right() - 6, kLabelHeight);
    p->drawText(label, Qt::AlignLeft | Qt::AlignVCenter, QString::number(ref.page + 1));
    if (plan) {
        p->setFont(smallFont(option.font));
        p->setPen(accent);
        p->drawText(label, Qt::AlignRight | Qt::AlignVCenter,
                    tr("%n image(s)", nullptr, plan->modelImages()));
    }
}

bool PageStripDelegate::activate(PageStripModel *model, const QModelIndex &index, HitArea hit)
{
    const viewer::DocumentPtr document = model->documentAt(index);
    if (!document)
        return false;
    const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
    switch (hit) {
    case HitArea::CheckBox:
        if (model->isHeader(index))
            model->setDocumentChecked(document.get(), !checked); // partial or none -> all; all -> none
        else
            model->setPageChecked(document.get(), model->pageAt(index).page, !checked);
        return true;
    case HitArea::CheckAll:
        model->setDocumentChecked(document.get(), true);
        return true;
    case HitArea::CheckNone:
        model->setDocumentChecked(document.get(), false);
        return true;
    default:
        return false;
    }
}

} // namespace leopard::ui
