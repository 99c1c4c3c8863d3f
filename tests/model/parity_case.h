#pragma once
// What the model parity tests share (test_model_parity, test_attention_maps): a case of
// tests/model/expected/ read back and its images sent through the app's own preprocessing.
#include "inference/planner.h"
#include "inference/preprocess/model_images.h"
#include "inference/preprocess/pil_convert.h"
#include "inference/torch/leopard_model.h"
#include "viewer/model_pixels.h"

#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QString>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace leopard::parity {

using nlohmann::json;

const QString kExpected = QStringLiteral(LEOPARD_SOURCE_DIR "/tests/model/expected/");
const QString kImages = QStringLiteral(LEOPARD_SOURCE_DIR "/tests/model/images/");

inline json readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot open " + path.toStdString());
    return json::parse(f.readAll().toStdString());
}

// max |a - b| / max |b|
inline double relError(const std::vector<float> &a, const std::vector<float> &b)
{
    if (a.size() != b.size())
        return INFINITY;
    double diff = 0, scale = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        diff = std::max(diff, std::fabs(double(a[i]) - double(b[i])));
        scale = std::max(scale, std::fabs(double(b[i])));
    }
    return diff / scale;
}

struct Case {
    json expected;
    PixelBatch pixels;
    std::vector<int> modelImagesPerImage;
};

inline QByteArray sha256(const std::uint8_t *data, std::size_t size)
{
    return QCryptographicHash::hash(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)),
                                    QCryptographicHash::Sha256)
        .toHex();
}

// The case's images (committed PNGs from make_images.py) through the whole pipeline the app uses:
// QImage -> PIL's convert('RGB') -> crop plan -> model images (PIL-exact bicubic) -> SigLIP
// normalisation. The RGB images and every 364x364 model image are checked against the reference's
// sha256 first, so any difference further on is the model's.
inline Case loadCase(const QString &name)
{
    Case c;
    c.expected = readJson(kExpected + name + ".json");
    const json &e = c.expected;
    std::vector<preprocess::RgbImage> rgbs;
    std::vector<PixelSize> sizes;
    for (const json &info : e["inputs"]["images"]) {
        QImage image(kImages + QString::fromStdString(info["file"].get<std::string>()));
        if (image.isNull())
            throw std::runtime_error("cannot read " + info["file"].get<std::string>());
        rgbs.push_back(viewer::toModelRgb(image));
        if (sha256(rgbs.back().pixels.data(), rgbs.back().pixels.size()).toStdString() != info["rgb_sha256"].get<std::string>())
            throw std::runtime_error(info["file"].get<std::string>() + ": RGB pixels differ from PIL's");
        sizes.push_back({rgbs.back().width, rgbs.back().height});
    }
    const CropPlan plan = planCrops(sizes);
    std::vector<preprocess::RgbImage> tiles;
    for (std::size_t i = 0; i < rgbs.size(); ++i) {
        auto t = preprocess::buildModelImages(rgbs[i], plan.images[i], plan.options.cropSide);
        c.modelImagesPerImage.push_back(int(t.size()));
        for (auto &x : t)
            tiles.push_back(std::move(x));
    }
    const auto &shas = e["tiles_resized_u8_sha256"];
    if (tiles.size() != shas.size())
        throw std::runtime_error(name.toStdString() + ": " + std::to_string(tiles.size()) + " model images, the reference has " +
                                 std::to_string(shas.size()));
    for (std::size_t t = 0; t < tiles.size(); ++t)
        if (sha256(tiles[t].pixels.data(), tiles[t].pixels.size()).toStdString() != shas[t].get<std::string>())
            throw std::runtime_error(name.toStdString() + ": model image " + std::to_string(t) + " differs from the reference's");
    c.pixels.count = std::int64_t(tiles.size());
    c.pixels.side = plan.options.cropSide;
    c.pixels.values = preprocess::normalizeToNCHW(tiles);
    return c;
}

} // namespace leopard::parity
