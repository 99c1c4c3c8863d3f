// Where the answer looked (GenerationOptions::attentionMaps, AskStats::attention) against the original
// Python implementation: reference.py --dump-attentions-npz's weights of every generated token's query
// (eager attention, fp32), kept for the image keys in tests/model/expected/attention/ (regenerate.sh,
// attention_cases.py). On the tiny checkpoint in fp32, per case:
//   - the raw weights, every step, layer and head, of every image position: within 1e-4 absolute and
//     1e-4 relative to the largest weight (and the text keys' total weight the same);
//   - the maps (mean over tokens, heads and the averaged layers) against that mean taken of the dump;
//   - the ids and the prompt logits bit for bit the same with maps on and off.
// Cases: rgba (1 image, 2 tiles), no_tags_grey (2 images: 6 tiles + a global view alone), and
// rgba_then_grey, a follow-up turn continuing rgba's KV cache that adds an image (reference.py has no
// second turn: it ran the whole conversation as one prompt). Then the same through InferenceWorker,
// whose maps carry their page, turn and image.
#include "npy.h"
#include "parity_case.h"

#include "inference/checkpoint/tiny_checkpoint.h"
#include "inference/inference_worker.h"
#include "inference/torch/prompt_builder.h"
#include "tests/common/file_hash.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>

using namespace leopard;
using namespace leopard::parity;

namespace {

const QString kAttention = kExpected + QStringLiteral("attention/");

// One expected attention file pair (attention_cases.py extract).
struct Expected {
    json info;
    npy::Array w; // [steps, layers, heads, image positions]
    std::int64_t steps = 0, layers = 0, heads = 0, imagePositions = 0;
    float at(std::int64_t s, std::int64_t l, std::int64_t h, std::int64_t p) const
    {
        return w.values[std::size_t(((s * layers + l) * heads + h) * imagePositions + p)];
    }
    std::vector<std::int64_t> firstPositions() const
    {
        std::vector<std::int64_t> out;
        for (const json &r : info["image_positions"])
            out.push_back(r[0].get<std::int64_t>());
        return out;
    }
};

Expected loadExpected(const QString &name)
{
    Expected e;
    e.info = readJson(kAttention + name + ".json");
    e.w = npy::readFloat32(kAttention + name + ".npy");
    if (e.w.shape.size() != 4)
        throw std::runtime_error(name.toStdString() + ".npy is not [steps, layers, heads, positions]");
    e.steps = e.w.shape[0];
    e.layers = e.w.shape[1];
    e.heads = e.w.shape[2];
    e.imagePositions = e.w.shape[3];
    return e;
}

struct Diff {
    double abs = 0, scale = 0;
    double rel() const { return scale > 0 ? abs / scale : INFINITY; }
    void add(double got, double want)
    {
        abs = std::max(abs, std::fabs(got - want));
        scale = std::max(scale, std::fabs(want));
    }
};

// The raw weights of every traced step against the dump: image keys one by one, text keys as a total.
Diff compareTrace(const std::vector<FloatArray> &trace, const Expected &e, Diff *textMass)
{
    if (std::int64_t(trace.size()) != e.steps)
        throw std::runtime_error("traced " + std::to_string(trace.size()) + " steps, the reference " + std::to_string(e.steps));
    const auto first = e.firstPositions();
    const std::int64_t per = e.imagePositions / std::int64_t(first.size());
    const std::int64_t prompt = e.info["expanded_length"].get<std::int64_t>();
    Diff d;
    for (std::int64_t s = 0; s < e.steps; ++s) {
        const FloatArray &t = trace[std::size_t(s)];
        const std::int64_t keys = t.shape.at(2);
        if (t.shape.at(0) != e.layers || t.shape.at(1) != e.heads || keys != prompt + s)
            throw std::runtime_error("step " + std::to_string(s) + ": trace shape differs from the reference's");
        for (std::int64_t l = 0; l < e.layers; ++l)
            for (std::int64_t h = 0; h < e.heads; ++h) {
                const float *row = t.values.data() + (l * e.heads + h) * keys;
                double image = 0, all = 0;
                for (std::int64_t k = 0; k < keys; ++k)
                    all += row[k];
                for (std::size_t m = 0; m < first.size(); ++m)
                    for (std::int64_t j = 0; j < per; ++j) {
                        const float got = row[first[m] + j];
                        image += got;
                        d.add(got, e.at(s, l, h, std::int64_t(m) * per + j));
                    }
                textMass->add(all - image, e.info["text_mass"][std::size_t(s)][std::size_t(l)][std::size_t(h)].get<double>());
            }
    }
    return d;
}

// The maps against the dump's mean over steps, heads and layers firstLayer .. lastLayer.
Diff compareMaps(const AttentionMapsResult &got, const Expected &e, int firstLayer, int lastLayer)
{
    const auto first = e.firstPositions();
    if (got.images.size() != first.size() || got.firstLayer != firstLayer || got.lastLayer != lastLayer ||
        got.steps != e.steps || got.heads != e.heads || got.gridSide * got.gridSide != e.imagePositions / std::int64_t(first.size()))
        throw std::runtime_error("the maps' layout differs from the reference's");
    const std::int64_t per = std::int64_t(got.gridSide) * got.gridSide;
    const double n = double(e.steps) * e.heads * (lastLayer - firstLayer + 1);
    Diff d;
    for (std::size_t m = 0; m < first.size(); ++m) {
        if (got.images[m].modelImage != std::int64_t(m) || got.images[m].firstPosition != first[m])
            throw std::runtime_error("model image " + std::to_string(m) + " is not where the reference has it");
        for (std::int64_t j = 0; j < per; ++j) {
            double want = 0;
            for (std::int64_t s = 0; s < e.steps; ++s)
                for (std::int64_t l = firstLayer; l <= lastLayer; ++l)
                    for (std::int64_t h = 0; h < e.heads; ++h)
                        want += e.at(s, l, h, std::int64_t(m) * per + j);
            d.add(got.images[m].weights[std::size_t(j)], want / n);
        }
    }
    return d;
}

bool bitwiseEqual(const std::vector<float> &a, const std::vector<float> &b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

// The grey thumbnail rgba_then_grey's follow-up adds, as the app sends a page asked about alone.
struct Grey {
    preprocess::RgbImage rgb;
    ImagePlan plan;
    PixelBatch pixels;
};

Grey loadGrey(const json &wantShas, std::size_t firstTile)
{
    Grey g;
    g.rgb = viewer::toModelRgb(QImage(kImages + QStringLiteral("tiny_200x150_L.png")));
    g.plan = planCrops({{g.rgb.width, g.rgb.height}}).images.at(0);
    const auto tiles = preprocess::buildModelImages(g.rgb, g.plan, 364);
    if (tiles.size() + firstTile != wantShas.size())
        throw std::runtime_error("the grey image's model images differ from the reference's");
    for (std::size_t t = 0; t < tiles.size(); ++t)
        if (sha256(tiles[t].pixels.data(), tiles[t].pixels.size()).toStdString() != wantShas[firstTile + t].get<std::string>())
            throw std::runtime_error("the grey image's model image differs from the reference's");
    g.pixels.count = std::int64_t(tiles.size());
    g.pixels.side = 364;
    g.pixels.values = preprocess::normalizeToNCHW(tiles);
    return g;
}

constexpr double kTolerance = 1e-4;

} // namespace

class TestAttentionMaps : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString ckpt_;
    std::unique_ptr<LeopardModel> m_;

    void check(const char *what, const Diff &d)
    {
        qInfo("  %-34s max |diff| %.2e, relative to the largest weight %.2e", what, d.abs, d.rel());
        QVERIFY2(d.abs < kTolerance && d.rel() < kTolerance, qPrintable(QString::number(d.abs)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        ckpt_ = dir_.filePath(QStringLiteral("tiny"));
        ckpt::writeTinyCheckpoint(ckpt_.toStdString(), LEOPARD_TOKENIZER_DIR, ckpt::TinySpec{});
        const json files = readJson(kExpected + QStringLiteral("rgba.json"))["checkpoint_files"];
        for (auto it = files.begin(); it != files.end(); ++it)
            QVERIFY2(leopard::test::fileSha256(ckpt_ + "/" + QString::fromStdString(it.key())).toStdString() == it.value().get<std::string>(),
                     "make-tiny's checkpoint differs from the one the expected outputs were made on");
        ModelLoadOptions opt;
        opt.dtype = ckpt::DType::F32;
        m_ = std::make_unique<LeopardModel>(LeopardModel::load(ckpt_.toStdString(), opt));
    }

    void firstTurn_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("rgba") << QStringLiteral("rgba");
        QTest::newRow("no_tags_grey") << QStringLiteral("no_tags_grey");
    }
    void firstTurn()
    {
        QFETCH(QString, name);
        Case c;
        Expected e;
        try {
            c = loadCase(name);
            e = loadExpected(name);
        } catch (const std::exception &ex) {
            QFAIL(ex.what());
        }
        PromptOptions po;
        po.setting = c.expected["inputs"]["setting"].get<std::string>();
        po.quesType = c.expected["inputs"]["ques_type"].get<std::string>();
        const BuiltPrompt prompt =
            buildPrompt(m_->tokenizer(), m_->config(), c.expected["inputs"]["question"].get<std::string>(), c.modelImagesPerImage, po);
        QCOMPARE(prompt.ids, e.info["input_ids"].get<std::vector<std::int32_t>>());
        const ImageEmbeddings emb = m_->encodeImages(c.pixels);

        GenerationOptions off;
        off.maxNewTokens = 16;
        off.keepPromptLogits = true;
        GenerationOptions on = off;
        on.attentionMaps = true;
        std::vector<FloatArray> trace;
        on.attentionTrace = &trace;
        QElapsedTimer t;
        t.start();
        const GenerationResult plain = m_->generate(prompt.ids, emb, off);
        const qint64 offMs = t.restart();
        const GenerationResult maps = m_->generate(prompt.ids, emb, on);
        const qint64 onMs = t.elapsed();
        QVERIFY(plain.attention.images.empty());
        QCOMPARE(maps.ids, e.info["generated_ids"].get<std::vector<std::int32_t>>());
        QCOMPARE(maps.ids, plain.ids);
        QVERIFY(bitwiseEqual(maps.promptLogits, plain.promptLogits));
        qInfo("%s: %zu model images, %lld positions; generate %lld ms plain, %lld ms with maps + trace", qPrintable(name),
              maps.attention.images.size(), (long long)maps.promptLength, offMs, onMs);
        Diff text;
        try {
            check("raw weights, image keys", compareTrace(trace, e, &text));
            check("raw weights, text keys' total", text);
            // The default layers: the second half (layer 1 of the tiny's 2).
            check("maps, layers 1..1 (default)", compareMaps(maps.attention, e, 1, 1));
            // Every layer, without the trace: the maps alone.
            GenerationOptions all = off;
            all.attentionMaps = true;
            all.attentionFirstLayer = 0;
            const GenerationResult allLayers = m_->generate(prompt.ids, emb, all);
            QCOMPARE(allLayers.ids, plain.ids);
            check("maps, layers 0..1", compareMaps(allLayers.attention, e, 0, 1));
        } catch (const std::exception &ex) {
            QFAIL(ex.what());
        }
    }

    // The follow-up continues rgba's conversation (its KV cache: only the new turn is prefilled) and
    // adds the grey thumbnail; its answer attends to the first turn's images and the new one.
    void followUpTurn()
    {
        Case c;
        Expected e;
        Grey grey;
        try {
            c = loadCase(QStringLiteral("rgba"));
            e = loadExpected(QStringLiteral("rgba_then_grey"));
            grey = loadGrey(e.info["tiles_resized_u8_sha256"], std::size_t(c.pixels.count));
        } catch (const std::exception &ex) {
            QFAIL(ex.what());
        }
        const auto firstIds = c.expected["input_ids"].get<std::vector<std::int32_t>>();
        const ImageEmbeddings first = m_->encodeImages(c.pixels);
        const ImageEmbeddings all = ImageEmbeddings::concat({first, m_->encodeImages(grey.pixels)});
        Conversation conv;
        GenerationOptions go;
        go.maxNewTokens = 16;
        const GenerationResult turn1 = m_->generate(firstIds, first, go, conv);
        QCOMPARE(turn1.ids, c.expected["generation"]["ids"].get<std::vector<std::int32_t>>());
        std::vector<std::int32_t> history = firstIds;
        history.insert(history.end(), turn1.ids.begin(), turn1.ids.end());
        const std::vector<std::int32_t> ids =
            appendFollowUp(m_->tokenizer(), m_->config(), history, "<image> Is this one grey?", {1}, 1);
        QCOMPARE(ids, e.info["input_ids"].get<std::vector<std::int32_t>>());

        std::vector<FloatArray> trace;
        go.attentionMaps = true;
        go.attentionTrace = &trace;
        const GenerationResult turn2 = m_->generate(ids, all, go, conv);
        QVERIFY(turn2.reusedPositions > 0);
        QCOMPARE(turn2.ids, e.info["generated_ids"].get<std::vector<std::int32_t>>());
        Diff text;
        try {
            check("follow-up raw weights, image keys", compareTrace(trace, e, &text));
            check("follow-up text keys' total", text);
            check("follow-up maps, layers 1..1", compareMaps(turn2.attention, e, 1, 1));
        } catch (const std::exception &ex) {
            QFAIL(ex.what());
        }
    }

    // Through the worker, as the app asks: a first turn about the rgba page, a follow-up adding the
    // grey one. The maps come with finished(), tagged with turn, page and image.
    void workerTagsTheMaps()
    {
        Case c;
        Expected e1, e2;
        Grey grey;
        try {
            c = loadCase(QStringLiteral("rgba"));
            e1 = loadExpected(QStringLiteral("rgba"));
            e2 = loadExpected(QStringLiteral("rgba_then_grey"));
            grey = loadGrey(e2.info["tiles_resized_u8_sha256"], std::size_t(c.pixels.count));
        } catch (const std::exception &ex) {
            QFAIL(ex.what());
        }
        const preprocess::RgbImage rgba = viewer::toModelRgb(QImage(kImages + QStringLiteral("rgba_640x480.png")));
        InferenceWorker worker;
        QString failure;
        AskStats stats;
        connect(&worker, &InferenceWorker::failed, this, [&](const QString &m) { failure = m; });
        connect(&worker, &InferenceWorker::finished, this, [&](const AskStats &s) { stats = s; });
        worker.loadModel(ckpt_, QStringLiteral("cpu"), QStringLiteral("fp32"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        AskPage page1{QStringLiteral("rgba.png"), 0, 72, planCrops({{rgba.width, rgba.height}}).images.at(0), [&] { return rgba; }};
        AskPage page2{QStringLiteral("grey.png"), 0, 72, grey.plan, [&] { return grey.rgb; }};
        AskRequest first;
        first.question = QString::fromStdString(c.expected["inputs"]["question"].get<std::string>());
        first.pages = {page1};
        first.maxNewTokens = 16;
        first.attentionMaps = true;
        worker.ask(first);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(stats.generatedIds, e1.info["generated_ids"].get<std::vector<std::int32_t>>());
        const AttentionMaps a1 = stats.attention;
        QCOMPARE(a1.images.size(), std::size_t(3));
        QCOMPARE(a1.currentTurn, 0);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(a1.images[std::size_t(i)].turn, 0);
            QCOMPARE(a1.images[std::size_t(i)].page, 0);
            QCOMPARE(a1.images[std::size_t(i)].image, i);
        }

        AskRequest next;
        next.question = QStringLiteral("<image> Is this one grey?");
        next.followUp = true;
        next.pages = {page1};
        next.newPages = {page2};
        next.maxNewTokens = 16;
        next.attentionMaps = true;
        worker.ask(next);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(stats.followUp);
        QCOMPARE(stats.generatedIds, e2.info["generated_ids"].get<std::vector<std::int32_t>>());
        const AttentionMaps a2 = stats.attention;
        QCOMPARE(a2.currentTurn, 1);
        QCOMPARE(a2.images.size(), std::size_t(4));
        QCOMPARE(a2.images[3].turn, 1);
        QCOMPARE(a2.images[3].page, 0);
        QCOMPARE(a2.images[3].image, 0);
        QCOMPARE(a2.images[2].turn, 0);
        QCOMPARE(a2.images[2].image, 2);
        QCOMPARE(a2.firstLayer, 1);
        QCOMPARE(a2.lastLayer, 1);
        QCOMPARE(a2.steps, 16);

        // The tagged maps are the model's: against the dumps' means, for both turns.
        auto asResult = [](const AttentionMaps &a, const Expected &e) {
            AttentionMapsResult r;
            r.gridSide = a.gridSide;
            r.firstLayer = a.firstLayer;
            r.lastLayer = a.lastLayer;
            r.heads = a.heads;
            r.steps = a.steps;
            const auto first = e.firstPositions();
            for (std::size_t i = 0; i < a.images.size(); ++i)
                r.images.push_back({std::int64_t(i), i < first.size() ? first[i] : -1, a.images[i].weights});
            return r;
        };
        try {
            check("worker maps, first turn", compareMaps(asResult(a1, e1), e1, 1, 1));
            check("worker maps, follow-up", compareMaps(asResult(a2, e2), e2, 1, 1));
        } catch (const std::exception &ex) {
            QFAIL(ex.what());
        }

        // Not asked: none (a third turn, continuing the same conversation).
        next.newPages.clear();
        next.question = QStringLiteral("Thanks.");
        next.attentionMaps = false;
        next.maxNewTokens = 2;
        worker.ask(next);
        QVERIFY(stats.followUp);
        QVERIFY(stats.attention.empty());
    }
};

QTEST_GUILESS_MAIN(TestAttentionMaps)
#include "test_attention_maps.moc"
