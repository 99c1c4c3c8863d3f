#include "app/cli/ask_options.h"

#include "app/cli/commands.h"
#include "inference/checkpoint/dtype.h"
#include "inference/device.h"
#include "inference/torch/weight_format.h"

#include <cstdio>

namespace leopard::cli {

int askUsage()
{
    std::fprintf(stderr,
                 "usage: leopard-cli ask --model DIR [--pages SPEC] [--dpi N] [FILE...] [--images FILE...] [--json]\n"
                 "         [--continue ID] [--no-save] [--sessions-dir DIR] [--pick N] [--index FILE]\n"
                 "         [--dump-logits FILE.npy] [--max-new-tokens N] [--dtype fp32|bf16|fp16] [--device cpu|cuda]\n"
                 "         [--weights auto|full|int8|int4]\n"
                 "         [--setting direct|cot|none] [--ques-type open-ended|multiple-choice] [--single-bos]\n"
                 "         [--temperature T] [--top-p P] [--seed N] -- QUESTION\n"
                 "\n"
                 "  FILE           a PDF, a slide deck (pptx, ppt, odp, key; converted with LibreOffice) or an image,\n"
                 "                 opened as Leopard Desk opens it; every selected page is one image for the model\n"
                 "  --pages SPEC   pages for the FILEs that FOLLOW it on the command line, up to the next --pages:\n"
                 "                 1-based numbers and ranges in the order given, e.g. 1-3,5 ('all' = every page).\n"
                 "                 One --pages before all FILEs applies to all of them; FILEs before any --pages\n"
                 "                 use every page. Example: --pages 1-2 a.pdf --pages 4 b.pptx\n"
                 "                 'auto': the pages of those FILEs that best match the question (BM25 over the\n"
                 "                 page index, which they are added to first; --pick N pages, 1-20, default 3;\n"
                 "                 --index FILE instead of the app's index)\n"
                 "  --dpi N        analysis dpi for PDF and deck pages, 18-1200 (default 144, as the app); images keep\n"
                 "                 their own pixel size\n"
                 "  --images F...  image files decoded directly (no viewer; first frame only)\n"
                 "  --json         print one JSON record (inputs with file, page and crop plan, prompt ids,\n"
                 "                 generated ids, timings, the saved conversation's id) instead of streaming the answer\n"
                 "  --continue ID  ask in saved conversation ID (leopard-cli sessions list): the model continues it\n"
                 "                 exactly as the app does. Its documents are reopened from where they were saved;\n"
                 "                 FILEs say where they are now, and FILEs after a --pages add those pages\n"
                 "  --no-save      do not keep the question and answer (by default they are saved as a conversation\n"
                 "                 the app's History lists: $XDG_DATA_HOME/LeopardDesk/Leopard Desk/sessions)\n"
                 "  --sessions-dir DIR  the saved conversations' folder instead of the app's\n"
                 "  --weights auto|full|int8|int4  full: every weight in --dtype; int8 / int4: the text decoder's\n"
                 "                 linear weights and lm_head quantized at load (per-row int8: about half of bf16's\n"
                 "                 memory; group-wise int4: about a third); auto (default): the first of full, int8, int4\n"
                 "                 that fits in the available memory with 2 GB to spare\n"
                 "  At most 50 images (pages) per question.\n"
                 "exit codes: 0 answered, 1 bad input (missing/corrupt/unsupported file, bad --pages, too many\n"
                 "            pages, unusable model directory, unreadable saved conversation), 2 usage, 3 internal failure\n");
    return Usage;
}

int parseAskOptions(const QStringList &args, AskOptions *out)
{
    AskOptions &o = *out;
    const DeviceInfo devices = probeDevices();
    o.device = QString::fromStdString(devices.defaultDevice);
    o.dtype = QString::fromStdString(devices.defaultDtype);
    bool haveQuestion = false;
    // --pages applies to the documents after it; a spec error is bad input (exit 1) but reported
    // only once we know which files it applies to.
    PageSpec currentPages;
    QString currentPagesError;
    bool pagesPending = false;   // a --pages not yet followed by a FILE
    bool anyPages = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool hasValue = i + 1 < args.size();
        bool ok = true;
        if (a == QLatin1String("--")) {
            o.question = args.mid(i + 1).join(QLatin1Char(' '));
            haveQuestion = true;
            break;
        } else if (a == QLatin1String("--model") && hasValue) {
            o.modelDir = args[++i];
        } else if (a == QLatin1String("--images")) {
            while (i + 1 < args.size() && !args[i + 1].startsWith(QLatin1String("--"))) {
                AskInput in;
                in.path = args[++i];
                in.direct = true;
                o.inputs.push_back(in);
            }
        } else if (a == QLatin1String("--pages") && hasValue) {
            QString why;
            const QString text = args[++i];
            currentPagesError.clear();
            if (!parsePageSpec(text, &currentPages, &why))
                currentPagesError = QStringLiteral("--pages %1 is not a valid page list: %2").arg(text, why);
            pagesPending = true;
            anyPages = true;
        } else if (a == QLatin1String("--dpi") && hasValue) {
            o.dpi = args[++i].toDouble(&ok);
            ok = ok && o.dpi >= 18 && o.dpi <= 1200;
        } else if (a == QLatin1String("--json")) {
            o.json = true;
        } else if (a == QLatin1String("--dump-logits") && hasValue) {
            o.dumpLogits = args[++i];
        } else if (a == QLatin1String("--max-new-tokens") && hasValue) {
            o.maxNewTokens = args[++i].toInt(&ok);
        } else if (a == QLatin1String("--dtype") && hasValue) {
            o.dtype = args[++i];
            ok = ckpt::dtypeFromUserName(o.dtype.toStdString()).has_value();
        } else if (a == QLatin1String("--weights") && hasValue) {
            o.weights = args[++i];
            ok = weightFormatFromName(o.weights.toStdString()).has_value();
        } else if (a == QLatin1String("--device") && hasValue) {
            o.device = args[++i];
        } else if (a == QLatin1String("--setting") && hasValue) {
            o.promptSetting = args[++i];
        } else if (a == QLatin1String("--ques-type") && hasValue) {
            o.quesType = args[++i];
        } else if (a == QLatin1String("--single-bos")) {
            o.doubleBos = false;
        } else if (a == QLatin1String("--temperature") && hasValue) {
            o.temperature = args[++i].toFloat(&ok);
        } else if (a == QLatin1String("--top-p") && hasValue) {
            o.topP = args[++i].toFloat(&ok);
        } else if (a == QLatin1String("--seed") && hasValue) {
            o.seed = args[++i].toULongLong(&ok);
        } else if (a == QLatin1String("--continue") && hasValue) {
            o.continueId = args[++i];
            ok = !o.continueId.isEmpty() && !o.continueId.contains(QLatin1Char('/'));
        } else if (a == QLatin1String("--no-save")) {
            o.noSave = true;
        } else if (a == QLatin1String("--sessions-dir") && hasValue) {
            o.sessionsDir = args[++i];
        } else if (a == QLatin1String("--pick") && hasValue) {
            o.pickCount = args[++i].toInt(&ok);
            ok = ok && o.pickCount >= 1 && o.pickCount <= 20;
        } else if (a == QLatin1String("--index") && hasValue) {
            o.indexPath = args[++i];
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            askUsage();
            return Usage;
        } else if (!a.startsWith(QLatin1Char('-')) && !a.isEmpty()) {
            AskInput in;
            in.path = a;
            in.pages = currentPages;
            in.pagesGiven = anyPages;
            in.pagesError = currentPagesError;
            o.inputs.push_back(in);
            pagesPending = false;
        } else {
            ok = false;
        }
        if (!ok)
            return askUsage();
    }
    if (o.modelDir.isEmpty() || !haveQuestion || o.maxNewTokens < 0)
        return askUsage();
    if (pagesPending && !currentPagesError.isEmpty()) {
        std::fprintf(stderr, "leopard-cli ask: %s (and it applies to no FILE: put --pages before the files it selects)\n",
                     qPrintable(currentPagesError));
        return BadInput;
    }
    if (pagesPending) {
        std::fprintf(stderr, "leopard-cli ask: --pages %s is followed by no FILE; it selects the pages of the FILEs after it\n",
                     qPrintable(currentPages.text));
        return askUsage();
    }
    // Continuing: FILEs without a --pages only say where the conversation's documents are now.
    if (!o.continueId.isEmpty())
        for (AskInput &in : o.inputs)
            in.selected = in.pagesGiven;
    return Ok;
}

} // namespace leopard::cli
