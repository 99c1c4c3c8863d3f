#pragma once
// The strip of page thumbnails on the left: shows the PageStripModel, renders thumbnails lazily
// (only rows in view), lets the user check pages (click the box, Space, context menu, header
// "All"/"None") and pick the page shown in the page view (click a thumbnail). Pages can be dragged
// out (to the compare view, or as files to other programs): the model's mimeData (compare_mime.h).

#include "ui/pages/page_ref.h"
#include "ui/pages/selection_plan.h"

#include <QListView>

namespace leopard::viewer { class PageRenderer; }

namespace leopard::ui {

class PageStripModel;
class PageStripDelegate;

class PageStripView : public QListView
{
    Q_OBJECT
public:
    PageStripView(PageStripModel *model, viewer::PageRenderer *renderer, QWidget *parent = nullptr);

    PageStripModel *stripModel() const { return m_model; }
    PageStripDelegate *stripDelegate() const { return m_delegate; }

    void setSelectionPlan(const SelectionPlan &plan);
    void setOverlayVisible(bool visible);
    void setCurrentPage(const PageRef &page);
    PageRef currentPage() const;

signals:
    void pageActivated(const leopard::ui::PageRef &page);
    void closeDocumentRequested(const leopard::viewer::DocumentPtr &document);
    // Context menu "Compare: put in left/right slot" (side 0 = left, 1 = right).
    void compareRequested(const leopard::ui::PageRef &page, int side);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override; // LanguageChange: names, and a repaint (the delegate translates as it paints)

private:
    void onPageRendered(const viewer::Document *document, int page, double dpi);

    PageStripModel *m_model;
    viewer::PageRenderer *m_renderer;
    PageStripDelegate *m_delegate;
    SelectionPlan m_plan; // the delegate paints from this copy
    // A press on a check box or header button: the release on the same spot acts; the current
    // page does not change.
    QPersistentModelIndex m_pressedIndex;
    int m_pressedHit = 0;
    int hitAt(const QPoint &pos, QModelIndex *index) const;
};

} // namespace leopard::ui
