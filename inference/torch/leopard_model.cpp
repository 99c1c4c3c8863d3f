#include "inference/torch/leopard_model.h"

#include "inference/checkpoint/checkpoint_index.h"
#include "inference/torch/generator.h"
#include "inference/torch/kv_cache.h"
#include "inference/torch/llama_decoder.h"
#include "inference/torch/projector.h"
#include "inference/torch/rope.h"
#include "inference/torch/vision_tower.h"
#include "inference/torch/weight_loader.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace leopard {

// ---------------------------------------------------------------- ImageEmbeddings

struct ImageEmbeddings::Impl {
    at::Tensor values; // [tiles, tokensPerTile, hidden]
    // Where the rows came from: one serial per encodeImages() result, in order (a concatenation
    // lists its parts'). A conversation continues its KV cache only when the images it ran are a
    // prefix of the new ones, which these serials show without comparing tensors.
    std::vector<std::uint64_t> origin;
};

ImageEmbeddings::ImageEmbeddings() = default;
ImageEmbeddings::~ImageEmbeddings() = default;
ImageEmbeddings::ImageEmbeddings(const ImageEmbeddings &) = default;
ImageEmbeddings &ImageEmbeddings::operator=(const ImageEmbeddings &) = default;

std::int64_t ImageEmbeddings::tiles() const { return d ? d->values.size(0) : 0; }
std::int64_t ImageEmbeddings::tokensPerTile() const { return d ? d->values.size(1) : 0; }

namespace {

FloatArray toFloatArray(const at::Tensor &t)
{
    const at::Tensor c = t.to(at::kCPU, at::kFloat).contiguous();
    FloatArray out;
    out.shape.assign(c.sizes().begin(), c.sizes().end());
    out.values.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    return out;
}

at::Tensor fromFloatArray(const std::vector<std::int64_t> &shape, const std::vector<float> &values)
{
    std::int64_t n = 1;
    for (std::int64_t s : shape)
        n *= s;
    if (n != std::int64_t(values.size()))
        throw std::invalid_argument("array of " + std::to_string(values.size()) + " values does not match its shape");
    // from_blob does not own the memory: clone so the tensor outlives `values`.
    return at::from_blob(const_cast<float *>(values.data()), shape, at::TensorOptions().dtype(at::kFloat)).clone();
}

std::atomic<std::uint64_t> g_nextOrigin{1};

ImageEmbeddings wrap(at::Tensor t, std::vector<std::uint64_t> origin = {})
{
    ImageEmbeddings e;
    auto impl = std::make_shared<ImageEmbeddings::Impl>();
    impl->values = std::move(t);
    impl->origin = origin.empty() ? std::vector<std::uint64_t>{g_nextOrigin++} : std::move(origin);
    e.d = std::move(impl);
    return e;
}

} // namespace

FloatArray ImageEmbeddings::toFloat() const
{
    c10::InferenceMode guard;
    return d ? toFloatArray(d->values) : FloatArray{};
}

ImageEmbeddings ImageEmbeddings::concat(const std::vector<ImageEmbeddings> &parts)
{
    c10::InferenceMode guard;
    std::vector<at::Tensor> ts;
    std::vector<std::uint64_t> origin;
    const ImageEmbeddings *only = nullptr;
    for (const ImageEmbeddings &p : parts)
        if (p.tiles() > 0) {
            ts.push_back(p.d->values);
            origin.insert(origin.end(), p.d->origin.begin(), p.d->origin.end());
            only = &p;
        }
    if (ts.empty())
        return {};
    if (ts.size() == 1)
        return *only; // the same rows, the same identity
    return wrap(at::cat(ts, 0), std::move(origin));
}

// ---------------------------------------------------------------- Conversation

struct Conversation::Impl {
    model::KvCache cache;
    std::vector<std::int32_t> ranIds;             // ids whose positions the cache holds (images unexpanded)
    std::vector<std::uint64_t> imageOrigin;       // ImageEmbeddings::Impl::origin of the images run
    std::int64_t imageTiles = 0;                  // their tiles (the image tokens in ranIds)
};

Conversation::Conversation() : d(std::make_unique<Impl>()) {}
Conversation::~Conversation() = default;
Conversation::Conversation(Conversation &&) noexcept = default;
Conversation &Conversation::operator=(Conversation &&) noexcept = default;
std::int64_t Conversation::cachedPositions() const { return d->cache.length(); }
void Conversation::clear() { *d = Impl{}; }

// ---------------------------------------------------------------- LeopardModel

struct LeopardModel::Impl {
    ckpt::ModelConfig config;
    Tokenizer tokenizer;
    LoadedWeights weights;
    ckpt::DType dtype = ckpt::DType::BF16;
    std::string device;
    at::Tensor invFreq; // on the device, fp32

    explicit Impl(Tokenizer t) : tokenizer(std::move(t)) {}
};

LeopardModel::LeopardModel() = default;
LeopardModel::~LeopardModel() = default;
LeopardModel::LeopardModel(LeopardModel &&) noexcept = default;
LeopardModel &LeopardModel::operator=(LeopardModel &&) noexcept = default;

namespace {

// Refuses what this libtorch cannot run, before gigabytes are loaded: CUDA without a CUDA build or
// device, fp16 on a CPU whose kernels lack half-precision matmuls (libtorch 1.13).
void checkDeviceAndDtype(const std::string &device, ckpt::DType dtype)
{
    if (dtype != ckpt::DType::F32 && dtype != ckpt::DType::BF16 && dtype != ckpt::DType::F16)
        throw std::runtime_error(std::string("the model runs in fp32, bf16 or fp16, not ") + ckpt::dtypeName(dtype));
    const at::Device dev(device); // throws c10::Error on a malformed string
    if (dev.is_cuda() && !at::hasCUDA())
        throw std::runtime_error("device '" + device + "' asked for, but this libtorch has no usable CUDA");
    if (dtype == ckpt::DType::F16 || dtype == ckpt::DType::BF16) {
        const auto type = dtype == ckpt::DType::F16 ? at::kHalf : at::kBFloat16;
        try {
            c10::InferenceMode guard;
            const at::Tensor a = at::ones({4, 4}, at::TensorOptions().dtype(type).device(dev));
            (void)at::linear(a, a).sum().item<float>();
            (void)at::softmax(a, -1, at::kFloat);
            (void)at::layer_norm(a.to(at::kFloat), {4});
        } catch (const c10::Error &) {
            throw std::runtime_error(std::string(ckpt::dtypeName(dtype)) + " is not computable on " + device +
                                     " with this libtorch; use " + (dev.is_cpu() ? "bf16 or fp32" : "fp32"));
        }
    }
}

} // namespace

namespace {

// --weights auto: full precision when it fits in the host's available memory with 2 GB to spare, else
// int8 when that does, else int4. On CUDA devices it stays full: this libtorch-independent build cannot ask a GPU how much is
// free (docs/NOTES.md).
WeightFormat autoWeightFormat(const ckpt::CheckpointIndex &index, const ModelLoadOptions &options)
{
    if (!at::Device(options.device).is_cpu())
        return WeightFormat::Full;
    WeightBytes b;
    for (const ckpt::TensorEntry &e : index.tensors()) {
        if (!e.used)
            continue;
        if (isQuantizedLinear(e.name) && e.shape.size() == 2) {
            b.quantizableElements += std::uint64_t(e.numel());
            b.quantizableRows += std::uint64_t(e.shape[0]);
        } else {
            b.otherElements += std::uint64_t(e.numel());
        }
    }
    return chooseWeightFormat(b, int(ckpt::elementSize(options.dtype)), availableHostMemory(), 2ull << 30);
}

} // namespace

LeopardModel LeopardModel::load(const std::string &dir, const ModelLoadOptions &options)
{
    checkDeviceAndDtype(options.device, options.dtype);
    const ckpt::CheckpointIndex index = ckpt::CheckpointIndex::open(dir);
    LeopardModel m;
    m.d = std::make_unique<Impl>(Tokenizer::fromDirectory(dir));
    m.d->config = index.config();
    m.d->dtype = options.dtype;
    m.d->device = options.device;
    WeightLoadOptions wo;
    wo.dtype = options.dtype;
    wo.device = options.device;
    wo.weights = options.weights == WeightFormat::Auto ? autoWeightFormat(index, options) : options.weights;
    wo.progress = options.progress;
    wo.cancel = options.cancel;
    c10::InferenceMode guard;
    m.d->weights = LoadedWeights::load(index, wo);
    m.d->invFreq = model::ropeInvFreq(m.d->config.text).to(at::Device(options.device));
    return m;
}

const ckpt::ModelConfig &LeopardModel::config() const { return d->config; }
const Tokenizer &LeopardModel::tokenizer() const { return d->tokenizer; }
ckpt::DType LeopardModel::dtype() const { return d->dtype; }
WeightFormat LeopardModel::weightFormat() const { return d->weights.weightFormat(); }
std::uint64_t LeopardModel::weightBytes() const { return d->weights.bytes(); }
std::string LeopardModel::device() const { return d->device; }

std::int64_t LeopardModel::tokensPerImage() const
{
    const std::int64_t f = d->config.pixelShuffleFactor;
    return d->config.vision.numPatches() / (f * f);
}

namespace {

at::Tensor pixelTensor(const PixelBatch &p, const ckpt::VisionConfig &cfg)
{
    if (p.side != cfg.imageSize)
        throw std::invalid_argument("pixel values are " + std::to_string(p.side) + " px, the vision tower takes " +
                                    std::to_string(cfg.imageSize));
    return fromFloatArray({p.count, 3, p.side, p.side}, p.values);
}

// Tiles per vision-tower batch: bounds the attention scores (heads x 676^2 fp32 per tile, 29 MB
// for the real model) and lets cancellation in between crops.
constexpr std::int64_t kTilesPerBatch = 8;

} // namespace

ImageEmbeddings LeopardModel::encodeImages(const PixelBatch &pixels, const std::atomic<bool> *cancel) const
{
    c10::InferenceMode guard;
    if (pixels.count == 0)
        return {};
    const at::Tensor all = pixelTensor(pixels, d->config.vision);
    std::vector<at::Tensor> parts;
    for (std::int64_t start = 0; start < pixels.count; start += kTilesPerBatch) {
        if (cancel && cancel->load())
            throw std::runtime_error("cancelled");
        const at::Tensor batch = all.narrow(0, start, std::min(kTilesPerBatch, pixels.count - start));
        const at::Tensor features = model::runVisionTower(d->weights, d->config.vision, batch);
        parts.push_back(model::runProjector(d->weights, d->config, features));
    }
    return wrap(parts.size() == 1 ? parts.front() : at::cat(parts, 0));
}

FloatArray LeopardModel::visionFeatures(const PixelBatch &pixels) const
{
    c10::InferenceMode guard;
    return toFloatArray(model::runVisionTower(d->weights, d->config.vision, pixelTensor(pixels, d->config.vision)));
}

FloatArray LeopardModel::projectorOutput(const FloatArray &features) const
{
    c10::InferenceMode guard;
    return toFloatArray(model::runProjector(d->weights, d->config, fromFloatArray(features.shape, features.values)));
}

namespace {

void checkIds(const std::vector<std::int32_t> &ids, std::int64_t rows)
{
    for (std::int32_t id : ids)
        if (id < 0 || id >= rows)
            throw std::invalid_argument("token id " + std::to_string(id) + " is outside the " + std::to_string(rows) +
                                        "-row embedding");
}

// Legacy _merge_input_ids_with_image_features: every image-token id is replaced in place by its
// tile's rows, tiles consumed in order from `firstTile` (a continued conversation's new turn starts
// past the tiles already in the cache).
at::Tensor mergeEmbeddings(const LoadedWeights &w, const std::vector<std::int32_t> &ids, std::int64_t imageId,
                           const ImageEmbeddings &images, std::int64_t firstTile = 0)
{
    std::vector<std::int64_t> ids64(ids.begin(), ids.end());
    const at::Tensor text = model::embedTokens(w, at::tensor(ids64, at::TensorOptions().dtype(at::kLong)));
    std::vector<at::Tensor> pieces;
    std::int64_t runStart = 0, tile = firstTile;
    const std::int64_t n = std::int64_t(ids.size());
    for (std::int64_t i = 0; i < n; ++i) {
        if (ids[std::size_t(i)] != imageId)
            continue;
        if (i > runStart)
            pieces.push_back(text.narrow(0, runStart, i - runStart));
        pieces.push_back(images.d->values[tile++].to(text.device(), text.scalar_type()));
        runStart = i + 1;
    }
    if (n > runStart)
        pieces.push_back(text.narrow(0, runStart, n - runStart));
    return pieces.size() == 1 ? pieces.front() : at::cat(pieces, 0);
}

// The grids of GenerationResult::attention from the per-position weights of the whole sequence: the
// i-th image token of inputIds is model image i, its rows start at position index + i * (perImage - 1).
AttentionMapsResult imageGrids(const std::vector<std::int32_t> &ids, std::int64_t imageId, std::int64_t perImage,
                               const model::PromptAttention &a)
{
    AttentionMapsResult out;
    out.gridSide = int(std::lround(std::sqrt(double(perImage))));
    out.firstLayer = a.firstLayer;
    out.lastLayer = a.lastLayer;
    out.heads = a.heads;
    out.steps = a.steps;
    std::int64_t image = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (ids[i] != imageId)
            continue;
        ImageAttentionGrid g;
        g.modelImage = image;
        g.firstPosition = std::int64_t(i) + image * (perImage - 1);
        if (g.firstPosition + perImage > std::int64_t(a.weights.size()))
            throw std::logic_error("attention weights end before model image " + std::to_string(image));
        g.weights.assign(a.weights.begin() + std::ptrdiff_t(g.firstPosition),
                         a.weights.begin() + std::ptrdiff_t(g.firstPosition + perImage));
        out.images.push_back(std::move(g));
        ++image;
    }
    return out;
}

} // namespace

GenerationResult LeopardModel::generate(const std::vector<std::int32_t> &inputIds, const ImageEmbeddings &images,
                                        const GenerationOptions &options) const
{
    Conversation once;
    return generate(inputIds, images, options, once);
}

GenerationResult LeopardModel::generate(const std::vector<std::int32_t> &inputIds, const ImageEmbeddings &images,
                                        const GenerationOptions &options, Conversation &conversation) const
{
    c10::InferenceMode guard;
    const std::int64_t imageId = d->config.imageTokenIndex;
    const at::Tensor &table = d->weights.tensor(std::string(model::kTextPrefix) + "embed_tokens.weight");
    checkIds(inputIds, table.size(0));
    const std::int64_t imageTokens = std::count(inputIds.begin(), inputIds.end(), std::int32_t(imageId));
    if (imageTokens != images.tiles())
        throw std::invalid_argument("the prompt has " + std::to_string(imageTokens) + " image tokens for " +
                                    std::to_string(images.tiles()) + " model images");
    if (inputIds.empty())
        throw std::invalid_argument("empty prompt");

    Conversation::Impl &c = *conversation.d;
    const std::size_t ran = c.ranIds.size();
    // The images already run must be the first of the new ones (same origin serials, in order): a
    // follow-up may add pages, whose tiles come after them and whose tokens are in the new part.
    const std::vector<std::uint64_t> noOrigin;
    const std::vector<std::uint64_t> &origin = images.d ? images.d->origin : noOrigin;
    const bool sameImagesFirst = c.imageOrigin.size() <= origin.size() &&
                                 std::equal(c.imageOrigin.begin(), c.imageOrigin.end(), origin.begin());
    const bool extends = c.cache.length() > 0 && sameImagesFirst && ran < inputIds.size() &&
                         std::equal(c.ranIds.begin(), c.ranIds.end(), inputIds.begin()) &&
                         std::count(c.ranIds.begin(), c.ranIds.end(), std::int32_t(imageId)) == c.imageTiles;
    at::Tensor merged;
    if (extends) {
        const std::vector<std::int32_t> rest(inputIds.begin() + std::ptrdiff_t(ran), inputIds.end());
        merged = mergeEmbeddings(d->weights, rest, imageId, images, c.imageTiles);
    } else {
        c = Conversation::Impl{};
        merged = mergeEmbeddings(d->weights, inputIds, imageId, images);
    }
    c.ranIds.clear(); // until the run completes: a failure mid-prefill leaves a cache nobody should trust
    GenerationResult r;
    model::PromptAttention attention;
    try {
        r = model::generateFromEmbeddings(d->weights, d->config, d->tokenizer, d->invFreq, merged, c.cache, options,
                                          &attention);
        if (attention.steps > 0)
            r.attention = imageGrids(inputIds, imageId, tokensPerImage(), attention);
    } catch (...) {
        c = Conversation::Impl{};
        throw;
    }
    if (r.cancelled && r.ids.empty()) {
        c = Conversation::Impl{}; // cancelled during prefill: the cache is partial
        return r;
    }
    // The cache now holds the prompt and every generated id but the last (never fed back).
    c.ranIds = inputIds;
    if (!r.ids.empty())
        c.ranIds.insert(c.ranIds.end(), r.ids.begin(), r.ids.end() - 1);
    c.imageOrigin = origin;
    c.imageTiles = images.tiles();
    return r;
}

} // namespace leopard
