#include "app/cli/ask_report.h"

#include "inference/plan_json.h"
#include "ui/conversation/session_store.h"

#include <QFile>

namespace leopard::cli {

bool writeNpy(const QString &path, const std::vector<float> &values)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + std::to_string(values.size()) + ",), }";
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    QByteArray out("\x93NUMPY\x01\x00", 8);
    out.append(char(header.size() & 0xff)).append(char(header.size() >> 8));
    out.append(header.data(), qsizetype(header.size()));
    out.append(reinterpret_cast<const char *>(values.data()), qsizetype(values.size() * sizeof(float)));
    return f.write(out) == out.size();
}

namespace {

// AskStats::attention: per model image of the model's context, its 13 x 13 grid (rows of cells),
// with the turn and page it came with (turns_back 0: this turn's inputs; n: the turn n before).
nlohmann::json attentionJson(const AttentionMaps &a, const ui::SavedConversation &conversation)
{
    nlohmann::json images = nlohmann::json::array();
    for (const ImageAttention &m : a.images) {
        const int back = a.currentTurn - m.turn;
        const int turnIndex = int(conversation.turns.size()) - 1 - back;
        nlohmann::json j = {{"turn", m.turn}, {"turns_back", back}, {"input", m.page}, {"image", m.image},
                            {"kind", m.image == 0 ? "global" : "tile"}};
        if (turnIndex >= 0 && m.page < conversation.turns[turnIndex].modelPages.size()) {
            const ui::SessionModelPage &p = conversation.turns[turnIndex].modelPages[m.page];
            j["file"] = p.page.file.toStdString();
            j["page"] = p.page.page;
            if (m.image > 0 && p.plan.gridCols > 0) {
                j["tile_row"] = (m.image - 1) / p.plan.gridCols;
                j["tile_col"] = (m.image - 1) % p.plan.gridCols;
            }
        }
        nlohmann::json rows = nlohmann::json::array();
        for (int r = 0; r < a.gridSide; ++r)
            rows.push_back(std::vector<float>(m.weights.begin() + r * a.gridSide, m.weights.begin() + (r + 1) * a.gridSide));
        j["weights"] = rows;
        images.push_back(j);
    }
    return {{"layers", {a.firstLayer, a.lastLayer}}, {"heads", a.heads}, {"steps", a.steps},
            {"grid_side", a.gridSide}, {"images", images}};
}

} // namespace

nlohmann::json askReport(const AskReportInput &in)
{
    const AskStats &s = in.stats;
    const ui::SessionTurn &turn = in.conversation.turns.last();
    nlohmann::json report;
    // The crop plan of the pages this turn gave the model, as `leopard-cli plan` prints one.
    CropPlan plan;
    plan.options.cropSide = in.model.cropSide;
    plan.options.tokensPerImage = in.model.tokensPerImage;
    for (const ui::SessionModelPage &p : turn.modelPages)
        plan.images.push_back(p.plan);
    plan.budget = plan.options.maxImages - int(plan.images.size());
    plan.overLimit = plan.budget < 0;
    const nlohmann::json planJson = nlohmann::json::parse(planToJson(plan));
    nlohmann::json inputs = nlohmann::json::array();
    int firstModelImage = 0;
    for (int i = 0; i < turn.modelPages.size(); ++i) {
        const ui::SessionModelPage &p = turn.modelPages[i];
        inputs.push_back({{"file", p.page.file.toStdString()},
                          {"page", p.page.page},
                          {"kind", in.pages.kind(p.page.file).toStdString()},
                          {"plan", planJson["images"][std::size_t(i)]},
                          {"first_model_image", firstModelImage}});
        firstModelImage += p.plan.modelImages();
    }
    report["inputs"] = inputs;
    report["plan"] = planJson;
    report["model_images_per_image"] = s.modelImagesPerPage;
    report["dpi"] = in.options.dpi;
    report["model"] = in.options.modelDir.toStdString();
    report["dtype"] = in.model.dtype.toStdString();
    report["weights"] = in.model.weights.toStdString();
    report["device"] = in.model.device.toStdString();
    report["prompt"] = s.promptText;
    report["input_ids"] = in.inputIds;
    report["turn_prompt_ids"] = s.turnPromptIds;
    report["prompt_length"] = s.promptLength;
    report["generated_ids"] = s.generatedIds;
    report["text"] = s.text.toStdString();
    report["stopped_on_eos"] = s.stoppedOnEos;
    const bool saved = in.saved && !in.conversation.id.isEmpty();
    report["conversation_id"] = saved ? nlohmann::json(in.conversation.id.toStdString()) : nlohmann::json();
    report["session_file"] = saved ? nlohmann::json(ui::SessionStore(in.options.sessionsDir.isEmpty()
                                                                         ? ui::SessionStore::deskDirectory()
                                                                         : in.options.sessionsDir)
                                                        .filePath(in.conversation.id)
                                                        .toStdString())
                                   : nlohmann::json();
    report["turn"] = in.conversation.turns.size();
    report["continued"] = s.followUp;
    report["replayed_turns"] = s.replayedTurns;
    report["fresh_reason"] = turn.freshReason.toStdString();
    report["load_s"] = in.loadSeconds;
    report["encode_s"] = s.encodeSeconds;
    report["prefill_s"] = s.prefillSeconds;
    report["decode_s"] = s.decodeSeconds;
    report["decode_tokens_per_s"] = s.decodeTokensPerSecond;
    report["timings"] = {{"open_s", in.openSeconds},       {"load_s", in.loadSeconds},
                         {"replay_s", s.replaySeconds},     {"encode_s", s.encodeSeconds},
                         {"first_token_s", s.secondsToFirstToken}, {"prefill_s", s.prefillSeconds},
                         {"decode_s", s.decodeSeconds},     {"tokens_per_s", s.decodeTokensPerSecond}};
    if (!s.attention.empty())
        report["attention"] = attentionJson(s.attention, in.conversation);
    if (!in.options.picked.empty()) { // --pages auto
        nlohmann::json picked = nlohmann::json::array();
        for (const AskOptions::Picked &p : in.options.picked) {
            nlohmann::json matched = nlohmann::json::array();
            for (const QString &m : p.matched)
                matched.push_back(m.toStdString());
            picked.push_back({{"file", p.file.toStdString()}, {"page", p.page}, {"score", p.score}, {"matched", matched}});
        }
        report["picked_pages"] = picked;
    }
    return report;
}

} // namespace leopard::cli
