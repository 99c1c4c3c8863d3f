#pragma once
// The evidence of an answer as leopard-cli prints it (`locate`, and the `evidence` list of
// `ask --json`): where each span of the answer is on the pages it was asked about (index/evidence.h).
#include "app/cli/ask_options.h"
#include "index/evidence.h"
#include "ui/conversation/saved_conversation.h"

#include <nlohmann/json.hpp>

namespace leopard::cli {

// [{span, kind, start, length, file, page (1-based), boxes [[x0, y0, x1, y1], ...] normalised with the
// origin top left, text, score}], in answer order.
nlohmann::json evidenceJson(const QVector<index::Evidence> &evidence);

// ask --json: the evidence of `answer` on the pages of the conversation's last turn. Their words come
// from the page index when the question used one (--pages auto, or --index FILE) and it holds the
// document; else only those pages are read (text layer, or OCR of the page alone): a question about
// 3 pages of a long scan neither OCRs the whole document nor touches the app's index. A page that
// cannot be read is left out (said on stderr).
nlohmann::json answerEvidence(const AskOptions &options, const ui::SavedConversation &conversation, const QString &answer);

} // namespace leopard::cli
