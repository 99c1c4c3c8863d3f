// leopard-cli ask: one question about some documents or images, answered by the model in-process
// (libtorch), through the same conversation core as the app's Ask dock: the question becomes a turn
// of a saved conversation (in the app's sessions folder, so the app's History lists it), and
// `--continue ID` asks in a saved conversation, continuing it exactly as the app does.
// The answer streams to stdout; --json prints one JSON record at the end instead. Timing lines
// (load, vision encode, time to first token, tokens/s) go to stderr either way.
//   leopard-cli ask --model DIR [--pages SPEC] [--dpi N] [FILE...] [--images FILE...] [--json]
//                   [--continue ID] [--no-save] [--sessions-dir DIR] [--dump-logits FILE.npy]
//                   [--max-new-tokens N] [--dtype fp32|bf16|fp16] [--device D] [--setting direct|cot|none]
//                   [--ques-type T] [--single-bos] [--temperature T] [--top-p P] [--seed N] -- QUESTION
// FILE (PDF, slide deck, image) is opened through the viewer library, as the app opens it, and its
// pages are rendered at the analysis dpi; --images FILE... decodes image files directly (the path the
// parity tests use). Inputs reach the model in command-line order.
#include "app/cli/ask_options.h"
#include "app/cli/ask_report.h"
#include "app/cli/cli_evidence.h"
#include "app/cli/cli_index.h"
#include "app/cli/cli_pages.h"
#include "app/cli/commands.h"

#include "index/page_picker.h"
#include "inference/checkpoint/model_config.h"
#include "inference/inference_worker.h"
#include "inference/torch/prompt_builder.h"
#include "ui/conversation/conversation_core.h"
#include "ui/conversation/session_writer.h"
#include "viewer/document_opener.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QImageReader>

#include <cstdio>
#include <memory>

namespace leopard::cli {
namespace {

int badInput(const QString &message)
{
    std::fprintf(stderr, "leopard-cli ask: %s\n", qPrintable(message));
    return BadInput;
}

void timingLine(const char *what, double seconds, const std::string &extra = {})
{
    std::fprintf(stderr, "leopard-cli ask: timing: %-20s %8.3f s%s\n", what, seconds, extra.c_str());
}

// Out of memory, said as such with what to try (the worker's message names where it happened).
bool outOfMemory(const QString &message)
{
    return message.contains(QLatin1String("out of memory"), Qt::CaseInsensitive) ||
           message.contains(QLatin1String("can't allocate memory"), Qt::CaseInsensitive);
}

// --pages auto: the pages of `docs` that best match the question, from the page index (indexed first
// when new), added to *checked in document order; said on stderr, listed in --json.
int pickPages(AskOptions &o, CliPages &pages, const std::vector<std::pair<QString, viewer::DocumentPtr>> &docs,
              ui::PageKeyList *checked)
{
    const std::unique_ptr<index::PageIndex> idx = openIndex(o.indexPath.isEmpty() ? index::PageIndex::defaultPath() : o.indexPath);
    // The documents' hashes as the conversation will know them (identify() hashes each file once;
    // runAsk's later call finds them cached).
    pages.identify();
    QHash<QString, QString> shaOf;
    for (const ui::SessionDocument &d : pages.identifiedDocuments())
        shaOf.insert(d.path, d.sha256);
    QStringList shas;
    QHash<QString, QString> fileOf;
    for (const auto &[path, doc] : docs) {
        const QString sha = ensureIndexed(*idx, path, doc.get(), shaOf.value(path));
        if (sha.isEmpty())
            return BadInput;
        shas << sha;
        fileOf.insert(sha, path);
    }
    const index::PagePick pick = index::pickPages(*idx, shas, o.question, o.pickCount);
    if (!pick.error.isEmpty())
        return badInput(pick.error);
    QStringList names;
    for (const auto &[path, doc] : docs)
        names << QFileInfo(path).fileName();
    if (pick.isEmpty())
        return badInput(QStringLiteral("no page of %1 matches the question (searched for: %2); choose pages with --pages")
                            .arg(names.join(QLatin1String(", ")),
                                 pick.terms.isEmpty() ? QStringLiteral("no words but stop words") : pick.terms.join(QLatin1String(", "))));
    QStringList said;
    for (const index::PickedPage &p : pick.pages) {
        const QString file = fileOf.value(p.sha);
        *checked << ui::PageKey{file, p.page};
        o.picked.push_back({file, p.page + 1, -p.bm25, p.matched});
        said << QStringLiteral("%1 p. %2").arg(QFileInfo(file).fileName()).arg(p.page + 1);
    }
    o.pickTerms = pick.terms;
    std::fprintf(stderr, "leopard-cli ask: picked: %s — matched %s\n", qPrintable(said.join(QLatin1String(", "))),
                 qPrintable(index::matchedWords(pick)));
    return 0;
}

// Opens the inputs and picks their pages (all checked before the model loads, so a bad last
// argument fails fast). Returns 0 or an exit code after saying what is wrong.
int openInputs(AskOptions &o, CliPages &pages, ui::PageKeyList *checked)
{
    const PlanOptions defaults;
    int total = 0;
    std::vector<std::pair<QString, viewer::DocumentPtr>> autoPick; // --pages auto: path, document
    for (AskInput &in : o.inputs) {
        const QString name = QFileInfo(in.path).fileName();
        in.path = QFileInfo(in.path).absoluteFilePath();
        if (in.direct) {
            QImageReader reader(in.path);
            reader.setAutoTransform(false); // the reference ignores EXIF orientation
            const QImage img = reader.read();
            if (img.isNull())
                return badInput(QStringLiteral("cannot read %1: %2").arg(in.path, reader.errorString()));
            pages.addDirect(in.path, img);
            if (in.selected)
                *checked << ui::PageKey{in.path, 0};
            total += in.selected ? 1 : 0;
            continue;
        }
        if (!in.pagesError.isEmpty())
            return badInput(QStringLiteral("%1: %2").arg(in.path, in.pagesError));
        const viewer::OpenResult opened = viewer::openDocument(in.path, viewer::OpenOptions{});
        if (!opened.ok())
            return badInput(opened.message);
        pages.addDocument(opened.document);
        if (!in.selected)
            continue;
        if (in.pages.autoPick) { // picked once every FILE is open (below)
            autoPick.push_back({in.path, opened.document});
            continue;
        }
        std::vector<int> selected;
        QString why;
        if (!selectPages(in.pages, opened.document->pageCount(), name, &selected, &why))
            return badInput(why);
        for (int p : selected) {
            const QSize px = opened.document->analysisPixelSize(p, o.dpi);
            if (px.isEmpty())
                return badInput(QStringLiteral("%1: page %2 cannot be rendered at %3 dpi (damaged page, or too large at "
                                               "this dpi)").arg(in.path).arg(p + 1).arg(o.dpi));
            *checked << ui::PageKey{in.path, p};
        }
        total += int(selected.size());
        if (total > defaults.maxImages)
            return badInput(QStringLiteral("%1: with its %2 selected pages the question has %3 images; the model takes "
                                           "at most %4 per question. Choose fewer pages with --pages.")
                                .arg(in.path).arg(selected.size()).arg(total).arg(defaults.maxImages));
    }
    return autoPick.empty() ? 0 : pickPages(o, pages, autoPick, checked);
}

} // namespace

int runAsk(const QStringList &args)
{
    AskOptions o;
    if (const int code = parseAskOptions(args, &o); code != Ok)
        return code;

    QElapsedTimer timer;
    timer.start();
    // Everything that can be wrong with the arguments is found before the (long) model load.
    ckpt::ModelConfig config;
    try {
        instructionFor(o.promptSetting.toStdString(), o.quesType.toStdString());
        config = ckpt::ModelConfig::fromFile((o.modelDir + QStringLiteral("/config.json")).toStdString());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "leopard-cli ask: %s\n", e.what());
        return BadInput;
    }

    // A saved conversation to continue: its documents are the inputs unless FILEs say where they are now.
    const QString sessionsDir = o.sessionsDir.isEmpty() ? ui::SessionStore::deskDirectory() : o.sessionsDir;
    ui::SavedConversation saved;
    if (!o.continueId.isEmpty()) {
        const ui::LoadResult r = ui::SessionStore(sessionsDir).load(o.continueId);
        if (!r.ok())
            return badInput(r.error);
        saved = r.conversation;
        for (const QString &w : saved.warnings)
            std::fprintf(stderr, "leopard-cli ask: %s: %s\n", qPrintable(o.continueId), qPrintable(w));
        if (o.inputs.empty())
            for (const ui::SessionDocument &d : saved.documents) {
                if (!QFileInfo::exists(d.path)) {
                    std::fprintf(stderr, "leopard-cli ask: %s (of the saved conversation) is not there any more; "
                                 "give its new place as a FILE\n", qPrintable(d.path));
                    continue;
                }
                AskInput in;
                in.path = d.path;
                in.selected = false; // only located: the conversation's own pages are asked about
                o.inputs.push_back(in);
            }
    }

    CliPages pages;
    ui::PageKeyList checked;
    if (const int code = openInputs(o, pages, &checked))
        return code;
    pages.identify();
    const double openSeconds = timer.restart() / 1000.0;

    std::unique_ptr<ui::SessionWriter> writer;
    if (!o.noSave)
        writer = std::make_unique<ui::SessionWriter>(sessionsDir);
    ui::ConversationCore core(writer.get());
    core.setPageSource(&pages);
    core.setDocuments(pages.identifiedDocuments(), /*showNewestSaved=*/false);
    if (!saved.id.isEmpty())
        core.show(saved);

    // The model, on this thread: the worker's signals arrive directly.
    InferenceWorker worker;
    ModelInfo info;
    QString failure;
    AskStats stats;
    bool answered = false;
    QObject::connect(&worker, &InferenceWorker::modelLoaded, [&](const ModelInfo &i) { info = i; });
    QObject::connect(&worker, &InferenceWorker::failed, [&](const QString &m) { failure = m; });
    QObject::connect(&worker, &InferenceWorker::token, [&](const QString &piece) {
        core.appendAnswer(piece);
        if (!o.json) {
            const QByteArray utf8 = piece.toUtf8();
            std::fwrite(utf8.constData(), 1, std::size_t(utf8.size()), stdout);
            std::fflush(stdout);
        }
    });
    QObject::connect(&worker, &InferenceWorker::finished, [&](const AskStats &s) {
        stats = s;
        answered = true;
    });
    worker.setWeights(o.weights);
    worker.loadModel(o.modelDir, o.device, o.dtype);
    if (info.directory.isEmpty()) {
        if (outOfMemory(failure)) {
            std::fprintf(stderr, "leopard-cli ask: out of memory while loading the model (%s); try --dtype bf16\n", qPrintable(failure));
            return InternalError;
        }
        return badInput(failure.isEmpty() ? QStringLiteral("cannot load the model") : failure);
    }
    const double loadSeconds = timer.restart() / 1000.0;
    timingLine("load", loadSeconds);
    core.setVocabularySize(info.vocabSize);

    ui::AskSettings settings;
    settings.generation.modelDir = info.directory;
    settings.generation.dtype = info.dtype;
    settings.generation.device = info.device;
    settings.generation.maxNewTokens = o.maxNewTokens;
    settings.generation.temperature = o.temperature;
    settings.generation.topP = o.topP;
    settings.generation.seed = qint64(o.seed);
    settings.generation.analysisDpi = o.dpi;
    settings.plan.cropSide = info.cropSide;
    settings.plan.tokensPerImage = info.tokensPerImage;
    settings.promptSetting = o.promptSetting;
    settings.quesType = o.quesType;
    settings.doubleBos = o.doubleBos;
    settings.keepPromptLogits = !o.dumpLogits.isEmpty();

    const ui::ConversationCore::Outlook outlook = core.outlook(checked);
    if (!o.continueId.isEmpty() && outlook.inConversation && !outlook.exact)
        std::fprintf(stderr, "leopard-cli ask: the model starts afresh: %s\n", qPrintable(outlook.afreshReason));
    if (!o.continueId.isEmpty() && !outlook.inConversation && checked.isEmpty())
        return badInput(QStringLiteral("none of the pages of conversation %1 are open: give its documents as FILEs "
                                       "(with --pages to add pages)").arg(o.continueId));
    const ui::ConversationCore::Started started =
        o.continueId.isEmpty() ? core.askAbout(checked, o.question, settings)
                               : core.ask(o.question, checked, ui::ConversationCore::Mode::AddPages, settings);
    if (!started.ok())
        return badInput(started.error);
    AskRequest request = started.request;
    request.attentionMaps = o.json; // --json lists where the answer looked (AskStats::attention)
    worker.ask(request);
    if (!o.json)
        std::fputc('\n', stdout);
    if (!answered) {
        core.failAnswer(failure);
        if (writer)
            writer->waitForIdle();
        if (outOfMemory(failure)) {
            std::fprintf(stderr, "leopard-cli ask: out of memory while answering (%s); try fewer pages, a lower --dpi, "
                         "fewer --max-new-tokens or --dtype bf16\n", qPrintable(failure));
            return InternalError;
        }
        std::fprintf(stderr, "leopard-cli ask: %s\n", qPrintable(failure));
        return failure.contains(QLatin1String("could not be rendered")) ? BadInput : InternalError;
    }
    core.finishAnswer(stats);
    if (writer && !writer->waitForIdle(60000))
        std::fprintf(stderr, "leopard-cli ask: the conversation is still being saved\n");
    if (!core.lastSaveError().isEmpty())
        std::fprintf(stderr, "leopard-cli ask: %s\n", qPrintable(core.lastSaveError()));

    if (stats.replayedTurns > 0)
        timingLine("replay", stats.replaySeconds, " (" + std::to_string(stats.replayedTurns) + " saved turns)");
    timingLine("vision encode", stats.encodeSeconds, " (" + std::to_string(stats.modelImagesEncoded) + " model images)");
    timingLine("time to first token", stats.secondsToFirstToken, " (prefill " + std::to_string(stats.promptLength) + " positions)");
    std::fprintf(stderr, "leopard-cli ask: timing: %-20s %.2f tokens/s (%d tokens, decode %.3f s)\n", "decode",
                 stats.decodeTokensPerSecond, stats.tokens, stats.decodeSeconds);
    if (!core.conversation().id.isEmpty() && writer)
        std::fprintf(stderr, "leopard-cli ask: saved as conversation %s\n", qPrintable(core.conversation().id));
    if (!o.dumpLogits.isEmpty() && !writeNpy(o.dumpLogits, stats.promptLogits))
        return badInput(QStringLiteral("cannot write %1").arg(o.dumpLogits));
    if (o.json) {
        AskReportInput r{o, info, stats, core.conversation(), pages, worker.lastPromptIds(), openSeconds, loadSeconds,
                         writer != nullptr};
        nlohmann::json report = askReport(r);
        // Where the answer comes from on the turn's pages (cli_evidence.h), as `locate` finds it.
        report["evidence"] = answerEvidence(o, core.conversation(), stats.text);
        std::printf("%s\n", report.dump(1).c_str());
    }
    return Ok;
}

} // namespace leopard::cli
