// The proof that the port matches the authors' code: expected_plans.json was produced by running
// the reference script's own four planning functions (see make_expected.py for how and the exact
// command), and every plan in it is recomputed here with planCrops() and compared field by field:
// wanted, allocated, canvas (or its absence), resized size, paste offset, and every tile box in
// order. trim_cases drive the reference's decrement loop, which whole plans never reach;
// grid_cases and pad_cases check chooseGrid() and placeOnCanvas() on inputs plans never give them.
#include "inference/planner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace leopard;

namespace {

QJsonObject loadExpected()
{
    QFile file(QStringLiteral(LEOPARD_SOURCE_DIR "/tests/planner/expected_plans.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

std::vector<long long> toCounts(const QJsonArray &array)
{
    std::vector<long long> counts;
    for (const QJsonValue &v : array)
        counts.push_back(v.toInteger());
    return counts;
}

QString describe(const QJsonObject &testCase, int imageIndex)
{
    const QJsonArray size = testCase.value("sizes").toArray().at(imageIndex).toArray();
    return QStringLiteral("%1, image %2 (%3x%4), max_images %5, S %6")
        .arg(testCase.value("name").toString())
        .arg(imageIndex)
        .arg(size.at(0).toInt())
        .arg(size.at(1).toInt())
        .arg(testCase.value("max_images").toInt())
        .arg(testCase.value("crop_side").toInt());
}

// Compares one image; returns an empty string when it matches, else what differs.
QString compareImage(const ImagePlan &got, const QJsonObject &want, int cropSide)
{
    QStringList diffs;
    auto expectEqual = [&diffs](const char *field, long long actual, long long expected) {
        if (actual != expected)
            diffs << QStringLiteral("%1: got %2, reference %3").arg(field).arg(actual).arg(expected);
    };
    expectEqual("wanted", got.wanted, want.value("wanted").toInteger());
    expectEqual("allocated", got.allocated, want.value("allocated").toInteger());
    const QJsonArray tiles = want.value("tiles").toArray();
    if (want.value("canvas").isNull()) {
        // The reference makes no canvas; our convention is the S x S global view, no grid.
        expectEqual("grid cols", got.gridCols, 0);
        expectEqual("grid rows", got.gridRows, 0);
        expectEqual("canvas width", got.canvas.width, cropSide);
        expectEqual("canvas height", got.canvas.height, cropSide);
        expectEqual("resized width", got.resized.width, cropSide);
        expectEqual("resized height", got.resized.height, cropSide);
        expectEqual("paste x", got.pasteX, 0);
        expectEqual("paste y", got.pasteY, 0);
    } else {
        const QJsonArray canvas = want.value("canvas").toArray();
        const QJsonArray resized = want.value("resized").toArray();
        const QJsonArray paste = want.value("paste").toArray();
        expectEqual("canvas width", got.canvas.width, canvas.at(0).toInteger());
        expectEqual("canvas height", got.canvas.height, canvas.at(1).toInteger());
        expectEqual("grid cols", got.gridCols, canvas.at(0).toInteger() / cropSide);
        expectEqual("grid rows", got.gridRows, canvas.at(1).toInteger() / cropSide);
        expectEqual("resized width", got.resized.width, resized.at(0).toInteger());
        expectEqual("resized height", got.resized.height, resized.at(1).toInteger());
        expectEqual("paste x", got.pasteX, paste.at(0).toInteger());
        expectEqual("paste y", got.pasteY, paste.at(1).toInteger());
    }
    const std::vector<PixelRect> rects = got.tileRects(cropSide);
    expectEqual("tiles", static_cast<long long>(rects.size()), tiles.size());
    expectEqual("model images", got.modelImages(), 1 + tiles.size());
    for (int t = 0; t < tiles.size() && t < static_cast<int>(rects.size()); ++t) {
        const QJsonArray corner = tiles.at(t).toArray();
        const PixelRect &r = rects[static_cast<size_t>(t)];
        if (r.x != corner.at(0).toInt() || r.y != corner.at(1).toInt() || r.width != cropSide || r.height != cropSide) {
            diffs << QStringLiteral("tile %1: got (%2,%3 %4x%5), reference (%6,%7 %8x%8)")
                         .arg(t).arg(r.x).arg(r.y).arg(r.width).arg(r.height)
                         .arg(corner.at(0).toInt()).arg(corner.at(1).toInt()).arg(cropSide);
            break;
        }
    }
    return diffs.join(QStringLiteral("; "));
}

} // namespace

class TestPlannerReference : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyPlanMatchesTheReference();
    void trimMatchesTheReferenceLoop();
    void gridChoiceMatchesTheReference();
    void padGeometryMatchesTheReference();

private:
    QJsonObject m_expected;
};

void TestPlannerReference::initTestCase()
{
    m_expected = loadExpected();
    QVERIFY2(!m_expected.isEmpty(), "tests/planner/expected_plans.json missing or not JSON");
    const QJsonObject reference = m_expected.value("reference").toObject();
    QCOMPARE(reference.value("commit").toString(), QStringLiteral("36c5f61500992c2ace01feb873757c4a124b35f8"));
    QVERIFY(m_expected.value("cases").toArray().size() >= 300);
}

void TestPlannerReference::everyPlanMatchesTheReference()
{
    const QJsonArray cases = m_expected.value("cases").toArray();
    int images = 0, tiles = 0, failures = 0;
    for (const QJsonValue &value : cases) {
        const QJsonObject testCase = value.toObject();
        PlanOptions options;
        options.maxImages = testCase.value("max_images").toInt();
        options.cropSide = testCase.value("crop_side").toInt();
        std::vector<PixelSize> sizes;
        for (const QJsonValue &size : testCase.value("sizes").toArray())
            sizes.push_back({size.toArray().at(0).toInt(), size.toArray().at(1).toInt()});

        const CropPlan plan = planCrops(sizes, options);
        const QJsonArray expectedImages = testCase.value("images").toArray();
        const QString name = testCase.value("name").toString();
        if (plan.budget != testCase.value("budget").toInt()) {
            qWarning("%s: budget %d, reference %d", qPrintable(name), plan.budget, testCase.value("budget").toInt());
            ++failures;
        }
        if (plan.overLimit != (static_cast<int>(sizes.size()) > options.maxImages)) {
            qWarning("%s: over_limit wrong", qPrintable(name));
            ++failures;
        }
        if (plan.images.size() != static_cast<size_t>(expectedImages.size())) {
            qWarning("%s: %zu images, reference %lld", qPrintable(name), plan.images.size(),
                     static_cast<long long>(expectedImages.size()));
            ++failures;
            continue;
        }
        int expectedModelImages = 0;
        for (int i = 0; i < expectedImages.size(); ++i) {
            const QJsonObject want = expectedImages.at(i).toObject();
            const QString diff = compareImage(plan.images[static_cast<size_t>(i)], want, options.cropSide);
            if (!diff.isEmpty()) {
                qWarning("%s: %s", qPrintable(describe(testCase, i)), qPrintable(diff));
                ++failures;
            }
            expectedModelImages += 1 + static_cast<int>(want.value("tiles").toArray().size());
            tiles += static_cast<int>(want.value("tiles").toArray().size());
            ++images;
        }
        if (plan.totalModelImages() != expectedModelImages) {
            qWarning("%s: %d model images, reference %d", qPrintable(name), plan.totalModelImages(), expectedModelImages);
            ++failures;
        }
    }
    qInfo("compared %lld plans, %d images, %d tiles", static_cast<long long>(cases.size()), images, tiles);
    QCOMPARE(failures, 0);
}

void TestPlannerReference::trimMatchesTheReferenceLoop()
{
    const QJsonArray trims = m_expected.value("trim_cases").toArray();
    QVERIFY(trims.size() >= 20);
    int overshooting = 0; // cases where the loop has work to do
    for (const QJsonValue &value : trims) {
        const QJsonObject trim = value.toObject();
        std::vector<long long> counts = toCounts(trim.value("shares").toArray());
        long long sum = 0;
        for (long long c : counts)
            sum += c;
        overshooting += sum > trim.value("budget").toInteger() ? 1 : 0;
        trimToBudget(counts, trim.value("budget").toInteger());
        QVERIFY2(counts == toCounts(trim.value("trimmed").toArray()), qPrintable(trim.value("name").toString()));
    }
    QVERIFY(overshooting >= 20);
}

void TestPlannerReference::gridChoiceMatchesTheReference()
{
    const QJsonArray grids = m_expected.value("grid_cases").toArray();
    QVERIFY(grids.size() >= 300);
    int failures = 0;
    for (const QJsonValue &value : grids) {
        const QJsonArray g = value.toArray(); // [w, h, n, S, canvas w, canvas h]
        const int side = g.at(3).toInt();
        const GridChoice got = chooseGrid({g.at(0).toInt(), g.at(1).toInt()}, g.at(2).toInteger(), side);
        if (got.cols * side != g.at(4).toInt() || got.rows * side != g.at(5).toInt()) {
            qWarning("%dx%d n=%d S=%d: got %dx%d tiles, reference canvas %dx%d", g.at(0).toInt(), g.at(1).toInt(),
                     g.at(2).toInt(), side, got.cols, got.rows, g.at(4).toInt(), g.at(5).toInt());
            ++failures;
        }
    }
    QCOMPARE(failures, 0);
}

void TestPlannerReference::padGeometryMatchesTheReference()
{
    const QJsonArray pads = m_expected.value("pad_cases").toArray();
    QVERIFY(pads.size() >= 200);
    int failures = 0;
    for (const QJsonValue &value : pads) {
        const QJsonArray p = value.toArray(); // [w, h, target w, target h, resized w, resized h, x, y]
        ImagePlan plan;
        plan.original = {p.at(0).toInt(), p.at(1).toInt()};
        plan.canvas = {p.at(2).toInt(), p.at(3).toInt()};
        placeOnCanvas(plan);
        if (plan.resized.width != p.at(4).toInt() || plan.resized.height != p.at(5).toInt()
            || plan.pasteX != p.at(6).toInt() || plan.pasteY != p.at(7).toInt()) {
            qWarning("%dx%d on %dx%d: got %dx%d at %d,%d, reference %dx%d at %d,%d", p.at(0).toInt(), p.at(1).toInt(),
                     p.at(2).toInt(), p.at(3).toInt(), plan.resized.width, plan.resized.height, plan.pasteX,
                     plan.pasteY, p.at(4).toInt(), p.at(5).toInt(), p.at(6).toInt(), p.at(7).toInt());
            ++failures;
        }
    }
    QCOMPARE(failures, 0);
}

QTEST_APPLESS_MAIN(TestPlannerReference)
#include "test_planner_reference.moc"
