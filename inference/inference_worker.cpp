#include "inference/inference_worker.h"

#include "inference/checkpoint/dtype.h"
#include "inference/preprocess/model_images.h"
#include "inference/torch/leopard_model.h"
#include "inference/torch/prompt_builder.h"

#include <QElapsedTimer>

#include <algorithm>

#include <chrono>
#include <cstdio>
#include <exception>
#include <new>
#include <stdexcept>

namespace leopard {

namespace {

std::int64_t steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// c10::Error (libtorch's out-of-memory among them) derives from std::exception; its what() carries
// a C++ backtrace after the first line, which is noise for the user.
QString firstLine(const char *what)
{
    QString s = QString::fromUtf8(what);
    const qsizetype nl = s.indexOf(QLatin1Char('\n'));
    return nl < 0 ? s : s.left(nl);
}

// The streamed pieces, made to add up to the final answer: transformers' decode (which the
// generator's final text follows) applies clean_up_tokenization_spaces, which removes the space
// before "." "," "?" "!" "'s" ... A trailing space is held back until the next piece shows
// whether the clean-up takes it away.
class StreamText {
public:
    explicit StreamText(bool cleanUp) : m_cleanUp(cleanUp) {}
    std::string add(const std::string &piece)
    {
        m_raw += piece;
        const std::string clean = m_cleanUp ? cleanUpTokenizationSpaces(m_raw) : m_raw;
        std::size_t stable = clean.size();
        while (stable > 0 && clean[stable - 1] == ' ')
            --stable;
        return advance(clean, stable);
    }
    std::string finish(const std::string &finalText) { return advance(finalText, finalText.size()); }

private:
    std::string advance(const std::string &text, std::size_t upTo)
    {
        if (upTo <= m_emitted.size() || text.compare(0, m_emitted.size(), m_emitted) != 0)
            return {};
        std::string out = text.substr(m_emitted.size(), upTo - m_emitted.size());
        m_emitted = text.substr(0, upTo);
        return out;
    }
    bool m_cleanUp;
    std::string m_raw;
    std::string m_emitted;
};

struct Registrar {
    Registrar()
    {
        qRegisterMetaType<AskRequest>();
        qRegisterMetaType<ModelInfo>();
        qRegisterMetaType<AskStats>();
        qRegisterMetaType<AttentionMaps>();
    }
};

} // namespace

InferenceWorker::InferenceWorker(QObject *parent)
    : QObject(parent)
{
    static Registrar registrar;
}

InferenceWorker::~InferenceWorker() = default;

void InferenceWorker::requestCancel()
{
    m_cancelRequestedNs.store(steadyNowNs());
    ++m_cancelEpoch; // before the flag: a request that resets the flag and then sees this epoch is cancelled
    m_cancel.store(true);
}

void InferenceWorker::loadModel(const QString &directory, const QString &device, const QString &dtype, quint64 cancelEpoch)
{
    m_cancel.store(false);
    if (cancelEpoch != 0 && m_cancelEpoch.load() != cancelEpoch) {
        emit loadCancelled(); // cancelled while it waited in the queue
        return;
    }
    clearConversation();
    m_cache.clear();
    m_cacheOrder.clear();
    m_model.reset(); // the old weights go before the new ones arrive (peak memory)
    QElapsedTimer timer;
    timer.start();
    ModelLoadOptions options;
    options.device = device.toStdString();
    const auto t = ckpt::dtypeFromUserName(dtype.toStdString());
    if (!t) {
        emit failed(tr("Unknown data type “%1” (use fp32, bf16 or fp16).").arg(dtype));
        return;
    }
    options.dtype = *t;
    const auto weights = weightFormatFromName(m_weights.toStdString());
    if (!weights) {
        emit failed(tr("Unknown weight format “%1” (use auto, full, int8 or int4).").arg(m_weights));
        return;
    }
    options.weights = *weights;
    options.cancel = &m_cancel;
    const QString stage = tr("Reading weights");
    qint64 lastReported = -1;
    options.progress = [&](std::uint64_t done, std::uint64_t total) {
        // Per tensor is too often for a progress bar over hundreds of tensors; whole percents suffice.
        const qint64 percent = total ? qint64(done * 100 / total) : 0;
        if (percent != lastReported || done == total) {
            lastReported = percent;
            emit loadProgress(stage, qint64(done), qint64(total));
        }
    };
    try {
        emit loadProgress(tr("Reading configuration and tokenizer"), 0, 0);
        auto model = std::make_unique<LeopardModel>(LeopardModel::load(directory.toStdString(), options));
        m_model = std::move(model);
    } catch (const std::exception &e) {
        if (m_cancel.load()) {
            m_cancel.store(false);
            emit loadCancelled();
            return;
        }
        emit failed(tr("Cannot load the model from %1: %2").arg(directory, firstLine(e.what())));
        return;
    }
    ModelInfo info;
    info.directory = directory;
    info.device = QString::fromStdString(m_model->device());
    info.dtype = QString::fromLatin1(ckpt::dtypeName(m_model->dtype()));
    info.weights = QString::fromLatin1(weightFormatName(m_model->weightFormat()));
    info.weightBytes = qint64(m_model->weightBytes());
    info.textLayers = int(m_model->config().text.numHiddenLayers);
    info.textHidden = int(m_model->config().text.hiddenSize);
    info.visionLayers = int(m_model->config().vision.numHiddenLayers);
    info.cropSide = int(m_model->config().vision.imageSize);
    info.tokensPerImage = int(m_model->tokensPerImage());
    info.vocabSize = qint64(m_model->config().text.vocabSize);
    info.loadSeconds = timer.elapsed() / 1000.0;
    emit modelLoaded(info);
}

void InferenceWorker::unloadModel()
{
    clearConversation();
    m_cache.clear();
    m_cacheOrder.clear();
    m_model.reset();
}

void InferenceWorker::clearConversation()
{
    m_conversation.reset();
    m_lastImages.reset();
    m_lastIds.clear();
    m_contextPages.clear();
    m_conversationPages = 0;
    m_contextLayout.clear();
    m_contextTurns = 0;
}

void InferenceWorker::addContextPages(const std::vector<int> &modelImagesPerPage, int turn)
{
    for (std::size_t i = 0; i < modelImagesPerPage.size(); ++i)
        m_contextLayout.push_back({turn, int(i), modelImagesPerPage[i]});
}

// The model's grids (one per model image of the context, in prompt order) tagged with their pages.
AttentionMaps InferenceWorker::attentionMaps(const AttentionMapsResult &r) const
{
    AttentionMaps out;
    if (r.images.empty())
        return out;
    out.currentTurn = m_contextTurns;
    out.gridSide = r.gridSide;
    out.firstLayer = r.firstLayer;
    out.lastLayer = r.lastLayer;
    out.heads = r.heads;
    out.steps = r.steps;
    std::size_t next = 0;
    for (const ContextPage &p : m_contextLayout)
        for (int i = 0; i < p.modelImages && next < r.images.size(); ++i, ++next)
            out.images.push_back({p.turn, p.indexInTurn, i, r.images[next].weights});
    if (next != r.images.size()) // the layout and the prompt disagree: better no maps than misplaced ones
        out.images.clear();
    return out;
}

// The page's identity and everything that changes its pixels: the crop plan of a page depends on
// the whole selection (the budget), so the same page can be encoded differently in two questions.
std::string InferenceWorker::cacheKey(const AskPage &p) const
{
    const ImagePlan &ip = p.plan;
    char buf[256];
    std::snprintf(buf, sizeof buf, "|%d|%.3f|%dx%d|%d|%dx%d|%dx%d|%dx%d|%d,%d", p.page, p.analysisDpi, ip.original.width,
                  ip.original.height, ip.allocated, ip.gridCols, ip.gridRows, ip.canvas.width, ip.canvas.height,
                  ip.resized.width, ip.resized.height, ip.pasteX, ip.pasteY);
    return p.documentPath.toStdString() + buf;
}

ImageEmbeddings InferenceWorker::embeddingsFor(const std::vector<AskPage> &pages, AskStats &stats, std::vector<int> &modelImagesPerPage)
{
    const int side = int(m_model->config().vision.imageSize);
    std::vector<ImageEmbeddings> parts;
    QElapsedTimer timer;
    timer.start();
    for (const AskPage &page : pages) {
        if (m_cancel.load())
            throw std::runtime_error("cancelled");
        modelImagesPerPage.push_back(page.plan.modelImages());
        const std::string key = cacheKey(page);
        const auto hit = m_cache.find(key);
        if (hit != m_cache.end()) {
            parts.push_back(*hit->second);
            ++stats.pagesFromCache;
            touchCache(key);
            continue;
        }
        const preprocess::RgbImage rgb = page.render ? page.render() : preprocess::RgbImage{};
        const std::vector<preprocess::RgbImage> tiles = preprocess::buildModelImages(rgb, page.plan, side);
        if (tiles.empty())
            throw std::runtime_error(tr("page %1 of %2 could not be rendered at its planned size")
                                         .arg(page.page + 1)
                                         .arg(page.documentPath)
                                         .toStdString());
        PixelBatch pixels;
        pixels.count = std::int64_t(tiles.size());
        pixels.side = side;
        pixels.values = preprocess::normalizeToNCHW(tiles);
        auto embeddings = std::make_shared<ImageEmbeddings>(m_model->encodeImages(pixels, &m_cancel));
        ++m_encodeCalls;
        ++stats.pagesEncoded;
        stats.modelImagesEncoded += int(tiles.size());
        m_cache[key] = embeddings;
        parts.push_back(*embeddings); // a copy: dropping the cache entry below leaves this question's features
        touchCache(key);
        m_cachedPages.store(int(m_cache.size()));
    }
    stats.encodeSeconds = timer.elapsed() / 1000.0;
    return ImageEmbeddings::concat(parts);
}

void InferenceWorker::touchCache(const std::string &key)
{
    const auto it = std::find(m_cacheOrder.begin(), m_cacheOrder.end(), key);
    if (it != m_cacheOrder.end())
        m_cacheOrder.erase(it);
    m_cacheOrder.push_back(key);
    while (m_cacheLimit > 0 && int(m_cacheOrder.size()) > m_cacheLimit) {
        m_cache.erase(m_cacheOrder.front());
        m_cacheOrder.pop_front();
    }
}

bool InferenceWorker::holds(const std::vector<AskHistoryTurn> &history) const
{
    if (!m_conversation || !m_lastImages)
        return false;
    std::vector<std::int32_t> ids;
    std::vector<std::string> pages;
    for (const AskHistoryTurn &t : history) {
        ids.insert(ids.end(), t.promptIds.begin(), t.promptIds.end());
        ids.insert(ids.end(), t.generatedIds.begin(), t.generatedIds.end());
        for (const AskPage &p : t.pages)
            pages.push_back(cacheKey(p));
    }
    return ids == m_lastIds && pages == m_contextPages;
}

// The conversation's model state from its saved turns, computed exactly as the turns first ran: each
// turn's generate() on the ids so far with its images, the generated ids fed back instead of picked
// (GenerationOptions::replayIds). A turn that generated nothing had its cache dropped then (cancelled
// in prefill), so the next turn prefilled everything: the replay does the same.
void InferenceWorker::replay(const std::vector<AskHistoryTurn> &history, AskStats &stats)
{
    clearConversation();
    QElapsedTimer timer;
    timer.start();
    const std::int64_t imageId = m_model->config().imageTokenIndex;
    std::vector<std::int32_t> ids;
    std::vector<ImageEmbeddings> parts;
    std::vector<std::string> pages;
    auto conversation = std::make_unique<Conversation>();
    for (std::size_t i = 0; i < history.size(); ++i) {
        const AskHistoryTurn &t = history[i];
        emit replayProgress(int(i), int(history.size()));
        std::vector<int> perPage;
        if (!t.pages.empty())
            parts.push_back(embeddingsFor(t.pages, stats, perPage));
        addContextPages(perPage, int(i));
        for (const AskPage &p : t.pages)
            pages.push_back(cacheKey(p));
        ids.insert(ids.end(), t.promptIds.begin(), t.promptIds.end());
        const ImageEmbeddings images = ImageEmbeddings::concat(parts);
        const auto imageTokens = std::count(ids.begin(), ids.end(), std::int32_t(imageId));
        if (imageTokens != images.tiles())
            throw std::invalid_argument(tr("saved turn %1 carries %2 image tokens for %3 model images of its pages")
                                            .arg(i + 1).arg(imageTokens).arg(images.tiles()).toStdString());
        if (int(t.generatedIds.size()) > t.maxNewTokens)
            throw std::invalid_argument(tr("saved turn %1 has %2 generated ids, more than its %3 new tokens")
                                            .arg(i + 1).arg(t.generatedIds.size()).arg(t.maxNewTokens).toStdString());
        if (!t.generatedIds.empty()) {
            GenerationOptions gen;
            gen.maxNewTokens = t.maxNewTokens;
            gen.replayIds = &t.generatedIds;
            gen.cancel = &m_cancel;
            const GenerationResult r = m_model->generate(ids, images, gen, *conversation);
            if (r.cancelled)
                throw std::runtime_error("cancelled");
            if (r.ids.size() != t.generatedIds.size())
                throw std::invalid_argument(
                    tr("saved turn %1 has a stop token before the end of its answer").arg(i + 1).toStdString());
        } else {
            conversation->clear();
        }
        ids.insert(ids.end(), t.generatedIds.begin(), t.generatedIds.end());
    }
    emit replayProgress(int(history.size()), int(history.size()));
    m_conversation = std::move(conversation);
    m_lastImages = std::make_unique<ImageEmbeddings>(ImageEmbeddings::concat(parts));
    m_lastIds = ids;
    m_contextPages = pages;
    m_conversationPages = pages.size();
    m_contextTurns = int(history.size());
    stats.replayedTurns = int(history.size());
    stats.replaySeconds = timer.elapsed() / 1000.0;
}

void InferenceWorker::ask(const AskRequest &request)
{
    m_cancel.store(false);
    if (request.cancelEpoch != 0 && m_cancelEpoch.load() != request.cancelEpoch)
        m_cancel.store(true); // stopped while queued: generation ends at once, as a cancel does
    else
        m_cancelRequestedNs.store(0);
    if (!m_model) {
        emit failed(tr("No model is loaded."));
        return;
    }
    QElapsedTimer sinceStart;
    sinceStart.start();
    AskStats stats;
    try {
        PromptOptions prompt;
        prompt.setting = request.promptSetting.toStdString();
        prompt.quesType = request.quesType.toStdString();
        prompt.doubleBos = request.doubleBos;
        std::vector<std::int32_t> ids;
        ImageEmbeddings images;
        if (request.followUp && !request.history.empty() && !holds(request.history))
            replay(request.history, stats);
        const bool followUp = request.followUp && m_conversation && m_lastImages && !m_lastIds.empty();
        stats.followUp = followUp;
        if (followUp) {
            std::vector<int> perNewPage;
            ImageEmbeddings added;
            if (!request.newPages.empty())
                added = embeddingsFor(request.newPages, stats, perNewPage);
            ids = appendFollowUp(m_model->tokenizer(), m_model->config(), m_lastIds, request.question.toStdString(),
                                 perNewPage, m_conversationPages, prompt);
            stats.turnPromptIds.assign(ids.begin() + std::ptrdiff_t(m_lastIds.size()), ids.end());
            stats.modelImagesPerPage = perNewPage;
            // The pages seen before are in the conversation already (their rows in the KV cache).
            stats.pagesFromCache += int(m_conversationPages);
            images = perNewPage.empty() ? *m_lastImages : ImageEmbeddings::concat({*m_lastImages, added});
            m_lastImages = std::make_unique<ImageEmbeddings>(images);
            m_conversationPages += perNewPage.size();
            addContextPages(perNewPage, m_contextTurns);
            for (const AskPage &p : request.newPages)
                m_contextPages.push_back(cacheKey(p));
            emit planReady(int(request.newPages.size()), int(images.tiles()), qint64(ids.size()));
        } else {
            clearConversation();
            // A follow-up with no conversation to continue and no history to rebuild it from: a new
            // one about all of the conversation's pages.
            std::vector<AskPage> pages = request.pages;
            if (request.followUp)
                pages.insert(pages.end(), request.newPages.begin(), request.newPages.end());
            std::vector<int> perPage;
            images = embeddingsFor(pages, stats, perPage);
            const BuiltPrompt built = buildPrompt(m_model->tokenizer(), m_model->config(), request.question.toStdString(), perPage, prompt);
            ids = built.ids;
            stats.turnPromptIds = ids;
            stats.modelImagesPerPage = perPage;
            stats.promptText = built.text;
            m_conversation = std::make_unique<Conversation>();
            m_lastImages = std::make_unique<ImageEmbeddings>(images);
            m_conversationPages = pages.size();
            addContextPages(perPage, 0);
            for (const AskPage &p : pages)
                m_contextPages.push_back(cacheKey(p));
            emit planReady(int(pages.size()), int(images.tiles()), qint64(ids.size()));
        }

        GenerationOptions gen;
        gen.maxNewTokens = request.maxNewTokens;
        gen.temperature = request.temperature;
        gen.topP = request.topP;
        gen.seed = request.seed;
        gen.cancel = &m_cancel;
        gen.keepPromptLogits = request.keepPromptLogits;
        gen.attentionMaps = request.attentionMaps;
        bool first = true;
        StreamText stream(m_model->tokenizer().cleanUpTokenizationSpaces());
        gen.onToken = [&](std::int32_t, const std::string &piece) {
            if (first) {
                stats.secondsToFirstToken = sinceStart.elapsed() / 1000.0;
                first = false;
            }
            const std::string out = stream.add(piece);
            if (!out.empty())
                emit token(QString::fromStdString(out));
        };
        const GenerationResult r = m_model->generate(ids, images, gen, *m_conversation);
        const std::string rest = stream.finish(r.text);
        if (!rest.empty())
            emit token(QString::fromStdString(rest));
        if (m_cancel.load() && m_cancelRequestedNs.load() != 0)
            stats.cancelLatencySeconds = double(steadyNowNs() - m_cancelRequestedNs.load()) / 1e9;
        stats.text = QString::fromStdString(r.text);
        stats.tokens = int(r.ids.size());
        stats.generatedIds = r.ids;
        stats.cancelled = r.cancelled;
        stats.stoppedOnEos = r.stoppedOnEos;
        stats.promptLength = r.promptLength;
        stats.reusedPositions = r.reusedPositions;
        stats.prefillSeconds = r.prefillSeconds;
        stats.decodeSeconds = r.decodeSeconds;
        stats.promptLogits = r.promptLogits;
        stats.attention = attentionMaps(r.attention);
        stats.decodeTokensPerSecond = r.ids.size() > 1 && r.decodeSeconds > 0 ? double(r.ids.size() - 1) / r.decodeSeconds : 0.0;
        m_lastPromptIds = ids;
        m_lastIds = ids;
        m_lastIds.insert(m_lastIds.end(), r.ids.begin(), r.ids.end());
        ++m_contextTurns;
        emit finished(stats);
    } catch (const std::bad_alloc &) {
        // Out of memory: drop what this question held; the model and the feature cache stay usable.
        clearConversation();
        emit failed(tr("Out of memory while answering. Ask about fewer pages, lower the analysis resolution or use a smaller data type."));
    } catch (const std::exception &e) {
        clearConversation();
        if (m_cancel.load()) { // cancelled before generation started (while replaying, rendering or encoding)
            stats.cancelled = true;
            if (m_cancelRequestedNs.load() != 0)
                stats.cancelLatencySeconds = double(steadyNowNs() - m_cancelRequestedNs.load()) / 1e9;
            emit finished(stats);
            return;
        }
        const QString what = firstLine(e.what());
        // CUDA says "out of memory"; libtorch's CPU allocator "can't allocate memory".
        if (what.contains(QLatin1String("out of memory"), Qt::CaseInsensitive) ||
            what.contains(QLatin1String("can't allocate memory"), Qt::CaseInsensitive))
            emit failed(tr("Out of memory while answering: %1").arg(what));
        else
            emit failed(tr("The model could not answer: %1").arg(what));
    }
}

} // namespace leopard
