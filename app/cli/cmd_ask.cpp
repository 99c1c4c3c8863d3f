// leopard-cli ask: one question about some documents or images, answered by the model in-process
// (libtorch). The answer streams to stdout token by token; --json prints one JSON document at the end
// instead. Timing lines (load, vision encode, time to first token, tokens/s) go to stderr either way.
//   leopard-cli ask --model DIR [--pages SPEC] [--dpi N] [FILE...] [--images FILE...] [--json]
//                   [--dump-logits FILE.npy] [--max-new-tokens N] [--dtype fp32|bf16|fp16] [--device D]
//                   [--setting direct|cot|none] [--ques-type T] [--single-bos] [--temperature T]
//                   [--top-p P] [--seed N] -- QUESTION
// FILE (PDF, slide deck, image) is opened through the viewer library, as the app opens it, and its
// pages are rendered at the analysis dpi; --images FILE... decodes image files directly (the path the
// parity tests use). Inputs reach the model in command-line order.
#include "app/cli/commands.h"
#include "app/cli/page_spec.h"

#include "inference/checkpoint/dtype.h"
#include "inference/device.h"
#include "inference/plan_json.h"
#include "inference/planner.h"
#include "inference/torch/leopard_model.h"
#include "inference/torch/prompt_builder.h"

#include "inference/preprocess/model_images.h"
#include "inference/preprocess/pil_convert.h"

#include "viewer/document_opener.h"
#include "viewer/model_pixels.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <exception>
#include <new>
#include <string>

namespace leopard::cli {
namespace {

// std::bad_alloc, or libtorch's allocator failing (c10::Error "DefaultCPUAllocator: can't allocate
// memory", CUDA "out of memory"): said as such, with what to try, instead of a bare "std::bad_alloc".
bool reportedOutOfMemory(const std::exception &e, const char *during)
{
    const std::string what = e.what();
    const bool oom = dynamic_cast<const std::bad_alloc *>(&e) || what.find("can't allocate memory") != std::string::npos ||
                     what.find("out of memory") != std::string::npos;
    if (oom)
        std::fprintf(stderr,
                     "leopard-cli ask: out of memory while %s (%s); try fewer pages, a lower --dpi, fewer "
                     "--max-new-tokens or --dtype bf16\n",
                     during, what.substr(0, what.find('\n')).c_str());
    return oom;
}

int usage()
{
    std::fprintf(stderr,
                 "usage: leopard-cli ask --model DIR [--pages SPEC] [--dpi N] [FILE...] [--images FILE...] [--json]\n"
                 "         [--dump-logits FILE.npy] [--max-new-tokens N] [--dtype fp32|bf16|fp16] [--device cpu|cuda]\n"
                 "         [--setting direct|cot|none] [--ques-type open-ended|multiple-choice] [--single-bos]\n"
                 "         [--temperature T] [--top-p P] [--seed N] -- QUESTION\n"
                 "\n"
                 "  FILE           a PDF, a slide deck (pptx, ppt, odp, key; converted with LibreOffice) or an image,\n"
                 "                 opened as Leopard Desk opens it; every selected page is one image for the model\n"
                 "  --pages SPEC   pages for the FILEs that FOLLOW it on the command line, up to the next --pages:\n"
                 "                 1-based numbers and ranges in the order given, e.g. 1-3,5 ('all' = every page).\n"
                 "                 One --pages before all FILEs applies to all of them; FILEs before any --pages\n"
                 "                 use every page. Example: --pages 1-2 a.pdf --pages 4 b.pptx\n"
                 "  --dpi N        analysis dpi for PDF and deck pages, 18-1200 (default 144, as the app); images keep\n"
                 "                 their own pixel size\n"
                 "  --images F...  image files decoded directly (no viewer; first frame only)\n"
                 "  --json         print one JSON record (inputs with file, page and crop plan, prompt ids,\n"
                 "                 generated ids, timings) instead of streaming the answer\n"
                 "  At most 50 images (pages) per question.\n"
                 "exit codes: 0 answered, 1 bad input (missing/corrupt/unsupported file, bad --pages, too many\n"
                 "            pages, unusable model directory), 2 usage, 3 internal failure\n");
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

// One input on the command line, in order: a document (viewer) or a directly decoded image.
struct InputArg {
    QString path;
    bool direct = false;  // --images: QImageReader, as before the viewer path existed
    PageSpec pages;       // documents only
    QString pagesError;   // the --pages before this FILE did not parse: why
};

// One image the model receives (before cropping): a page of a document, or an image file.
struct InputImage {
    QString file;
    int page = 1;       // 1-based
    QString kind;       // pdf, slides, image
    preprocess::RgbImage rgb;
};

const char *kindName(viewer::DocumentKind kind)
{
    switch (kind) {
    case viewer::DocumentKind::Pdf: return "pdf";
    case viewer::DocumentKind::SlideDeck: return "slides";
    case viewer::DocumentKind::Image: return "image";
    }
    return "unknown";
}

int badInput(const QString &message)
{
    std::fprintf(stderr, "leopard-cli ask: %s\n", qPrintable(message));
    return BadInput;
}

void timingLine(const char *what, double seconds, const std::string &extra = {})
{
    std::fprintf(stderr, "leopard-cli ask: timing: %-20s %8.3f s%s\n", what, seconds, extra.c_str());
}

} // namespace

int runAsk(const QStringList &args)
{
    QString modelDir, dumpLogits;
    std::vector<InputArg> inputs;
    QString question;
    bool asJson = false;
    double dpi = 144.0; // the app's default analysis dpi (ui/settings/app_settings.h kDefaultAnalysisDpi)
    ModelLoadOptions load;
    const DeviceInfo devices = probeDevices();
    load.device = QString::fromStdString(devices.defaultDevice).toStdString();
    load.dtype = ckpt::dtypeFromUserName(devices.defaultDtype).value_or(ckpt::DType::F32);
    GenerationOptions gen;
    PromptOptions prompt;
    bool haveQuestion = false;
    // --pages applies to the documents after it; a spec error is bad input (exit 1) but reported
    // only once we know which files it applies to.
    PageSpec currentPages;
    QString currentPagesError;
    bool pagesPending = false;   // a --pages not yet followed by a FILE
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
            while (i + 1 < args.size() && !args[i + 1].startsWith(QLatin1String("--"))) {
                InputArg in;
                in.path = args[++i];
                in.direct = true;
                inputs.push_back(in);
            }
        } else if (a == QLatin1String("--pages") && hasValue) {
            QString why;
            const QString text = args[++i];
            currentPagesError.clear();
            if (!parsePageSpec(text, &currentPages, &why))
                currentPagesError = QStringLiteral("--pages %1 is not a valid page list: %2").arg(text, why);
            pagesPending = true;
        } else if (a == QLatin1String("--dpi") && hasValue) {
            dpi = args[++i].toDouble(&ok);
            ok = ok && dpi >= 18 && dpi <= 1200;
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
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            usage();
            return Usage;
        } else if (!a.startsWith(QLatin1Char('-')) && !a.isEmpty()) {
            InputArg in;
            in.path = a;
            in.pages = currentPages;
            in.pagesError = currentPagesError;
            inputs.push_back(in);
            pagesPending = false;
        } else {
            ok = false;
        }
        if (!ok)
            return usage();
    }
    if (modelDir.isEmpty() || !haveQuestion || gen.maxNewTokens < 0)
        return usage();
    if (pagesPending && !currentPagesError.isEmpty())
        return badInput(currentPagesError + QStringLiteral(" (and it applies to no FILE: put --pages before the files it selects)"));
    if (pagesPending) {
        std::fprintf(stderr, "leopard-cli ask: --pages %s is followed by no FILE; it selects the pages of the FILEs after it\n",
                     qPrintable(currentPages.text));
        return usage();
    }

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

    // Files -> pages -> pixels. Documents are opened and checked (page specs, page counts, the
    // 50-image limit) before anything is rendered, so a bad last argument fails fast.
    const PlanOptions defaults;
    std::vector<viewer::DocumentPtr> documents(inputs.size());
    std::vector<std::vector<int>> selected(inputs.size());
    std::size_t totalImages = 0;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
        InputArg &in = inputs[k];
        const QString name = QFileInfo(in.path).fileName();
        if (in.direct) {
            selected[k] = {0};
            ++totalImages;
            continue;
        }
        if (!in.pagesError.isEmpty())
            return badInput(QStringLiteral("%1: %2").arg(in.path, in.pagesError));
        viewer::OpenOptions options;
        const viewer::OpenResult opened = viewer::openDocument(in.path, options);
        if (!opened.ok())
            return badInput(opened.message);
        documents[k] = opened.document;
        QString why;
        if (!selectPages(in.pages, opened.document->pageCount(), name, &selected[k], &why))
            return badInput(why);
        totalImages += selected[k].size();
        if (totalImages > std::size_t(defaults.maxImages))
            return badInput(QStringLiteral("%1: with its %2 selected pages the question has %3 images; the model takes "
                                           "at most %4 per question. Choose fewer pages with --pages.")
                                .arg(in.path).arg(selected[k].size()).arg(totalImages).arg(defaults.maxImages));
    }
    if (totalImages > std::size_t(defaults.maxImages))
        return badInput(QStringLiteral("%1 images given; the model takes at most %2 per question.")
                            .arg(totalImages).arg(defaults.maxImages));

    std::vector<InputImage> images;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
        const InputArg &in = inputs[k];
        if (in.direct) {
            QImageReader reader(in.path);
            reader.setAutoTransform(false); // the reference ignores EXIF orientation
            const QImage img = reader.read();
            if (img.isNull()) {
                std::fprintf(stderr, "leopard-cli ask: cannot read %s: %s\n", qPrintable(in.path),
                             qPrintable(reader.errorString()));
                return BadInput;
            }
            images.push_back({in.path, 1, QStringLiteral("image"), viewer::toModelRgb(img)});
            continue;
        }
        const viewer::DocumentPtr &doc = documents[k];
        for (const int page : selected[k]) {
            const QImage img = doc->analysisImage(page, dpi);
            if (img.isNull())
                return badInput(QStringLiteral("%1: page %2 cannot be rendered at %3 dpi (damaged page, or too large at "
                                               "this dpi)").arg(in.path).arg(page + 1).arg(dpi));
            images.push_back({in.path, page + 1, QLatin1String(kindName(doc->kind())), viewer::toModelRgb(img)});
        }
    }
    documents.clear();
    const double renderSeconds = timer.restart() / 1000.0;
    if (!images.empty())
        timingLine("open + render", renderSeconds, " (" + std::to_string(images.size()) + " images)");

    // Images -> crop plan -> model images (global view + tiles) -> normalised pixels.
    PixelBatch pixels;
    std::vector<int> modelImagesPerImage;
    nlohmann::json inputsJson = nlohmann::json::array();
    if (!images.empty()) {
        const int side = int(config.vision.imageSize);
        const std::int64_t f = config.pixelShuffleFactor;
        std::vector<PixelSize> sizes;
        for (const InputImage &im : images)
            sizes.push_back({im.rgb.width, im.rgb.height});
        PlanOptions po;
        po.cropSide = side;
        po.tokensPerImage = int(config.vision.numPatches() / (f * f));
        const CropPlan plan = planCrops(sizes, po);
        const nlohmann::json planJson = nlohmann::json::parse(planToJson(plan));
        std::vector<preprocess::RgbImage> tiles;
        int firstModelImage = 0;
        for (std::size_t i = 0; i < images.size(); ++i) {
            auto t = preprocess::buildModelImages(images[i].rgb, plan.images[i], side);
            modelImagesPerImage.push_back(int(t.size()));
            inputsJson.push_back({{"file", images[i].file.toStdString()},
                                  {"page", images[i].page},
                                  {"kind", images[i].kind.toStdString()},
                                  {"plan", planJson["images"][i]},
                                  {"first_model_image", firstModelImage}});
            firstModelImage += int(t.size());
            for (auto &x : t)
                tiles.push_back(std::move(x));
        }
        images.clear(); // the page pixels are no longer needed: keep peak memory to the tiles
        pixels.count = std::int64_t(tiles.size());
        pixels.side = side;
        pixels.values = preprocess::normalizeToNCHW(tiles);
        report["model_images_per_image"] = modelImagesPerImage;
        report["plan"] = planJson;
        report["preprocess_s"] = timer.restart() / 1000.0;
    }
    report["inputs"] = inputsJson;
    report["dpi"] = dpi;

    LeopardModel model;
    try {
        model = LeopardModel::load(modelDir.toStdString(), load);
    } catch (const std::exception &e) {
        if (reportedOutOfMemory(e, "loading the model"))
            return InternalError;
        std::fprintf(stderr, "leopard-cli ask: cannot load the model: %s\n", e.what());
        return BadInput;
    }
    const double loadSeconds = timer.restart() / 1000.0;
    report["load_s"] = loadSeconds;
    timingLine("load", loadSeconds);

    try {
        // Time to first token: from here (the question handed to the loaded model) to the first
        // generated token, so it covers prompt building, vision encoding and prefill.
        QElapsedTimer sinceQuestion;
        sinceQuestion.start();
        double firstTokenSeconds = -1;
        const BuiltPrompt built = buildPrompt(model.tokenizer(), model.config(), question.toStdString(),
                                              modelImagesPerImage, prompt);
        const ImageEmbeddings embeddings = model.encodeImages(pixels);
        const double encodeSeconds = timer.restart() / 1000.0;
        report["encode_s"] = encodeSeconds;
        timingLine("vision encode", encodeSeconds, " (" + std::to_string(pixels.count) + " model images)");
        gen.keepPromptLogits = !dumpLogits.isEmpty();
        gen.onToken = [&](std::int32_t, const std::string &piece) {
            if (firstTokenSeconds < 0)
                firstTokenSeconds = sinceQuestion.nsecsElapsed() / 1e9;
            if (!asJson) {
                std::fwrite(piece.data(), 1, piece.size(), stdout);
                std::fflush(stdout);
            }
        };
        const GenerationResult r = model.generate(built.ids, embeddings, gen);
        if (!asJson)
            std::fputc('\n', stdout);
        const double tokensPerSecond =
            r.ids.size() > 1 && r.decodeSeconds > 0 ? double(r.ids.size() - 1) / r.decodeSeconds : 0.0;
        if (firstTokenSeconds >= 0)
            timingLine("time to first token", firstTokenSeconds,
                       " (prefill " + std::to_string(r.promptLength) + " positions)");
        char rate[96];
        std::snprintf(rate, sizeof rate, "%.2f tokens/s (%zu tokens, decode %.3f s)", tokensPerSecond, r.ids.size(),
                      r.decodeSeconds);
        std::fprintf(stderr, "leopard-cli ask: timing: %-20s %s\n", "decode", rate);
        if (!dumpLogits.isEmpty() && !writeNpy(dumpLogits, r.promptLogits)) {
            std::fprintf(stderr, "leopard-cli ask: cannot write %s\n", qPrintable(dumpLogits));
            return BadInput;
        }
        if (!asJson)
            return Ok;
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
        report["decode_tokens_per_s"] = tokensPerSecond;
        report["timings"] = {{"open_render_s", renderSeconds},
                             {"preprocess_s", report.value("preprocess_s", 0.0)},
                             {"load_s", loadSeconds},
                             {"encode_s", encodeSeconds},
                             {"first_token_s", firstTokenSeconds},
                             {"prefill_s", r.prefillSeconds},
                             {"decode_s", r.decodeSeconds},
                             {"tokens_per_s", tokensPerSecond}};
        std::printf("%s\n", report.dump(1).c_str());
        return Ok;
    } catch (const PromptError &e) {
        std::fprintf(stderr, "leopard-cli ask: %s\n", e.what());
        return BadInput;
    } catch (const std::exception &e) {
        if (!reportedOutOfMemory(e, "answering"))
            std::fprintf(stderr, "leopard-cli ask: %s\n", e.what());
        return InternalError;
    }
}

} // namespace leopard::cli
