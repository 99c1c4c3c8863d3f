#pragma once
// Every saved conversation, grouped by the document set it is about, for the History dock (and
// anything else that lists them): groups newest first (by their newest conversation), conversations
// newest first within a group, damaged files in a group of their own at the end. A filter keeps the
// conversations whose questions, answers or document names contain every word of it (case- and
// accent-insensitive, folded as the page index folds: index/text_fold.h), so "revenue 2023" finds the
// one that talked about both.
#include "ui/conversation/session_store.h"

#include <QList>
#include <QString>

namespace leopard::ui {

struct HistoryGroup {
    QString setKey;                       // empty for the damaged files' group
    QList<SessionDocument> documents;     // of its newest conversation
    QList<SessionSummary> conversations;  // newest first
    bool damaged = false;                 // the group of files that cannot be read
};

// `filter`: words separated by spaces; empty keeps everything (damaged files are kept only then).
QList<HistoryGroup> groupHistory(const QList<SessionSummary> &all, const QString &filter = QString());

} // namespace leopard::ui
