#include "ui/evidence/turn_evidence.h"

#include "ui/search/document_index.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace leopard::ui {

namespace {
// The index's words of `pages` (those of documents it holds), read through its own connection.
QVector<index::EvidencePage> loadWords(const QString &path, const PageKeyList &pages, const QHash<QString, QString> &shaOf)
{
    QVector<index::EvidencePage> words;
    const index::PageIndex db(path);
    for (const PageKey &k : pages) {
        const QString sha = shaOf.value(k.file);
        if (!sha.isEmpty() && db.hasDocument(sha))
            words.push_back({sha, k.file, db.page(sha, k.page)});
    }
    return words;
}

QHash<QString, QString> shasOf(const DocumentIndex &documents)
{
    QHash<QString, QString> shaOf;
    for (const auto &d : documents.documents())
        shaOf.insert(d.first.path, d.first.sha256);
    return shaOf;
}
} // namespace

TurnEvidence::TurnEvidence(DocumentIndex *documents, QObject *parent)
    : QObject(parent), m_documents(documents)
{
    m_pool.setMaxThreadCount(1);
    // A document read into the index since, or the open documents known (their hashes), possibly
    // after a turn was looked at: turns that missed some of their pages' words try again.
    auto retry = [this] {
        for (auto it = m_turns.begin(); it != m_turns.end(); ++it)
            if ((it->loaded || it->loading) && it->words.size() < it->pages.size()) {
                it->loaded = false;
                load(it.key());
            }
    };
    connect(documents, &DocumentIndex::documentIndexed, this, retry);
    connect(documents, &DocumentIndex::documentsChanged, this, retry);
}

TurnEvidence::~TurnEvidence()
{
    m_pool.waitForDone();
}

void TurnEvidence::update(int turn, const QString &answer, const PageKeyList &pages, bool streaming)
{
    Turn &t = m_turns[turn];
    if (t.pages != pages) {
        t.pages = pages;
        t.loaded = false;
        t.located = false; // looked for in other pages (e.g. none, before the documents were open)
        t.words.clear();
    }
    if (t.answer == answer && t.streaming == streaming && t.located)
        return;
    t.answer = answer;
    t.streaming = streaming;
    t.located = false;
    if (t.loaded)
        locate(turn);
    else
        load(turn);
}

void TurnEvidence::clear()
{
    ++m_generation;
    const QList<int> turns = m_turns.keys();
    m_turns.clear();
    for (const int t : turns)
        emit changed(t);
}

const QVector<index::Evidence> &TurnEvidence::of(int turn) const
{
    static const QVector<index::Evidence> none;
    const auto it = m_turns.constFind(turn);
    return it == m_turns.constEnd() ? none : it->evidence;
}

void TurnEvidence::load(int turn)
{
    Turn &t = m_turns[turn];
    ++t.wanted; // what a load in flight reads may be out of date by now: it loads again when done
    if (t.loading)
        return;
    const QString path = m_documents->indexPath();
    const QHash<QString, QString> shaOf = shasOf(*m_documents);
    if (path.isEmpty()) { // no index file: nothing to look in
        t.loaded = true;
        locate(turn);
        return;
    }
    t.loading = true;
    const int wanted = t.wanted;
    const PageKeyList pages = t.pages;
    const quint64 generation = m_generation;
    QPointer<TurnEvidence> self(this);
    (void)QtConcurrent::run(&m_pool, [self, turn, wanted, pages, path, shaOf, generation] {
        const QVector<index::EvidencePage> words = loadWords(path, pages, shaOf);
        QMetaObject::invokeMethod(self, [self, turn, wanted, words, generation] {
            if (!self || generation != self->m_generation || !self->m_turns.contains(turn))
                return;
            Turn &t = self->m_turns[turn];
            t.loading = false;
            if (t.wanted != wanted) { // its pages or the open documents changed while loading
                self->load(turn);
                return;
            }
            t.loaded = true;
            t.words = words;
            self->locate(turn);
        }, Qt::QueuedConnection);
    });
}

QVector<index::Evidence> TurnEvidence::locateNow(const QString &answer, const PageKeyList &pages) const
{
    const QString path = m_documents->indexPath();
    if (path.isEmpty() || answer.isEmpty())
        return {};
    return index::locateEvidence(answer, loadWords(path, pages, shasOf(*m_documents)));
}

void TurnEvidence::locate(int turn)
{
    Turn &t = m_turns[turn];
    t.evidence = index::locateEvidence(t.answer, t.words, t.streaming);
    t.located = true;
    emit changed(turn);
}

} // namespace leopard::ui
