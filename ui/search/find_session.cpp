#include "ui/search/find_session.h"

#include "ui/search/document_index.h"

#include <QMutex>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace leopard::ui {

// Pages folded for Find, per document hash. Only the worker thread (a pool of one) reads and fills
// it; the mutex is there for the destructor's sake and costs nothing.
struct FindSession::Cache {
    QMutex lock;
    QHash<QString, std::shared_ptr<const QVector<index::FindablePage>>> pages;
};

FindSession::FindSession(DocumentIndex *documents, QObject *parent)
    : QObject(parent), m_documents(documents), m_cache(std::make_shared<Cache>())
{
    m_pool.setMaxThreadCount(1);
    // Documents opened or closed, or one more read into the index: the same search again.
    auto again = [this] {
        if (!m_text.isEmpty())
            find(m_text);
    };
    connect(documents, &DocumentIndex::documentsChanged, this, again);
    connect(documents, &DocumentIndex::documentIndexed, this, again);
}

FindSession::~FindSession()
{
    m_pool.waitForDone();
}

void FindSession::find(const QString &text)
{
    m_text = text;
    if (m_searching) { // one search at a time; the latest text runs when it is done
        m_again = true;
        return;
    }
    run();
}

void FindSession::clear()
{
    m_text.clear();
    ++m_generation;
    m_again = false;
    deliver(m_generation, {}, false, 0);
}

void FindSession::run()
{
    const QString needle = index::findNeedle(m_text);
    const quint64 generation = ++m_generation;
    if (needle.isEmpty()) {
        deliver(generation, {}, false, 0);
        return;
    }
    m_searching = true;
    const QList<QPair<SessionDocument, viewer::DocumentPtr>> documents = m_documents->documents();
    const QString path = m_documents->indexPath();
    const std::shared_ptr<Cache> cache = m_cache;
    QPointer<FindSession> self(this);
    (void)QtConcurrent::run(&m_pool, [self, generation, needle, documents, path, cache] {
        QVector<FindHit> hits;
        bool truncated = false;
        int unread = 0;
        std::unique_ptr<index::PageIndex> db; // opened only when a document is not in the cache
        QMutexLocker locked(&cache->lock);
        QHash<QString, std::shared_ptr<const QVector<index::FindablePage>>> kept;
        for (const auto &[doc, document] : documents) {
            std::shared_ptr<const QVector<index::FindablePage>> pages = cache->pages.value(doc.sha256);
            if (!pages) {
                if (!db && !path.isEmpty())
                    db = std::make_unique<index::PageIndex>(path);
                const int count = db ? db->pageCount(doc.sha256) : -1;
                if (count < 0) {
                    ++unread;
                    continue;
                }
                auto loaded = std::make_shared<QVector<index::FindablePage>>();
                loaded->reserve(count);
                for (int i = 0; i < count; ++i)
                    loaded->push_back(index::FindablePage(db->page(doc.sha256, i)));
                pages = loaded;
            }
            kept.insert(doc.sha256, pages);
            for (const index::FindablePage &page : *pages) {
                if (truncated)
                    break;
                for (index::FindMatch &m : page.find(needle)) {
                    if (hits.size() == kMaxHits) {
                        truncated = true;
                        break;
                    }
                    hits.push_back({document, doc.path, std::move(m)});
                }
            }
        }
        cache->pages = kept; // closed documents' pages are let go
        locked.unlock();
        QMetaObject::invokeMethod(self, [self, generation, hits, truncated, unread] {
            if (self)
                self->deliver(generation, hits, truncated, unread);
        }, Qt::QueuedConnection);
    });
}

void FindSession::deliver(quint64 generation, const QVector<FindHit> &hits, bool truncated, int unread)
{
    m_searching = false;
    if (m_again) {
        m_again = false;
        run();
        return;
    }
    if (generation != m_generation)
        return;
    // The current hit stays where it was when it is still found (a document finished reading).
    const FindHit before = m_current >= 0 && m_current < m_hits.size() ? m_hits[m_current] : FindHit{};
    m_hits = hits;
    m_truncated = truncated;
    m_unread = unread;
    m_perPage.clear();
    for (const FindHit &h : m_hits)
        ++m_perPage[{h.document.get(), h.match.page}];
    int current = m_hits.isEmpty() ? -1 : 0;
    for (int i = 0; before.document && i < m_hits.size(); ++i)
        if (m_hits[i].document == before.document && m_hits[i].match.page == before.match.page
            && m_hits[i].match.firstWord == before.match.firstWord) {
            current = i;
            break;
        }
    m_current = current;
    emit finished();
    emit currentChanged(m_current);
}

void FindSession::setCurrent(int hit)
{
    if (hit < 0 || hit >= m_hits.size())
        return;
    m_current = hit;
    emit currentChanged(m_current);
}

void FindSession::next()
{
    if (!m_hits.isEmpty())
        setCurrent((m_current + 1) % int(m_hits.size()));
}

void FindSession::previous()
{
    if (!m_hits.isEmpty())
        setCurrent((m_current - 1 + int(m_hits.size())) % int(m_hits.size()));
}

QVector<int> FindSession::hitsOn(const viewer::Document *document, int page) const
{
    QVector<int> out;
    for (int i = 0; i < m_hits.size(); ++i)
        if (m_hits[i].document.get() == document && m_hits[i].match.page == page)
            out << i;
    return out;
}

} // namespace leopard::ui
