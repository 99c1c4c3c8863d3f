#include "app/bench/bench_fidelity.h"

#include "app/bench/bench_greedy.h"
#include "inference/torch/compute_threads.h"
#include "inference/torch/leopard_model.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <exception>
#include <string>
#include <vector>

namespace leopard::bench {
namespace {

struct Format {
    std::string name;
    ckpt::DType dtype;
    WeightFormat weights;
};

std::vector<double> logSoftmax(const std::vector<float> &z)
{
    double m = -INFINITY;
    for (float v : z)
        m = std::max(m, double(v));
    double s = 0;
    for (float v : z)
        s += std::exp(double(v) - m);
    const double lse = m + std::log(s);
    std::vector<double> out(z.size());
    for (std::size_t i = 0; i < z.size(); ++i)
        out[i] = double(z[i]) - lse;
    return out;
}

double kl(const std::vector<double> &lp, const std::vector<float> &q)
{
    const std::vector<double> lq = logSoftmax(q);
    double d = 0;
    for (std::size_t i = 0; i < lp.size(); ++i)
        d += std::exp(lp[i]) * (lp[i] - lq[i]);
    return d;
}

std::int32_t argmax(const std::vector<float> &v)
{
    return std::int32_t(std::max_element(v.begin(), v.end()) - v.begin());
}

// Greedy steps over one conversation (each step prefills one id): the logits after `prompt` and
// after each id appended, `steps` rows; the id appended after row k is forced[k] when `forced` is
// given (teacher forcing), else row k's own greedy pick. `ids` receives the ids appended.
std::vector<std::vector<float>> stepLogits(const LeopardModel &m, const std::vector<std::int32_t> &prompt, int steps,
                                           const std::vector<std::int32_t> *forced, std::vector<std::int32_t> &ids)
{
    GenerationOptions g = noStop(1);
    g.keepPromptLogits = true;
    Conversation conv;
    std::vector<std::int32_t> seq = prompt;
    std::vector<std::vector<float>> rows;
    ids.clear();
    for (int k = 0; k < steps; ++k) {
        GenerationResult r = m.generate(seq, {}, g, conv);
        ids.push_back(forced ? (*forced)[std::size_t(k)] : r.ids.front());
        rows.push_back(std::move(r.promptLogits));
        seq.push_back(ids.back());
    }
    return rows;
}

} // namespace

void fidelityUsage(FILE *out)
{
    std::fprintf(out,
                 "  leopard-bench fidelity --model DIR [--formats bf16,int8,int4,int8-fp32,int4-fp32] [--prompts N]\n"
                 "                         [--prompt-tokens N] [--steps N] [--threads N] [--json]\n"
                 "                           next-token KL and greedy agreement of bf16 / int8 / int4 weights against\n"
                 "                           the model's own fp32 (teacher-forced over fp32's greedy ids; text prompts)\n");
}

int fidelityCommand(const QStringList &args)
{
    std::string modelDir;
    QStringList formats = {QStringLiteral("bf16"), QStringLiteral("int8"), QStringLiteral("int4")};
    int prompts = 4, steps = 16, threads = 0;
    std::int64_t promptTokens = 64;
    bool json = false;
    for (int i = 0; i < args.size(); ++i) {
        const bool v = i + 1 < args.size();
        bool ok = true;
        if (args[i] == QLatin1String("--model") && v)
            modelDir = args[++i].toStdString();
        else if (args[i] == QLatin1String("--formats") && v)
            formats = args[++i].split(QLatin1Char(','), Qt::SkipEmptyParts);
        else if (args[i] == QLatin1String("--prompts") && v)
            prompts = args[++i].toInt(&ok), ok = ok && prompts > 0;
        else if (args[i] == QLatin1String("--steps") && v)
            steps = args[++i].toInt(&ok), ok = ok && steps > 0;
        else if (args[i] == QLatin1String("--prompt-tokens") && v)
            promptTokens = args[++i].toLongLong(&ok), ok = ok && promptTokens > 1;
        else if (args[i] == QLatin1String("--threads") && v)
            threads = args[++i].toInt(&ok), ok = ok && threads >= 0;
        else if (args[i] == QLatin1String("--json"))
            json = true;
        else
            ok = false;
        if (!ok) {
            std::fprintf(stderr, "leopard-bench fidelity: bad argument '%s'\n", qPrintable(args[i]));
            fidelityUsage(stderr);
            return 2;
        }
    }
    std::vector<Format> runs;
    for (const QString &f : formats) {
        // "int8" / "int4": bf16 activations (the default on CPUs with native bf16); "-fp32": fp32 ones.
        const bool fp32 = f.endsWith(QLatin1String("-fp32"));
        const std::string base = (fp32 ? f.chopped(5) : f).toStdString();
        const auto w = weightFormatFromName(base);
        if (!w || *w == WeightFormat::Auto) {
            std::fprintf(stderr, "leopard-bench fidelity: unknown format '%s'\n", qPrintable(f));
            return 2;
        }
        runs.push_back({f.toStdString(), fp32 || base == "fp32" ? ckpt::DType::F32 : ckpt::DType::BF16, *w});
    }
    if (modelDir.empty()) {
        fidelityUsage(stderr);
        return 2;
    }
    try {
        perf::setComputeThreads(threads);
        QElapsedTimer t;
        t.start();
        // The reference: fp32's greedy continuation and its logits at every forced step.
        std::vector<std::vector<std::int32_t>> promptIds, refIds;
        std::vector<std::vector<std::vector<double>>> refLogp;
        {
            ModelLoadOptions lo;
            lo.dtype = ckpt::DType::F32;
            const LeopardModel ref = LeopardModel::load(modelDir, lo);
            const std::vector<std::int32_t> all = textPromptIds(ref, promptTokens * prompts);
            for (int p = 0; p < prompts; ++p) {
                std::vector<std::int32_t> ids(all.begin() + p * promptTokens, all.begin() + (p + 1) * promptTokens);
                std::vector<std::int32_t> greedy;
                std::vector<std::vector<double>> lp;
                for (const auto &row : stepLogits(ref, ids, steps, nullptr, greedy))
                    lp.push_back(logSoftmax(row));
                promptIds.push_back(ids);
                refIds.push_back(greedy);
                refLogp.push_back(std::move(lp));
            }
        }
        nlohmann::json out = {{"model", modelDir}, {"prompts", prompts}, {"prompt_tokens", promptTokens},
                              {"steps", steps}, {"threads", perf::computeThreads()}, {"reference", "fp32, full weights"},
                              {"formats", nlohmann::json::array()}};
        if (!json)
            std::printf("%-10s %8s %11s %11s %14s %14s  (against fp32; %d prompts of %lld ids, %d steps)\n", "format",
                        "GB", "mean KL", "max KL", "forced top-1", "greedy prefix", prompts, (long long)promptTokens, steps);
        for (const Format &f : runs) {
            ModelLoadOptions lo;
            lo.dtype = f.dtype;
            lo.weights = f.weights;
            const LeopardModel m = LeopardModel::load(modelDir, lo);
            double klSum = 0, klMax = 0;
            int agree = 0, total = 0, prefix = 0;
            for (int p = 0; p < prompts; ++p) {
                const auto &want = refIds[std::size_t(p)];
                std::vector<std::int32_t> followed;
                const auto rows = stepLogits(m, promptIds[std::size_t(p)], steps, &want, followed);
                for (std::size_t k = 0; k < want.size(); ++k) {
                    const double d = kl(refLogp[std::size_t(p)][k], rows[k]);
                    klSum += d;
                    klMax = std::max(klMax, d);
                    agree += argmax(rows[k]) == want[k];
                    ++total;
                }
                const auto free = m.generate(promptIds[std::size_t(p)], {}, noStop(steps)).ids;
                std::size_t n = 0;
                while (n < want.size() && n < free.size() && free[n] == want[n])
                    ++n;
                prefix += int(n);
            }
            const double gb = double(m.weightBytes()) / 1e9;
            out["formats"].push_back({{"format", f.name}, {"dtype", ckpt::dtypeName(f.dtype)}, {"weights", weightFormatName(m.weightFormat())},
                                      {"weight_gb", gb}, {"mean_kl", klSum / total}, {"max_kl", klMax},
                                      {"forced_top1", agree}, {"forced_steps", total}, {"greedy_prefix", prefix}});
            if (!json)
                std::printf("%-10s %8.2f %11.3e %11.3e %8d/%-5d %8d/%-5d\n", f.name.c_str(), gb, klSum / total, klMax, agree,
                            total, prefix, total);
            std::fflush(stdout);
        }
        out["seconds"] = t.elapsed() / 1000.0;
        if (json)
            std::printf("%s\n", out.dump(2).c_str());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "leopard-bench fidelity: %s\n", e.what());
        return 1;
    }
    return 0;
}

} // namespace leopard::bench
