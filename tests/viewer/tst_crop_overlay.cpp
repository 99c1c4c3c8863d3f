// Crop overlay geometry against hand arithmetic, and what paintCropOverlay puts on pixels.

#include "inference/planner.h"
#include "viewer/crop_overlay.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace leopard::viewer;

namespace {

// US Letter at 144 dpi is 1224 x 1584 px. It wants round(1584/364) * round(1224/364) = 4 * 3 = 12
// crops; on the 3 x 4 grid's 1092 x 1456 canvas the scale is min(1092/1224, 1456/1584) = 1092/1224,
// so the page becomes 1092 x ceil(1584 * 1092 / 1224) = 1092 x 1414 (1413.18 rounded up), centred:
// pasteX = 0, pasteY = (1456 - 1414) / 2 = 21.
leopard::ImagePlan letterPlan()
{
    leopard::ImagePlan p;
    p.original = {1224, 1584};
    p.wanted = 12;
    p.allocated = 12;
    p.gridCols = 3;
    p.gridRows = 4;
    p.canvas = {1092, 1456};
    p.resized = {1092, 1414};
    p.pasteX = 0;
    p.pasteY = 21;
    return p;
}

bool near(const QRectF &a, const QRectF &b)
{
    const double e = 1e-9;
    return qAbs(a.x() - b.x()) < e && qAbs(a.y() - b.y()) < e && qAbs(a.width() - b.width()) < e
           && qAbs(a.height() - b.height()) < e;
}

QString str(const QRectF &r)
{
    return QStringLiteral("(%1, %2, %3 x %4)").arg(r.x(), 0, 'g', 12).arg(r.y(), 0, 'g', 12).arg(r.width(), 0, 'g', 12).arg(r.height(), 0, 'g', 12);
}

} // namespace

class CropOverlayTest : public QObject
{
    Q_OBJECT

private slots:
    void handPlanMatchesPlanner()
    {
        // The hand plan above is what the planner produces; if not, the arithmetic below tests nothing real.
        const leopard::CropPlan plan = leopard::planCrops({{1224, 1584}});
        QCOMPARE(plan.images.size(), size_t(1));
        const leopard::ImagePlan &p = plan.images[0];
        const leopard::ImagePlan h = letterPlan();
        QCOMPARE(p.gridCols, h.gridCols);
        QCOMPARE(p.gridRows, h.gridRows);
        QCOMPARE(p.canvas.width, h.canvas.width);
        QCOMPARE(p.canvas.height, h.canvas.height);
        QCOMPARE(p.resized.width, h.resized.width);
        QCOMPARE(p.resized.height, h.resized.height);
        QCOMPARE(p.pasteX, h.pasteX);
        QCOMPARE(p.pasteY, h.pasteY);
    }

    void tileRectsByHand()
    {
        const QVector<QRectF> tiles = normalisedTileRects(letterPlan(), 364);
        QCOMPARE(tiles.size(), 12);
        // Tile (row r, col c) covers canvas x in [364c, 364c + 364), y in [364r, 364r + 364).
        // In page units: x = 364c / 1092 = c / 3, width 1/3; y = (364r - 21) / 1414, height 364 / 1414.
        for (int r = 0; r < 4; ++r)
            for (int c = 0; c < 3; ++c) {
                const QRectF want(c / 3.0, (364.0 * r - 21.0) / 1414.0, 1.0 / 3.0, 364.0 / 1414.0);
                const QRectF got = tiles[r * 3 + c];
                QVERIFY2(near(got, want), qPrintable(QStringLiteral("tile r%1 c%2: %3, want %4").arg(r).arg(c).arg(str(got), str(want))));
            }
        // Top row starts in the padding above the page, bottom row ends in the padding below.
        QVERIFY(tiles.first().top() < 0);
        QVERIFY(tiles.last().bottom() > 1);
        QVERIFY(qAbs(tiles.last().bottom() - (1456.0 - 21.0) / 1414.0) < 1e-12);
    }

    void canvasRectByHand()
    {
        const QRectF canvas = normalisedCanvasRect(letterPlan());
        const QRectF want(0, -21.0 / 1414.0, 1092.0 / 1092.0, 1456.0 / 1414.0);
        QVERIFY2(near(canvas, want), qPrintable(str(canvas)));
        QVERIFY(canvas.contains(QRectF(0, 0, 1, 1)));
    }

    void landscapePaddingLeftAndRight()
    {
        // A 2000 x 500 strip on a 2 x 1 grid (728 x 364): scale min(728/2000, 364/500) = 0.364,
        // resized 728 x ceil(500 * 0.364) = 182, pasted at (0, 91). Hand-made plan, not the planner's.
        leopard::ImagePlan p;
        p.original = {2000, 500};
        p.gridCols = 2;
        p.gridRows = 1;
        p.canvas = {728, 364};
        p.resized = {728, 182};
        p.pasteX = 0;
        p.pasteY = 91;
        const QVector<QRectF> tiles = normalisedTileRects(p, 364);
        QCOMPARE(tiles.size(), 2);
        QVERIFY(near(tiles[0], QRectF(0, -0.5, 0.5, 2.0)));
        QVERIFY(near(tiles[1], QRectF(0.5, -0.5, 0.5, 2.0)));
        QVERIFY(near(normalisedCanvasRect(p), QRectF(0, -0.5, 1, 2)));
    }

    void noTilesMeansNoRects()
    {
        leopard::ImagePlan p;
        p.original = {300, 300};
        p.canvas = {364, 364};
        QVERIFY(normalisedTileRects(p, 364).isEmpty());
        QCOMPARE(normalisedCanvasRect(p), QRectF(0, 0, 1, 1));
    }

    void paintsPaddingGridAndNumbers()
    {
        // Page drawn at 273 x 353.5 (a quarter-ish of the analysis size) inside a white image.
        const QRectF pageRect(40, 60, 1092 / 4.0, 1414 / 4.0);
        auto paint = [&](const CropOverlayStyle &style) {
            QImage img(400, 500, QImage::Format_ARGB32);
            img.fill(Qt::white);
            QPainter painter(&img);
            paintCropOverlay(painter, pageRect, letterPlan(), 364, style);
            painter.end();
            return img;
        };
        const QImage withNumbers = paint({});
        CropOverlayStyle plain;
        plain.drawNumbers = false;
        const QImage noNumbers = paint(plain);

        // Padding band above the page: canvas top is 21/1414 of the page height above it (about 5 px).
        int darkInPadding = 0;
        for (int x = 45; x < 300; ++x)
            darkInPadding += qGray(noNumbers.pixel(x, 57)) < 245;
        QVERIFY2(darkInPadding > 100, "the padding above the page is not shaded");
        // Inside the page away from grid lines and numbers: untouched.
        QCOMPARE(QColor(noNumbers.pixel(60, 150)), QColor(Qt::white));
        // A vertical grid line at x = 40 + 273/3 = 131.
        const QColor line(noNumbers.pixel(131, 200));
        QVERIFY2(line.red() > 180 && line.blue() < 120, qPrintable(line.name()));
        // Numbers sit at tile centres: the first tile's centre differs with and without numbers.
        const QPointF c0 = pageRect.topLeft() + QPointF(273 / 6.0, (182.0 - 21.0) / 1414.0 * 353.5);
        int changed = 0;
        for (int dy = -8; dy <= 8; ++dy)
            for (int dx = -8; dx <= 8; ++dx)
                changed += withNumbers.pixel(c0.toPoint() + QPoint(dx, dy)) != noNumbers.pixel(c0.toPoint() + QPoint(dx, dy));
        QVERIFY2(changed > 60, qPrintable(QString::number(changed)));
        if (!qEnvironmentVariableIsEmpty("LEOPARD_SAVE_OVERLAY"))
            withNumbers.save(qEnvironmentVariable("LEOPARD_SAVE_OVERLAY"));
    }

    void compactThumbnailDropsNumbers()
    {
        const QRectF pageRect(2, 2, 1092 / 16.0, 1414 / 16.0); // tiles about 23 x 23 px
        auto paint = [&](bool numbers) {
            QImage img(80, 100, QImage::Format_ARGB32);
            img.fill(Qt::white);
            QPainter painter(&img);
            CropOverlayStyle style;
            style.compact = true;
            style.drawNumbers = numbers;
            paintCropOverlay(painter, QRectF(2, 2, 1092 / 32.0, 1414 / 32.0), letterPlan(), 364, style);
            return img;
        };
        Q_UNUSED(pageRect);
        QCOMPARE(paint(true), paint(false)); // tiles ~11 px: too small for readable numbers
    }

    void globalViewOnlyFrame()
    {
        leopard::ImagePlan p;
        p.original = {300, 300};
        p.canvas = {364, 364};
        QImage img(200, 200, QImage::Format_ARGB32);
        img.fill(Qt::white);
        QPainter painter(&img);
        CropOverlayStyle style;
        style.compact = true;
        paintCropOverlay(painter, QRectF(20, 20, 160, 160), p, 364, style);
        painter.end();
        int marked = 0, inside = 0;
        for (int x = 20; x < 180; ++x)
            marked += qGray(img.pixel(x, 20)) < 245;
        for (int y = 40; y < 160; ++y)
            for (int x = 40; x < 160; ++x)
                inside += img.pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY2(marked > 40, "no frame drawn for a global-view-only plan");
        QCOMPARE(inside, 0);
    }
};

QTEST_MAIN(CropOverlayTest)
#include "tst_crop_overlay.moc"
