#pragma once
// The open documents in the page index (index/page_index.h), kept up to date off the GUI thread:
// each document not indexed yet (by content hash) has its pages' text read on a worker thread, one
// document at a time, cancellable, with progress ("Reading page 37 of 120 (OCR)…"); pages without a
// text layer are read by OCR in the UI language and English (a missing language pack is said, naming
// its Debian package). The GUI thread asks
// it which pages best match a question (index/page_picker.h) once every open document is indexed.
#include "index/page_picker.h"
#include "ui/conversation/page_source.h"
#include "ui/conversation/saved_conversation.h"
#include "viewer/document.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace leopard::ui {

class DocumentIndex : public QObject
{
    Q_OBJECT
public:
    explicit DocumentIndex(const QString &path = index::PageIndex::defaultPath(), QObject *parent = nullptr);
    ~DocumentIndex() override; // stops the reading and waits for it

    // The open documents with their content hashes (only those whose hash is known).
    void setDocuments(const QList<QPair<SessionDocument, viewer::DocumentPtr>> &documents);
    const QList<QPair<SessionDocument, viewer::DocumentPtr>> &documents() const { return m_documents; }
    // The index file other threads open their own connection to ("" when the index lives in memory).
    QString indexPath() const { return m_query && m_query->inMemory() ? QString() : m_path; }
    bool isReady() const { return m_pending.isEmpty() && !m_running; } // every document set is indexed
    QString progressText() const { return m_progress; }
    QString lastMessage() const { return m_message; }

    struct Pick {
        PageKeyList pages;           // document order
        index::PagePick pick;        // scores, matched words, the query's terms
    };
    Pick pick(const QString &question, int count = index::kDefaultPagesPerQuestion) const;

signals:
    void progress(const QString &text); // "" when done
    void ready();
    void documentsChanged(); // setDocuments() was called
    void documentIndexed();  // one more document is in the index
    void message(const QString &text);  // an index file set aside, indexing failed (names the file)

private:
    void startNext();
    void finishedOne(const QString &error); // the worker's document is done (error: what to say)

    QString m_path;
    std::unique_ptr<index::PageIndex> m_query; // the GUI thread's connection
    QList<QPair<SessionDocument, viewer::DocumentPtr>> m_documents, m_pending;
    bool m_running = false;
    QString m_runningSha;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QThreadPool m_pool;
    QString m_progress, m_message;
};

} // namespace leopard::ui
