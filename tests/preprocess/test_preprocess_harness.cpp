// Model images against the reference harness's own record of them: harness/expected_*.json are
// reduced outputs of shared/reference/model/reference.py (harness/regenerate.sh has the commands)
// on the harness's test images (harness/images, from its make_images.py). For every model image
// reference.py records `resized_u8_sha256` (the 364x364 uint8 RGB after the SigLIP resize) and
// the per-channel mean of its pixel_values; whole questions are planned here, several images at
// once, so the budget split is the reference's too.
#include "inference/planner.h"
#include "inference/preprocess/model_images.h"
#include "inference/preprocess/pil_convert.h"
#include "viewer/model_pixels.h"

#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using namespace leopard;
using namespace leopard::preprocess;

namespace {

const QString kHarness = QStringLiteral(LEOPARD_SOURCE_DIR "/tests/preprocess/harness/");

QString sha256Hex(const RgbImage &image)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArrayView(reinterpret_cast<const char *>(image.pixels.data()),
                                                qsizetype(image.pixels.size())),
                                 QCryptographicHash::Sha256)
            .toHex());
}

} // namespace

class TestPreprocessHarness : public QObject {
    Q_OBJECT

private slots:
    void matchesReferencePy_data();
    void matchesReferencePy();
};

void TestPreprocessHarness::matchesReferencePy_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("four images") << "expected_four_images.json";
    QTest::newRow("strip") << "expected_strip.json";
}

void TestPreprocessHarness::matchesReferencePy()
{
    QFETCH(QString, file);
    QFile jsonFile(kHarness + file);
    QVERIFY2(jsonFile.open(QIODevice::ReadOnly), qPrintable(jsonFile.fileName()));
    const QJsonObject expected = QJsonDocument::fromJson(jsonFile.readAll()).object();

    // Image.open(p).convert('RGB'), the app's way: QImage decodes, toRgbLikePil converts.
    std::vector<RgbImage> rgbs;
    std::vector<PixelSize> sizes;
    for (const QJsonValue &value : expected.value("images").toArray()) {
        const QJsonObject image = value.toObject();
        QImage decoded(kHarness + "images/" + image.value("file").toString());
        QVERIFY(!decoded.isNull());
        rgbs.push_back(leopard::viewer::toModelRgb(decoded));
        QCOMPARE(sha256Hex(rgbs.back()), image.value("rgb_sha256").toString());
        sizes.push_back({rgbs.back().width, rgbs.back().height});
    }

    const CropPlan plan = planCrops(sizes);
    const QJsonArray perImage = expected.value("crop_plan").toObject().value("per_image").toArray();
    for (std::size_t i = 0; i < rgbs.size(); ++i)
        QCOMPARE(plan.images[i].tiles(), perImage.at(int(i)).toObject().value("num_crops").toInt());
    const std::vector<RgbImage> modelImages = buildQuestionImages(rgbs, plan);

    const QJsonArray tiles = expected.value("tiles").toArray();
    QCOMPARE(int(modelImages.size()), tiles.size());
    for (int t = 0; t < tiles.size(); ++t) {
        const QJsonObject tile = tiles.at(t).toObject();
        const RgbImage &image = modelImages[std::size_t(t)];
        const QString where = QStringLiteral("model image %1 (image %2, %3)")
                                  .arg(t)
                                  .arg(tile.value("image").toInt())
                                  .arg(tile.value("kind").toString());
        QVERIFY2(sha256Hex(image) == tile.value("resized_u8_sha256").toString(), qPrintable(where));

        // The normalised floats: numpy's float64 mean of each float32 channel plane.
        const std::vector<float> chw = normalizeToCHW(image);
        const std::size_t plane = chw.size() / 3;
        const QJsonArray means = tile.value("pixel_values_channel_mean").toArray();
        for (int c = 0; c < 3; ++c) {
            double sum = 0;
            for (std::size_t i = 0; i < plane; ++i)
                sum += double(chw[std::size_t(c) * plane + i]);
            const double mean = sum / double(plane);
            QVERIFY2(std::abs(mean - means.at(c).toDouble()) < 1e-9, qPrintable(where));
        }
    }
}

QTEST_GUILESS_MAIN(TestPreprocessHarness)
#include "test_preprocess_harness.moc"
