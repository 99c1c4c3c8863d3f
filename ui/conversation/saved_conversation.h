#pragma once
// One saved conversation about a set of documents: the data the sessions store writes as JSON.
// Plain values, Qt Core only, so the conversation core, the store, the CLI and tests share them.
// (Not leopard::Conversation in inference/torch/leopard_model.h: that one is the model's KV cache.)
//
// JSON layout (format 2), one file per conversation:
//   { "format": 2, "id": "...", "set_key": "...", "created": ISO-8601 UTC, "updated": ...,
//     "documents": [ {"path": absolute path, "sha256": hex of the file's bytes} ... ],
//     "turns": [ { "question", "answer", "state": "complete"|"interrupted",
//                  "pages": [ {"file": absolute path, "page": 1-based} ],
//                  "settings": {"model_dir", "dtype", "device", "max_new_tokens", "temperature",
//                               "top_p", "seed", "analysis_dpi"},
//                  "asked": ISO-8601 UTC, "answered": ISO-8601 UTC (last save of the answer),
//                  optional: "added_pages": [ {"file", "page"} ] (pages this turn added to the
//                  conversation; they are also in "pages"), "fresh_context": true (the model did
//                  not see the earlier turns), "fresh_reason": why, "stopped": true (the user stopped the answer),
//                  "error": message (the answer failed),
//                  format 2: "model_pages": [ {"file", "page", "plan": {"width", "height", "wanted",
//                  "allocated", "grid": [cols, rows], "canvas": [w, h], "resized": [w, h],
//                  "paste": [x, y]}} ] (the pages whose images this turn's prompt carries, in order,
//                  with the crop plan they had), "prompt_ids": [...] (the token ids this turn fed the
//                  model after the turns before it; the whole prompt when the context started here;
//                  image tokens unexpanded), "generated_ids": [...] (the ids the model generated) } ] }
// Format 1 (before exact continuation) has no model_pages / prompt_ids / generated_ids: such a
// conversation reads back and is shown, and its next question starts the model afresh.
// Fields this version does not know are kept (`extra`) and written back unchanged, so a file from
// a newer version loses nothing when this one continues it.
#include "inference/planner.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace leopard::ui {

struct SessionDocument {
    QString path;    // absolute path when the conversation was saved (shown; may have moved since)
    QString sha256;  // hex SHA-256 of the file's bytes: what identifies the document
    QJsonObject extra; // fields of a newer version, written back unchanged (not part of the identity)
    bool operator==(const SessionDocument &o) const { return path == o.path && sha256 == o.sha256; }
};

struct SessionPageRef {
    QString file;    // absolute path
    int page = 1;    // 1-based, as shown to the user
    bool operator==(const SessionPageRef &o) const { return file == o.file && page == o.page; }
};

struct SessionGenerationSettings {
    QString modelDir;
    QString dtype;           // fp32, bf16, fp16
    QString device;          // cpu, cuda, ...
    int maxNewTokens = 128;
    double temperature = 0;  // 0 = greedy
    double topP = 1;
    qint64 seed = 0;
    double analysisDpi = 144;
    QJsonObject extra;       // fields of a newer version, written back unchanged
    bool operator==(const SessionGenerationSettings &o) const;
};

// A page as the model was given it: which page, and the crop plan its images were cut by.
struct SessionModelPage {
    SessionPageRef page;
    leopard::ImagePlan plan;
    bool operator==(const SessionModelPage &o) const;
};

enum class TurnState { Complete, Interrupted };

struct SessionTurn {
    QString question;
    QString answer;                     // the text shown so far
    QList<SessionPageRef> pages;        // the pages the question was asked about (the conversation's, in order)
    QList<SessionPageRef> addedPages;   // the pages this turn added to the conversation (also in `pages`)
    bool freshContext = false;          // the model started afresh here (it did not see the earlier turns)
    QString freshReason;                // why it did (shown with the turn), when it was not the user's choice
    SessionGenerationSettings settings;
    QDateTime asked;                    // UTC
    QDateTime answered;                 // UTC; when the answer was last saved
    // Interrupted until the answer is complete: a turn read back in this state was cut short
    // (crash, kill, cancel) and shows as such.
    TurnState state = TurnState::Interrupted;
    bool stopped = false;               // the user stopped the answer (its text and ids are as far as it came)
    QString error;                      // the answer failed with this message
    // Format 2: what the model saw and said, for exact continuation (empty in format 1 files, and
    // until the answer has started).
    QList<SessionModelPage> modelPages;        // the pages whose images promptIds carries, in order
    std::vector<std::int32_t> promptIds;       // fed after the turns before it (whole prompt at a context start)
    std::vector<std::int32_t> generatedIds;
    QJsonObject extra;                         // fields this version does not know, kept as read
    bool hasModelIds() const { return !promptIds.empty(); }
    bool operator==(const SessionTurn &o) const;
};

struct SavedConversation {
    static constexpr int kCurrentFormat = 2; // what this version writes (and the newest it reads)
    QString id;                          // file name stem; set by SessionStore::create
    QString setKey;                      // SessionStore::documentSetKey(documents)
    QList<SessionDocument> documents;
    QDateTime created, updated;          // UTC
    QList<SessionTurn> turns;
    int format = 2;                      // as read (1 or 2); written as 2
    QJsonObject extra;                   // top-level fields this version does not know, kept as read
    // Read back with something worth telling the user that did not stop it from opening (unknown
    // fields kept, token ids that are not token ids dropped): one sentence each.
    QStringList warnings;

    QJsonObject toJson() const;
    // Reads formats 1 and 2. On anything missing or of the wrong type returns false and says what in
    // *error (the caller adds the file name). Token-id lists that are not lists of token ids do not
    // fail the read: they are dropped (the turn then cannot be continued exactly) with a warning.
    static bool fromJson(const QJsonObject &json, SavedConversation *out, QString *error);
    bool operator==(const SavedConversation &o) const;
};

} // namespace leopard::ui
