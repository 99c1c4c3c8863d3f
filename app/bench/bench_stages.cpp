#include "app/bench/bench_stages.h"

#include "app/bench/bench_greedy.h"
#include "app/bench/cost_model.h"
#include "app/bench/decode_profile.h"
#include "app/bench/read_bandwidth.h"
#include "inference/planner.h"
#include "inference/preprocess/model_images.h"
#include "inference/torch/leopard_model.h"
#include "inference/torch/compute_threads.h"
#include "inference/torch/machine_floors.h"
#include "inference/torch/prompt_builder.h"
#include "viewer/document_opener.h"
#include "viewer/model_pixels.h"

#include <QFileInfo>
#include <QString>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <sys/resource.h>

namespace leopard::bench {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// /proc/self/status fields in kB (VmHWM: peak resident set, VmRSS: now).
double statusMb(const char *field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string key = std::string(field) + ":";
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0)
            return std::stod(line.substr(key.size())) / 1024.0;
    return 0;
}

// Linux resets VmHWM to the current RSS when "5" is written to clear_refs: the next peak is the load's own.
void resetPeakRss()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

std::string loadAverage()
{
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

std::string cpuName(std::string &flagsOut)
{
    std::ifstream in("/proc/cpuinfo");
    std::string line, name;
    while (std::getline(in, line)) {
        if (name.empty() && line.rfind("model name", 0) == 0)
            name = line.substr(line.find(':') + 2);
        if (flagsOut.empty() && line.rfind("flags", 0) == 0) {
            const std::string all = " " + line.substr(line.find(':') + 1) + " ";
            for (const char *f : {"avx2", "avx512f", "avx512_bf16", "amx_bf16", "avx512_fp16"})
                if (all.find(std::string(" ") + f + " ") != std::string::npos)
                    flagsOut += (flagsOut.empty() ? "" : " ") + std::string(f);
        }
    }
    return name;
}

// The lines of at::show_config() that say which kernels run: BLAS, oneDNN, CPU capability, version.
std::string torchSummary()
{
    std::istringstream in(perf::torchBuildConfig());
    std::string line, out;
    while (std::getline(in, line)) {
        if (line.find("MKL-DNN") != std::string::npos || line.find("CPU capability") != std::string::npos ||
            line.find("OpenMP") != std::string::npos) {
            line.erase(0, line.find_first_not_of(" -"));
            out += (out.empty() ? "" : "; ") + line;
        }
        const auto v = line.find("TORCH_VERSION=");
        if (v != std::string::npos)
            out += "; libtorch " + line.substr(v + 14, line.find(',', v) - v - 14);
        const auto b = line.find("BLAS_INFO=");
        if (b != std::string::npos)
            out += "; BLAS_INFO=" + line.substr(b + 10, line.find(',', b) - b - 10);
    }
    return out;
}

int bytesPerElement(ckpt::DType t) { return t == ckpt::DType::F32 ? 4 : 2; }

class Runner {
public:
    Runner(const BenchOptions &o, const std::function<void(const std::string &)> &log) : o_(o), log_(log) {}

    Report run()
    {
        perf::setComputeThreads(o_.threads);
        std::string flags;
        report_.machine = {{"cpu", cpuName(flags)},
                           {"cpu_flags", flags},
                           {"cores_allowed", int(std::thread::hardware_concurrency())},
                           {"threads", perf::computeThreads()},
                           {"libtorch", torchSummary()},
                           {"load_average_before", loadAverage()}};
        stageLoad(); // first: its peak RSS must not include the bandwidth buffer
        ceilings();
        if (wanted("render") || wanted("preprocess") || wanted("vision") || wanted("ttft") || wanted("followup"))
            openPdf();
        if (wanted("render"))
            stageRender();
        if (wanted("preprocess") || wanted("vision"))
            stagePreprocess();
        if (wanted("vision"))
            stageVision();
        if (wanted("prefill"))
            for (std::size_t i = 0; i < o_.prefillTokens.size(); ++i)
                stagePrefill(o_.prefillTokens[i], i == 0);
        // "decode" is both (as inference/torch/attention_maps.md runs it), "decode_text" the text one only;
        // "decode_profile" (only when named) adds the per-op profile to the text one.
        if (wanted("decode") || wanted("decode_text") || o_.stages.count("decode_profile"))
            for (std::size_t i = 0; i < o_.decodeContexts.size(); ++i)
                stageDecode(o_.decodeContexts[i], i == 0);
        if (wanted("decode"))
            stageDecodeAttention();
        if (wanted("ttft"))
            for (int pages : o_.ttftPages)
                stageTtft(pages);
        if (wanted("followup"))
            stageFollowUp();
        report_.machine["load_average_after"] = loadAverage();
        struct rusage ru {};
        getrusage(RUSAGE_SELF, &ru);
        report_.machine["process_peak_rss_mb"] = double(ru.ru_maxrss) / 1024.0;
        return report_;
    }

private:
    bool wanted(const std::string &s) const { return o_.stages.empty() || o_.stages.count(s) != 0; }
    void say(const std::string &s) const
    {
        if (log_)
            log_(s);
    }

    void stageLoad()
    {
        Measurement time{"load", "load (s)", "s"}, rss{"load_peak_rss", "load peak RSS (MB)", "MB"};
        time.higherIsBetter = rss.higherIsBetter = false;
        ModelLoadOptions lo;
        lo.dtype = o_.dtype;
        lo.device = o_.device;
        lo.weights = o_.weights;
        const int n = std::max(1, o_.heavyRepeats);
        for (int i = 0; i < n; ++i) {
            model_ = LeopardModel{}; // the previous copy goes first: never two models resident
            resetPeakRss();
            const double before = statusMb("VmRSS");
            const auto t0 = Clock::now();
            model_ = LeopardModel::load(o_.modelDir, lo);
            time.samples.push_back(since(t0));
            rss.samples.push_back(statusMb("VmHWM"));
            rss.note = "RSS before load " + fixed(before, 0) + " MB, after " + fixed(statusMb("VmRSS"), 0) + " MB";
            say("load " + std::to_string(i + 1) + "/" + std::to_string(n) + ": " + fixed(time.samples.back()) + " s");
        }
        const ckpt::ModelConfig &c = model_.config();
        const ckpt::TextConfig &t = c.text;
        const ckpt::VisionConfig &v = c.vision;
        report_.model = {{"dir", o_.modelDir},
                         {"dtype", ckpt::dtypeName(o_.dtype)},
                         {"weights", weightFormatName(model_.weightFormat())},
                         {"device", o_.device},
                         {"text", {{"hidden", t.hiddenSize}, {"layers", t.numHiddenLayers}, {"heads", t.numAttentionHeads},
                                   {"kv_heads", t.numKeyValueHeads}, {"intermediate", t.intermediateSize}, {"vocab", t.vocabSize}}},
                         {"vision", {{"hidden", v.hiddenSize}, {"layers", v.numHiddenLayers}, {"heads", v.numAttentionHeads},
                                     {"intermediate", v.intermediateSize}, {"image_size", v.imageSize}}},
                         {"parameters_b", modelParameters(c) / 1e9},
                         {"decode_weight_bytes", decodeWeightBytes(t, bytesPerElement(o_.dtype), model_.weightFormat())},
                         {"vision_flops_per_image", visionFlopsPerImage(c)}};
        report_.stages.push_back(time);
        report_.stages.push_back(rss);
    }

    void ceilings()
    {
        const ckpt::ModelConfig &c = model_.config();
        const int reps = std::max(3, o_.repeats);
        // The bandwidth at 1 thread and at --threads (else every CPU allowed), the run's own count
        // (decode's) among them: its best sample makes the decode floor.
        const BandwidthCeilings bw =
            measureBandwidthCeilings(o_.bandwidthBytes, reps, o_.device, {1, o_.threads > 0 ? o_.threads : cpusAllowed()},
                                     perf::computeThreads(), log_);
        bandwidth_ = bw.floorBandwidth;
        report_.ceilings.insert(report_.ceilings.end(), bw.rows.begin(), bw.rows.end());

        say("measuring GEMM rates");
        textRate_ = gemmCeiling("gemm_text", "GEMM rate, text MLP (GFLOP/s)", std::max<std::int64_t>(1, o_.prefillTokens.front()),
                                c.text.hiddenSize, c.text.intermediateSize, reps);
        visionRate_ = gemmCeiling("gemm_vision", "GEMM rate, vision MLP (GFLOP/s)",
                                  std::int64_t(o_.visionBatch) * c.vision.numPatches(), c.vision.hiddenSize,
                                  c.vision.intermediateSize, reps);
    }

    // [m x k] x [k x n] in the run's dtype: records the ceiling, returns its best sample (the floor's basis).
    double gemmCeiling(const char *name, const char *label, std::int64_t m, std::int64_t k, std::int64_t n, int reps)
    {
        Measurement g{name, label, "GFLOP/s"};
        g.samples = perf::measureMatmulRate(m, k, n, o_.dtype, reps, o_.device);
        g.note = "[" + std::to_string(m) + "x" + std::to_string(k) + "] x [" + std::to_string(k) + "x" + std::to_string(n) +
                 "] " + ckpt::dtypeName(o_.dtype);
        report_.ceilings.push_back(g);
        return figuresOf(g.samples).max;
    }

    void openPdf()
    {
        const QString path = QString::fromStdString(o_.pdf);
        if (!QFileInfo::exists(path))
            throw std::runtime_error(o_.pdf + ": no such file (give the pages to render with --pdf FILE)");
        viewer::OpenResult r = viewer::openDocument(path);
        if (!r.ok())
            throw std::runtime_error(r.message.toStdString());
        if (r.document->pageCount() < 1)
            throw std::runtime_error(o_.pdf + ": the document has no pages");
        doc_ = r.document;
    }

    // Page i of a question about `count` pages: the document's pages in turn, again from the start.
    preprocess::RgbImage renderPage(int i) const
    {
        const QImage img = doc_->analysisImage(i % doc_->pageCount(), o_.dpi);
        if (img.isNull())
            throw std::runtime_error(o_.pdf + ": page " + std::to_string(i % doc_->pageCount() + 1) +
                                     " cannot be rendered at " + fixed(o_.dpi, 0) + " dpi");
        return viewer::toModelRgb(img);
    }

    PlanOptions planOptions() const
    {
        const ckpt::ModelConfig &c = model_.config();
        PlanOptions po;
        po.cropSide = int(c.vision.imageSize);
        po.tokensPerImage = int(model_.tokensPerImage());
        return po;
    }

    // Plan + model images + normalisation, as the app does it for one question.
    PixelBatch preprocessPages(const std::vector<preprocess::RgbImage> &pages, std::vector<int> &perImage) const
    {
        std::vector<PixelSize> sizes;
        for (const auto &p : pages)
            sizes.push_back({p.width, p.height});
        const CropPlan plan = planCrops(sizes, planOptions());
        std::vector<preprocess::RgbImage> all;
        perImage.clear();
        for (std::size_t i = 0; i < pages.size(); ++i) {
            auto t = preprocess::buildModelImages(pages[i], plan.images[i], planOptions().cropSide);
            perImage.push_back(int(t.size()));
            for (auto &x : t)
                all.push_back(std::move(x));
        }
        PixelBatch b;
        b.count = std::int64_t(all.size());
        b.side = planOptions().cropSide;
        b.values = preprocess::normalizeToNCHW(all);
        return b;
    }

    void stageRender()
    {
        Measurement m{"render", "page render (pages/s)", "pages/s"};
        const int pages = doc_->pageCount();
        for (int r = 0; r < o_.repeats; ++r) {
            const auto t0 = Clock::now();
            for (int i = 0; i < pages; ++i)
                (void)renderPage(i);
            m.samples.push_back(pages / since(t0));
        }
        m.note = std::to_string(pages) + " pages at " + fixed(o_.dpi, 0) + " dpi, " + QFileInfo(QString::fromStdString(o_.pdf)).fileName().toStdString();
        report_.stages.push_back(m);
    }

    void stagePreprocess()
    {
        const preprocess::RgbImage page = renderPage(0);
        Measurement m{"preprocess", "crop plan + preprocess (images/s)", "images/s"};
        std::vector<int> perImage;
        for (int r = 0; r < o_.repeats; ++r) {
            const auto t0 = Clock::now();
            pagePixels_ = preprocessPages({page}, perImage);
            m.samples.push_back(double(pagePixels_.count) / since(t0));
        }
        m.note = "1 page " + std::to_string(page.width) + "x" + std::to_string(page.height) + " -> " +
                 std::to_string(pagePixels_.count) + " model images";
        report_.stages.push_back(m);
    }

    void stageVision()
    {
        Measurement m{"vision", "vision encoding (images/s)", "images/s"};
        const std::int64_t n = std::min<std::int64_t>(o_.visionBatch, pagePixels_.count);
        PixelBatch batch;
        batch.count = n;
        batch.side = pagePixels_.side;
        const std::size_t per = std::size_t(3 * batch.side * batch.side);
        batch.values.assign(pagePixels_.values.begin(), pagePixels_.values.begin() + std::ptrdiff_t(per * std::size_t(n)));
        (void)model_.encodeImages(batch); // warm-up (oneDNN primitives, allocator)
        for (int r = 0; r < o_.repeats; ++r) {
            const auto t0 = Clock::now();
            (void)model_.encodeImages(batch);
            m.samples.push_back(double(n) / since(t0));
        }
        m.floor = visionRate_ * 1e9 / visionFlopsPerImage(model_.config());
        m.floorBasis = "GEMM rate (vision shape) / FLOPs per image";
        m.note = std::to_string(n) + " images per encode, " + fixed(visionFlopsPerImage(model_.config()) / 1e9, 1) +
                 " GFLOP each (tower + projector)";
        report_.stages.push_back(m);
    }

    std::vector<std::int32_t> textIds(std::int64_t count) const { return textPromptIds(model_, count); }

    void stagePrefill(std::int64_t length, bool first)
    {
        Measurement m{first ? "prefill" : "prefill_" + std::to_string(length),
                      "prefill, " + std::to_string(length) + " tokens (tokens/s)", "tokens/s"};
        const auto ids = textIds(length);
        (void)model_.generate(textIds(16), {}, noStop(1)); // warm-up
        for (int r = 0; r < o_.repeats; ++r) {
            const GenerationResult g = model_.generate(ids, {}, noStop(1));
            m.samples.push_back(double(ids.size()) / g.prefillSeconds);
        }
        const double flops = prefillFlopsPerToken(model_.config().text, std::int64_t(ids.size()));
        m.floor = textRate_ * 1e9 / flops;
        m.floorBasis = "GEMM rate (text shape) / FLOPs per token";
        m.note = std::to_string(ids.size()) + "-token prompt, " + fixed(flops / 1e9, 2) + " GFLOP/token";
        m.extra = {{"prompt_tokens", ids.size()}, {"threads", perf::computeThreads()}};
        report_.stages.push_back(m);
    }

    // Decoding in a warmed context after a `context`-token text prompt. A warm-up generation prefills
    // the prompt and decodes kDecodeWarmUp tokens (weights paged in, kernels and allocator warm);
    // every sample then continues that conversation: the last answer's final id is prefilled (one
    // position, the cache holds everything before it) and n tokens are decoded and timed. So no
    // sample pays for the long prompt again, and llama_cpp_peer.mjs decodes over the same positions.
    void stageDecode(std::int64_t context, bool first)
    {
        constexpr int kDecodeWarmUp = 8;
        Measurement m{first ? "decode" : "decode_ctx_" + std::to_string(context),
                      "decode after " + std::to_string(context) + " positions (tokens/s)", "tokens/s"};
        std::vector<std::int32_t> ids = textIds(context);
        const int n = std::max(2, o_.decodeTokens);
        Conversation conv;
        GenerationResult g = model_.generate(ids, {}, noStop(kDecodeWarmUp), conv);
        const std::int64_t start = g.promptLength + kDecodeWarmUp;
        for (int r = 0; r < o_.repeats; ++r) {
            ids.insert(ids.end(), g.ids.begin(), g.ids.end());
            g = model_.generate(ids, {}, noStop(n + 1), conv);
            if (g.reusedPositions + 1 != std::int64_t(ids.size()))
                throw std::runtime_error("decode: the conversation's cache was not reused (" +
                                         std::to_string(g.reusedPositions) + " of " + std::to_string(ids.size()) + ")");
            m.samples.push_back(double(g.ids.size() - 1) / g.decodeSeconds);
        }
        const double bytes = decodeWeightBytes(model_.config().text, bytesPerElement(o_.dtype), model_.weightFormat());
        m.floor = bandwidth_ * 1e9 / bytes;
        m.floorBasis = "read bandwidth / weight bytes per token";
        m.note = std::to_string(n) + " tokens per sample at positions " + std::to_string(start) + ".." +
                 std::to_string(std::int64_t(ids.size()) + n) + ", " + fixed(bytes / 1e9, 2) +
                 " GB weights/token (the KV cache's reads not in the floor)";
        m.extra = {{"context_positions", context}, {"decoded_tokens", n}, {"threads", perf::computeThreads()}};
        report_.stages.push_back(m);
        if (o_.stages.count("decode_profile"))
            profileDecode(ids, g, conv, context, n);
    }

    // The same samples again with the per-op timers on (after the plain ones: the timers cost a
    // clock read per op, ~30 per layer, so the tokens/s above are measured without them).
    void profileDecode(std::vector<std::int32_t> &ids, GenerationResult &g, Conversation &conv, std::int64_t context, int n)
    {
        std::vector<ProfiledDecode> samples;
        const std::int64_t first = std::int64_t(ids.size() + g.ids.size());
        (void)model::profile::takeTotals();
        for (int r = 0; r < o_.repeats; ++r) {
            ids.insert(ids.end(), g.ids.begin(), g.ids.end());
            model::profile::setEnabled(true);
            g = model_.generate(ids, {}, noStop(n + 1), conv);
            model::profile::setEnabled(false);
            // Each sample prefills one position (the last answer's final id) through the same
            // one-position step as decoding, so the profile counts every forward pass.
            samples.push_back({model::profile::takeTotals(), g.prefillSeconds + g.decodeSeconds, int(g.ids.size())});
        }
        const double meanPositions = double(first + std::int64_t(ids.size()) + n) / 2;
        // Quantized weights: their bytes per weight, scales included.
        const WeightFormat wf = model_.weightFormat();
        const double weightBpe = wf == WeightFormat::Int8 || wf == WeightFormat::Int4 ? bytesPerWeight(wf, 0) : 0.0;
        for (Measurement &row : decodeProfileRows(samples, model_.config().text, bytesPerElement(o_.dtype), context,
                                                  meanPositions, weightBpe))
            report_.stages.push_back(std::move(row));
    }

    // Decoding after a prompt with images, without and with GenerationOptions::attentionMaps, in
    // alternating pairs on the same prompt (machine load drifts; a pair sees the same load). The maps
    // cost one in-place add per averaged layer and token: decode_attention_ratio is time with maps /
    // time without, per pair (1.00: free; the issue allows 1.05).
    void stageDecodeAttention()
    {
        Measurement off{"decode_images", "decode after images (tokens/s)", "tokens/s"};
        Measurement on{"decode_attention", "decode, attention maps (tokens/s)", "tokens/s"};
        Measurement ratio{"decode_attention_ratio", "attention maps: decode time ratio", "x"};
        ratio.higherIsBetter = false;
        const std::int64_t images = std::max(1, o_.decodeImages);
        PixelBatch px;
        px.count = images;
        px.side = model_.config().vision.imageSize;
        px.values.resize(std::size_t(images * 3 * px.side * px.side));
        for (std::size_t i = 0; i < px.values.size(); ++i) // a fixed pattern in [-1, 1]: any pixels do
            px.values[i] = float(int(i * 2654435761u % 2001u) - 1000) / 1000.0f;
        const ImageEmbeddings emb = model_.encodeImages(px);
        const BuiltPrompt p = buildPrompt(model_.tokenizer(), model_.config(), "What is the total revenue in the table?",
                                          {int(images)});
        const int n = std::max(2, o_.decodeTokens);
        GenerationOptions plain = noStop(n + 1), maps = plain;
        maps.attentionMaps = true;
        (void)model_.generate(p.ids, emb, maps); // warm-up
        std::int64_t positions = 0;
        for (int r = 0; r < o_.repeats; ++r) {
            // Which goes first alternates too: neither always runs on a warmer cache.
            const bool mapsFirst = r % 2 == 1;
            const GenerationResult a = model_.generate(p.ids, emb, mapsFirst ? maps : plain);
            const GenerationResult b = model_.generate(p.ids, emb, mapsFirst ? plain : maps);
            const GenerationResult &withMaps = mapsFirst ? a : b, &without = mapsFirst ? b : a;
            if (withMaps.ids != without.ids || withMaps.attention.images.size() != std::size_t(images))
                throw std::runtime_error("decode with attention maps gave other tokens or no maps");
            off.samples.push_back(double(without.ids.size() - 1) / without.decodeSeconds);
            on.samples.push_back(double(withMaps.ids.size() - 1) / withMaps.decodeSeconds);
            ratio.samples.push_back(withMaps.decodeSeconds / without.decodeSeconds);
            positions = without.promptLength;
        }
        const std::string what = std::to_string(n) + " tokens after a " + std::to_string(positions) + "-position prompt with " +
                                 std::to_string(images) + " model images";
        off.note = what;
        on.note = what + ", maps averaged over layers " + std::to_string(model_.config().text.numHiddenLayers / 2) + ".." +
                  std::to_string(model_.config().text.numHiddenLayers - 1);
        const Figures f = figuresOf(ratio.samples), fOff = figuresOf(off.samples), fOn = figuresOf(on.samples);
        ratio.note = "median tokens/s " + fixed(fOff.median) + " without, " + fixed(fOn.median) + " with: cost " +
                     fixed((f.median - 1) * 100, 1) + " % of decode time (pairs alternate order)";
        say("decode with attention maps: time ratio " + fixed(f.median, 3) + " (min " + fixed(f.min, 3) + ", max " +
            fixed(f.max, 3) + ")");
        report_.stages.push_back(off);
        report_.stages.push_back(on);
        report_.stages.push_back(ratio);
    }

    struct Ttft {
        double total = 0, render = 0, preprocess = 0, vision = 0, prefill = 0;
        std::int64_t modelImages = 0, promptLength = 0;
    };

    Ttft questionOnPages(int pages, ImageEmbeddings *keep = nullptr, BuiltPrompt *promptOut = nullptr,
                         Conversation *conv = nullptr, std::vector<std::int32_t> *answer = nullptr, int maxNew = 1)
    {
        Ttft t;
        const auto t0 = Clock::now();
        std::vector<preprocess::RgbImage> rgb;
        for (int i = 0; i < pages; ++i)
            rgb.push_back(renderPage(i));
        t.render = since(t0);
        auto t1 = Clock::now();
        std::vector<int> perImage;
        const PixelBatch px = preprocessPages(rgb, perImage);
        t.preprocess = since(t1);
        t1 = Clock::now();
        const ImageEmbeddings emb = model_.encodeImages(px);
        t.vision = since(t1);
        t1 = Clock::now();
        const BuiltPrompt p = buildPrompt(model_.tokenizer(), model_.config(), "What is the total revenue in the table?", perImage);
        GenerationOptions g = noStop(maxNew);
        std::optional<Clock::time_point> first;
        g.onToken = [&](std::int32_t, const std::string &) {
            if (!first)
                first = Clock::now();
        };
        Conversation once;
        const GenerationResult r = model_.generate(p.ids, emb, g, conv ? *conv : once);
        t.prefill = std::chrono::duration<double>(*first - t1).count();
        t.total = std::chrono::duration<double>(*first - t0).count();
        t.modelImages = px.count;
        t.promptLength = r.promptLength;
        if (keep)
            *keep = emb;
        if (promptOut)
            *promptOut = p;
        if (answer)
            *answer = r.ids;
        return t;
    }

    void stageTtft(int pages)
    {
        Measurement m{"ttft_" + std::to_string(pages), "first token, " + std::to_string(pages) + " page" +
                                                           (pages == 1 ? "" : "s") + " (s)", "s"};
        m.higherIsBetter = false;
        Ttft last;
        for (int r = 0; r < std::max(1, o_.heavyRepeats); ++r) {
            last = questionOnPages(pages);
            m.samples.push_back(last.total);
            say(m.label + ": " + fixed(last.total) + " s");
        }
        m.note = std::to_string(last.modelImages) + " model images, " + std::to_string(last.promptLength) +
                 " positions; last run: render " + fixed(last.render) + " + preprocess " + fixed(last.preprocess) +
                 " + vision " + fixed(last.vision) + " + prefill " + fixed(last.prefill) + " s";
        report_.stages.push_back(m);
    }

    void stageFollowUp()
    {
        Measurement m{"followup_ttft", "follow-up first token (s)", "s"};
        m.higherIsBetter = false;
        ImageEmbeddings emb;
        BuiltPrompt prompt;
        Conversation conv;
        std::vector<std::int32_t> answer;
        const Ttft first = questionOnPages(o_.followUpPages, &emb, &prompt, &conv, &answer, 8);
        std::vector<std::int32_t> ids = prompt.ids;
        std::int64_t reused = 0, newTokens = 0;
        for (int r = 0; r < std::max(1, o_.heavyRepeats); ++r) {
            ids.insert(ids.end(), answer.begin(), answer.end());
            const std::size_t before = ids.size();
            ids = appendFollowUp(model_.tokenizer(), ids, "And the year before?");
            GenerationOptions g = noStop(8);
            std::optional<Clock::time_point> firstToken;
            g.onToken = [&](std::int32_t, const std::string &) {
                if (!firstToken)
                    firstToken = Clock::now();
            };
            const auto t0 = Clock::now();
            const GenerationResult res = model_.generate(ids, emb, g, conv);
            m.samples.push_back(std::chrono::duration<double>(*firstToken - t0).count());
            reused = res.reusedPositions;
            newTokens = res.promptLength - res.reusedPositions;
            (void)before;
            answer = res.ids;
        }
        m.note = std::to_string(o_.followUpPages) + " pages encoded once (first question " + fixed(first.total) +
                 " s); last follow-up prefilled " + std::to_string(newTokens) + " new positions, reused " +
                 std::to_string(reused);
        report_.stages.push_back(m);
    }

    BenchOptions o_;
    std::function<void(const std::string &)> log_;
    Report report_;
    LeopardModel model_;
    viewer::DocumentPtr doc_;
    PixelBatch pagePixels_;
    double bandwidth_ = 0, textRate_ = 0, visionRate_ = 0;
};

} // namespace

const std::vector<std::string> &stageNames()
{
    static const std::vector<std::string> names = {"render", "preprocess",  "vision", "prefill",
                                                   "decode", "decode_text", "ttft",   "followup",
                                                   "decode_profile"};
    return names;
}

Report runBench(const BenchOptions &options, const std::function<void(const std::string &)> &log)
{
    return Runner(options, log).run();
}

} // namespace leopard::bench
