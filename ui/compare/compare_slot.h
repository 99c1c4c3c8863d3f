#pragma once
// One side of the compare view: a page drawn to fit, with the crop plan the model will use for it
// (the plan of the two compared pages together), and a drop target for pages dragged from the page
// strip and files dragged from the file manager. The slot only reports what was dropped; the
// compare view decides what it means (which page, opening a file, why a file cannot be used).
//
// Keyboard: focusable; PageUp/PageDown step through the document, Delete clears.

#include "inference/planner.h"
#include "ui/pages/page_ref.h"
#include "ui/conversation/saved_conversation.h"

#include <QFrame>
#include <QImage>

#include <optional>

namespace leopard::viewer { class PageRenderer; }

namespace leopard::ui {

class CompareSlot : public QFrame
{
    Q_OBJECT
public:
    CompareSlot(viewer::PageRenderer *renderer, const QString &emptyText, QWidget *parent = nullptr);
    void setEmptyText(const QString &text); // the hint drawn while no page is in the slot

    void setPage(const PageRef &page);
    PageRef page() const { return m_page; }
    void clear() { setPage({}); }
    // The plan of this page within the comparison; firstModelIndex numbers its global view.
    void setImagePlan(const std::optional<leopard::ImagePlan> &plan, int cropSide, int firstModelIndex);
    bool hasImagePlan() const { return m_plan.has_value(); }
    bool isHighlighted() const { return m_highlight; }
    QRectF pageRect() const; // where the page is drawn

signals:
    void pagesDropped(const QList<leopard::ui::SessionPageRef> &pages);
    void filesDropped(const QStringList &files, const QStringList &remote);
    void stepRequested(int delta);
    void clearRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void requestRender();
    double wantedDpi() const;
    void setHighlight(bool on);

    viewer::PageRenderer *m_renderer;
    QString m_emptyText;
    PageRef m_page;
    QImage m_image;
    double m_imageDpi = 0;
    std::optional<leopard::ImagePlan> m_plan;
    int m_cropSide = 364;
    int m_firstModelIndex = 1;
    bool m_highlight = false;
};

} // namespace leopard::ui
