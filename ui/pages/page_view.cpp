#include "ui/pages/page_view.h"

#include "ui/settings/color_scheme.h"
#include "viewer/crop_overlay.h"
#include "viewer/page_renderer.h"

#include <QEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyle>
#include <QWheelEvent>
#include <QtMath>

namespace leopard::ui {

namespace {
constexpr double kMaxRenderPixels = 40e6; // 160 MB; past this the render is drawn scaled up (the renderer caches 256 MB)
} // namespace

PageView::PageView(viewer::PageRenderer *renderer, QWidget *parent)
    : QAbstractScrollArea(parent), m_renderer(renderer)
{
    setObjectName(QStringLiteral("pageView"));
    setAccessibleName(tr("Page view"));
    setAccessibleDescription(tr("No document open"));
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    horizontalScrollBar()->setSingleStep(24);
    verticalScrollBar()->setSingleStep(24);
    viewport()->setAutoFillBackground(false);

    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(80);
    connect(&m_renderTimer, &QTimer::timeout, this, &PageView::requestRender);
    connect(m_renderer, &viewer::PageRenderer::pageRendered, this,
            [this](const viewer::Document *document, int page, double dpi, const QImage &image) {
                if (!m_page.document || document != m_page.document.get() || page != m_page.page)
                    return;
                // The wanted render, or anything at all (e.g. the thumbnail) while we have nothing yet.
                if (qFuzzyCompare(dpi, m_wantedDpi) || m_image.isNull()
                    || (qAbs(dpi - m_wantedDpi) < qAbs(m_imageDpi - m_wantedDpi))) {
                    m_image = image;
                    m_imageDpi = dpi;
                    viewport()->update();
                }
            });
    connect(m_renderer, &viewer::PageRenderer::renderFailed, this,
            [this](const viewer::Document *document, int page, const QString &) {
                if (m_page.document && document == m_page.document.get() && page == m_page.page && m_image.isNull()) {
                    m_renderFailed = true;
                    viewport()->update();
                }
            });
}

void PageView::setPage(const PageRef &page)
{
    if (page == m_page)
        return;
    m_page = page.isValid() ? page : PageRef{};
    m_image = QImage();
    m_imageDpi = 0;
    m_renderFailed = false;
    m_plan.reset();
    m_marks = {};
    updateFitZoom();
    updateScrollBars();
    horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
    verticalScrollBar()->setValue(verticalScrollBar()->minimum());
    // Render once the caller has set the page's plan (its canvas padding changes the fit zoom).
    QTimer::singleShot(0, this, &PageView::requestRender);
    viewport()->update();
    emit pageShown(m_page);
}

void PageView::setFindBoxes(const QVector<QRectF> &boxes, const QVector<QRectF> &current)
{
    m_marks.find = boxes;
    m_marks.currentFind = current;
    viewport()->update();
}

void PageView::setEvidenceBoxes(const QVector<QRectF> &boxes, const QVector<QRectF> &current)
{
    m_marks.evidence = boxes;
    m_marks.currentEvidence = current;
    viewport()->update();
}

void PageView::setHeat(const QVector<HeatGrid> &grids)
{
    m_marks.heat = grids;
    viewport()->update();
}

void PageView::ensureVisible(const QRectF &box)
{
    const QRectF page = pageRect();
    if (!m_page.document || page.isEmpty())
        return;
    const QRectF r(page.x() + box.x() * page.width(), page.y() + box.y() * page.height(),
                   box.width() * page.width(), box.height() * page.height());
    const QRectF view = QRectF(viewport()->rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    auto shift = [](double lo, double hi, double viewLo, double viewHi) {
        if (hi - lo > viewHi - viewLo || lo < viewLo)
            return lo - viewLo; // too big, or above/left of the view: its start at the view's start
        return hi > viewHi ? hi - viewHi : 0.0;
    };
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(shift(r.left(), r.right(), view.left(), view.right())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(shift(r.top(), r.bottom(), view.top(), view.bottom())));
}

void PageView::clear()
{
    setPage({});
}

void PageView::setImagePlan(const std::optional<leopard::ImagePlan> &plan, int cropSide)
{
    m_plan = plan;
    m_cropSide = cropSide;
    updateFitZoom();
    updateScrollBars();
    viewport()->update();
}

void PageView::setOverlayVisible(bool visible)
{
    if (visible == m_overlayVisible)
        return;
    m_overlayVisible = visible;
    updateFitZoom();
    updateScrollBars();
    viewport()->update();
}

void PageView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    viewport()->update();
}

double PageView::screenDpi() const
{
    return logicalDpiX() > 0 ? logicalDpiX() : 96.0;
}

double PageView::pixelsPerPoint() const
{
    return m_zoom * screenDpi() / 72.0;
}

QSizeF PageView::pagePoints() const
{
    return m_page.document ? m_page.document->pageSizePoints(m_page.page) : QSizeF();
}

double PageView::renderDpi() const
{
    double dpi = screenDpi() * m_zoom * devicePixelRatioF();
    const QSizeF pts = pagePoints();
    if (!pts.isEmpty()) {
        const double maxDpi = 72.0 * qSqrt(kMaxRenderPixels / (pts.width() * pts.height()));
        dpi = qMin(dpi, maxDpi);
    }
    return dpi;
}

QSizeF PageView::pageDisplaySize() const
{
    return pagePoints() * pixelsPerPoint();
}

QMarginsF PageView::overlayOverflow() const
{
    if (!m_plan || !m_overlayVisible)
        return {};
    const QRectF canvas = viewer::normalisedCanvasRect(*m_plan);
    const QSizeF size = pageDisplaySize();
    return {qMax(0.0, -canvas.left()) * size.width(), qMax(0.0, -canvas.top()) * size.height(),
            qMax(0.0, canvas.right() - 1.0) * size.width(), qMax(0.0, canvas.bottom() - 1.0) * size.height()};
}

QRectF PageView::pageRect() const
{
    const QSizeF size = pageDisplaySize();
    const QMarginsF over = overlayOverflow();
    const QSizeF content(size.width() + over.left() + over.right() + 2 * kMargin,
                         size.height() + over.top() + over.bottom() + 2 * kMargin);
    const QSize vp = viewport()->size();
    double x, y;
    if (content.width() <= vp.width())
        x = (vp.width() - content.width()) / 2.0 + kMargin + over.left();
    else
        x = kMargin + over.left() - horizontalScrollBar()->value();
    if (content.height() <= vp.height())
        y = (vp.height() - content.height()) / 2.0 + kMargin + over.top();
    else
        y = kMargin + over.top() - verticalScrollBar()->value();
    return {QPointF(x, y), size};
}

void PageView::updateScrollBars()
{
    const QSizeF size = pageDisplaySize();
    const QMarginsF over = overlayOverflow();
    // (- 0.01: a fitted page is exactly as large as the viewport, give or take rounding noise)
    const int contentW = qCeil(size.width() + over.left() + over.right() + 2 * kMargin - 0.01);
    const int contentH = qCeil(size.height() + over.top() + over.bottom() + 2 * kMargin - 0.01);
    // Decide against the viewport the scroll bars will leave, not the current one: otherwise a
    // bar shown for the previous zoom keeps the other one needed for ever.
    const QSize max = maximumViewportSize();
    const int extent = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    bool needH = contentW > max.width();
    bool needV = contentH > max.height();
    if (needH && !needV)
        needV = contentH > max.height() - extent;
    if (needV && !needH)
        needH = contentW > max.width() - extent;
    const QSize vp(max.width() - (needV ? extent : 0), max.height() - (needH ? extent : 0));
    horizontalScrollBar()->setRange(0, needH ? qMax(0, contentW - vp.width()) : 0);
    horizontalScrollBar()->setPageStep(vp.width());
    verticalScrollBar()->setRange(0, needV ? qMax(0, contentH - vp.height()) : 0);
    verticalScrollBar()->setPageStep(vp.height());
}

void PageView::updateFitZoom()
{
    const QSizeF pts = pagePoints();
    if (m_fitMode == FitMode::None || pts.isEmpty())
        return;
    // Extent of page + crop canvas padding, in page widths/heights.
    double wFactor = 1.0, hFactor = 1.0;
    if (m_plan && m_overlayVisible) {
        const QRectF canvas = viewer::normalisedCanvasRect(*m_plan);
        wFactor = qMax(1.0, canvas.right()) - qMin(0.0, canvas.left());
        hFactor = qMax(1.0, canvas.bottom()) - qMin(0.0, canvas.top());
    }
    const double perZoom = screenDpi() / 72.0; // logical px per point at zoom 1
    const QSize avail = maximumViewportSize();  // without scroll bars
    const double w = pts.width() * wFactor * perZoom;
    const double h = pts.height() * hFactor * perZoom;
    double zoom;
    if (m_fitMode == FitMode::FitPage) {
        zoom = qMin((avail.width() - 2.0 * kMargin) / w, (avail.height() - 2.0 * kMargin) / h);
    } else {
        zoom = (avail.width() - 2.0 * kMargin) / w;
        if (zoom * h + 2 * kMargin > avail.height()) // a vertical scroll bar will take its share
            zoom = (avail.width() - style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, verticalScrollBar()) - 2.0 * kMargin) / w;
    }
    zoom = qBound(kMinZoom, zoom, kMaxZoom);
    if (!qFuzzyCompare(zoom, m_zoom)) {
        m_zoom = zoom;
        scheduleRender();
        emit zoomChanged(m_zoom);
    }
}

void PageView::setZoom(double zoom)
{
    applyZoom(zoom, QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0));
}

void PageView::applyZoom(double zoom, const QPointF &anchor)
{
    zoom = qBound(kMinZoom, zoom, kMaxZoom);
    const bool modeChanged = m_fitMode != FitMode::None;
    m_fitMode = FitMode::None;
    if (modeChanged)
        emit fitModeChanged(m_fitMode);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    const QRectF before = pageRect();
    const QPointF rel = before.isEmpty() ? QPointF(0.5, 0.5)
                                         : QPointF((anchor.x() - before.left()) / before.width(),
                                                   (anchor.y() - before.top()) / before.height());
    m_zoom = zoom;
    updateScrollBars();
    const QRectF after = pageRect();
    const QPointF wantedTopLeft(anchor.x() - rel.x() * after.width(), anchor.y() - rel.y() * after.height());
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(after.left() - wantedTopLeft.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(after.top() - wantedTopLeft.y()));
    scheduleRender();
    viewport()->update();
    emit zoomChanged(m_zoom);
}

void PageView::zoomIn()
{
    setZoom(m_zoom * kZoomStep);
}

void PageView::zoomOut()
{
    setZoom(m_zoom / kZoomStep);
}

void PageView::setFitMode(FitMode mode)
{
    if (mode != m_fitMode) {
        m_fitMode = mode;
        emit fitModeChanged(mode);
    }
    updateFitZoom();
    updateScrollBars();
    viewport()->update();
}

void PageView::scheduleRender()
{
    if (m_page.document)
        m_renderTimer.start();
}

void PageView::requestRender()
{
    m_renderTimer.stop();
    if (!m_page.document)
        return;
    m_wantedDpi = renderDpi();
    const QImage image = m_renderer->request(m_page.document, m_page.page, m_wantedDpi);
    if (!image.isNull()) {
        m_image = image;
        m_imageDpi = m_wantedDpi;
        viewport()->update();
    }
}

void PageView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateFitZoom();
    updateScrollBars();
}

void PageView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Page view"));
        viewport()->update(); // the texts drawn are translated as they are painted
    }
    QAbstractScrollArea::changeEvent(event);
}

bool PageView::viewportEvent(QEvent *event)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 6, 0)
    if (event->type() == QEvent::DevicePixelRatioChange)
        scheduleRender();
#endif
    if (event->type() == QEvent::ScreenChangeInternal)
        scheduleRender();
    return QAbstractScrollArea::viewportEvent(event);
}

void PageView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void PageView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        if (steps != 0)
            applyZoom(m_zoom * qPow(kZoomStep, steps), event->position());
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void PageView::keyPressEvent(QKeyEvent *event)
{
    QScrollBar *v = verticalScrollBar();
    switch (event->key()) {
    case Qt::Key_PageDown:
        if (v->value() >= v->maximum()) {
            emit pageStepRequested(+1);
            return;
        }
        break;
    case Qt::Key_PageUp:
        if (v->value() <= v->minimum()) {
            emit pageStepRequested(-1);
            return;
        }
        break;
    case Qt::Key_Right:
    case Qt::Key_Left:
        if (horizontalScrollBar()->maximum() == 0) {
            emit pageStepRequested(event->key() == Qt::Key_Right ? +1 : -1);
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void PageView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), deskBackground(palette()));
    if (!m_page.document) {
        p.setPen(deskText(palette()));
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 1.25);
        p.setFont(f);
        p.drawText(viewport()->rect(), Qt::AlignCenter,
                   m_emptyText.isEmpty() ? tr("Open a report, slide deck or page image\n(File ▸ Open…, Ctrl+O, or drop files here)")
                                         : m_emptyText);
        return;
    }
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    const QRectF page = pageRect();

    // Soft shadow, paper, the render.
    for (int i = 1; i <= 4; ++i) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0, 0, 0, 22));
        p.drawRect(page.adjusted(-i + 2, -i + 3, i + 2, i + 3));
    }
    // The paper is white in either palette (pages are rendered on white), so what is written on it is dark.
    p.fillRect(page, Qt::white);
    if (!m_image.isNull()) {
        p.drawImage(page, m_image);
    } else {
        p.setPen(QColor(0, 0, 0, 110));
        p.drawText(page, Qt::AlignCenter, m_renderFailed ? tr("This page could not be rendered.") : tr("Rendering…"));
    }

    if (m_overlayVisible && m_plan)
        viewer::paintCropOverlay(p, page, *m_plan, m_cropSide);

    // Find's hits, the answer's evidence, the heat of where the model looked (over the crop plan so
    // they stay visible inside a crop).
    paintPageMarks(p, page, m_marks);
    if (!m_marks.heat.isEmpty())
        paintHeatLegend(p, QRectF(viewport()->rect()), tr("Where the model looked: less → more"));

    // A small caption at the bottom: what the model gets of this page.
    if (m_overlayVisible) {
        QString caption;
        if (m_plan) {
            const int tiles = m_plan->tiles();
            caption = tiles > 0 ? tr("%n crop(s) (%1 × %2 grid) + global view", nullptr, tiles).arg(m_plan->gridCols).arg(m_plan->gridRows)
                                : tr("Global view only (no crops)");
        } else {
            caption = tr("Page not checked: check it in the page strip to see its crops");
        }
        QFont f = font();
        p.setFont(f);
        const QFontMetrics fm(f);
        const int w = fm.horizontalAdvance(caption) + 24;
        const double h = fm.height() + 10;
        const QRectF chip(qMax(4.0, (viewport()->width() - w) / 2.0), viewport()->height() - h - 10, w, h);
        // A dark chip over the page (not over window chrome), legible on paper in either palette.
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(20, 22, 26, 190));
        p.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2);
        p.setPen(Qt::white);
        p.drawText(chip, Qt::AlignCenter, caption);
    }
}

} // namespace leopard::ui
