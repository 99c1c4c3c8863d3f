#pragma once
// The Leopard-LLaVA model run in-process through libtorch: SigLIP vision tower -> pixel-shuffle
// projector -> Llama 3.1 decoder with image embeddings spliced in, greedy (or sampled) generation.
// Follows the reference script (tencent-ailab/Leopard llava_multiimg_siglip_anyres.py on
// transformers 4.44.2) and shared/reference/model/README.md, items 17-22 (not 23, the legacy
// zero-key masking, which real weights never trigger).
//
// Torch-free header (pimpl): the UI and the CLI include it without seeing libtorch. Dimensions
// come from config.json, token ids from tokenizer.json; device and dtype are chosen at run time.
#include "inference/checkpoint/dtype.h"
#include "inference/checkpoint/model_config.h"
#include "inference/tokenizer/tokenizer.h"
#include "inference/torch/weight_format.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace leopard {

struct ModelLoadOptions {
    ckpt::DType dtype = ckpt::DType::BF16; // fp32, bf16 or fp16 (fp16 only where the device computes it)
    std::string device = "cpu";            // "cpu", "cuda", "cuda:1"
    WeightFormat weights = WeightFormat::Full; // int8: the text decoder's linear weights (weight_format.h)
    std::function<void(std::uint64_t done, std::uint64_t total)> progress;
    const std::atomic<bool> *cancel = nullptr;
};

// Normalised pixel values of the model images of one question, [count, 3, side, side] row-major
// (what SiglipImageProcessor hands the model: (x/255 - 0.5) / 0.5, RGB, CHW).
struct PixelBatch {
    std::int64_t count = 0;
    std::int64_t side = 0;
    std::vector<float> values;
};

// A host copy of a tensor, for tests, tools and parity dumps.
struct FloatArray {
    std::vector<std::int64_t> shape;
    std::vector<float> values;
};

// Projector outputs of a set of model images ([tiles, tokensPerImage, textHidden], on the model's
// device, in its dtype). Cheap to copy (shared); the app caches these per (document, page, plan).
class ImageEmbeddings {
public:
    ImageEmbeddings();
    ~ImageEmbeddings();
    ImageEmbeddings(const ImageEmbeddings &);
    ImageEmbeddings &operator=(const ImageEmbeddings &);
    std::int64_t tiles() const;
    std::int64_t tokensPerTile() const;
    FloatArray toFloat() const;
    // Concatenation in order (several pages' cached embeddings for one question).
    static ImageEmbeddings concat(const std::vector<ImageEmbeddings> &parts);

    struct Impl;
    std::shared_ptr<const Impl> d;
};

struct GenerationOptions {
    int maxNewTokens = 128;
    // 0: greedy (argmax of the fp32 logits, first index on ties), as the reference. > 0: sample
    // from softmax(logits / temperature), restricted to the top-p nucleus, with a seeded generator.
    float temperature = 0.0f;
    float topP = 1.0f;
    std::uint64_t seed = 0;
    // Ids that end generation (the stop id is emitted, then generation stops). Empty: the
    // tokenizer's <|end_of_text|> and <|eot_id|>.
    std::vector<std::int32_t> stopIds;
    const std::atomic<bool> *cancel = nullptr; // checked between tokens (and between prefill chunks)
    // Called after every generated token with its id and the newly complete text (special tokens
    // skipped; a character split across tokens comes with the token that completes it).
    std::function<void(std::int32_t id, const std::string &text)> onToken;
    bool keepPromptLogits = false;  // return the fp32 logits of the last prompt position
    // Replay: these ids are taken as the generated ones instead of picking tokens (no logits, no
    // onToken). The prompt is prefilled and the ids fed back exactly as a generation that produced
    // them would have done (same chunks, one decoder step per id, the last id not fed), so the KV
    // cache ends bit for bit as that generation left it: how a saved conversation's model state is
    // rebuilt (InferenceWorker, AskRequest::history). At most maxNewTokens ids.
    const std::vector<std::int32_t> *replayIds = nullptr;
    // Where the answer looked (GenerationResult::attention): for every generated token, the softmax
    // weights its query gives the image positions, averaged over heads, the layers
    // attentionFirstLayer .. attentionLastLayer and the tokens. Read from the attention the decoder
    // computes anyway (one in-place add per chosen layer and token): the ids and logits are the
    // same with it on or off. Not with replayIds (nothing is answered).
    bool attentionMaps = false;
    int attentionFirstLayer = -1; // -1: numLayers / 2 (the second half: see attention_maps.md)
    int attentionLastLayer = -1;  // -1: the last layer
    // Parity hook: per generated token, every layer's weights of every key, [layers, heads, keys].
    std::vector<FloatArray> *attentionTrace = nullptr;
};

// One model image's share of the answer's attention: mean attention weight per position of its
// feature grid (gridSide x gridSide after the pixel shuffle, row-major: position r * gridSide + c
// covers the image's cells at rows 2r..2r+1, cols 2c..2c+1 of the vision tower's 26 x 26 patches).
struct ImageAttentionGrid {
    std::int64_t modelImage = 0;    // index among the model images of the whole prompt (all turns), in order
    std::int64_t firstPosition = 0; // its first position in the sequence
    std::vector<float> weights;     // gridSide^2 values
};

struct AttentionMapsResult {
    std::vector<ImageAttentionGrid> images; // every model image of the prompt, in order (empty: none asked)
    int gridSide = 0;
    int firstLayer = 0, lastLayer = -1;     // the layers averaged, inclusive
    int heads = 0;
    int steps = 0;                          // generated tokens averaged over (= ids.size())
};

struct GenerationResult {
    std::vector<std::int32_t> ids;   // generated ids, the stop id included when one was emitted
    std::string text;                // decoded like the reference (special tokens skipped, clean-up)
    bool stoppedOnEos = false;
    bool cancelled = false;
    std::int64_t promptLength = 0;   // after splicing the image embeddings in
    std::int64_t reusedPositions = 0; // prompt positions taken from a Conversation's cache (not prefilled)
    std::vector<float> promptLogits; // with keepPromptLogits
    double prefillSeconds = 0.0;     // prefill of the merged prompt + first logits (not the vision tower)
    double decodeSeconds = 0.0;      // everything after the first token
    AttentionMapsResult attention;   // with GenerationOptions::attentionMaps
};

// The KV cache of one conversation kept between generate() calls, so that a follow-up turn
// (appendFollowUp: previous prompt + answer + new turn) prefills only its new tokens. Reused only when
// the new ids extend the ids already run and the images already run are the first of the new
// ImageEmbeddings (the same encodeImages() results in the same order: ImageEmbeddings::concat of the
// conversation's images and a new turn's); the new turn's image tokens take the tiles after them.
// Anything else silently starts over. Not shared between threads.
class Conversation {
public:
    Conversation();
    ~Conversation();
    Conversation(Conversation &&) noexcept;
    Conversation &operator=(Conversation &&) noexcept;
    std::int64_t cachedPositions() const;
    void clear(); // frees the cache

    struct Impl;
    std::unique_ptr<Impl> d;
};

class LeopardModel {
public:
    LeopardModel();
    ~LeopardModel();
    LeopardModel(LeopardModel &&) noexcept;
    LeopardModel &operator=(LeopardModel &&) noexcept;

    // Reads config.json, tokenizer.json and the weights (shard by shard, straight into dtype on
    // device). Throws ckpt::CheckpointError, TokenizerError, LoadCancelled, std::runtime_error
    // (device or dtype this libtorch cannot use).
    static LeopardModel load(const std::string &dir, const ModelLoadOptions &options);

    const ckpt::ModelConfig &config() const;
    const Tokenizer &tokenizer() const;
    ckpt::DType dtype() const;
    WeightFormat weightFormat() const;
    std::uint64_t weightBytes() const; // what the loaded weights hold in memory (scales included)
    std::string device() const;
    std::int64_t tokensPerImage() const; // (image_size / patch_size / shuffle)^2: 169 for Leopard

    // Vision tower + projector over all model images, in batches of a few tiles (bounded memory;
    // `cancel` is checked between batches -> LoadCancelled-like std::runtime_error "cancelled").
    ImageEmbeddings encodeImages(const PixelBatch &pixels, const std::atomic<bool> *cancel = nullptr) const;

    // Prompt ids (from buildPrompt) with one image-token id per model image, in order; the image
    // embeddings replace them (tokensPerImage rows each). Thread-compatible: one generate at a time.
    GenerationResult generate(const std::vector<std::int32_t> &inputIds, const ImageEmbeddings &images,
                              const GenerationOptions &options) const;
    // The same, continuing `conversation`'s cache when inputIds extend what it has run (see Conversation).
    GenerationResult generate(const std::vector<std::int32_t> &inputIds, const ImageEmbeddings &images,
                              const GenerationOptions &options, Conversation &conversation) const;

    // Parity hooks: the vision tower's last hidden state (after post_layernorm) and the projector
    // output, as fp32 host arrays.
    FloatArray visionFeatures(const PixelBatch &pixels) const;
    FloatArray projectorOutput(const FloatArray &visionFeatures) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace leopard
