// index::PageIndex on a fixed corpus of pages whose words are plain ASCII (so the unicode61 token
// counts are known): its bm25 scores and ranking against the FTS5 BM25 formula computed here by hand
// (k1 = 1.2, b = 0.75, idf = ln((N - n + 0.5) / (n + 0.5)), 1e-6 when not positive, summed over the
// query's terms; N, n and the average length over every page of the index); stop words dropped and
// numbers kept; accents and case ignored; CJK through the trigram table; boxes of the matched words;
// a damaged, an older-schema and a busy database file; a document replaced in one transaction.
#include "index/page_index.h"
#include "index/search_query.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <cmath>
#include <map>

using namespace leopard::index;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

IndexedPage pageOf(int number, const QString &text)
{
    IndexedPage p;
    p.page = number;
    p.source = S("text");
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int i = 0; i < words.size(); ++i) // word i at x = i/100 on one line
        p.words.push_back({words[i], QRectF(i / 100.0, 0.1, 0.009, 0.02)});
    return p;
}

// The corpus: two documents. Lower-case ASCII words only, so a word is a token.
const char *kDocA[] = {
    "operating margin rose to twelve percent in 2023 while revenue grew",
    "the fleet added four vessels and operating costs fell",
    "dwell time at the terminals rose above four days",
    "margin margin margin",
};
const char *kDocB[] = {
    "revenue by region for 2023 and 2022",
    "a long page about nothing in particular that talks and talks and talks about weather and tides and ships",
};

double byHand(const QList<QStringList> &docs, const QStringList &terms, int d)
{
    const double k1 = 1.2, b = 0.75;
    double total = 0;
    for (const QStringList &t : docs)
        total += t.size();
    const double n = docs.size(), avgdl = total / n;
    double score = 0;
    for (const QString &term : terms) {
        int hits = 0;
        for (const QStringList &t : docs)
            hits += t.contains(term) ? 1 : 0;
        double idf = std::log((n - hits + 0.5) / (hits + 0.5));
        if (idf <= 0)
            idf = 1e-6;
        const double f = docs[d].count(term);
        score += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * docs[d].size() / avgdl));
    }
    return -score;
}

} // namespace

class TestPageIndex : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void queryWords()
    {
        const SearchQuery q = parseQuery(S("What was the operating margin in 2023, and the Operating costs?"));
        QCOMPARE(q.terms, (QStringList{S("operating"), S("margin"), S("2023"), S("costs")}));
        QCOMPARE(q.ftsMatch, S("\"operating\" OR \"margin\" OR \"2023\" OR \"costs\""));
        QCOMPARE(parseQuery(S("Wie hoch war der Umsatz in Zürich?"), {S("de")}).terms, (QStringList{S("hoch"), S("umsatz"), S("zurich")}));
        QCOMPARE(parseQuery(S("Quelle est la marge d'exploitation ?"), {S("fr")}).terms, (QStringList{S("marge"), S("exploitation")}));
        QVERIFY(parseQuery(S("what is the")).isEmpty());
        const SearchQuery cjk = parseQuery(S("营业利润率是多少"));
        QVERIFY(cjk.terms.isEmpty());
        QCOMPARE(cjk.cjkRuns, QStringList{S("营业利润率是多少")});
    }

    void bm25EqualsTheFormula()
    {
        PageIndex idx(m_dir.filePath(S("bm25.sqlite")));
        QVERIFY2(idx.openMessage().isEmpty(), qPrintable(idx.openMessage()));
        QVector<IndexedPage> a, b;
        QList<QStringList> all; // every page of the index, for N and avgdl
        QList<QPair<QString, int>> where;
        for (int i = 0; i < 4; ++i)
            a << pageOf(i, S(kDocA[i])), all << S(kDocA[i]).split(QLatin1Char(' ')), where << qMakePair(S("A"), i);
        for (int i = 0; i < 2; ++i)
            b << pageOf(i, S(kDocB[i])), all << S(kDocB[i]).split(QLatin1Char(' ')), where << qMakePair(S("B"), i);
        QString error;
        QVERIFY2(idx.addDocument(S("A"), S("/docs/a.pdf"), a, &error), qPrintable(error));
        QVERIFY2(idx.addDocument(S("B"), S("/docs/b.pdf"), b, &error), qPrintable(error));
        QCOMPARE(idx.pageCount(S("A")), 4);

        for (const char *question : {"What was the operating margin in 2023?", "revenue 2023", "How long was the dwell time?",
                                     "Which vessels did the fleet add?", "talks about tides"}) {
            const SearchQuery q = parseQuery(S(question));
            const QVector<SearchHit> hits = idx.search({S("A"), S("B")}, S(question), 10, {S("en")}, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            // Expected: every page with at least one term, by the formula, best (lowest) first.
            std::multimap<double, int> expected;
            for (int d = 0; d < all.size(); ++d) {
                bool any = false;
                for (const QString &t : q.terms)
                    any = any || all[d].contains(t);
                if (any)
                    expected.emplace(byHand(all, q.terms, d), d);
            }
            QCOMPARE(hits.size(), int(expected.size()));
            int i = 0;
            for (const auto &[score, d] : expected) {
                const SearchHit &h = hits[i++];
                QVERIFY2(std::abs(h.bm25 - score) < 1e-9 * std::max(1.0, std::abs(score)),
                         qPrintable(QStringLiteral("%1: page %2 of %3: %4 vs %5 by hand").arg(S(question)).arg(h.page)
                                        .arg(h.sha).arg(h.bm25, 0, 'g', 15).arg(score, 0, 'g', 15)));
                QCOMPARE(qMakePair(h.sha, h.page), where[d]);
            }
        }
        // Only the documents asked about.
        const QVector<SearchHit> onlyB = idx.search({S("B")}, S("revenue 2023"), 10);
        QCOMPARE(onlyB.size(), 1);
        QCOMPARE(onlyB[0].sha, S("B"));
        // Matched words and their boxes (word i of the page is at x = i/100).
        const QVector<SearchHit> m = idx.search({S("A")}, S("operating margin"), 1);
        QCOMPARE(m.size(), 1);
        QCOMPARE(m[0].page, 0);
        QCOMPARE(m[0].matched, (QStringList{S("operating"), S("margin")}));
        QCOMPARE(m[0].boxes.size(), 2);
        QCOMPARE(m[0].boxes[0].left(), 0.0);
        QCOMPARE(m[0].boxes[1].left(), 0.01);
        QVERIFY2(m[0].snippet.contains(S("[operating] [margin]")), qPrintable(m[0].snippet));
        QVERIFY(idx.search({S("A")}, S("nothing matches zebra"), 5).isEmpty());
    }

    void accentsCaseAndCjk()
    {
        PageIndex idx(m_dir.filePath(S("fold.sqlite")));
        QString error;
        const QVector<IndexedPage> pages{pageOf(0, S("Exportations vers ZÜRICH et Genève, marge opérationnelle")),
                                         pageOf(1, S("2023年 营业利润率 为 12% 。")), pageOf(2, S("nothing here"))};
        QVERIFY2(idx.addDocument(S("C"), S("/docs/c.pdf"), pages, &error), qPrintable(error));
        QVector<SearchHit> h = idx.search({S("C")}, S("zurich geneve"), 5, {S("fr")});
        QCOMPARE(h.size(), 1);
        QCOMPARE(h[0].page, 0);
        QCOMPARE(h[0].boxes.size(), 2); // ZÜRICH and Genève,
        h = idx.search({S("C")}, S("MARGE OPERATIONNELLE"), 5, {S("fr")});
        QCOMPARE(h.size(), 1);
        h = idx.search({S("C")}, S("营业利润率"), 5, {S("zh")});
        QCOMPARE(h.size(), 1);
        QCOMPARE(h[0].page, 1);
        QCOMPARE(h[0].boxes.size(), 1);
        QCOMPARE(h[0].matched, QStringList{S("营业利润率")});
    }

    void reopeningKeepsAndReplaces()
    {
        const QString path = m_dir.filePath(S("keep.sqlite"));
        {
            PageIndex idx(path);
            QVERIFY(idx.addDocument(S("D"), S("/docs/d.pdf"), {pageOf(0, S("alpha beta")), pageOf(1, S("gamma"))}));
        }
        PageIndex again(path);
        QVERIFY(again.openMessage().isEmpty());
        QCOMPARE(again.pageCount(S("D")), 2);
        QCOMPARE(again.page(S("D"), 1).words.size(), 1);
        QVERIFY(again.addDocument(S("D"), S("/docs/d.pdf"), {pageOf(0, S("delta"))}));
        QCOMPARE(again.pageCount(S("D")), 1);
        QVERIFY(again.search({S("D")}, S("alpha"), 5).isEmpty());
        QCOMPARE(again.search({S("D")}, S("delta"), 5).size(), 1);
    }

    void damagedFileIsMovedAsideAndRebuilt()
    {
        const QString path = m_dir.filePath(S("damaged.sqlite"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
        }
        PageIndex idx(path);
        QVERIFY(!idx.inMemory());
        QVERIFY2(idx.openMessage().contains(path) && idx.openMessage().contains(S("moved aside")), qPrintable(idx.openMessage()));
        QVERIFY(idx.addDocument(S("E"), S("/docs/e.pdf"), {pageOf(0, S("works again"))}));
        QCOMPARE(idx.search({S("E")}, S("works"), 5).size(), 1);
        const QStringList aside = QDir(m_dir.path()).entryList({S("damaged.sqlite.damaged-*")});
        QCOMPARE(aside.size(), 1);
        QFile kept(m_dir.filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray(8192, 'x')); // the damaged file is kept as it was
    }

    void olderSchemaIsRebuilt()
    {
        const QString path = m_dir.filePath(S("old.sqlite"));
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES('schema_version', '0');",
                              nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        PageIndex idx(path);
        QVERIFY2(idx.openMessage().contains(S("schema version is 0")), qPrintable(idx.openMessage()));
        QVERIFY(idx.addDocument(S("F"), S("/docs/f.pdf"), {pageOf(0, S("fresh"))}));
    }

    // Another program holds a write lock past the busy timeout: its file is left alone, the index
    // works in memory for this run.
    void busyFileIsLeftAlone()
    {
        const QString path = m_dir.filePath(S("busy.sqlite"));
        {
            PageIndex first(path);
            QVERIFY(first.addDocument(S("G"), S("/docs/g.pdf"), {pageOf(0, S("kept"))}));
        }
        sqlite3 *other = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
        {
            PageIndex idx(path);
            QVERIFY(idx.inMemory());
            QVERIFY2(idx.openMessage().contains(S("busy")), qPrintable(idx.openMessage()));
            QVERIFY(idx.addDocument(S("H"), S("/docs/h.pdf"), {pageOf(0, S("memory"))}));
            QCOMPARE(idx.search({S("H")}, S("memory"), 5).size(), 1);
        }
        sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(other);
        PageIndex after(path);
        QVERIFY(after.openMessage().isEmpty());
        QCOMPARE(after.pageCount(S("G")), 1);
        QCOMPARE(after.pageCount(S("H")), -1);
        QVERIFY(QDir(m_dir.path()).entryList({S("busy.sqlite.damaged-*")}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPageIndex)
#include "test_page_index.moc"
