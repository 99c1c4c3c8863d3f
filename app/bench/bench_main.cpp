// leopard-bench: how fast Leopard Desk answers on this machine, stage by stage, beside the machine's
// physical floor (memory bandwidth for decode, GEMM rate for prefill and vision).
//   leopard-bench make-model --size tiny|small|medium --out DIR [--tokenizer-dir DIR]
//   leopard-bench [run] --model DIR [--dtype bf16|fp32] [--quick] [--json] ...   (--help for all)
//   leopard-bench index [--pdf FILE] [--pages N] [--quick] [--json]   the page index (bench_index.h)
//   leopard-bench greedy --model DIR [--prompt-ids ...]   greedy ids as JSON (bench_greedy.h)
//   leopard-bench fidelity --model DIR [--formats ...]     bf16 / int8 / int4 against fp32 (bench_fidelity.h)
#include "app/bench/bench_fidelity.h"
#include "app/bench/bench_greedy.h"
#include "app/bench/bench_index.h"
#include "app/bench/bench_report.h"
#include "app/bench/bench_stages.h"
#include "app/bench/model_presets.h"
#include "inference/checkpoint/error.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

#include <cstdio>
#include <exception>

using namespace leopard;

namespace {

enum ExitCode { Ok = 0, BadInput = 1, Usage = 2, InternalError = 3 };

int usage(FILE *out)
{
    std::fprintf(out,
                 "leopard-bench %s: speed of the Leopard model on this machine\n"
                 "usage:\n"
                 "  leopard-bench make-model --size tiny|small|medium --out DIR [--tokenizer-dir DIR] [--seed N]\n"
                 "  leopard-bench [run] --model DIR [options]\n",
                 LEOPARD_VERSION);
    bench::indexUsage(out);
    bench::greedyUsage(out);
    bench::fidelityUsage(out);
    std::fprintf(out,
                 "\nrun options:\n"
                 "  --dtype bf16|fp32|fp16   weights and activations (default bf16)\n"
                 "  --weights full|int8|int4 full (default): weights in --dtype; int8 / int4: the decoder's linear\n"
                 "                           weights and lm_head quantized at load (the decode floor counts their bytes)\n"
                 "  --device D               cpu (default), cuda, cuda:1\n"
                 "  --threads N              intra-op threads (default: LEOPARD_THREADS, else libtorch's choice)\n"
                 "  --repeats N              samples per stage (default 5)\n"
                 "  --heavy-repeats N        samples for load, first-token and follow-up stages (default 3)\n"
                 "  --stages a,b,...         among render,preprocess,vision,prefill,decode,decode_text,ttft,followup,\n"
                 "                           decode_profile (per-op time of a decode step; only when named)\n"
                 "                           (default all; load and the machine ceilings always run; decode: text\n"
                 "                           and after images with/without attention maps, decode_text: text only)\n"
                 "  --pdf FILE               pages to render (default: the sample report of the source tree)\n"
                 "  --dpi N                  analysis dpi (default 144, the app's)\n"
                 "  --ttft-pages 1,5,20,49   page counts for time to first token\n"
                 "  --followup-pages N       pages of the first question before the follow-up (default 5)\n"
                 "  --prefill-tokens N,...   prompt lengths of the prefill stages (default 512)\n"
                 "  --decode-tokens N        tokens per decode sample (default 32)\n"
                 "  --decode-context N,...   prompt lengths decode runs after, in a warmed context (default 16)\n"
                 "  --decode-images N        model images before decoding with/without attention maps (default 7)\n"
                 "  --bandwidth-mb N         buffer of the bandwidth ceiling (default 1024; keep it >> last-level cache);\n"
                 "                           measured at 1 and --threads (else all CPUs) threads, beside a plain C loop\n"
                 "  --quick                  small everything (1 repeat of heavy stages, 1-page questions): for tests\n"
                 "  --json                   one JSON document on stdout instead of the table\n\n"
                 "sizes:\n");
    for (const bench::ModelPreset &p : bench::modelPresets())
        std::fprintf(out, "  %-7s %.2f B parameters: %s\n", p.name.c_str(), bench::presetParameters(p.spec) / 1e9,
                     p.description.c_str());
    return Usage;
}

int makeModel(const QStringList &args)
{
    QString size, out, tokenizer = QStringLiteral(LEOPARD_DEFAULT_TOKENIZER_DIR);
    std::uint32_t seed = 0;
    bool seedGiven = false;
    for (int i = 0; i < args.size(); ++i) {
        const bool v = i + 1 < args.size();
        if (args[i] == QLatin1String("--size") && v)
            size = args[++i];
        else if (args[i] == QLatin1String("--out") && v)
            out = args[++i];
        else if (args[i] == QLatin1String("--tokenizer-dir") && v)
            tokenizer = args[++i];
        else if (args[i] == QLatin1String("--seed") && v) {
            bool ok = false;
            seed = args[++i].toUInt(&ok);
            if (!ok)
                return usage(stderr);
            seedGiven = true;
        } else
            return usage(stderr);
    }
    const bench::ModelPreset *preset = bench::findPreset(size.toStdString());
    if (!preset || out.isEmpty()) {
        if (!size.isEmpty() && !preset)
            std::fprintf(stderr, "leopard-bench make-model: unknown size '%s'\n", qPrintable(size));
        return usage(stderr);
    }
    ckpt::TinySpec spec = preset->spec;
    if (seedGiven)
        spec.seed = seed;
    std::fprintf(stderr, "leopard-bench make-model: %s, %.2f B parameters -> %s\n", preset->name.c_str(),
                 bench::presetParameters(spec) / 1e9, qPrintable(out));
    try {
        ckpt::writeTinyCheckpoint(out.toStdString(), tokenizer.toStdString(), spec,
                                  [](const std::string &line) { std::fprintf(stderr, "  wrote %s\n", line.c_str()); });
    } catch (const ckpt::CheckpointError &e) {
        std::fprintf(stderr, "leopard-bench make-model: %s\n", e.what());
        return BadInput;
    }
    return Ok;
}

template <typename Int>
bool parseInts(const QString &s, std::vector<Int> &out)
{
    out.clear();
    for (const QString &part : s.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int v = part.toInt(&ok);
        if (!ok || v <= 0)
            return false;
        out.push_back(v);
    }
    return !out.empty();
}

int run(const QStringList &args)
{
    bench::BenchOptions o;
    o.pdf = LEOPARD_SAMPLE_PDF;
    bool json = false, quick = false;
    // Explicit values win over --quick's, whatever the order.
    bool repeatsSet = false, heavySet = false, ttftSet = false, followSet = false, prefillSet = false,
         decodeSet = false, bwSet = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool v = i + 1 < args.size();
        bool ok = true;
        if (a == QLatin1String("--model") && v)
            o.modelDir = args[++i].toStdString();
        else if (a == QLatin1String("--dtype") && v) {
            const QString d = args[++i];
            if (d == QLatin1String("bf16"))
                o.dtype = ckpt::DType::BF16;
            else if (d == QLatin1String("fp32"))
                o.dtype = ckpt::DType::F32;
            else if (d == QLatin1String("fp16"))
                o.dtype = ckpt::DType::F16;
            else
                ok = false;
        } else if (a == QLatin1String("--weights") && v) {
            const auto w = weightFormatFromName(args[++i].toStdString());
            ok = w.has_value();
            if (ok)
                o.weights = *w;
        } else if (a == QLatin1String("--device") && v)
            o.device = args[++i].toStdString();
        else if (a == QLatin1String("--threads") && v)
            o.threads = args[++i].toInt(&ok);
        else if (a == QLatin1String("--repeats") && v)
            o.repeats = args[++i].toInt(&ok), ok = ok && o.repeats > 0, repeatsSet = true;
        else if (a == QLatin1String("--heavy-repeats") && v)
            o.heavyRepeats = args[++i].toInt(&ok), ok = ok && o.heavyRepeats > 0, heavySet = true;
        else if (a == QLatin1String("--stages") && v) {
            for (const QString &s : args[++i].split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const auto &names = bench::stageNames();
                if (std::find(names.begin(), names.end(), s.toStdString()) == names.end()) {
                    std::fprintf(stderr, "leopard-bench: unknown stage '%s'\n", qPrintable(s));
                    return Usage;
                }
                o.stages.insert(s.toStdString());
            }
        } else if (a == QLatin1String("--pdf") && v)
            o.pdf = args[++i].toStdString();
        else if (a == QLatin1String("--dpi") && v)
            o.dpi = args[++i].toDouble(&ok), ok = ok && o.dpi >= 18 && o.dpi <= 1200;
        else if (a == QLatin1String("--ttft-pages") && v)
            ok = parseInts(args[++i], o.ttftPages), ttftSet = true;
        else if (a == QLatin1String("--followup-pages") && v)
            o.followUpPages = args[++i].toInt(&ok), ok = ok && o.followUpPages > 0, followSet = true;
        else if (a == QLatin1String("--prefill-tokens") && v)
            ok = parseInts(args[++i], o.prefillTokens), prefillSet = true;
        else if (a == QLatin1String("--decode-context") && v)
            ok = parseInts(args[++i], o.decodeContexts);
        else if (a == QLatin1String("--decode-tokens") && v)
            o.decodeTokens = args[++i].toInt(&ok), ok = ok && o.decodeTokens > 1, decodeSet = true;
        else if (a == QLatin1String("--bandwidth-mb") && v)
            o.bandwidthBytes = std::uint64_t(args[++i].toULongLong(&ok)) << 20, ok = ok && o.bandwidthBytes > 0, bwSet = true;
        else if (a == QLatin1String("--decode-images") && v)
            o.decodeImages = args[++i].toInt(&ok), ok = ok && o.decodeImages > 0 && o.decodeImages <= 50;
        else if (a == QLatin1String("--quick"))
            quick = true;
        else if (a == QLatin1String("--json"))
            json = true;
        else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            usage(stdout);
            return Ok;
        } else
            ok = false;
        if (!ok) {
            std::fprintf(stderr, "leopard-bench: bad argument '%s'\n", qPrintable(a));
            return usage(stderr);
        }
    }
    if (o.modelDir.empty())
        return usage(stderr);
    if (!QFileInfo(QString::fromStdString(o.modelDir)).isDir()) {
        std::fprintf(stderr, "leopard-bench: %s: no such model directory\n", o.modelDir.c_str());
        return BadInput;
    }
    if (quick) {
        if (!repeatsSet) o.repeats = 2;
        if (!heavySet) o.heavyRepeats = 1;
        if (!ttftSet) o.ttftPages = {1};
        if (!followSet) o.followUpPages = 1;
        if (!prefillSet) o.prefillTokens = {32};
        if (!decodeSet) o.decodeTokens = 4;
        if (!bwSet) o.bandwidthBytes = 64ull << 20;
        o.visionBatch = 2;
    }
    try {
        const bench::Report r = bench::runBench(o, [](const std::string &s) { std::fprintf(stderr, "leopard-bench: %s\n", s.c_str()); });
        if (json)
            std::printf("%s\n", bench::toJson(r).dump(2).c_str());
        else
            std::printf("%s", bench::toTable(r).c_str());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "leopard-bench: %s\n", e.what());
        return BadInput;
    }
    return Ok;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("leopard-bench"));
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty())
        return usage(stderr);
    if (args.front() == QLatin1String("--help") || args.front() == QLatin1String("-h") || args.front() == QLatin1String("help")) {
        usage(stdout);
        return Ok;
    }
    if (args.front() == QLatin1String("make-model"))
        return makeModel(args.mid(1));
    if (args.front() == QLatin1String("index"))
        return bench::indexCommand(args.mid(1), argv);
    if (args.front() == QLatin1String("greedy"))
        return bench::greedyCommand(args.mid(1));
    if (args.front() == QLatin1String("fidelity"))
        return bench::fidelityCommand(args.mid(1));
    if (args.front() == QLatin1String("run"))
        args.removeFirst();
    return run(args);
}
