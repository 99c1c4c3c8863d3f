// index::PageIndex on a fixed corpus of pages whose words are plain ASCII (so the unicode61 token
// counts are known): its bm25 scores and ranking against the FTS5 BM25 formula computed here by hand
// (sqlite's ext/fts5/fts5_aux.c: k1 = 1.2, b = 0.75, idf = ln((N - n + 0.5) / (n + 0.5)), 1e-6 when
// not positive, summed over the query's terms, negated; N, n and the average length over the pages of
// the documents searched only), for Latin words and CJK runs (trigram table: a page of L characters
// is L - 2 trigrams); the same scores and order whatever else the index holds (while FTS5's own bm25()
// changes); the stored page lengths against FTS5's own token instances (fts5vocab); stop words and
// one-letter words dropped, numbers kept; accents and case ignored; boxes of the matched words; a
// damaged, an older-schema and a busy database file; a document replaced in one transaction.
#include "index/page_index.h"
#include "index/search_query.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

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

// One page of the searched documents as the formula sees it: its length D and each query term's
// (or CJK run's) frequency f on it.
struct Counts {
    double length = 0;
    QVector<double> freq;
};

// Latin pages: a word is a token (lower-case ASCII, single spaces).
QVector<Counts> wordCounts(const QStringList &texts, const QStringList &terms)
{
    QVector<Counts> out;
    for (const QString &text : texts) {
        const QStringList tokens = text.split(QLatin1Char(' '));
        Counts c{double(tokens.size()), {}};
        for (const QString &t : terms)
            c.freq << double(tokens.count(t));
        out << c;
    }
    return out;
}

// CJK pages in the trigram table: every three consecutive characters (spaces too) are a token, and a
// run is found wherever it occurs, overlaps included. Only pages with CJK text are in that table.
QVector<Counts> trigramCounts(const QStringList &texts, const QStringList &runs)
{
    QVector<Counts> out;
    for (const QString &text : texts) {
        Counts c{double(std::max<qsizetype>(0, text.size() - 2)), {}};
        for (const QString &r : runs) {
            int f = 0;
            for (qsizetype at = text.indexOf(r); at >= 0; at = text.indexOf(r, at + 1))
                ++f;
            c.freq << double(f);
        }
        out << c;
    }
    return out;
}

// FTS5's bm25() of page d, with N, avgdl and n over `pages` (and nothing else).
double byHand(const QVector<Counts> &pages, int d)
{
    const double k1 = 1.2, b = 0.75;
    double total = 0;
    for (const Counts &c : pages)
        total += c.length;
    const double n = pages.size(), avgdl = total / n;
    double score = 0;
    for (int i = 0; i < pages[d].freq.size(); ++i) {
        int hits = 0;
        for (const Counts &c : pages)
            hits += c.freq[i] > 0 ? 1 : 0;
        double idf = std::log((n - hits + 0.5) / (hits + 0.5));
        if (idf <= 0)
            idf = 1e-6;
        const double f = pages[d].freq[i];
        score += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * pages[d].length / avgdl));
    }
    return -score;
}

struct Expected {
    QString sha;
    int page;
    double bm25;
};

// The pages with at least one term, by the formula, best (lowest) first, ties in the order given.
QVector<Expected> expectedHits(const QVector<Counts> &counts, const QList<QPair<QString, int>> &where)
{
    QVector<Expected> out;
    for (int d = 0; d < counts.size(); ++d)
        if (std::any_of(counts[d].freq.begin(), counts[d].freq.end(), [](double f) { return f > 0; }))
            out.push_back({where[d].first, where[d].second, byHand(counts, d)});
    std::stable_sort(out.begin(), out.end(), [](const Expected &a, const Expected &b) { return a.bm25 < b.bm25; });
    return out;
}

void compareHits(const QString &what, const QVector<SearchHit> &hits, const QVector<Expected> &expected)
{
    QVERIFY2(hits.size() == expected.size(), qPrintable(QStringLiteral("%1: %2 hits, %3 by hand").arg(what).arg(hits.size()).arg(expected.size())));
    for (int i = 0; i < hits.size(); ++i) {
        const SearchHit &h = hits[i];
        const Expected &e = expected[i];
        QVERIFY2(h.sha == e.sha && h.page == e.page && std::abs(h.bm25 - e.bm25) < 1e-9 * std::max(1.0, std::abs(e.bm25)),
                 qPrintable(QStringLiteral("%1: hit %2 is page %3 of %4 (%5), by hand page %6 of %7 (%8)").arg(what).arg(i)
                                .arg(h.page).arg(h.sha).arg(h.bm25, 0, 'g', 15).arg(e.page).arg(e.sha).arg(e.bm25, 0, 'g', 15)));
    }
}

// An unrelated document: many short pages sharing the questions' words, which changes every
// statistic of the whole index (N, avgdl, n).
QVector<IndexedPage> crowd(int pages)
{
    const char *lines[] = {"operating margin 2023 revenue", "vessels fleet margin operating", "营业利润率 增长 revenue",
                           "dwell time terminals days"};
    QVector<IndexedPage> out;
    for (int i = 0; i < pages; ++i)
        out << pageOf(i, S(lines[i % 4]));
    return out;
}

// FTS5's own bm25() of the pages of `sha` for `match`, as the sqlite3 library computes it over the
// whole table (what search() no longer uses).
QVector<double> fts5Bm25(const QString &path, const char *match, const char *sha)
{
    sqlite3 *db = nullptr;
    sqlite3_stmt *s = nullptr;
    QVector<double> out;
    sqlite3_open(QFile::encodeName(path).constData(), &db);
    if (sqlite3_prepare_v2(db, "SELECT bm25(page_text) FROM page_text JOIN pages p ON p.id = page_text.rowid WHERE "
                               "page_text MATCH ?1 AND p.sha = ?2 ORDER BY p.page", -1, &s, nullptr) == SQLITE_OK) {
        sqlite3_bind_text(s, 1, match, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, sha, -1, SQLITE_STATIC);
        while (sqlite3_step(s) == SQLITE_ROW)
            out << sqlite3_column_double(s, 0);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
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
        // One-letter words go (a possessive's "s", a clitic, an initial), digits stay; question framing
        // words go ("how long", "how many", "since", "now", "last"), content words stay ("began", "end").
        QCOMPARE(parseQuery(S("How long does a truck now spend at Antwerp's gates since slot booking began?")).terms,
                 (QStringList{S("truck"), S("spend"), S("antwerp"), S("gates"), S("slot"), S("booking"), S("began")}));
        QCOMPARE(parseQuery(S("How many quay cranes did Rotterdam have in service by the end of 2025?")).terms,
                 (QStringList{S("quay"), S("cranes"), S("rotterdam"), S("service"), S("end"), S("2025")}));
        QCOMPARE(parseQuery(S("How much CO2 was saved last year, and what's plan B for 5 berths?")).terms,
                 (QStringList{S("co2"), S("saved"), S("year"), S("plan"), S("5"), S("berths")}));
        QCOMPARE(parseQuery(S("Wie viele Kräne hat Rotterdam seit 2020, und wie lange dauert es jetzt?"), {S("de")}).terms,
                 (QStringList{S("krane"), S("rotterdam"), S("2020"), S("dauert")}));
        QCOMPARE(parseQuery(S("Combien de grues depuis l'an dernier, et qu'en dit le rapport ?"), {S("fr")}).terms,
                 (QStringList{S("grues"), S("an"), S("dit")}));
    }

    void bm25EqualsTheFormula()
    {
        PageIndex idx(m_dir.filePath(S("bm25.sqlite")));
        QVERIFY2(idx.openMessage().isEmpty(), qPrintable(idx.openMessage()));
        QVector<IndexedPage> a, b;
        for (int i = 0; i < 4; ++i)
            a << pageOf(i, S(kDocA[i]));
        for (int i = 0; i < 2; ++i)
            b << pageOf(i, S(kDocB[i]));
        QString error;
        QVERIFY2(idx.addDocument(S("A"), S("/docs/a.pdf"), a, &error), qPrintable(error));
        QVERIFY2(idx.addDocument(S("B"), S("/docs/b.pdf"), b, &error), qPrintable(error));
        QCOMPARE(idx.pageCount(S("A")), 4);

        // Each set of documents searched is its own collection: N, avgdl and n are those of its pages.
        for (const QStringList &searched : {QStringList{S("A"), S("B")}, QStringList{S("B"), S("A")}, QStringList{S("A")},
                                            QStringList{S("B")}}) {
            QStringList texts;
            QList<QPair<QString, int>> where; // in the order of `searched`: ties go that way
            for (const QString &sha : searched) {
                const int pages = sha == S("A") ? 4 : 2;
                for (int i = 0; i < pages; ++i)
                    texts << S(sha == S("A") ? kDocA[i] : kDocB[i]), where << qMakePair(sha, i);
            }
            for (const char *question : {"What was the operating margin in 2023?", "revenue 2023", "How long was the dwell time?",
                                         "Which vessels did the fleet add?", "talks about tides", "operating margin"}) {
                const SearchQuery q = parseQuery(S(question));
                const QVector<SearchHit> hits = idx.search(searched, S(question), 10, {S("en")}, &error);
                QVERIFY2(error.isEmpty(), qPrintable(error));
                compareHits(searched.join(QLatin1Char(',')) + S(": ") + S(question), hits,
                            expectedHits(wordCounts(texts, q.terms), where));
                if (QTest::currentTestFailed())
                    return;
            }
        }
        // Only the documents asked about.
        const QVector<SearchHit> onlyB = idx.search({S("B")}, S("revenue 2023"), 10);
        QCOMPARE(onlyB.size(), 1);
        QCOMPARE(onlyB[0].sha, S("B"));
        // The limit keeps the best ones.
        const QVector<SearchHit> two = idx.search({S("A"), S("B")}, S("operating margin revenue 2023"), 2);
        QCOMPARE(two.size(), 2);
        QCOMPARE(two[0].page, idx.search({S("A"), S("B")}, S("operating margin revenue 2023"), 10)[0].page);
        // Matched words and their boxes (word i of the page is at x = i/100).
        const QVector<SearchHit> m = idx.search({S("A"), S("B")}, S("operating margin"), 1);
        QCOMPARE(m.size(), 1);
        QCOMPARE(qMakePair(m[0].sha, m[0].page), qMakePair(S("A"), 0));
        QCOMPARE(m[0].matched, (QStringList{S("operating"), S("margin")}));
        QCOMPARE(m[0].boxes.size(), 2);
        QCOMPARE(m[0].boxes[0].left(), 0.0);
        QCOMPARE(m[0].boxes[1].left(), 0.01);
        QVERIFY2(m[0].snippet.contains(S("[operating] [margin]")), qPrintable(m[0].snippet));
        QVERIFY(idx.search({S("A")}, S("nothing matches zebra"), 5).isEmpty());
    }

    // The trigram table by the same formula: N and avgdl over the searched pages that have CJK text.
    void cjkBm25EqualsTheFormula()
    {
        PageIndex idx(m_dir.filePath(S("bm25cjk.sqlite")));
        const QStringList texts{S("营业利润率 为 12% 营业利润率"), S("收入 增长 营业利润率"), S("港口 吞吐量 创 纪录"),
                                S("没有 相关 内容 只是 一些 比较 长的 文字")};
        QVector<IndexedPage> pages;
        QList<QPair<QString, int>> where;
        for (int i = 0; i < texts.size(); ++i)
            pages << pageOf(i, texts[i]), where << qMakePair(S("K"), i);
        pages << pageOf(int(texts.size()), S("latin words only")); // not in the trigram table: not counted
        QString error;
        QVERIFY2(idx.addDocument(S("K"), S("/docs/k.pdf"), pages, &error), qPrintable(error));
        for (const char *question : {"营业利润率", "吞吐量创纪录", "营业利润率 收入增长"}) {
            const SearchQuery q = parseQuery(S(question), {S("zh")});
            compareHits(S(question), idx.search({S("K")}, S(question), 10, {S("zh")}, &error),
                        expectedHits(trigramCounts(texts, q.cjkRuns), where));
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }

    // The test engineer's case: an index shared with a 500-page document of short pages that use the
    // question's words changes FTS5's statistics, and with them bm25(); a search of another document
    // must give the same pages in the same order with the same scores (and snippets) as before.
    void otherDocumentsChangeNothing()
    {
        const QString path = m_dir.filePath(S("shared.sqlite"));
        PageIndex idx(path);
        QVector<IndexedPage> a, k;
        for (int i = 0; i < 4; ++i)
            a << pageOf(i, S(kDocA[i]));
        k << pageOf(0, S("营业利润率 为 12% 营业利润率")) << pageOf(1, S("收入 增长 营业利润率")) << pageOf(2, S("港口 吞吐量"));
        QString error;
        QVERIFY2(idx.addDocument(S("A"), S("/docs/a.pdf"), a, &error), qPrintable(error));
        QVERIFY2(idx.addDocument(S("K"), S("/docs/k.pdf"), k, &error), qPrintable(error));
        const QList<QPair<QStringList, QString>> searches{
            {{S("A")}, S("What was the operating margin in 2023?")}, {{S("A")}, S("How long was the dwell time at the terminals?")},
            {{S("A")}, S("Which vessels did the fleet add?")}, {{S("K")}, S("营业利润率")}, {{S("A"), S("K")}, S("revenue 营业利润率 margin")}};
        auto all = [&] {
            QVector<QVector<SearchHit>> out;
            for (const auto &[shas, question] : searches)
                out << idx.search(shas, question, 10, {S("en")}, &error);
            return out;
        };
        const QVector<QVector<SearchHit>> before = all();
        const QVector<double> fts5Before = fts5Bm25(path, "operating OR margin OR 2023", "A");
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(idx.addDocument(S("Z"), S("/docs/z.pdf"), crowd(500), &error), qPrintable(error));
        QVERIFY2(fts5Bm25(path, "operating OR margin OR 2023", "A") != fts5Before, "FTS5's bm25() should see the new document");
        const QVector<QVector<SearchHit>> after = all();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (int s = 0; s < searches.size(); ++s) {
            QVERIFY2(!before[s].isEmpty(), qPrintable(searches[s].second));
            QCOMPARE(after[s].size(), before[s].size());
            for (int i = 0; i < before[s].size(); ++i) {
                const SearchHit &x = before[s][i], &y = after[s][i];
                QVERIFY2(x.sha == y.sha && x.page == y.page && x.bm25 == y.bm25 && x.snippet == y.snippet && x.matched == y.matched,
                         qPrintable(QStringLiteral("%1, hit %2: page %3 of %4 (%5) before, page %6 of %7 (%8) after").arg(searches[s].second)
                                        .arg(i).arg(x.page).arg(x.sha).arg(x.bm25, 0, 'g', 17).arg(y.page).arg(y.sha).arg(y.bm25, 0, 'g', 17)));
            }
        }
        // Searched together with the crowd, the crowd's pages count (the collection is what is searched).
        QVERIFY(idx.search({S("A"), S("Z")}, S("operating margin 2023"), 10)[0].bm25 != before[0][0].bm25);
    }

    // pages.tokens / cjk_tokens and the documents' sums are FTS5's own lengths: the token instances
    // fts5vocab lists for each row (accents, apostrophes, hyphens, ligatures, CJK and numbers included).
    void storedLengthsAreFts5s()
    {
        const QString path = m_dir.filePath(S("lengths.sqlite"));
        {
            PageIndex idx(path);
            const QVector<IndexedPage> pages{pageOf(0, S("Zürich's 2023-report: l'été — 12,5 % x_y ﬁne Œuvre")),
                                             pageOf(1, S("2023年 营业利润率 为 12% 。 Straße")), pageOf(2, S("")),
                                             pageOf(3, S("ΑΒΓ кириллица ١٢٣ 😀 e\u0301 naïve"))};
            QString error;
            QVERIFY2(idx.addDocument(S("L"), S("/docs/l.pdf"), pages, &error), qPrintable(error));
        }
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.text_terms USING fts5vocab(main, page_text, 'instance');"
                                  "CREATE VIRTUAL TABLE temp.cjk_terms USING fts5vocab(main, page_cjk, 'instance');",
                              nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_stmt *s = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT p.page, p.tokens, (SELECT count(*) FROM temp.text_terms WHERE doc = p.id), "
                                        "p.cjk_tokens, (SELECT count(*) FROM temp.cjk_terms WHERE doc = p.id) "
                                        "FROM pages p WHERE p.sha = 'L' ORDER BY p.page", -1, &s, nullptr), SQLITE_OK);
        qint64 sums[3] = {0, 0, 0};
        int rows = 0;
        while (sqlite3_step(s) == SQLITE_ROW) {
            ++rows;
            const int page = sqlite3_column_int(s, 0);
            QCOMPARE(sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2));
            QCOMPARE(sqlite3_column_type(s, 3) == SQLITE_NULL, page != 1); // only page 2 has CJK text
            QCOMPARE(sqlite3_column_int64(s, 3), sqlite3_column_int64(s, 4));
            sums[0] += sqlite3_column_int64(s, 1);
            sums[1] += sqlite3_column_type(s, 3) == SQLITE_NULL ? 0 : 1;
            sums[2] += sqlite3_column_int64(s, 3);
        }
        sqlite3_finalize(s);
        QCOMPARE(rows, 4);
        QVERIFY(sums[0] > 20 && sums[2] > 10);
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT tokens, cjk_pages, cjk_tokens FROM documents WHERE sha = 'L'", -1, &s, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(s), SQLITE_ROW);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(sqlite3_column_int64(s, i), sums[i]);
        sqlite3_finalize(s);
        sqlite3_close(db);
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
        // Version 1 (no token counts: its BM25 statistics were the whole file's) is rebuilt too.
        const QString v1 = m_dir.filePath(S("v1.sqlite"));
        QCOMPARE(sqlite3_open(QFile::encodeName(v1).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES('schema_version', '1');",
                              nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        PageIndex rebuilt(v1);
        QVERIFY2(rebuilt.openMessage().contains(S("schema version is 1")), qPrintable(rebuilt.openMessage()));
        QVERIFY(rebuilt.addDocument(S("F"), S("/docs/f.pdf"), {pageOf(0, S("fresh"))}));
        QCOMPARE(rebuilt.search({S("F")}, S("fresh"), 5).size(), 1);
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
