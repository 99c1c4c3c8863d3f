#pragma once
// What Find has found in the open documents, without widgets (the find bar, tests and later a CLI
// share it). Each search runs on a worker thread over the words the page index holds (so it finds
// OCR'd text too); a document's pages are loaded and folded once, then searched again as the user
// types. Hits are in document order, then page, then reading order; one is current, and Next /
// Previous wrap around. Documents not indexed yet are counted (the bar says it is still reading
// them) and searched again once DocumentIndex has read them.
#include "index/page_find.h"
#include "ui/conversation/saved_conversation.h"
#include "viewer/document.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <memory>

namespace leopard::ui {

class DocumentIndex;

struct FindHit {
    viewer::DocumentPtr document;
    QString path;
    index::FindMatch match;
};

class FindSession : public QObject
{
    Q_OBJECT
public:
    // More hits than this are not listed (a one-letter search in a 2 000-page report).
    static constexpr int kMaxHits = 5000;

    explicit FindSession(DocumentIndex *documents, QObject *parent = nullptr);
    ~FindSession() override; // waits for a search in flight

    // Starts a search for `text` (case and accents ignored); finished() when its hits are in.
    void find(const QString &text);
    void clear();
    QString text() const { return m_text; }
    bool isSearching() const { return m_searching; }

    const QVector<FindHit> &hits() const { return m_hits; }
    bool truncated() const { return m_truncated; }          // kMaxHits were listed, there are more
    int unreadDocuments() const { return m_unread; }        // open documents not in the index yet
    int current() const { return m_current; }               // -1: none
    void setCurrent(int hit);
    void next();
    void previous();
    // The hits on one page (indices into hits()), and how many hits each page has (thumbnail marks).
    QVector<int> hitsOn(const viewer::Document *document, int page) const;
    const QHash<QPair<const viewer::Document *, int>, int> &hitsPerPage() const { return m_perPage; }

signals:
    void finished();              // hits() changed
    void currentChanged(int hit); // -1 when there is none

private:
    struct Cache;
    void run();
    void deliver(quint64 generation, const QVector<FindHit> &hits, bool truncated, int unread);

    DocumentIndex *m_documents;
    QString m_text;
    quint64 m_generation = 0;
    bool m_searching = false, m_again = false;
    QVector<FindHit> m_hits;
    QHash<QPair<const viewer::Document *, int>, int> m_perPage;
    bool m_truncated = false;
    int m_unread = 0;
    int m_current = -1;
    std::shared_ptr<Cache> m_cache; // the folded pages per document hash, touched by the worker only
    QThreadPool m_pool;
};

} // namespace leopard::ui
