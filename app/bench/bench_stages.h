#pragma once
// The stages leopard-bench measures on one model directory, each repeated and reported with
// min/median/max (bench_report.h): model load (time, peak RSS), page render at the analysis dpi,
// crop planning + preprocessing, vision encoding, prefill, decode, time to first token for N pages
// (render -> plan -> preprocess -> vision -> prompt -> prefill -> first token) and a follow-up
// question's time to first token on pages already encoded (only its own tokens are prefilled), and
// decoding after an image prompt with and without the attention maps (their cost, as a time ratio).
// Beside them the machine's ceilings: DRAM read bandwidth (per thread count, checked against a
// plain loop: read_bandwidth.h) and the GEMM rate at the model's shapes.
#include "app/bench/bench_report.h"
#include "inference/checkpoint/dtype.h"
#include "inference/torch/weight_format.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace leopard::bench {

struct BenchOptions {
    std::string modelDir;
    ckpt::DType dtype = ckpt::DType::BF16;
    WeightFormat weights = WeightFormat::Full; // --weights full|int8|int4|auto
    std::string device = "cpu";
    int threads = 0;           // intra-op threads (0: LEOPARD_THREADS, else libtorch's choice)
    int repeats = 5;           // samples per cheap stage
    int heavyRepeats = 3;      // samples for load, time-to-first-token and follow-up
    std::string pdf;           // pages to render (default: the repository's sample report)
    double dpi = 144;          // the app's analysis dpi
    std::vector<int> ttftPages = {1, 5, 20, 49};
    int followUpPages = 5;
    // Prompt lengths of the prefill stages: "prefill" is the first (its length also shapes the text
    // GEMM ceiling), "prefill_<N>" the others.
    std::vector<std::int64_t> prefillTokens = {512};
    int decodeTokens = 32;
    // Text prompt lengths decode runs after: "decode" is the first, "decode_ctx_<N>" the others.
    std::vector<std::int64_t> decodeContexts = {16};
    // decode_images / decode_attention: decoding after a prompt of this many model images (7: one
    // page, its global view and 6 tiles), without and with the attention maps, interleaved.
    int decodeImages = 7;
    int visionBatch = 8;       // model images per encode (the model's own batch size)
    std::uint64_t bandwidthBytes = 1ull << 30;
    std::set<std::string> stages; // empty: all
};

// Throws std::runtime_error with a message naming the file on bad input (model, pdf).
Report runBench(const BenchOptions &options, const std::function<void(const std::string &)> &log);

// The stage names --stages accepts.
const std::vector<std::string> &stageNames();

} // namespace leopard::bench
