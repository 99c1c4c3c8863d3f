#pragma once
// The JSON record `leopard-cli ask --json` prints, and the --dump-logits .npy file.
#include "app/cli/ask_options.h"
#include "app/cli/cli_pages.h"
#include "inference/inference_worker.h"
#include "ui/conversation/saved_conversation.h"

#include <nlohmann/json.hpp>

namespace leopard::cli {

struct AskReportInput {
    const AskOptions &options;
    const ModelInfo &model;
    const AskStats &stats;
    const ui::SavedConversation &conversation; // the answered turn is its last
    const CliPages &pages;
    std::vector<std::int32_t> inputIds;        // everything the model was fed for this answer
    double openSeconds, loadSeconds;
    bool saved;
};

// { inputs: [{file, page, kind, plan, first_model_image}], plan, model_images_per_image, dpi, model,
//   dtype, device, prompt, input_ids, turn_prompt_ids, prompt_length, generated_ids, text,
//   stopped_on_eos, conversation_id, session_file, turn, continued, replayed_turns, fresh_reason,
//   load_s, encode_s, prefill_s, decode_s, decode_tokens_per_s, timings: {...},
//   picked_pages (with --pages auto): [{file, page (1-based), score (-bm25), matched}],
//   attention: {layers: [first, last], heads, steps, grid_side, images: [{turn, turns_back, input, image,
//   kind (global|tile), file, page, tile_row, tile_col (tiles), weights: grid_side rows of grid_side}]} }
nlohmann::json askReport(const AskReportInput &in);

bool writeNpy(const QString &path, const std::vector<float> &values);

} // namespace leopard::cli
