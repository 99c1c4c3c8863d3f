// leopard-cli inspect: checks a model directory as the app would (config.json, every tensor present
// with the right shape, readable shards, the tokenizer's special ids agreeing with config.json) and
// prints a JSON summary; --load also loads every tensor and reports the peak resident memory.
#include "app/cli/commands.h"
#include "inference/checkpoint/checkpoint_index.h"
#include "inference/checkpoint/error.h"
#include "inference/checkpoint/tokenizer_specials.h"
#include "inference/torch/weight_loader.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>

namespace leopard::cli {
namespace {

// VmHWM / VmRSS of /proc/self/status in bytes (the kernel's own peak-RSS bookkeeping); 0 if absent.
std::uint64_t procStatusBytes(const char *key)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(key) + ":";
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0)
            return std::stoull(line.substr(prefix.size())) * 1024;
    return 0;
}

// The reason is printed on one line whatever a hostile file put in a name (control characters escaped).
std::string oneLine(const std::string &s)
{
    std::string out;
    for (const char c : s) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
            out += buf;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

int runInspect(const QStringList &args)
{
    QString dir;
    bool load = false;
    std::string dtypeName = "bf16", device = "cpu";
    for (int i = 0; i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args[i] == QLatin1String("--model") && hasValue)
            dir = args[++i];
        else if (args[i] == QLatin1String("--load"))
            load = true;
        else if (args[i] == QLatin1String("--dtype") && hasValue)
            dtypeName = args[++i].toStdString();
        else if (args[i] == QLatin1String("--device") && hasValue)
            device = args[++i].toStdString();
        else
            dir.clear(), i = int(args.size());
    }
    const auto dtype = ckpt::dtypeFromUserName(dtypeName);
    if (dir.isEmpty() || !dtype) {
        std::fprintf(stderr, "usage: leopard-cli inspect --model DIR [--load [--dtype bf16|fp16|fp32] [--device cpu|cuda]]\n");
        return Usage;
    }
    const std::string modelDir = dir.toStdString();
    nlohmann::json out;
    try {
        const ckpt::CheckpointIndex ix = ckpt::CheckpointIndex::open(modelDir);
        const ckpt::TokenizerSpecials tok = ckpt::TokenizerSpecials::read(modelDir);
        tok.checkAgainst(ix.config(), modelDir);

        out["model_dir"] = modelDir;
        out["usable"] = true;
        out["format"] = ix.format() == ckpt::FileFormat::TorchZip ? "torch.save zip" : "safetensors";
        out["sharded"] = ix.sharded();
        out["layout"] = ckpt::layoutName(ix.layout());
        std::uint64_t fileBytes = 0;
        out["files"] = nlohmann::json::array();
        for (const ckpt::ShardFile &s : ix.shards()) {
            nlohmann::json f = {{"name", s.fileName}, {"bytes", s.fileSize}, {"tensors", s.tensorCount},
                                {"tensor_bytes", s.tensorBytes}};
            if (s.format == ckpt::FileFormat::TorchZip)
                f["pickle"] = s.orderedDict ? "collections.OrderedDict" : "dict";
            out["files"].push_back(f);
            fileBytes += s.fileSize;
        }
        std::map<std::string, std::pair<std::size_t, std::uint64_t>> dtypes;
        std::size_t unused = 0;
        for (const ckpt::TensorEntry &e : ix.tensors()) {
            auto &d = dtypes[ckpt::dtypeName(e.dtype)];
            ++d.first;
            d.second += e.bytes();
            unused += e.used ? 0 : 1;
        }
        out["tensor_count"] = ix.tensors().size();
        out["unused_tensors"] = unused;
        out["parameters"] = ix.parameterCount();
        out["dtypes"] = nlohmann::json::object();
        for (const auto &[name, d] : dtypes)
            out["dtypes"][name] = {{"tensors", d.first}, {"bytes", d.second}};
        out["total_bytes"] = ix.tensorBytes();
        out["file_bytes"] = fileBytes;
        out["config"] = ix.config().summary();
        out["tokenizer"] = tok.summary();

        if (load) {
            const std::uint64_t rssBefore = procStatusBytes("VmRSS");
            WeightLoadOptions opt;
            opt.dtype = *dtype;
            opt.device = device;
            opt.includeUnused = true;
            int lastTenth = -1;
            opt.progress = [&](std::uint64_t done, std::uint64_t total) {
                const int tenth = total ? int(done * 10 / total) : 10;
                if (tenth != lastTenth)
                    std::fprintf(stderr, "inspect: loaded %llu / %llu bytes\n", (unsigned long long)done,
                                 (unsigned long long)total);
                lastTenth = tenth;
            };
            const auto t0 = std::chrono::steady_clock::now();
            const LoadedWeights w = LoadedWeights::load(ix, opt);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            const std::uint64_t peak = procStatusBytes("VmHWM");
            out["load"] = {{"dtype", ckpt::dtypeName(*dtype)},
                           {"device", device},
                           {"tensors", w.size()},
                           {"loaded_bytes", w.bytes()},
                           {"seconds", seconds},
                           {"rss_before_load", rssBefore},
                           {"peak_rss", peak},
                           {"rss_after_load", procStatusBytes("VmRSS")},
                           {"peak_rss_over_loaded_bytes", w.bytes() ? double(peak) / double(w.bytes()) : 0.0},
                           {"peak_minus_baseline_over_loaded_bytes",
                            w.bytes() ? double(peak - rssBefore) / double(w.bytes()) : 0.0}};
        }
    } catch (const ckpt::CheckpointError &e) {
        std::fprintf(stderr, "leopard-cli inspect: %s\n", oneLine(e.what()).c_str());
        return BadInput;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "leopard-cli inspect: internal error: %s\n", oneLine(e.what()).c_str());
        return InternalError;
    }
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return Ok;
}

} // namespace leopard::cli
