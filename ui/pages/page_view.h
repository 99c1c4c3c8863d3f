#pragma once
// The page in the middle of the window: one page rendered at screen dpi × zoom × device pixel
// ratio (sharp on high-DPI screens), scrollable, with zoom (Ctrl+wheel, Ctrl +/-), Fit width and
// Fit page, and the page's crop plan drawn over it.

#include "inference/planner.h"
#include "ui/pages/page_marks.h"
#include "ui/pages/page_ref.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QTimer>

#include <optional>

namespace leopard::viewer { class PageRenderer; }

namespace leopard::ui {

class PageView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    enum class FitMode { None, FitWidth, FitPage };
    static constexpr double kMinZoom = 0.1;
    static constexpr double kMaxZoom = 8.0;
    static constexpr double kZoomStep = 1.25;
    static constexpr int kMargin = 24; // around the page, in logical pixels

    explicit PageView(viewer::PageRenderer *renderer, QWidget *parent = nullptr);

    void setPage(const PageRef &page);
    PageRef page() const { return m_page; }
    void clear();

    // The crop plan of the shown page (none when it is not checked).
    void setImagePlan(const std::optional<leopard::ImagePlan> &plan, int cropSide);
    bool hasImagePlan() const { return m_plan.has_value(); }
    void setOverlayVisible(bool visible);
    bool overlayVisible() const { return m_overlayVisible; }

    // Zoom 1.0 shows the page at its physical size on a screen of logicalDpi().
    double zoom() const { return m_zoom; }
    FitMode fitMode() const { return m_fitMode; }
    double screenDpi() const;                 // logical dpi of the widget's screen
    double pixelsPerPoint() const;            // logical pixels per PDF point = zoom × screenDpi / 72
    double renderDpi() const;                 // screenDpi × zoom × devicePixelRatio (capped for huge pages)
    QSizeF pageDisplaySize() const;           // the page's size on screen, logical pixels
    QRectF pageRect() const;                  // where the page is drawn, viewport coordinates

    void setEmptyText(const QString &text);

    // Marks over the shown page (page_marks.h), all cleared when another page is shown: Find's hits
    // and the current hit's boxes; an answer's evidence and the one opened; where the model looked.
    void setFindBoxes(const QVector<QRectF> &boxes, const QVector<QRectF> &current = {});
    const QVector<QRectF> &findBoxes() const { return m_marks.find; }
    const QVector<QRectF> &currentFindBoxes() const { return m_marks.currentFind; }
    void setEvidenceBoxes(const QVector<QRectF> &boxes, const QVector<QRectF> &current = {});
    void setHeat(const QVector<HeatGrid> &grids);
    const PageMarks &marks() const { return m_marks; }
    // Scrolls as little as needed for `box` (normalised) to be in view.
    void ensureVisible(const QRectF &box);

public slots:
    void setZoom(double zoom);                // leaves fit mode
    void zoomIn();
    void zoomOut();
    void setFitMode(leopard::ui::PageView::FitMode mode);
    void fitWidth() { setFitMode(FitMode::FitWidth); }
    void fitPage() { setFitMode(FitMode::FitPage); }

signals:
    void zoomChanged(double zoom);
    void fitModeChanged(leopard::ui::PageView::FitMode mode);
    void pageStepRequested(int delta);
    void pageShown(const leopard::ui::PageRef &page); // setPage() showed another page        // PageUp/PageDown at the page's top/bottom, or Home/End (±max)

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override; // LanguageChange: empty-view text, captions

private:
    void applyZoom(double zoom, const QPointF &anchor); // anchor in viewport coordinates
    void updateFitZoom();
    void updateScrollBars();
    void scheduleRender();
    void requestRender();
    QSizeF pagePoints() const;
    QMarginsF overlayOverflow() const; // padding of the crop canvas beyond the page, in logical pixels

    viewer::PageRenderer *m_renderer;
    PageRef m_page;
    QImage m_image;          // the best render we have of m_page (may be at another dpi while a new one renders)
    double m_imageDpi = 0;
    double m_wantedDpi = 0;
    bool m_renderFailed = false;
    std::optional<leopard::ImagePlan> m_plan;
    int m_cropSide = 364;
    bool m_overlayVisible = true;
    double m_zoom = 1.0;
    FitMode m_fitMode = FitMode::FitWidth;
    QTimer m_renderTimer;
    PageMarks m_marks;
    QString m_emptyText; // empty: the default hint, in the current language
};

} // namespace leopard::ui
