#include "inference/torch/generator.h"

#include "inference/torch/compute_threads.h"
#include "inference/torch/device_sampler.h"
#include "inference/torch/kv_cache.h"
#include "inference/torch/llama_decoder.h"
#include "inference/torch/sampler.h"
#include "inference/torch/step_profile.h"
#include "inference/torch/weight_loader.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>

namespace leopard::model {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

bool cancelled(const GenerationOptions &o)
{
    return o.cancel && o.cancel->load(std::memory_order_relaxed);
}

// Prefill chunks are multiples of 64 positions: oneDNN 2.6's bf16 AMX matmul falls off a cliff at some
// other row counts (the 14336-wide down projection runs 590 rows at 32 GFLOP/s against 270 at 576 or
// 600: a 3550-token prompt, cut into 590-row chunks, took 46 s instead of 13; PERFORMANCE.md).
constexpr std::int64_t kChunkStep = 64;

// GenerationOptions::attentionMaps / attentionTrace during one generation: hands decoderForward a tap
// for every call whose last position picks a token (the last prefill chunk, each decode step) and
// counts those calls. The sum stays on the device until finish(): no host sync per token.
class AttentionReader {
public:
    AttentionReader(const GenerationOptions &o, const ckpt::TextConfig &tc, std::int64_t promptLength,
                    const at::Tensor &like, bool wanted)
        : trace_(o.attentionTrace)
    {
        const std::int64_t layers = tc.numHiddenLayers;
        tap_.firstLayer = o.attentionFirstLayer >= 0 ? o.attentionFirstLayer : layers / 2;
        tap_.lastLayer = o.attentionLastLayer >= 0 ? o.attentionLastLayer : layers - 1;
        if (wanted && (tap_.firstLayer > tap_.lastLayer || tap_.lastLayer >= layers))
            throw std::invalid_argument("attention layers " + std::to_string(tap_.firstLayer) + ".." +
                                        std::to_string(tap_.lastLayer) + " of a " + std::to_string(layers) + "-layer model");
        if (wanted) {
            // Only the prompt's keys: the images are all in it (the answer's own tokens are not shown).
            sum_ = at::zeros({tc.numAttentionHeads, promptLength}, like.options().dtype(at::kFloat));
            tap_.sum = &sum_;
        }
        if (trace_)
            tap_.rows = &rows_;
    }
    bool active() const { return tap_.sum || tap_.rows; }
    // The tap for a call whose last position picks the next token (or null when not reading).
    const AttentionTap *pickingCall()
    {
        if (!active())
            return nullptr;
        ++steps_;
        return &tap_;
    }
    // After each picking call: its trace rows as one host array.
    void afterCall()
    {
        if (!trace_ || rows_.empty())
            return;
        const at::Tensor all = at::stack(rows_).to(at::kCPU).contiguous();
        rows_.clear();
        FloatArray a;
        a.shape.assign(all.sizes().begin(), all.sizes().end());
        a.values.assign(all.data_ptr<float>(), all.data_ptr<float>() + all.numel());
        trace_->push_back(std::move(a));
    }
    // Mean over the picked tokens (one picking call each: the last id is never fed back), heads and layers.
    void finish(std::size_t picked, PromptAttention *out) const
    {
        if (!out || !tap_.sum || picked == 0)
            return;
        const std::int64_t heads = sum_.size(0), layers = tap_.lastLayer - tap_.firstLayer + 1;
        const std::int64_t steps = std::min<std::int64_t>(std::int64_t(picked), steps_);
        const at::Tensor mean = (sum_.sum(0) / double(heads * layers * steps)).to(at::kCPU).contiguous();
        out->weights.assign(mean.data_ptr<float>(), mean.data_ptr<float>() + mean.numel());
        out->firstLayer = int(tap_.firstLayer);
        out->lastLayer = int(tap_.lastLayer);
        out->heads = int(heads);
        out->steps = int(steps);
    }

private:
    std::vector<FloatArray> *trace_;
    AttentionTap tap_;
    at::Tensor sum_;
    std::vector<at::Tensor> rows_;
    std::int64_t steps_ = 0;
};

} // namespace

std::int64_t prefillChunk(std::int64_t heads, std::int64_t totalLength)
{
    const std::int64_t budget = std::int64_t(256) << 20; // bytes of fp32 scores per chunk
    const std::int64_t chunk = budget / std::max<std::int64_t>(1, 4 * heads * totalLength);
    return std::clamp<std::int64_t>(chunk / kChunkStep * kChunkStep, kChunkStep, 4096);
}

GenerationResult generateFromEmbeddings(const LoadedWeights &w, const ckpt::ModelConfig &cfg, const Tokenizer &tok,
                                        const at::Tensor &invFreq, const at::Tensor &merged, KvCache &cache,
                                        const GenerationOptions &options, PromptAttention *attention)
{
    perf::useComputeThreads(); // the calling (worker) thread's own OpenMP count: see compute_threads.h
    const ckpt::TextConfig &tc = cfg.text;
    GenerationResult result;
    const std::int64_t length = merged.size(0);
    const std::int64_t past = cache.length();
    result.promptLength = past + length;
    result.reusedPositions = past;
    const int maxNew = std::max(0, options.maxNewTokens);

    std::vector<std::int32_t> stopIds = options.stopIds;
    if (stopIds.empty())
        for (const char *name : {"<|end_of_text|>", "<|eot_id|>"})
            if (auto id = tok.tokenId(name))
                stopIds.push_back(*id);

    const auto t0 = Clock::now();
    if (!cache.allocated())
        cache.allocate(tc.numHiddenLayers, tc.numKeyValueHeads, length + maxNew, tc.headDim, merged);
    else
        cache.reserve(past + length + maxNew);

    const std::vector<std::int32_t> *replay = options.replayIds;
    AttentionReader reader(options, tc, past + length, merged,
                           options.attentionMaps && attention && !replay && maxNew > 0);
    at::Tensor last;
    const std::int64_t chunk = prefillChunk(tc.numAttentionHeads, past + length);
    for (std::int64_t start = 0, n = 0; start < length; start += n) {
        if (cancelled(options)) {
            result.cancelled = true;
            result.prefillSeconds = secondsSince(t0);
            return result;
        }
        n = std::min(chunk, length - start);
        if (n < chunk && n > kChunkStep)
            n = n / kChunkStep * kChunkStep; // the rest as a multiple of 64, then what is left (< 64)
        const bool lastChunk = start + n == length && !replay && maxNew > 0;
        const at::Tensor hidden =
            decoderForward(w, tc, invFreq, merged.narrow(0, start, n), cache, lastChunk ? reader.pickingCall() : nullptr);
        if (lastChunk)
            reader.afterCall();
        last = hidden.narrow(0, n - 1, 1);
    }
    if (replay && std::int64_t(replay->size()) > maxNew)
        throw std::invalid_argument("replay of " + std::to_string(replay->size()) + " ids with at most " +
                                    std::to_string(maxNew) + " new tokens");
    // The logits do not change the cache: a replay skips lm_head (a sixteenth of the 8B's weights).
    at::Tensor logits = replay ? at::Tensor() : lmHeadLogits(w, last).reshape({-1});
    result.prefillSeconds = secondsSince(t0);
    if (options.keepPromptLogits && logits.defined()) {
        const at::Tensor host = logits.to(at::kCPU).contiguous();
        result.promptLogits.assign(host.data_ptr<float>(), host.data_ptr<float>() + host.numel());
    }

    const auto t1 = Clock::now();
    std::mt19937_64 rng(options.seed);
    const SamplingParams sampling{options.temperature, options.topP};
    IncrementalDecoder decoder(tok, /*skipSpecialTokens=*/true);
    const auto deviceLong = at::TensorOptions().dtype(at::kLong).device(merged.device());
    // On the CPU the host picker reads the logits in place; elsewhere the token is chosen on the
    // device and only its id crosses to the host (one scalar per step).
    auto pick = [&](const at::Tensor &l) {
        if (!l.device().is_cpu())
            return pickTokenOnDevice(l, sampling, rng);
        const at::Tensor c = l.contiguous();
        return pickToken(c.data_ptr<float>(), c.numel(), sampling, rng);
    };
    const int steps = replay ? int(replay->size()) : maxNew;
    for (int step = 0; step < steps; ++step) {
        const std::int32_t id =
            replay ? (*replay)[std::size_t(step)] : profile::timed(profile::Op::Pick, [&] { return pick(logits); });
        result.ids.push_back(id);
        if (!replay) {
            const profile::Scope timing(profile::Op::Detokenize);
            const std::string piece = decoder.push(id);
            if (options.onToken)
                options.onToken(id, piece);
        }
        if (std::find(stopIds.begin(), stopIds.end(), id) != stopIds.end()) {
            result.stoppedOnEos = true;
            break;
        }
        if (step + 1 == steps)
            break; // the last id is never fed back (a generation ends there too: stop id, length or cancel)
        if (cancelled(options)) {
            result.cancelled = true;
            break;
        }
        const at::Tensor emb = embedTokens(w, at::full({1}, std::int64_t(id), deviceLong));
        const at::Tensor hidden = decoderForward(w, tc, invFreq, emb, cache, replay ? nullptr : reader.pickingCall());
        reader.afterCall();
        if (!replay)
            logits = lmHeadLogits(w, hidden).reshape({-1});
    }
    reader.finish(result.ids.size(), attention);
    result.decodeSeconds = secondsSince(t1);
    result.text = tok.decode(result.ids, /*skipSpecialTokens=*/true);
    if (tok.cleanUpTokenizationSpaces())
        result.text = cleanUpTokenizationSpaces(result.text);
    return result;
}

} // namespace leopard::model
