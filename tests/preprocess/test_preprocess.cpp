// Image preprocessing against the reference, bit for bit. fixtures/expected.json was made by
// make_fixtures.py (the command is in its docstring): PIL's convert('RGB'), the reference
// script's own resize_and_pad_image / divide_to_patches, and transformers' resize of every
// model image to 364x364, each recorded as the sha256 of its uint8 RGB bytes. Here the same
// sources are rebuilt (test_patterns.h) or decoded with QImage (the app's path), run through
// toRgbLikePil / planCrops / buildModelImages, and every model image must hash the same.
#include "inference/planner.h"
#include "inference/preprocess/model_images.h"
#include "inference/preprocess/pil_convert.h"
#include "inference/preprocess/pil_resize.h"
#include "viewer/model_pixels.h"
#include "test_patterns.h"

#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace leopard;
using namespace leopard::preprocess;

namespace {

const QString kFixtures = QStringLiteral(LEOPARD_SOURCE_DIR "/tests/preprocess/fixtures/");

QJsonObject loadExpected()
{
    QFile file(kFixtures + "expected.json");
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString sha256Hex(const void *data, std::size_t size)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArrayView(static_cast<const char *>(data), qsizetype(size)),
                                 QCryptographicHash::Sha256)
            .toHex());
}

QString sha256Hex(const RgbImage &image)
{
    return sha256Hex(image.pixels.data(), image.pixels.size());
}

// The source of one case as PIL's convert('RGB') would give it, through this library.
RgbImage sourceRgb(const QJsonObject &source)
{
    if (source.value("kind").toString() == "file") {
        QImage image(kFixtures + source.value("file").toString());
        qInfo("QImage decoded %s as format %d", qPrintable(source.value("file").toString()), int(image.format()));
        return leopard::viewer::toModelRgb(image);
    }
    const testing::RawImage raw = testing::pattern(
        source.value("pattern").toString().toStdString(), source.value("mode").toString().toStdString(),
        source.value("width").toInt(), source.value("height").toInt(), std::uint32_t(source.value("seed").toInt()));
    return toRgbLikePil(raw.view());
}

struct Difference {
    int max = 0;
    double mean = 0;
};

Difference difference(const RgbImage &a, const RgbImage &b)
{
    Difference d;
    if (a.pixels.size() != b.pixels.size() || a.pixels.empty())
        return {256, 256};
    double sum = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i) {
        const int diff = std::abs(int(a.pixels[i]) - int(b.pixels[i]));
        d.max = std::max(d.max, diff);
        sum += diff;
    }
    d.mean = sum / double(a.pixels.size());
    return d;
}

RgbImage loadRgbPng(const QString &path)
{
    QImage image(path);
    return leopard::viewer::toModelRgb(image);
}

} // namespace

class TestPreprocess : public QObject {
    Q_OBJECT

private slots:
    void convertsEveryLayoutLikePil();
    void rejectsBadBuffers();
    void resizeKeepsSizeAndConstants();
    void normalizesLikeNumpy();
    void matchesReference_data();
    void matchesReference();
    void normalizedTileMatchesReference();
};

// Two pixels per row, rows padded to 8 bytes (like QImage's 4-byte alignment), for each layout.
void TestPreprocess::convertsEveryLayoutLikePil()
{
    struct Case {
        const char *name;
        PixelLayout layout;
        std::vector<std::uint8_t> row0, row1; // unpadded bytes of each row
        std::vector<std::uint8_t> expected;   // RGB of the 2 x 2 result
        std::vector<std::uint32_t> palette = {};
    };
    auto u16 = [](std::uint16_t v) {
        std::uint8_t b[2];
        std::memcpy(b, &v, 2);
        return std::vector<std::uint8_t>{b[0], b[1]};
    };
    auto u32 = [](std::uint32_t v) {
        std::uint8_t b[4];
        std::memcpy(b, &v, 4);
        return std::vector<std::uint8_t>{b[0], b[1], b[2], b[3]};
    };
    auto cat = [](std::initializer_list<std::vector<std::uint8_t>> parts) {
        std::vector<std::uint8_t> out;
        for (const auto &p : parts)
            out.insert(out.end(), p.begin(), p.end());
        return out;
    };
    const std::vector<Case> cases = {
        {"grey", PixelLayout::Grey8, {0, 9}, {128, 255}, {0, 0, 0, 9, 9, 9, 128, 128, 128, 255, 255, 255}},
        // Alpha is dropped: a transparent pixel keeps its colour (no compositing onto white or black).
        {"grey+alpha", PixelLayout::GreyAlpha8, {10, 0, 20, 255}, {30, 7, 40, 128}, {10, 10, 10, 20, 20, 20, 30, 30, 30, 40, 40, 40}},
        {"rgb", PixelLayout::Rgb8, {1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
        {"rgba", PixelLayout::Rgba8, {1, 2, 3, 0, 4, 5, 6, 255}, {7, 8, 9, 1, 10, 11, 12, 2}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
        {"argb32", PixelLayout::Argb32, cat({u32(0x00010203), u32(0xFF040506)}), cat({u32(0x80070809), u32(0x0A0B0C)}),
         {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
        // Index 3 is past the 3-entry palette: grey (3, 3, 3), as PIL's unset palette entries.
        {"indexed", PixelLayout::Indexed8, {2, 0}, {1, 3}, {70, 80, 90, 10, 20, 30, 40, 50, 60, 3, 3, 3},
         {0xFF0A141E, 0x0028323C, 0x8046505A}},
        // PIL opens 16-bit grey PNGs as mode "I" and convert('RGB') clips: 256 and up are white.
        {"grey16", PixelLayout::Grey16, cat({u16(0), u16(255)}), cat({u16(256), u16(65535)}),
         {0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255}},
        // 16-bit RGB(A): the high byte of each channel.
        {"rgba16", PixelLayout::Rgba16, cat({u16(0x01FF), u16(0x0200), u16(0xFF00), u16(0), u16(0), u16(0x00FF), u16(0x0100), u16(1)}),
         cat({u16(0x0700), u16(0x08FF), u16(0x0901), u16(9), u16(0xFFFF), u16(0xFFFE), u16(0x8000), u16(0)}),
         {1, 2, 255, 0, 0, 1, 7, 8, 9, 255, 255, 128}},
    };
    for (const Case &c : cases) {
        // Padding bytes must be ignored. Room for row 1 at offset 8 even when it is 16 bytes long (rgba16,
        // replaced below): a 16-byte buffer overflowed there (AddressSanitizer, run-sanitized-tests.sh).
        std::vector<std::uint8_t> buffer(std::max<std::size_t>(16, 8 + c.row1.size()), 0xEE);
        std::memcpy(buffer.data(), c.row0.data(), c.row0.size());
        std::memcpy(buffer.data() + 8, c.row1.data(), c.row1.size());
        RawImageView view;
        view.data = buffer.data();
        view.width = 2;
        view.height = 2;
        view.bytesPerLine = 8;
        view.layout = c.layout;
        view.palette = c.palette;
        if (c.layout == PixelLayout::Rgba16) { // 16 bytes per row: no room for padding in 8
            buffer = cat({c.row0, c.row1});
            view.data = buffer.data();
            view.bytesPerLine = 16;
        }
        const RgbImage rgb = toRgbLikePil(view);
        QCOMPARE(rgb.width, 2);
        QCOMPARE(rgb.height, 2);
        QVERIFY2(rgb.pixels == c.expected, c.name);
    }
}

void TestPreprocess::rejectsBadBuffers()
{
    const std::uint8_t bytes[12] = {};
    RawImageView view;
    view.data = bytes;
    view.width = 2;
    view.height = 2;
    view.bytesPerLine = 5; // < 2 * 3
    view.layout = PixelLayout::Rgb8;
    QVERIFY(toRgbLikePil(view).isEmpty());
    view.bytesPerLine = 6;
    QVERIFY(!toRgbLikePil(view).isEmpty());
    view.data = nullptr;
    QVERIFY(toRgbLikePil(view).isEmpty());
    QVERIFY(resizeBicubicLikePil(RgbImage(), 4, 4).isEmpty());
    QVERIFY(resizeBicubicLikePil(RgbImage(3, 3), 0, 4).isEmpty());
    // A plan made for another size gives nothing rather than wrong tiles.
    const CropPlan plan = planCrops({{800, 600}});
    QVERIFY(buildModelImages(RgbImage(600, 800), plan.images[0], 364).empty());
    QVERIFY(buildQuestionImages({RgbImage(600, 800)}, plan).empty());
    QVERIFY(buildQuestionImages({RgbImage(800, 600), RgbImage(800, 600)}, plan).empty()); // 2 images, 1 plan
    QCOMPARE(int(buildQuestionImages({RgbImage(800, 600)}, plan).size()), plan.totalModelImages());
}

void TestPreprocess::resizeKeepsSizeAndConstants()
{
    const testing::RawImage raw = testing::pattern("photo", "RGB", 50, 40, 1);
    const RgbImage src = toRgbLikePil(raw.view());
    QVERIFY(resizeBicubicLikePil(src, 50, 40).pixels == src.pixels); // PIL: self.copy()

    // Weights sum to one (up to fixed-point rounding far below half a level): flat stays flat,
    // shrinking, enlarging, and changing one axis only.
    RgbImage flat(37, 23);
    for (std::size_t i = 0; i < flat.pixels.size(); ++i)
        flat.pixels[i] = std::uint8_t(i % 3 == 0 ? 0 : (i % 3 == 1 ? 77 : 255));
    for (auto [w, h] : {std::pair{5, 4}, {364, 364}, {37, 90}, {11, 23}}) {
        const RgbImage out = resizeBicubicLikePil(flat, w, h);
        QCOMPARE(out.width, w);
        QCOMPARE(out.height, h);
        for (std::size_t i = 0; i < out.pixels.size(); ++i)
            QCOMPARE(int(out.pixels[i]), i % 3 == 0 ? 0 : (i % 3 == 1 ? 77 : 255));
    }
}

void TestPreprocess::normalizesLikeNumpy()
{
    RgbImage image(2, 1);
    image.pixels = {0, 128, 255, 1, 2, 3};
    const std::vector<float> chw = normalizeToCHW(image);
    QCOMPARE(chw.size(), std::size_t(6));
    // CHW: the R plane (pixel 0, pixel 1), then G, then B.
    QCOMPARE(chw[0], -1.0f);
    QCOMPARE(chw[2], float(float(128.0 * (1.0 / 255.0)) - 0.5f) / 0.5f);
    QCOMPARE(chw[4], 1.0f);
    QCOMPARE(chw[1], (float(1.0 * (1.0 / 255.0)) - 0.5f) / 0.5f);
    QCOMPARE(chw[3], (float(2.0 * (1.0 / 255.0)) - 0.5f) / 0.5f);
    QCOMPARE(chw[5], (float(3.0 * (1.0 / 255.0)) - 0.5f) / 0.5f);
    const std::vector<float> nchw = normalizeToNCHW({image, image});
    QCOMPARE(nchw.size(), std::size_t(12));
    QVERIFY(std::equal(chw.begin(), chw.end(), nchw.begin() + 6));
}

void TestPreprocess::matchesReference_data()
{
    QTest::addColumn<QJsonObject>("expectedCase");
    const QJsonObject expected = loadExpected();
    QVERIFY2(!expected.isEmpty(), "tests/preprocess/fixtures/expected.json missing or not JSON");
    for (const QJsonValue &value : expected.value("cases").toArray()) {
        const QJsonObject c = value.toObject();
        QTest::newRow(qPrintable(c.value("name").toString())) << c;
    }
}

void TestPreprocess::matchesReference()
{
    QFETCH(QJsonObject, expectedCase);
    const int side = 364;

    const RgbImage rgb = sourceRgb(expectedCase.value("source").toObject());
    QVERIFY(!rgb.isEmpty());
    QCOMPARE(sha256Hex(rgb), expectedCase.value("rgb_sha256").toString()); // convert('RGB')

    const CropPlan plan = planCrops({{rgb.width, rgb.height}});
    const ImagePlan &image = plan.images.at(0);
    QCOMPARE(image.allocated, expectedCase.value("allocated").toInt());
    const QJsonValue canvas = expectedCase.value("canvas_wh");
    if (!canvas.isNull()) {
        QCOMPARE(image.canvas.width, canvas.toArray().at(0).toInt());
        QCOMPARE(image.canvas.height, canvas.toArray().at(1).toInt());
    }

    const std::vector<RgbImage> images = buildModelImages(rgb, image, side);
    const QJsonArray tiles = expectedCase.value("tiles").toArray();
    QCOMPARE(int(images.size()), int(tiles.size()));

    // Whole tiles kept as PNG: report how far we are, whatever the hashes say.
    const QJsonObject fullTiles = expectedCase.value("full_tiles").toObject();
    for (auto it = fullTiles.begin(); it != fullTiles.end(); ++it) {
        const int index = it.key().toInt();
        const Difference d = difference(images.at(std::size_t(index)), loadRgbPng(kFixtures + it.value().toString()));
        qInfo("%s tile %d vs reference: max |diff| %d, mean |diff| %.6f (uint8 levels)",
              qPrintable(expectedCase.value("name").toString()), index, d.max, d.mean);
        QCOMPARE(d.max, 0);
    }

    QStringList mismatches;
    for (int i = 0; i < tiles.size(); ++i) {
        QCOMPARE(images[std::size_t(i)].width, side);
        QCOMPARE(images[std::size_t(i)].height, side);
        if (sha256Hex(images[std::size_t(i)]) != tiles.at(i).toString())
            mismatches << QString::number(i);
    }
    QVERIFY2(mismatches.isEmpty(), qPrintable("model images differing from the reference: " + mismatches.join(", ")));
}

void TestPreprocess::normalizedTileMatchesReference()
{
    const QJsonObject expected = loadExpected();
    bool found = false;
    for (const QJsonValue &value : expected.value("cases").toArray()) {
        const QJsonObject c = value.toObject();
        const QJsonObject normalized = c.value("normalized").toObject();
        if (normalized.isEmpty())
            continue;
        found = true;
        const RgbImage rgb = sourceRgb(c.value("source").toObject());
        const CropPlan plan = planCrops({{rgb.width, rgb.height}});
        const std::vector<RgbImage> images = buildModelImages(rgb, plan.images.at(0), 364);
        const std::vector<float> chw = normalizeToCHW(images.at(std::size_t(normalized.value("tile").toInt())));
        // SiglipImageProcessor's pixel_values, float32 little-endian: every bit of every value.
        static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "the recorded hash is of little-endian floats");
        QCOMPARE(sha256Hex(chw.data(), chw.size() * sizeof(float)), normalized.value("pixel_values_f32le_sha256").toString());
        for (const QJsonValue &sample : normalized.value("samples").toArray()) {
            const QJsonArray s = sample.toArray();
            const std::size_t index = (std::size_t(s.at(0).toInt()) * 364 + std::size_t(s.at(1).toInt())) * 364
                + std::size_t(s.at(2).toInt());
            QCOMPARE(chw.at(index), float(s.at(3).toDouble()));
        }
    }
    QVERIFY2(found, "no normalized tile in expected.json");
}

QTEST_GUILESS_MAIN(TestPreprocess)
#include "test_preprocess.moc"
