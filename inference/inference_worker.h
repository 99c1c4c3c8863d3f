#pragma once
// InferenceWorker: the Leopard model on its own thread (DESIGN.md "Threads"). A QObject the owner
// moves to a QThread; requests come in as queued calls (loadModel, ask), results go out as signals.
// Cancellation is a std::atomic flag the GUI thread sets directly (requestCancel), not a queued
// call: the worker is busy inside generate() and would only see a queued call after it returned.
// The generator checks the flag between tokens, the vision tower between batches of crops.
//
// Vision features are cached per (document path, page, analysis dpi, crop plan of that page), so
// a re-ask or a follow-up about the same pages is not encoded again. A follow-up continues the
// previous answer's Conversation (Llama 3 chat template, KV cache kept); one that adds pages carries
// their images in its user turn (only the new pages are encoded, or taken from the cache).
//
// Qt6::Core and the torch-free model facade only: the UI includes this header.
#include "inference/planner.h"
#include "inference/preprocess/rgb_image.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QVector>

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace leopard {

class LeopardModel;
class ImageEmbeddings;
class Conversation;
struct AttentionMapsResult;

// One page of a question. `render` is called on the worker thread, and only when the page's
// features are not cached (rendering a page at the analysis dpi takes a while).
struct AskPage {
    QString documentPath;
    int page = 0;
    double analysisDpi = 0;
    ImagePlan plan;                                  // this page's part of the question's crop plan
    std::function<preprocess::RgbImage()> render;    // the analysis image as PIL's convert('RGB')
};

// One earlier turn of the conversation a follow-up continues, as the model ran it (saved with the
// conversation): what the worker replays when it does not hold that conversation's state.
struct AskHistoryTurn {
    std::vector<std::int32_t> promptIds;    // the ids this turn fed the model after the turns before it
                                            // (the whole prompt for the first turn), image tokens unexpanded
    std::vector<std::int32_t> generatedIds; // what it generated (stop id included when there was one)
    std::vector<AskPage> pages;             // the pages whose images promptIds carries, in order, with their plans
    int maxNewTokens = 128;                 // as asked then (the KV cache was sized by it)
};

struct AskRequest {
    QString question;
    // The conversation's pages. For a follow-up they are already in the model's context and are
    // used only when the worker has no conversation to continue (then it starts a new one about
    // pages + newPages, and AskStats::followUp says false).
    std::vector<AskPage> pages;
    bool followUp = false;       // continue the last conversation
    // With followUp: pages added to the conversation by this turn. Their images go into the new
    // user turn (prompt_builder's appendFollowUp); features of pages seen before come from the cache.
    std::vector<AskPage> newPages;
    // With followUp: the conversation so far, first turn first. When the worker does not hold exactly
    // this conversation (restored from disk, the model reloaded, another conversation asked in since)
    // it rebuilds the model's state by replaying these turns as they first ran (prompts prefilled,
    // answers fed back token by token: GenerationOptions::replayIds), so the answer is the one a run
    // that never stopped would have given. Empty: continue whatever the worker holds (or `pages`).
    std::vector<AskHistoryTurn> history;
    int maxNewTokens = 128;      // the reference's default
    float temperature = 0.0f;    // 0: greedy, as the reference
    float topP = 1.0f;
    std::uint64_t seed = 0;
    // The evaluation harness's prompt variants (leopard-cli ask --setting/--ques-type/--single-bos);
    // the app uses the defaults.
    QString promptSetting = QStringLiteral("direct");
    QString quesType = QStringLiteral("open-ended");
    bool doubleBos = true;
    bool keepPromptLogits = false; // AskStats::promptLogits (leopard-cli ask --dump-logits)
    bool attentionMaps = false;    // AskStats::attention (inference/torch/attention_maps.md; its decode cost is in the noise)
    // InferenceWorker::cancelEpoch() when the request was sent (0: not checked). A cancel between
    // sending and the worker starting on it is not lost (see loadModel).
    std::uint64_t cancelEpoch = 0;
};

// Where the answer looked: the attention its tokens gave each model image of the conversation,
// averaged over heads, the layers [firstLayer, lastLayer] and the tokens (GenerationOptions::
// attentionMaps; inference/torch/attention_maps.md). A follow-up's answer attends to every image in
// the model's context, so earlier turns' pages have maps too.
struct ImageAttention {
    int turn = 0;        // the turn of the model's context whose user message carried the page (0: the first)
    int page = 0;        // that page's index among the pages that turn carried (AskStats::modelImagesPerPage's order)
    int image = 0;       // 0: the page's global view; 1 ..: its tiles, row-major (ImagePlan's crop order)
    // gridSide x gridSide mean attention weights, row-major; cell (r, c) covers pixels
    // [28c, 28c + 28) x [28r, 28r + 28) of the 364 x 364 model image (the global view squashes the
    // whole page into it; a tile is its square of the plan's canvas, padding included).
    std::vector<float> weights;
};

struct AttentionMaps {
    std::vector<ImageAttention> images; // every model image of the context, in prompt order (empty: not asked)
    int currentTurn = 0;                // the context's turn of this answer: images with turn == currentTurn came with it
    int gridSide = 0;                   // 13 for Leopard
    int firstLayer = 0, lastLayer = -1; // text decoder layers averaged, inclusive
    int heads = 0;
    int steps = 0;                      // generated tokens averaged over
    bool empty() const { return images.empty(); }
};

struct ModelInfo {
    QString directory;
    QString device;
    QString dtype;
    QString weights;               // "full" (in dtype), "int8" or "int4" (the text decoder's linear weights)
    qint64 weightBytes = 0;        // what the loaded weights hold in memory
    int textLayers = 0;
    int textHidden = 0;
    int visionLayers = 0;
    int cropSide = 0;
    int tokensPerImage = 0;
    qint64 vocabSize = 0;          // rows of the token embedding: valid ids are 0 .. vocabSize - 1
    double loadSeconds = 0;
};

struct AskStats {
    QString text;                  // the final answer (equals the concatenated token() signals)
    int tokens = 0;                // generated ids, stop id included
    bool cancelled = false;
    bool stoppedOnEos = false;
    bool followUp = false;         // continued the previous conversation
    int pagesEncoded = 0;          // pages that went through the vision tower for this question
    int pagesFromCache = 0;        // pages whose features came from the cache
    int modelImagesEncoded = 0;    // 364x364 images encoded for this question
    std::int64_t promptLength = 0;
    std::int64_t reusedPositions = 0; // prompt positions taken from the conversation's KV cache
    double encodeSeconds = 0;
    double secondsToFirstToken = 0;   // from the start of the request (render + encode + prefill)
    double decodeTokensPerSecond = 0;
    double cancelLatencySeconds = -1; // requestCancel() -> generation returned; -1 when not cancelled
    double prefillSeconds = 0;
    double decodeSeconds = 0;
    // What the model saw and said in this turn, as the conversation saves it: the ids fed after the
    // conversation's earlier turns (the whole prompt when it started afresh) and the generated ids.
    std::vector<std::int32_t> turnPromptIds;
    std::vector<std::int32_t> generatedIds;
    std::vector<int> modelImagesPerPage; // this turn's new pages (all of them when it started afresh)
    std::string promptText;              // a first turn's prompt before tokenisation ("" for a follow-up)
    std::vector<float> promptLogits;     // with AskRequest::keepPromptLogits
    int replayedTurns = 0;               // history turns replayed to rebuild the conversation (0: it was held)
    double replaySeconds = 0;
    AttentionMaps attention;             // with AskRequest::attentionMaps
};

class InferenceWorker : public QObject
{
    Q_OBJECT
public:
    explicit InferenceWorker(QObject *parent = nullptr);
    ~InferenceWorker() override;

    // Thread-safe, called directly from any thread: stops a load, an encode or a generation at
    // the next check (one token, one batch of crops, one shard chunk).
    void requestCancel();
    // Counts requestCancel() calls. Senders pass the value they read when queueing a request; the
    // worker refuses a request cancelled before it started (it resets its cancel flag when it
    // starts, which would otherwise swallow a cancel that came while the request was queued).
    std::uint64_t cancelEpoch() const { return m_cancelEpoch.load(); }

    // Counters for tests and the status line (read from the worker's thread or after it stopped).
    int totalEncodeCalls() const { return m_encodeCalls.load(); }
    int cachedPages() const { return m_cachedPages.load(); }
    // Keep the vision features of at most `pages` pages, the least recently used dropped first
    // (0, the default: no bound — the app asks about the documents it has open). A long-running
    // server sees ever new images; unbounded, their features would grow without end. Call it from the
    // worker's thread (or before the worker starts).
    void setFeatureCacheLimit(int pages) { m_cacheLimit = pages; }
    // The ids the last ask fed the model (prompt, image tokens unexpanded) and the conversation's ids
    // after it (that prompt + the generated ids). Read only while the worker is idle (tests).
    std::vector<std::int32_t> lastPromptIds() const { return m_lastPromptIds; }
    std::vector<std::int32_t> conversationIds() const { return m_lastIds; }

public slots:
    // device "cpu" / "cuda"; dtype "fp32" / "bf16" / "fp16".
    // cancelEpoch: as AskRequest::cancelEpoch (0: not checked).
    void loadModel(const QString &directory, const QString &device, const QString &dtype, quint64 cancelEpoch = 0);
    // How the next loadModel holds the decoder's linear weights: "auto" (the default: the first of
    // full, int8, int4 that fits in memory), "full", "int8" or "int4" (weight_format.h). ModelInfo::weights says which
    // was used. A separate call so loadModel's queued signature stays as it was.
    void setWeights(const QString &weights) { m_weights = weights; }
    void ask(const leopard::AskRequest &request);
    void clearConversation();
    void unloadModel();

signals:
    void loadProgress(const QString &stage, qint64 done, qint64 total);
    void modelLoaded(const leopard::ModelInfo &info);
    void loadCancelled();
    // The question is planned and its images are ready: pages, model images, prompt tokens.
    void planReady(int pages, int modelImages, qint64 promptTokens);
    // Rebuilding a conversation's model state from its saved turns: turn `done` of `total` replayed.
    void replayProgress(int done, int total);
    void token(const QString &text);
    void finished(const leopard::AskStats &stats);
    void failed(const QString &message);

private:
    struct CacheKey;
    std::string cacheKey(const AskPage &page) const;
    ImageEmbeddings embeddingsFor(const std::vector<AskPage> &pages, AskStats &stats, std::vector<int> &modelImagesPerPage);
    bool holds(const std::vector<AskHistoryTurn> &history) const;
    void replay(const std::vector<AskHistoryTurn> &history, AskStats &stats);

    std::unique_ptr<LeopardModel> m_model;
    std::unique_ptr<Conversation> m_conversation;
    std::unique_ptr<ImageEmbeddings> m_lastImages;       // the images of the conversation so far, in prompt order
    std::size_t m_conversationPages = 0;                 // input images (pages) in the conversation
    std::vector<std::int32_t> m_lastIds;                 // prompt + answer ids of the last turn
    std::vector<std::int32_t> m_lastPromptIds;
    std::vector<std::string> m_contextPages;             // cacheKey() of the conversation's pages, in order
    // Per page of the context, in order: the turn that carried it, its index there, its model images
    // (what AttentionMaps tags each map with).
    struct ContextPage {
        int turn, indexInTurn, modelImages;
    };
    std::vector<ContextPage> m_contextLayout;
    int m_contextTurns = 0;                              // turns in the model's context (answered)
    void addContextPages(const std::vector<int> &modelImagesPerPage, int turn);
    AttentionMaps attentionMaps(const AttentionMapsResult &r) const;
    std::map<std::string, std::shared_ptr<ImageEmbeddings>> m_cache; // per page, see cacheKey()
    std::deque<std::string> m_cacheOrder;                // m_cache's keys, least recently used first
    int m_cacheLimit = 0;                                // setFeatureCacheLimit (0: no bound)
    QString m_weights = QStringLiteral("auto");          // setWeights
    void touchCache(const std::string &key);
    std::atomic<bool> m_cancel{false};
    std::atomic<std::uint64_t> m_cancelEpoch{1};
    std::atomic<std::int64_t> m_cancelRequestedNs{0};    // steady-clock time of requestCancel()
    std::atomic<int> m_encodeCalls{0};
    std::atomic<int> m_cachedPages{0};
};

} // namespace leopard

Q_DECLARE_METATYPE(leopard::AskRequest)
Q_DECLARE_METATYPE(leopard::ModelInfo)
Q_DECLARE_METATYPE(leopard::AskStats)
Q_DECLARE_METATYPE(leopard::AttentionMaps)
