#pragma once
// Where each answer of the conversation on screen comes from (index/evidence.h), without widgets:
// the words of the pages a turn used are loaded from the page index on a worker thread, once per
// turn, and its answer's spans are looked for in them — while it streams (its complete numbers) and
// when it is done (numbers, quotes, phrases). The Ask dock turns the found spans into links; the
// window boxes them on the page and tags their pages in the strip (evidence_view.h).
#include "index/evidence.h"
#include "ui/conversation/page_source.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <memory>

namespace leopard::ui {

class DocumentIndex;

class TurnEvidence : public QObject
{
    Q_OBJECT
public:
    explicit TurnEvidence(DocumentIndex *documents, QObject *parent = nullptr);
    ~TurnEvidence() override; // waits for a load in flight

    // The evidence of `answer` in `pages` (the turn's pages as open now: file + 0-based page).
    // `streaming`: only complete numbers. Computed once the pages' words are loaded (at once when
    // they are); changed(turn) then.
    void update(int turn, const QString &answer, const PageKeyList &pages, bool streaming);
    void clear(); // another conversation: everything forgotten

    const QVector<index::Evidence> &of(int turn) const;
    // The same search done now, on the calling thread (exports: they must not depend on whether a
    // load in the background has finished). Reads the pages' words from the index file.
    QVector<index::Evidence> locateNow(const QString &answer, const PageKeyList &pages) const;
    bool isKnown(int turn) const { return m_turns.contains(turn) && m_turns[turn].located; }

signals:
    void changed(int turn);

private:
    struct Turn {
        QString answer;
        bool streaming = false;
        bool located = false;
        PageKeyList pages;
        QVector<index::EvidencePage> words; // loaded for `pages`
        bool loaded = false, loading = false;
        int wanted = 0; // loads asked for; a load in flight that is not the latest is done again
        QVector<index::Evidence> evidence;
    };
    void load(int turn);
    void locate(int turn);

    DocumentIndex *m_documents;
    QHash<int, Turn> m_turns;
    quint64 m_generation = 0; // bumped by clear(): loads for an older conversation are dropped
    QThreadPool m_pool;
};

} // namespace leopard::ui
