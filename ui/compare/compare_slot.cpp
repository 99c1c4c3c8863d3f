#include "ui/compare/compare_slot.h"

#include "ui/compare/compare_mime.h"
#include "viewer/crop_overlay.h"
#include "viewer/page_renderer.h"

#include <QDragEnterEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>

namespace leopard::ui {

namespace {
constexpr int kMargin = 12;
const QColor kAccent(230, 110, 20); // the crop overlay's orange: "this is where the model looks"

bool acceptable(const QMimeData *mime)
{
    // Any local file is taken so that a drop of an unsupported one can be explained; remote URLs too
    // (they get "only local files").
    return mime && (mime->hasFormat(kPageMimeType) || mime->hasUrls());
}
} // namespace

CompareSlot::CompareSlot(viewer::PageRenderer *renderer, const QString &emptyText, QWidget *parent)
    : QFrame(parent), m_renderer(renderer), m_emptyText(emptyText)
{
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 200);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    connect(m_renderer, &viewer::PageRenderer::pageRendered, this,
            [this](const viewer::Document *document, int page, double dpi, const QImage &image) {
                if (document != m_page.document.get() || page != m_page.page)
                    return;
                if (qFuzzyCompare(dpi, wantedDpi()) || m_image.isNull()) {
                    m_image = image;
                    m_imageDpi = dpi;
                    update();
                }
            });
}

void CompareSlot::setEmptyText(const QString &text)
{
    m_emptyText = text;
    update();
}

void CompareSlot::setPage(const PageRef &page)
{
    if (page == m_page)
        return;
    m_page = page.isValid() ? page : PageRef{};
    m_image = QImage();
    m_imageDpi = 0;
    m_plan.reset();
    setAccessibleDescription(m_page.document ? tr("%1, page %2").arg(m_page.document->displayName()).arg(m_page.page + 1)
                                             : m_emptyText);
    requestRender();
    update();
}

void CompareSlot::setImagePlan(const std::optional<leopard::ImagePlan> &plan, int cropSide, int firstModelIndex)
{
    m_plan = plan;
    m_cropSide = cropSide;
    m_firstModelIndex = firstModelIndex;
    update();
}

QRectF CompareSlot::pageRect() const
{
    if (!m_page.isValid())
        return {};
    const QSizeF points = m_page.document->pageSizePoints(m_page.page);
    if (points.isEmpty())
        return {};
    // Fit the page and the canvas padding the plan adds around it.
    QRectF canvas(0, 0, 1, 1);
    if (m_plan)
        canvas = viewer::normalisedCanvasRect(*m_plan);
    const QRectF area = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const double scale = std::min(area.width() / (points.width() * canvas.width()),
                                  area.height() / (points.height() * canvas.height()));
    const QSizeF size = points * std::max(scale, 0.01);
    const QSizeF canvasSize(size.width() * canvas.width(), size.height() * canvas.height());
    const QPointF canvasTopLeft(area.center().x() - canvasSize.width() / 2, area.center().y() - canvasSize.height() / 2);
    return QRectF(canvasTopLeft.x() - canvas.left() * size.width(), canvasTopLeft.y() - canvas.top() * size.height(),
                  size.width(), size.height());
}

double CompareSlot::wantedDpi() const
{
    if (!m_page.isValid())
        return 0;
    const QSizeF points = m_page.document->pageSizePoints(m_page.page);
    const QRectF page = pageRect();
    if (points.isEmpty() || page.isEmpty())
        return 0;
    // Rounded to whole dpi so small resizes do not start a render each.
    return std::max(24.0, std::round(page.width() / points.width() * 72.0 * devicePixelRatioF()));
}

void CompareSlot::requestRender()
{
    if (!m_page.isValid())
        return;
    const double dpi = wantedDpi();
    if (dpi <= 0 || qFuzzyCompare(dpi, m_imageDpi))
        return;
    const QImage cached = m_renderer->request(m_page.document, m_page.page, dpi);
    if (!cached.isNull()) {
        m_image = cached;
        m_imageDpi = dpi;
        update();
    }
}

void CompareSlot::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    requestRender();
}

void CompareSlot::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    p.fillRect(rect(), m_highlight ? QColor(255, 236, 217) : QColor(62, 66, 74));

    const QRectF frame = QRectF(rect()).adjusted(3, 3, -3, -3);
    if (m_highlight || hasFocus()) {
        QPen pen(m_highlight ? kAccent : palette().color(QPalette::Highlight), m_highlight ? 3 : 2,
                 m_highlight ? Qt::DashLine : Qt::SolidLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(frame, 8, 8);
    }

    if (!m_page.isValid()) {
        QPen pen(m_highlight ? kAccent : QColor(255, 255, 255, 120), 2, Qt::DashLine);
        p.setPen(pen);
        p.drawRoundedRect(QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin), 10, 10);
        p.setPen(m_highlight ? kAccent.darker(140) : QColor(255, 255, 255, 210));
        p.drawText(QRectF(rect()).adjusted(3 * kMargin, 3 * kMargin, -3 * kMargin, -3 * kMargin),
                   Qt::AlignCenter | Qt::TextWordWrap, m_highlight ? tr("Drop to put it here") : m_emptyText);
        return;
    }

    const QRectF page = pageRect();
    p.fillRect(page, Qt::white);
    if (!m_image.isNull())
        p.drawImage(page, m_image);
    else {
        p.setPen(QColor(0, 0, 0, 110));
        p.drawText(page, Qt::AlignCenter, tr("Rendering…"));
    }
    if (m_plan)
        viewer::paintCropOverlay(p, page, *m_plan, m_cropSide, viewer::CropOverlayStyle{true, false, m_firstModelIndex});
    if (m_highlight) {
        p.fillRect(page, QColor(230, 110, 20, 60));
        p.setPen(kAccent.darker(140));
        p.drawText(page, Qt::AlignCenter, tr("Drop to replace this page"));
    }
}

void CompareSlot::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_PageDown:
    case Qt::Key_Down:
        emit stepRequested(1);
        return;
    case Qt::Key_PageUp:
    case Qt::Key_Up:
        emit stepRequested(-1);
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        emit clearRequested();
        return;
    default:
        QFrame::keyPressEvent(event);
    }
}

void CompareSlot::setHighlight(bool on)
{
    if (m_highlight == on)
        return;
    m_highlight = on;
    update();
}

void CompareSlot::dragEnterEvent(QDragEnterEvent *event)
{
    if (!acceptable(event->mimeData())) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    setHighlight(true);
}

void CompareSlot::dragMoveEvent(QDragMoveEvent *event)
{
    if (!acceptable(event->mimeData())) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void CompareSlot::dragLeaveEvent(QDragLeaveEvent *event)
{
    setHighlight(false);
    QFrame::dragLeaveEvent(event);
}

void CompareSlot::dropEvent(QDropEvent *event)
{
    setHighlight(false);
    const QMimeData *mime = event->mimeData();
    const QList<SessionPageRef> pages = pagesFromMimeData(mime);
    if (!pages.isEmpty()) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        emit pagesDropped(pages);
        return;
    }
    QStringList remote;
    const QStringList files = localFilesFromMimeData(mime, &remote);
    if (files.isEmpty() && remote.isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    emit filesDropped(files, remote);
}

void CompareSlot::focusInEvent(QFocusEvent *event)
{
    QFrame::focusInEvent(event);
    update();
}

void CompareSlot::focusOutEvent(QFocusEvent *event)
{
    QFrame::focusOutEvent(event);
    update();
}

} // namespace leopard::ui
