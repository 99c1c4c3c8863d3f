#include "app/bench/bench_greedy.h"

#include "inference/torch/compute_threads.h"
#include "inference/torch/leopard_model.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <exception>
#include <numeric>

namespace leopard::bench {

std::vector<std::int32_t> textPromptIds(const LeopardModel &model, std::int64_t count)
{
    std::vector<std::int32_t> ids;
    const auto bos = model.tokenizer().tokenId("<|begin_of_text|>");
    if (bos)
        ids.push_back(*bos);
    std::uint64_t x = 0x9E3779B97F4A7C15ull;
    const std::uint64_t plain = std::uint64_t(std::min<std::int64_t>(128000, model.config().text.vocabSize));
    while (std::int64_t(ids.size()) < count) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        const auto id = std::int32_t((x >> 33) % plain);
        if (id != model.config().imageTokenIndex)
            ids.push_back(id);
    }
    return ids;
}

GenerationOptions noStop(int maxNew)
{
    GenerationOptions g;
    g.maxNewTokens = maxNew;
    g.temperature = 0.0f;
    g.stopIds = {-1}; // never picked
    return g;
}

void greedyUsage(FILE *out)
{
    std::fprintf(out,
                 "  leopard-bench greedy --model DIR [--dtype fp32|bf16|fp16] [--device D] [--threads N]\n"
                 "                       [--prompt-ids a,b,...] [--prompt-tokens N] [--new-tokens N]\n"
                 "                           greedy ids after the prompt (default: the bench's 32-token text prompt;\n"
                 "                           16 new tokens, no stop id) and the first step's top logits, as JSON\n"
                 "                           (compare_llama_cpp.sh checks llama.cpp's ids against them)\n");
}

int greedyCommand(const QStringList &args)
{
    std::string modelDir, device = "cpu";
    ckpt::DType dtype = ckpt::DType::F32; // the comparison of functions wants fp32: bf16 rounding differs by engine
    int threads = 0, newTokens = 16;
    std::int64_t promptTokens = 32;
    std::vector<std::int32_t> promptIds;
    for (int i = 0; i < args.size(); ++i) {
        const bool v = i + 1 < args.size();
        bool ok = true;
        if (args[i] == QLatin1String("--model") && v)
            modelDir = args[++i].toStdString();
        else if (args[i] == QLatin1String("--dtype") && v) {
            const auto d = ckpt::dtypeFromUserName(args[++i].toStdString());
            ok = d.has_value();
            if (ok)
                dtype = *d;
        } else if (args[i] == QLatin1String("--device") && v)
            device = args[++i].toStdString();
        else if (args[i] == QLatin1String("--threads") && v)
            threads = args[++i].toInt(&ok), ok = ok && threads >= 0;
        else if (args[i] == QLatin1String("--prompt-tokens") && v)
            promptTokens = args[++i].toLongLong(&ok), ok = ok && promptTokens > 0;
        else if (args[i] == QLatin1String("--new-tokens") && v)
            newTokens = args[++i].toInt(&ok), ok = ok && newTokens > 0;
        else if (args[i] == QLatin1String("--prompt-ids") && v) {
            for (const QString &s : args[++i].split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const int id = s.trimmed().toInt(&ok);
                if (!ok || id < 0)
                    break;
                promptIds.push_back(id);
            }
            ok = ok && !promptIds.empty();
        } else
            ok = false;
        if (!ok) {
            std::fprintf(stderr, "leopard-bench greedy: bad argument '%s'\n", qPrintable(args[i]));
            greedyUsage(stderr);
            return 2;
        }
    }
    if (modelDir.empty()) {
        greedyUsage(stderr);
        return 2;
    }
    try {
        perf::setComputeThreads(threads);
        ModelLoadOptions lo;
        lo.dtype = dtype;
        lo.device = device;
        const LeopardModel model = LeopardModel::load(modelDir, lo);
        if (promptIds.empty())
            promptIds = textPromptIds(model, promptTokens);
        GenerationOptions g = noStop(newTokens); // always newTokens ids, as the peer generates them
        g.keepPromptLogits = true;
        const GenerationResult r = model.generate(promptIds, {}, g);
        // How far apart the first step's best logits are: a near tie could flip between two correct
        // engines on rounding alone, so a mismatch can be judged against this margin.
        std::vector<std::size_t> order(r.promptLogits.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        const std::size_t top = std::min<std::size_t>(5, order.size());
        std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(top), order.end(),
                          [&](std::size_t a, std::size_t b) { return r.promptLogits[a] > r.promptLogits[b]; });
        nlohmann::json topLogits = nlohmann::json::array();
        for (std::size_t k = 0; k < top; ++k)
            topLogits.push_back({{"id", order[k]}, {"logit", r.promptLogits[order[k]]}});
        const nlohmann::json out = {{"engine", "leopard"},
                                    {"model", modelDir},
                                    {"dtype", ckpt::dtypeName(dtype)},
                                    {"device", device},
                                    {"threads", perf::computeThreads()},
                                    {"prompt_ids", promptIds},
                                    {"greedy_ids", r.ids},
                                    {"first_step_top_logits", topLogits}};
        std::printf("%s\n", out.dump().c_str());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "leopard-bench greedy: %s\n", e.what());
        return 1;
    }
    return 0;
}

} // namespace leopard::bench
