// leopard-cli make-tiny: a complete tiny Leopard-LLaVA model directory in the published format
// (reference/model/make_tiny.py's structure), deterministic to the byte. Size options make bigger
// ones with the same structure (for load-memory measurements).
#include "app/cli/commands.h"
#include "inference/checkpoint/error.h"
#include "inference/checkpoint/tiny_checkpoint.h"

#include <cstdio>

namespace leopard::cli {

int runMakeTiny(const QStringList &args)
{
    ckpt::TinySpec spec;
    QString out;
    QString tokenizerDir = QStringLiteral(LEOPARD_DEFAULT_TOKENIZER_DIR);
    struct SizeOption {
        const char *flag;
        std::int64_t *value;
    } sizes[] = {{"--text-hidden", &spec.textHidden},         {"--text-layers", &spec.textLayers},
                 {"--text-heads", &spec.textHeads},           {"--text-kv-heads", &spec.textKvHeads},
                 {"--text-intermediate", &spec.textIntermediate}, {"--vision-hidden", &spec.visionHidden},
                 {"--vision-layers", &spec.visionLayers},     {"--vision-heads", &spec.visionHeads},
                 {"--vision-intermediate", &spec.visionIntermediate}};
    auto usage = [] {
        std::fprintf(stderr, "usage: leopard-cli make-tiny --out DIR [--tokenizer-dir DIR] [--seed N] [--no-siglip-head]\n"
                             "         [--no-leopard-tokens] [--text-hidden N] [--text-layers N] [--text-heads N]\n"
                             "         [--text-kv-heads N] [--text-intermediate N] [--vision-hidden N]\n"
                             "         [--vision-layers N] [--vision-heads N] [--vision-intermediate N]\n");
        return Usage;
    };
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == QLatin1String("--out") && hasValue) {
            out = args[++i];
        } else if (a == QLatin1String("--tokenizer-dir") && hasValue) {
            tokenizerDir = args[++i];
        } else if (a == QLatin1String("--seed") && hasValue) {
            bool ok = false;
            spec.seed = args[++i].toUInt(&ok);
            if (!ok)
                return usage();
        } else if (a == QLatin1String("--no-siglip-head")) {
            spec.siglipHead = false;
        } else if (a == QLatin1String("--no-leopard-tokens")) {
            spec.leopardTokens = false;
        } else {
            bool matched = false;
            for (const SizeOption &o : sizes) {
                if (a == QLatin1String(o.flag) && hasValue) {
                    bool ok = false;
                    *o.value = args[++i].toLongLong(&ok);
                    if (!ok || *o.value <= 0)
                        return usage();
                    matched = true;
                }
            }
            if (!matched)
                return usage();
        }
    }
    if (out.isEmpty())
        return usage();
    try {
        ckpt::writeTinyCheckpoint(out.toStdString(), tokenizerDir.toStdString(), spec, [](const std::string &line) {
            std::fprintf(stderr, "make-tiny: wrote %s\n", line.c_str());
        });
    } catch (const ckpt::CheckpointError &e) {
        std::fprintf(stderr, "leopard-cli make-tiny: %s\n", e.what());
        return BadInput;
    }
    return Ok;
}

} // namespace leopard::cli
