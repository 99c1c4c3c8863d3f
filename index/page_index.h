#pragma once
// The page-text index: one SQLite database (WAL) in the cache location, documents keyed by the
// SHA-256 of their bytes (the same hash the saved conversations use), so a document is indexed once
// and found again wherever it has moved. Tables:
//   meta(key, value)                      schema_version
//   documents(sha, path, pages, indexed, tokens, cjk_pages, cjk_tokens)
//               one row per indexed document (path: where it was last seen); tokens, cjk_*: sums of its pages'
//   pages(id, sha, page, source, words, tokens, cjk_tokens)
//               page 0-based; source "text" (text layer), "ocr", "none"; tokens: the page's length in
//               page_text tokens, cjk_tokens in page_cjk trigrams (NULL: not in page_cjk), as FTS5 counts them
//   page_text   FTS5, unicode61 with diacritics removed; rowid = pages.id
//   page_cjk    FTS5, trigram (CJK text, which unicode61 does not split into words); rowid = pages.id
//   words(page_id, ord, text, x0, y0, x1, y1)  every word's box, normalised, origin top left
// search() ranks by FTS5's BM25 formula with its statistics (number of pages, average length, pages
// holding each term) taken over the pages of the documents searched, not over the whole index, which
// holds every document ever opened: the pages picked for a question do not depend on the others.
// A database that cannot be used (not a database, damaged, a read-only file, an older schema) is
// moved aside (<file>.damaged-<UTC time>, with its -wal and -shm) and rebuilt, and openMessage() says
// so; when even that fails (a read-only folder) the index lives in memory for this run. A file locked
// past the busy timeout by another program is left alone (memory for this run). A full disk (also a
// quota or a file size limit) never moves the file aside: at opening, what it holds is still searched
// (or, when SQLite cannot even read it, memory for this run); while adding a document, that document
// is rolled back and addDocument says the disk is full; nothing else is touched.
// One PageIndex is one connection: use it from one thread at a time.
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVector>

struct sqlite3;

namespace leopard::index {

struct IndexedWord {
    QString text;
    QRectF box; // normalised page coordinates, origin top left
};

struct IndexedPage {
    int page = 0;                  // 0-based
    QString source;                // "text", "ocr" or "none" (nothing readable yet)
    QVector<IndexedWord> words;    // reading order
};

struct SearchHit {
    QString sha;
    int page = 0;                  // 0-based
    double bm25 = 0;               // FTS5's bm25() formula over the searched documents: lower is better (negative)
    QString snippet;               // matched words in [brackets]
    QStringList matched;           // the query terms found on the page
    QVector<QRectF> boxes;         // boxes of the matching words
};

class PageIndex
{
public:
    static constexpr int kSchemaVersion = 2; // 2: token counts for BM25 over the searched documents
    // GenericCacheLocation + "/LeopardDesk/Leopard Desk/page-index.sqlite": the app and leopard-cli share it.
    static QString defaultPath();

    explicit PageIndex(const QString &path = defaultPath());
    ~PageIndex();
    PageIndex(const PageIndex &) = delete;
    PageIndex &operator=(const PageIndex &) = delete;

    QString path() const { return m_path; }
    bool inMemory() const { return m_inMemory; }
    QString openMessage() const { return m_openMessage; } // set when the file was moved aside or not usable

    bool hasDocument(const QString &sha) const;
    int pageCount(const QString &sha) const; // pages indexed; -1 when not indexed
    // Replaces what the index holds for `sha` in one transaction. False with *error (naming `path`)
    // on failure (disk full: the document is rolled back).
    bool addDocument(const QString &sha, const QString &path, const QVector<IndexedPage> &pages, QString *error = nullptr);
    bool removeDocument(const QString &sha, QString *error = nullptr);
    IndexedPage page(const QString &sha, int page) const;

    // The best pages of the documents `shas` for `query` (search_query.h), best first (ties in the order
    // of `shas`, then of the pages), at most `limit`. Scores depend on those documents only.
    QVector<SearchHit> search(const QStringList &shas, const QString &query, int limit = 20,
                              const QStringList &languages = {QStringLiteral("en")}, QString *error = nullptr) const;

private:
    bool openFile(QString *why);
    bool createSchema(QString *why);
    void close();
    bool exec(const char *sql, QString *why) const;
    QString errorText() const;
    bool bm25DataReady(QString *why) const;

    QString m_path;
    sqlite3 *m_db = nullptr;
    bool m_inMemory = false;
    QString m_openMessage;
    mutable bool m_bm25Data = false; // leopard_bm25_data registered on m_db
};

} // namespace leopard::index
