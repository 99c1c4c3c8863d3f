// leopard-cli ask: one question about some images, answered by the model in-process (libtorch).
// The answer streams to stdout token by token; --json prints one JSON document at the end instead.
//   leopard-cli ask --model DIR [--images FILE...] [--json] [--dump-logits FILE.npy]
//                   [--max-new-tokens N] [--dtype fp32|bf16|fp16] [--device D] [--setting direct|cot|none]
//                   [--ques-type T] [--single-bos] [--temperature T] [--top-p P] [--seed N] -- QUESTION
#include "app/cli/commands.h"

#include "inference/checkpoint/dtype.h"
#include "inference/device.h"
#include "inference/planner.h"
#include "inference/torch/leopard_model.h"
#include "inference/torch/prompt_builder.h"

#include "inference/preprocess/model_images.h"
#include "inference/preprocess/pil_convert.h"

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QImageReader>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <exception>

namespace leopard::cli {
namespace {

int usage()
{
    std::fprintf(stderr,
                 "usage: leopard-cli ask --model DIR [--images FILE...] [--json] [--dump-logits FILE.npy]\n"
                 "         [--max-new-tokens N] [--dtype fp32|bf16|fp16] [--device cpu|cuda] [--setting direct|cot|none]\n"
                 "         [--ques-type open-ended|multiple-choice] [--single-bos] [--temperature T] [--top-p P]\n"
                 "         [--seed N] -- QUESTION\n");
    return Usage;
}

bool writeNpy(const QString &path, const std::vector<float> &values)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + std::to_string(values.size()) + ",), }";
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    QByteArray out("\x93NUMPY\x01\x00", 8);
    out.append(char(header.size() & 0xff)).append(char(header.size() >> 8));
    out.append(header.data(), qsizetype(header.size()));
    out.append(reinterpret_cast<const char *>(values.data()), qsizetype(values.size() * sizeof(float)));
    return f.write(out) == out.size();
}

// QImage -> PIL's convert('RGB') of the same decoded pixels.
preprocess::RgbImage toRgb(QImage image)
{
    using preprocess::PixelLayout;
    PixelLayout layout;
    switch (image.format()) {
    case QImage::Format_Grayscale8: layout = PixelLayout::Grey8; break;
    case QImage::Format_Grayscale16: layout = PixelLayout::Grey16; break;
    case QImage::Format_RGB888: layout = PixelLayout::Rgb8; break;
    case QImage::Format_RGBA8888:
    case QImage::Format_RGBX8888: layout = PixelLayout::Rgba8; break;
    case QImage::Format_RGBA64:
    case QImage::Format_RGBX64: layout = PixelLayout::Rgba16; break;
    case QImage::Format_Indexed8: layout = PixelLayout::Indexed8; break;
    case QImage::Format_ARGB32:
    case QImage::Format_RGB32: layout = PixelLayout::Argb32; break;
    default:
        image = image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB32);
        layout = PixelLayout::Argb32;
    }
    preprocess::RawImageView view;
    view.data = image.constBits();
    view.width = image.width();
    view.height = image.height();
    view.bytesPerLine = image.bytesPerLine();
    view.layout = layout;
    const QList<QRgb> table = image.colorTable();
    view.palette.assign(table.begin(), table.end());
    return preprocess::toRgbLikePil(view);
}

} // namespace

int runAsk(const QStringList &args)
{
    QString modelDir, dumpLogits;
    QStringList images;
    QString question;
    bool asJson = false;
    ModelLoadOptions load;
    const DeviceInfo devices = probeDevices();
    load.device = QString::fromStdString(devices.defaultDevice).toStdString();
    load.dtype = ckpt::dtypeFromUserName(devices.defaultDtype).value_or(ckpt::DType::F32);
    GenerationOptions gen;
    PromptOptions prompt;
    bool haveQuestion = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool hasValue = i + 1 < args.size();
        bool ok = true;
        if (a == QLatin1String("--")) {
            question = args.mid(i + 1).join(QLatin1Char(' '));
            haveQuestion = true;
            break;
        } else if (a == QLatin1String("--model") && hasValue) {
            modelDir = args[++i];
        } else if (a == QLatin1String("--images")) {
            while (i + 1 < args.size() && !args[i + 1].startsWith(QLatin1String("--")))
                images << args[++i];
        } else if (a == QLatin1String("--json")) {
            asJson = true;
        } else if (a == QLatin1String("--dump-logits") && hasValue) {
            dumpLogits = args[++i];
        } else if (a == QLatin1String("--max-new-tokens") && hasValue) {
            gen.maxNewTokens = args[++i].toInt(&ok);
        } else if (a == QLatin1String("--dtype") && hasValue) {
            const auto t = ckpt::dtypeFromUserName(args[++i].toStdString());
            ok = t.has_value();
            if (ok)
                load.dtype = *t;
        } else if (a == QLatin1String("--device") && hasValue) {
            load.device = args[++i].toStdString();
        } else if (a == QLatin1String("--setting") && hasValue) {
            prompt.setting = args[++i].toStdString();
        } else if (a == QLatin1String("--ques-type") && hasValue) {
            prompt.quesType = args[++i].toStdString();
        } else if (a == QLatin1String("--single-bos")) {
            prompt.doubleBos = false;
        } else if (a == QLatin1String("--temperature") && hasValue) {
            gen.temperature = args[++i].toFloat(&ok);
        } else if (a == QLatin1String("--top-p") && hasValue) {
            gen.topP = args[++i].toFloat(&ok);
        } else if (a == QLatin1String("--seed") && hasValue) {
            gen.seed = args[++i].toULongLong(&ok);
        } else {
            ok = false;
        }
        if (!ok)
            return usage();
    }
    if (modelDir.isEmpty() || !haveQuestion || gen.maxNewTokens < 0)
        return usage();

    nlohmann::json report;
    QElapsedTimer timer;
    timer.start();
    // Everything that can be wrong with the arguments is found before the (long) model load.
    ckpt::ModelConfig config;
    try {
        instructionFor(prompt.setting, prompt.quesType);
        config = ckpt::ModelConfig::fromFile((modelDir + QStringLiteral("/config.json")).toStdString());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "leopard-cli ask: %s\n", e.what());
        return BadInput;
    }

    // Images -> crop plan -> model images (global view + tiles) -> normalised pixels.
    PixelBatch pixels;
    std::vector<int> modelImagesPerImage;
    if (!images.isEmpty()) {
        const int side = int(config.vision.imageSize);
        const std::int64_t f = config.pixelShuffleFactor;
        std::vector<preprocess::RgbImage> rgbs;
        std::vector<PixelSize> sizes;
        for (const QString &path : images) {
            QImageReader reader(path);
            reader.setAutoTransform(false); // the reference ignores EXIF orientation
            const QImage img = reader.read();
            if (img.isNull()) {
                std::fprintf(stderr, "leopard-cli ask: cannot read %s: %s\n", qPrintable(path),
                             qPrintable(reader.errorString()));
                return BadInput;
            }
            rgbs.push_back(toRgb(img));
            sizes.push_back({rgbs.back().width, rgbs.back().height});
        }
        PlanOptions po;
        po.cropSide = side;
        po.tokensPerImage = int(config.vision.numPatches() / (f * f));
        const CropPlan plan = planCrops(sizes, po);
        std::vector<preprocess::RgbImage> tiles;
        for (std::size_t i = 0; i < rgbs.size(); ++i) {
            auto t = preprocess::buildModelImages(rgbs[i], plan.images[i], side);
            modelImagesPerImage.push_back(int(t.size()));
            for (auto &x : t)
                tiles.push_back(std::move(x));
        }
        pixels.count = std::int64_t(tiles.size());
        pixels.side = side;
        pixels.values = preprocess::normalizeToNCHW(tiles);
        report["model_images_per_image"] = modelImagesPerImage;
        report["preprocess_s"] = timer.restart() / 1000.0;
    }

    LeopardModel model;
    try {
        model = LeopardModel::load(modelDir.toStdString(), load);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "leopard-cli ask: cannot load the model: %s\n", e.what());
        return BadInput;
    }
    report["load_s"] = timer.restart() / 1000.0;

    try {
        const BuiltPrompt built = buildPrompt(model.tokenizer(), model.config(), question.toStdString(),
                                              modelImagesPerImage, prompt);
        const ImageEmbeddings embeddings = model.encodeImages(pixels);
        report["encode_s"] = timer.restart() / 1000.0;
        gen.keepPromptLogits = !dumpLogits.isEmpty();
        if (!asJson)
            gen.onToken = [](std::int32_t, const std::string &piece) {
                std::fwrite(piece.data(), 1, piece.size(), stdout);
                std::fflush(stdout);
            };
        const GenerationResult r = model.generate(built.ids, embeddings, gen);
        if (!dumpLogits.isEmpty() && !writeNpy(dumpLogits, r.promptLogits)) {
            std::fprintf(stderr, "leopard-cli ask: cannot write %s\n", qPrintable(dumpLogits));
            return BadInput;
        }
        if (!asJson) {
            std::fputc('\n', stdout);
            return Ok;
        }
        report["model"] = modelDir.toStdString();
        report["dtype"] = ckpt::dtypeName(model.dtype());
        report["device"] = model.device();
        report["prompt"] = built.text;
        report["input_ids"] = built.ids;
        report["prompt_length"] = r.promptLength;
        report["generated_ids"] = r.ids;
        report["text"] = r.text;
        report["stopped_on_eos"] = r.stoppedOnEos;
        report["prefill_s"] = r.prefillSeconds;
        report["decode_s"] = r.decodeSeconds;
        report["decode_tokens_per_s"] = r.ids.size() > 1 && r.decodeSeconds > 0 ? double(r.ids.size() - 1) / r.decodeSeconds : 0.0;
        std::printf("%s\n", report.dump(1).c_str());
        return Ok;
    } catch (const PromptError &e) {
        std::fprintf(stderr, "leopard-cli ask: %s\n", e.what());
        return BadInput;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "leopard-cli ask: %s\n", e.what());
        return InternalError;
    }
}

} // namespace leopard::cli
