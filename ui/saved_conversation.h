#pragma once
// One saved conversation about a set of documents: the data the sessions store writes as JSON.
// Plain values, Qt Core only, so the chat panel, the store and tests share them without widgets.
// (Not leopard::Conversation in inference/torch/leopard_model.h: that one is the model's KV cache.)
//
// JSON layout (format 1), one file per conversation:
//   { "format": 1, "id": "...", "set_key": "...", "created": ISO-8601 UTC, "updated": ...,
//     "documents": [ {"path": absolute path, "sha256": hex of the file's bytes} ... ],
//     "turns": [ { "question", "answer", "state": "complete"|"interrupted",
//                  "pages": [ {"file": absolute path, "page": 1-based} ],
//                  "settings": {"model_dir", "dtype", "device", "max_new_tokens", "temperature",
//                               "top_p", "seed", "analysis_dpi"},
//                  "asked": ISO-8601 UTC, "answered": ISO-8601 UTC (last save of the answer),
//                  optional: "added_pages": [ {"file", "page"} ] (pages this turn added to the
//                  conversation; they are also in "pages"), "fresh_context": true (the model did
//                  not see the earlier turns: asked in a restored conversation) } ] }
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace leopard::ui {

struct SessionDocument {
    QString path;    // absolute path when the conversation was saved (shown; may have moved since)
    QString sha256;  // hex SHA-256 of the file's bytes: what identifies the document
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
    bool operator==(const SessionGenerationSettings &o) const;
};

enum class TurnState { Complete, Interrupted };

struct SessionTurn {
    QString question;
    QString answer;                     // the text shown so far
    QList<SessionPageRef> pages;        // the pages the question was asked about (the conversation's, in order)
    QList<SessionPageRef> addedPages;   // the pages this turn added to the conversation (also in `pages`)
    bool freshContext = false;          // the model started afresh here (it did not see the earlier turns)
    SessionGenerationSettings settings;
    QDateTime asked;                    // UTC
    QDateTime answered;                 // UTC; when the answer was last saved
    // Interrupted until the answer is complete: a turn read back in this state was cut short
    // (crash, kill, cancel) and shows as such.
    TurnState state = TurnState::Interrupted;
    bool operator==(const SessionTurn &o) const;
};

struct SavedConversation {
    QString id;                          // file name stem; set by SessionStore::create
    QString setKey;                      // SessionStore::documentSetKey(documents)
    QList<SessionDocument> documents;
    QDateTime created, updated;          // UTC
    QList<SessionTurn> turns;

    QJsonObject toJson() const;
    // Reads format 1. On anything missing or of the wrong type returns false and says what in
    // *error (the caller adds the file name).
    static bool fromJson(const QJsonObject &json, SavedConversation *out, QString *error);
    bool operator==(const SavedConversation &o) const;
};

} // namespace leopard::ui
