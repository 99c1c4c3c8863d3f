#pragma once
// Paints the page strip: a header per document (tri-state check box, name, page count, "All" /
// "None") and a thumbnail per page with its check box and, when checked, its crop plan drawn over
// it. Thumbnails come from the PageRenderer and are requested from paint(), i.e. only for the rows
// the view actually shows.

#include "ui/pages/page_ref.h"

#include <QHash>
#include <QSet>
#include <QStyledItemDelegate>

namespace leopard::viewer { class PageRenderer; class Document; }

namespace leopard::ui {

struct SelectionPlan;
class PageStripModel;

class PageStripDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class HitArea { None, CheckBox, CheckAll, CheckNone, Thumbnail };

    explicit PageStripDelegate(viewer::PageRenderer *renderer, QObject *parent = nullptr);

    void setThumbnailWidth(int width);
    int thumbnailWidth() const { return m_thumbWidth; }
    void setSelectionPlan(const SelectionPlan *plan) { m_plan = plan; } // not owned; may be null
    void setOverlayVisible(bool visible) { m_overlayVisible = visible; }
    // Find's hits per page (not owned; may be null): pages with hits get a badge with their count.
    using FindMarks = QHash<QPair<const viewer::Document *, int>, int>;
    void setFindMarks(const FindMarks *marks) { m_findMarks = marks; }
    int findMarkOf(const viewer::Document *document, int page) const
    {
        return m_findMarks ? m_findMarks->value({document, page}) : 0;
    }
    // Pages with evidence for the shown answer (not owned; may be null): a green "evidence" tag.
    using EvidenceMarks = QSet<QPair<const viewer::Document *, int>>;
    void setEvidenceMarks(const EvidenceMarks *marks) { m_evidenceMarks = marks; }
    bool hasEvidenceMark(const viewer::Document *document, int page) const
    {
        return m_evidenceMarks && m_evidenceMarks->contains({document, page});
    }

    // The dpi thumbnails of `page` are rendered at for a device pixel ratio.
    double thumbnailDpi(const viewer::Document *document, int page, qreal devicePixelRatio) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // What a click on `hit` of `index` does (toggle, check all, check none). False: nothing.
    static bool activate(PageStripModel *model, const QModelIndex &index, HitArea hit);

    // Where things are inside a row's rect (used by paint, clicks and tests).
    HitArea hitTest(const QRect &rowRect, const QModelIndex &index, const QPoint &pos) const;
    QRect checkBoxRect(const QRect &rowRect, const QModelIndex &index) const;
    QRect checkAllRect(const QRect &rowRect) const;
    QRect checkNoneRect(const QRect &rowRect) const;
    QRect thumbnailRect(const QRect &rowRect, const QModelIndex &index) const;

    void forgetFailures(const viewer::Document *document);

private:
    void paintHeader(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintPage(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    QSize thumbnailSize(const QModelIndex &index) const;

    viewer::PageRenderer *m_renderer;
    const SelectionPlan *m_plan = nullptr;
    const FindMarks *m_findMarks = nullptr;
    const EvidenceMarks *m_evidenceMarks = nullptr;
    bool m_overlayVisible = true;
    int m_thumbWidth = 168;
    QSet<QPair<const viewer::Document *, int>> m_failed;
};

} // namespace leopard::ui
