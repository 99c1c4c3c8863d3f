#include "ui/pages/page_strip_view.h"

#include "ui/pages/page_strip_delegate.h"
#include "ui/pages/page_strip_model.h"
#include "viewer/page_renderer.h"

#include <QEvent>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QStyle>

namespace leopard::ui {

namespace {
constexpr int kViewPadding = 8;
}

PageStripView::PageStripView(PageStripModel *model, viewer::PageRenderer *renderer, QWidget *parent)
    : QListView(parent), m_model(model), m_renderer(renderer), m_delegate(new PageStripDelegate(renderer, this))
{
    setObjectName(QStringLiteral("pageStrip"));
    setAccessibleName(tr("Pages"));
    setAccessibleDescription(tr("Thumbnails of every page of the open documents. Check the pages to ask about."));
    setModel(model);
    setItemDelegate(m_delegate);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(false);
    setResizeMode(QListView::Adjust);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMouseTracking(true);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setMinimumWidth(150);
    verticalScrollBar()->setSingleStep(24);
    m_delegate->setSelectionPlan(&m_plan);

    connect(m_renderer, &viewer::PageRenderer::pageRendered, this,
            [this](const viewer::Document *document, int page, double dpi, const QImage &) { onPageRendered(document, page, dpi); });
    connect(m_renderer, &viewer::PageRenderer::renderFailed, this,
            [this](const viewer::Document *document, int page, const QString &) { update(m_model->pageIndex(document, page)); });
    connect(m_model, &PageStripModel::documentRemoved, this,
            [this](const viewer::Document *document) { m_delegate->forgetFailures(document); });
    connect(this, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        const PageRef ref = m_model->pageAt(index);
        if (ref.document)
            emit pageActivated(ref);
    });
}

void PageStripView::setSelectionPlan(const SelectionPlan &plan)
{
    m_plan = plan;
    viewport()->update();
}

void PageStripView::setOverlayVisible(bool visible)
{
    m_delegate->setOverlayVisible(visible);
    viewport()->update();
}

void PageStripView::setCurrentPage(const PageRef &page)
{
    const QModelIndex index = page.document ? m_model->pageIndex(page.document.get(), page.page) : QModelIndex();
    if (!index.isValid() || index == currentIndex())
        return;
    setCurrentIndex(index);
    scrollTo(index);
}

PageRef PageStripView::currentPage() const
{
    return m_model->pageAt(currentIndex());
}

void PageStripView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QListView::currentChanged(current, previous);
    const PageRef ref = m_model->pageAt(current);
    if (ref.document)
        emit pageActivated(ref);
}

void PageStripView::onPageRendered(const viewer::Document *document, int page, double dpi)
{
    const QModelIndex index = m_model->pageIndex(document, page);
    if (index.isValid() && qFuzzyCompare(dpi, m_delegate->thumbnailDpi(document, page, devicePixelRatioF())))
        update(index);
}

int PageStripView::hitAt(const QPoint &pos, QModelIndex *index) const
{
    *index = indexAt(pos);
    if (!index->isValid())
        return int(PageStripDelegate::HitArea::None);
    return int(m_delegate->hitTest(visualRect(*index), *index, pos));
}

static bool isButton(int hit)
{
    using H = PageStripDelegate::HitArea;
    return hit == int(H::CheckBox) || hit == int(H::CheckAll) || hit == int(H::CheckNone);
}

void PageStripView::mousePressEvent(QMouseEvent *event)
{
    QModelIndex index;
    const int hit = event->button() == Qt::LeftButton ? hitAt(event->position().toPoint(), &index) : 0;
    if (isButton(hit)) {
        m_pressedIndex = index;
        m_pressedHit = hit;
        event->accept();
        return;
    }
    m_pressedIndex = QModelIndex();
    QListView::mousePressEvent(event);
}

void PageStripView::mouseDoubleClickEvent(QMouseEvent *event)
{
    QModelIndex index;
    if (event->button() == Qt::LeftButton && isButton(hitAt(event->position().toPoint(), &index))) {
        mousePressEvent(event); // a fast second click toggles again
        return;
    }
    QListView::mouseDoubleClickEvent(event);
}

void PageStripView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_pressedIndex.isValid()) {
        QModelIndex index;
        const int hit = hitAt(event->position().toPoint(), &index);
        if (index == m_pressedIndex && hit == m_pressedHit)
            PageStripDelegate::activate(m_model, index, PageStripDelegate::HitArea(hit));
        m_pressedIndex = QModelIndex();
        event->accept();
        return;
    }
    QListView::mouseReleaseEvent(event);
}

void PageStripView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    // Size thumbnails from the strip's width less room for a scroll bar whether or not one shows.
    // Taking the viewport's width instead feeds back: wider thumbnails -> taller content -> scroll bar
    // appears -> narrower thumbnails -> it goes away again, and rows end up laid out at one width
    // but painted at the other (overlapping labels).
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    const int width = qMax(48, contentsRect().width() - scrollBar - 2 * kViewPadding - 4);
    if (width != m_delegate->thumbnailWidth()) {
        m_delegate->setThumbnailWidth(width);
        scheduleDelayedItemsLayout();
        viewport()->update();
    }
}

void PageStripView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier) {
        const QModelIndex index = currentIndex();
        if (index.isValid()) {
            m_model->setData(index, index.data(Qt::CheckStateRole).toInt() == Qt::Checked ? Qt::Unchecked : Qt::Checked,
                             Qt::CheckStateRole);
            event->accept();
            return;
        }
    }
    QListView::keyPressEvent(event);
}

void PageStripView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    const viewer::DocumentPtr document = m_model->documentAt(index);
    if (!document)
        return;
    QMenu menu(this);
    const PageRef ref = m_model->pageAt(index);
    if (ref.document) {
        const bool checked = m_model->isChecked(document.get(), ref.page);
        menu.addAction(checked ? tr("Uncheck page %1").arg(ref.page + 1) : tr("Check page %1").arg(ref.page + 1), this,
                       [this, ref, checked] { m_model->setPageChecked(ref.document.get(), ref.page, !checked); });
        menu.addAction(tr("Check only this page"), this, [this, ref] {
            m_model->clearChecks();
            m_model->setPageChecked(ref.document.get(), ref.page, true);
        });
        menu.addSeparator();
        menu.addAction(tr("Compare: Put in Left Slot"), this, [this, ref] { emit compareRequested(ref, 0); });
        menu.addAction(tr("Compare: Put in Right Slot"), this, [this, ref] { emit compareRequested(ref, 1); });
        menu.addSeparator();
    }
    menu.addAction(tr("Check all pages of “%1”").arg(document->displayName()), this,
                   [this, document] { m_model->setDocumentChecked(document.get(), true); });
    menu.addAction(tr("Uncheck all pages of “%1”").arg(document->displayName()), this,
                   [this, document] { m_model->setDocumentChecked(document.get(), false); });
    menu.addSeparator();
    menu.addAction(tr("Close “%1”").arg(document->displayName()), this,
                   [this, document] { emit closeDocumentRequested(document); });
    menu.exec(event->globalPos());
}

void PageStripView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Pages"));
        setAccessibleDescription(tr("Thumbnails of every page of the open documents. Check the pages to ask about."));
        scheduleDelayedItemsLayout(); // header rows hold translated labels of new widths
        viewport()->update();
    }
    QListView::changeEvent(event);
}

} // namespace leopard::ui
