#include "index/page_index.h"

#include "index/search_query.h"
#include "index/text_fold.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QVarLengthArray>

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <vector>

#include <sys/resource.h>

namespace leopard::index {

namespace {

// No room to write. SQLite says SQLITE_FULL for ENOSPC; a disk quota (EDQUOT) or a file size limit
// (`ulimit -f`: EFBIG) comes back as SQLITE_IOERR, "disk I/O error", and when that happens at COMMIT
// sqlite3_system_errno() is 0 (the errno is gone by then). A file of the index that has grown to
// the size limit tells that case apart (the failed write began within a page of it).
bool diskFull(sqlite3 *db, const QString &path)
{
    if (!db)
        return false;
    const int code = sqlite3_extended_errcode(db) & 0xff;
    if (code == SQLITE_FULL)
        return true;
    if (code != SQLITE_IOERR)
        return false;
    const int e = sqlite3_system_errno(db);
    if (e == ENOSPC || e == EDQUOT || e == EFBIG)
        return true;
    rlimit limit{};
    if (getrlimit(RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return false;
    const qint64 margin = 64 * 1024; // SQLite's largest page and its WAL frame header
    for (const QString &file : {path, path + QStringLiteral("-wal")})
        if (QFileInfo(file).size() + margin >= qint64(limit.rlim_cur))
            return true;
    return false;
}

// One prepared statement, finalized when it goes out of scope.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql) { m_prepared = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) == SQLITE_OK; }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    bool ok() const { return m_prepared && m_stmt; } // prepared
    int rc() const { return m_rc; }       // of the last step
    void bind(int i, const QString &s)
    {
        const QByteArray u = s.toUtf8();
        sqlite3_bind_text(m_stmt, i, u.constData(), int(u.size()), SQLITE_TRANSIENT);
    }
    void bind(int i, const QByteArray &utf8) { sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT); }
    void bind(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, double v) { sqlite3_bind_double(m_stmt, i, v); }
    int step() { return m_rc = sqlite3_step(m_stmt); }
    void reset() { sqlite3_reset(m_stmt); sqlite3_clear_bindings(m_stmt); }
    QString text(int col) const
    {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col)), sqlite3_column_bytes(m_stmt, col));
    }
    qint64 integer(int col) const { return sqlite3_column_int64(m_stmt, col); }
    double real(int col) const { return sqlite3_column_double(m_stmt, col); }
    QByteArray bytes(int col) const // a view of the column (text or blob), valid until the next step
    {
        return QByteArray::fromRawData(static_cast<const char *>(sqlite3_column_blob(m_stmt, col)), sqlite3_column_bytes(m_stmt, col));
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
    bool m_prepared = false;
    int m_rc = SQLITE_OK;
};

// Version 2 adds the token counts search() needs for BM25 over the searched documents only:
// pages.tokens / cjk_tokens (the row's length in page_text / page_cjk as FTS5 counts it; cjk_tokens NULL
// when the page has no page_cjk row) and their sums per document, so that N and the average length of
// any set of documents are a sum over its documents rows, not over its pages.
const char *kSchema = R"(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS documents(sha TEXT PRIMARY KEY, path TEXT, pages INTEGER, indexed TEXT, tokens INTEGER NOT NULL,
                                     cjk_pages INTEGER NOT NULL, cjk_tokens INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pages(id INTEGER PRIMARY KEY, sha TEXT NOT NULL, page INTEGER NOT NULL, source TEXT NOT NULL,
                                 words INTEGER NOT NULL, tokens INTEGER NOT NULL DEFAULT 0, cjk_tokens INTEGER, UNIQUE(sha, page));
CREATE VIRTUAL TABLE IF NOT EXISTS page_text USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS page_cjk USING fts5(text, tokenize = 'trigram');
CREATE TABLE IF NOT EXISTS words(page_id INTEGER NOT NULL, ord INTEGER NOT NULL, text TEXT NOT NULL,
                                 x0 REAL, y0 REAL, x1 REAL, y1 REAL, PRIMARY KEY(page_id, ord)) WITHOUT ROWID;
)";

// leopard_bm25_data(table): what FTS5's bm25() reads of the current row besides its length: for each
// phrase of the MATCH expression its number of instances in the row (xInstCount/xInst, as bm25() counts
// them), as native int32s. The row's length is pages.tokens (FTS5's xColumnSize would read the same
// count from its docsize table, one more lookup a row); the statistics bm25() would take over the
// whole table, search() takes over the searched documents.
void bm25Data(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int, sqlite3_value **)
{
    const int phrases = api->xPhraseCount(fts);
    QVarLengthArray<qint32, 32> out(phrases);
    std::fill(out.begin(), out.end(), 0);
    int instances = 0;
    int rc = phrases > 0 ? api->xInstCount(fts, &instances) : SQLITE_OK;
    for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK && phrase >= 0 && phrase < phrases)
            ++out[phrase];
    }
    if (rc != SQLITE_OK)
        sqlite3_result_error_code(ctx, rc);
    else
        sqlite3_result_blob(ctx, out.constData(), int(out.size() * sizeof(qint32)), SQLITE_TRANSIENT);
}

// FTS5's bm25() (sqlite ext/fts5/fts5_aux.c, fts5Bm25Function): k1 = 1.2, b = 0.75, for each phrase
// idf = ln((N - n + 0.5) / (n + 0.5)), 1e-6 when that is not positive (a term on more than half of the
// pages), score = -sum idf * f (k1 + 1) / (f + k1 (1 - b + b D / avgdl)): negative, lower is better.
// f: the phrase's instances on the page, D: the page's tokens; N, n (pages with the phrase) and avgdl
// are those of the pages searched, not of the whole table.
double bm25(const qint32 *freq, double length, const QVector<double> &idf, double avgdl)
{
    const double k1 = 1.2, b = 0.75;
    const double norm = k1 * (1 - b + b * length / avgdl);
    double score = 0;
    for (int i = 0; i < idf.size(); ++i) {
        const double f = freq[i];
        score += idf[i] * (f * (k1 + 1.0)) / (f + norm);
    }
    return -1.0 * score;
}

// The connection's FTS5 API (the way FTS5's documentation gets it); null without FTS5.
fts5_api *fts5Api(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", nullptr);
        sqlite3_step(s);
    }
    sqlite3_finalize(s);
    return api;
}

// A page's length as FTS5 counts it for the table (its docsize): the tokens the table's tokenizer
// (same name, same arguments) emits, colocated ones not counted again, as fts5_storage.c does. Taken
// from the tokenizer because xColumnSize gives 0 outside a MATCH query (SQLite 3.40).
struct TokenCounter {
    fts5_tokenizer module{};
    Fts5Tokenizer *tokenizer = nullptr;
    TokenCounter(fts5_api *api, const char *name, std::vector<const char *> args)
    {
        void *context = nullptr;
        if (api && api->xFindTokenizer(api, name, &context, &module) == SQLITE_OK
            && module.xCreate(context, args.data(), int(args.size()), &tokenizer) != SQLITE_OK)
            tokenizer = nullptr;
    }
    ~TokenCounter() { if (tokenizer) module.xDelete(tokenizer); }
    TokenCounter(const TokenCounter &) = delete;
    TokenCounter &operator=(const TokenCounter &) = delete;
    qint64 count(const QByteArray &utf8) const // -1 on failure
    {
        qint64 n = 0;
        auto token = [](void *n, int flags, const char *, int, int, int) {
            *static_cast<qint64 *>(n) += (flags & FTS5_TOKEN_COLOCATED) ? 0 : 1;
            return SQLITE_OK;
        };
        return module.xTokenize(tokenizer, &n, FTS5_TOKENIZE_DOCUMENT, utf8.constData(), int(utf8.size()), token) == SQLITE_OK ? n : -1;
    }
};

QString pageText(const IndexedPage &p)
{
    QStringList words;
    for (const IndexedWord &w : p.words)
        words << w.text;
    return words.join(QLatin1Char(' '));
}

} // namespace

QString PageIndex::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/LeopardDesk/Leopard Desk/page-index.sqlite");
}

PageIndex::PageIndex(const QString &path)
    : m_path(path)
{
    QString why;
    if (openFile(&why))
        return;
    const int code = m_db ? sqlite3_extended_errcode(m_db) & 0xff : SQLITE_CANTOPEN;
    if (diskFull(m_db, m_path)) {
        // The file is sound; the disk has no room (the first write, at opening, failed). Moving it
        // aside would lose every document indexed so far for a new file that cannot be written
        // either: keep it, search what it holds, and let addDocument say the disk is full.
        exec("ROLLBACK", nullptr); // the opening write's transaction, if SQLite left it open
        Statement s(m_db, "SELECT count(*) FROM documents");
        if (s.ok() && s.step() == SQLITE_ROW) {
            m_openMessage = QStringLiteral("The disk holding the page index %1 is full: the documents indexed before are "
                                           "searched, new ones cannot be added until there is room.").arg(m_path);
            return;
        }
        close();
        m_inMemory = true;
        if (sqlite3_open_v2(":memory:", &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK)
            createSchema(&why);
        m_openMessage = QStringLiteral("The disk holding the page index %1 is full; pages are indexed in memory for this "
                                       "run only.").arg(m_path);
        return;
    }
    close();
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
        // Another process holds it (writing for longer than the busy timeout): leave its file alone.
        m_inMemory = true;
        if (sqlite3_open_v2(":memory:", &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK)
            createSchema(&why);
        m_openMessage = QStringLiteral("The page index %1 is busy in another program; pages are indexed in memory for "
                                       "this run only.").arg(m_path);
        return;
    }
    // Not usable: set it aside (with its -wal/-shm) and start a new one.
    const QString aside = m_path + QStringLiteral(".damaged-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    bool moved = QFile::rename(m_path, aside);
    if (moved) {
        QFile::rename(m_path + QStringLiteral("-wal"), aside + QStringLiteral("-wal"));
        QFile::rename(m_path + QStringLiteral("-shm"), aside + QStringLiteral("-shm"));
    }
    QString again;
    if (moved && openFile(&again)) {
        m_openMessage = QStringLiteral("The page index %1 could not be used (%2); it was moved aside to %3 and is built again.")
                            .arg(m_path, why, QFileInfo(aside).fileName());
        return;
    }
    close();
    // Last resort: this run's pages are indexed in memory; nothing is written.
    m_inMemory = true;
    if (sqlite3_open_v2(":memory:", &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK)
        createSchema(&again);
    m_openMessage = QStringLiteral("The page index %1 could not be used (%2)%3; pages are indexed in memory for this run only.")
                        .arg(m_path, why, moved ? QStringLiteral(", nor a new one made there (%1)").arg(again)
                                                : QStringLiteral(" and could not be moved aside"));
}

PageIndex::~PageIndex() { close(); }

void PageIndex::close()
{
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
    m_bm25Data = false;
}

// leopard_bm25_data is registered on the connection (FTS5's API pointer, as its documentation
// shows) when first needed rather than at opening, where the file may not be readable yet.
bool PageIndex::bm25DataReady(QString *why) const
{
    if (m_bm25Data || !m_db)
        return m_bm25Data;
    fts5_api *api = fts5Api(m_db);
    m_bm25Data = api && api->xCreateFunction(api, "leopard_bm25_data", nullptr, bm25Data, nullptr) == SQLITE_OK;
    if (!m_bm25Data && why)
        *why = api ? errorText() : QStringLiteral("this SQLite has no FTS5");
    return m_bm25Data;
}

QString PageIndex::errorText() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no database");
}

bool PageIndex::exec(const char *sql, QString *why) const
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (why)
        *why = message ? QString::fromUtf8(message) : errorText();
    sqlite3_free(message);
    return false;
}

bool PageIndex::openFile(QString *why)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (sqlite3_open_v2(QFile::encodeName(m_path).constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        *why = errorText();
        return false;
    }
    sqlite3_busy_timeout(m_db, 3000); // another Leopard Desk (or leopard-cli) writing: wait, then give up
    sqlite3_extended_result_codes(m_db, 1);
    // The first statements read the header: a file that is not a database fails here.
    // journal_size_limit: the WAL is cut back to 4 MiB after each checkpoint instead of staying as big
    // as the largest document ever added (11 MB for 2 000 pages) while the app is open.
    if (!exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit=4194304;", why))
        return false;
    int version = 0;
    bool hasMeta = false;
    {
        Statement s(m_db, "SELECT value FROM meta WHERE key = 'schema_version'");
        if (s.ok()) {
            hasMeta = true;
            if (s.step() == SQLITE_ROW)
                version = s.text(0).toInt();
            else if (s.rc() != SQLITE_DONE) {
                *why = errorText();
                return false;
            }
        }
    }
    if (hasMeta && version != kSchemaVersion) {
        *why = QStringLiteral("its schema version is %1, this version uses %2").arg(version).arg(kSchemaVersion);
        return false;
    }
    if (!createSchema(why))
        return false;
    // A write proves the file is writable now, not at the first document.
    return exec("BEGIN IMMEDIATE; INSERT OR REPLACE INTO meta VALUES('opened', datetime('now')); COMMIT;", why);
}

bool PageIndex::createSchema(QString *why)
{
    if (!exec(kSchema, why))
        return false;
    const QByteArray version = "INSERT OR IGNORE INTO meta VALUES('schema_version', '" + QByteArray::number(kSchemaVersion) + "');";
    return exec(version.constData(), why);
}

bool PageIndex::hasDocument(const QString &sha) const { return pageCount(sha) >= 0; }

int PageIndex::pageCount(const QString &sha) const
{
    if (!m_db)
        return -1;
    Statement s(m_db, "SELECT pages FROM documents WHERE sha = ?1");
    s.bind(1, sha);
    return s.ok() && s.step() == SQLITE_ROW ? int(s.integer(0)) : -1;
}

bool PageIndex::removeDocument(const QString &sha, QString *error)
{
    if (!m_db)
        return false;
    Statement del(m_db, "DELETE FROM words WHERE page_id IN (SELECT id FROM pages WHERE sha = ?1)");
    Statement text(m_db, "DELETE FROM page_text WHERE rowid IN (SELECT id FROM pages WHERE sha = ?1)");
    Statement cjk(m_db, "DELETE FROM page_cjk WHERE rowid IN (SELECT id FROM pages WHERE sha = ?1)");
    Statement pages(m_db, "DELETE FROM pages WHERE sha = ?1");
    Statement doc(m_db, "DELETE FROM documents WHERE sha = ?1");
    for (Statement *s : {&del, &text, &cjk, &pages, &doc}) {
        s->bind(1, sha);
        if (!s->ok() || s->step() != SQLITE_DONE) {
            if (error)
                *error = errorText();
            return false;
        }
    }
    return true;
}

bool PageIndex::addDocument(const QString &sha, const QString &path, const QVector<IndexedPage> &pages, QString *error)
{
    auto fail = [&](const QString &what) {
        const QString reason = errorText();
        const bool full = diskFull(m_db, m_path); // read before ROLLBACK resets the error
        exec("ROLLBACK", nullptr);
        if (error)
            *error = full
                ? QStringLiteral("Indexing %1 stopped: the disk holding the page index %2 is full.").arg(path, m_path)
                : QStringLiteral("Indexing %1 failed (%2): %3.").arg(path, what, reason);
        return false;
    };
    if (!m_db)
        return fail(QStringLiteral("no index"));
    QString why;
    if (!exec("BEGIN IMMEDIATE", &why))
        return fail(QStringLiteral("starting"));
    if (!removeDocument(sha))
        return fail(QStringLiteral("replacing the old entry"));
    Statement page(m_db, "INSERT INTO pages(sha, page, source, words, tokens, cjk_tokens) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    Statement text(m_db, "INSERT INTO page_text(rowid, text) VALUES(?1, ?2)");
    Statement cjk(m_db, "INSERT INTO page_cjk(rowid, text) VALUES(?1, ?2)");
    Statement word(m_db, "INSERT INTO words VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    fts5_api *api = fts5Api(m_db);
    const TokenCounter textTokens(api, "unicode61", {"remove_diacritics", "2"}), cjkTrigrams(api, "trigram", {});
    if (!page.ok() || !text.ok() || !cjk.ok() || !word.ok() || !textTokens.tokenizer || !cjkTrigrams.tokenizer)
        return fail(QStringLiteral("preparing"));
    qint64 tokens = 0, cjkPages = 0, cjkTokens = 0;
    for (const IndexedPage &p : pages) {
        const QString all = pageText(p);
        const QByteArray utf8 = all.toUtf8();
        const bool inCjk = hasCjk(all);
        const qint64 length = textTokens.count(utf8), trigrams = inCjk ? cjkTrigrams.count(utf8) : 0;
        if (length < 0 || trigrams < 0)
            return fail(QStringLiteral("page %1 text").arg(p.page + 1));
        page.reset();
        page.bind(1, sha);
        page.bind(2, qint64(p.page));
        page.bind(3, p.source);
        page.bind(4, qint64(p.words.size()));
        page.bind(5, length);
        if (inCjk)
            page.bind(6, trigrams);
        if (page.step() != SQLITE_DONE)
            return fail(QStringLiteral("page %1").arg(p.page + 1));
        const qint64 id = sqlite3_last_insert_rowid(m_db);
        tokens += length;
        text.reset();
        text.bind(1, id);
        text.bind(2, utf8);
        if (text.step() != SQLITE_DONE)
            return fail(QStringLiteral("page %1 text").arg(p.page + 1));
        if (inCjk) {
            cjk.reset();
            cjk.bind(1, id);
            cjk.bind(2, utf8);
            if (cjk.step() != SQLITE_DONE)
                return fail(QStringLiteral("page %1 text").arg(p.page + 1));
            ++cjkPages;
            cjkTokens += trigrams;
        }
        for (int i = 0; i < p.words.size(); ++i) {
            const IndexedWord &w = p.words[i];
            word.reset();
            word.bind(1, id);
            word.bind(2, qint64(i));
            word.bind(3, w.text);
            word.bind(4, w.box.left());
            word.bind(5, w.box.top());
            word.bind(6, w.box.right());
            word.bind(7, w.box.bottom());
            if (word.step() != SQLITE_DONE)
                return fail(QStringLiteral("page %1 words").arg(p.page + 1));
        }
    }
    Statement doc(m_db, "INSERT INTO documents(sha, path, pages, indexed, tokens, cjk_pages, cjk_tokens) "
                        "VALUES(?1, ?2, ?3, datetime('now'), ?4, ?5, ?6)");
    doc.bind(1, sha);
    doc.bind(2, path);
    doc.bind(3, qint64(pages.size()));
    doc.bind(4, tokens);
    doc.bind(5, cjkPages);
    doc.bind(6, cjkTokens);
    if (!doc.ok() || doc.step() != SQLITE_DONE)
        return fail(QStringLiteral("the document"));
    if (!exec("COMMIT", &why))
        return fail(QStringLiteral("committing"));
    return true;
}

IndexedPage PageIndex::page(const QString &sha, int pageNumber) const
{
    IndexedPage p;
    p.page = pageNumber;
    if (!m_db)
        return p;
    Statement s(m_db, "SELECT p.source, w.text, w.x0, w.y0, w.x1, w.y1 FROM pages p LEFT JOIN words w ON w.page_id = p.id "
                      "WHERE p.sha = ?1 AND p.page = ?2 ORDER BY w.ord");
    s.bind(1, sha);
    s.bind(2, qint64(pageNumber));
    while (s.ok() && s.step() == SQLITE_ROW) {
        p.source = s.text(0);
        if (!s.text(1).isEmpty())
            p.words.push_back({s.text(1), QRectF(QPointF(s.real(2), s.real(3)), QPointF(s.real(4), s.real(5)))});
    }
    return p;
}

QVector<SearchHit> PageIndex::search(const QStringList &shas, const QString &queryText, int limit,
                                     const QStringList &languages, QString *error) const
{
    const SearchQuery query = parseQuery(queryText, languages);
    if (!m_db || query.isEmpty() || shas.isEmpty() || limit <= 0)
        return {};
    auto failed = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("Searching the page index %1 failed: %2.").arg(m_path, why);
        return QVector<SearchHit>{};
    };
    QString why;
    if (!bm25DataReady(&why))
        return failed(why);
    const QString shaList = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(shas)).toJson(QJsonDocument::Compact));
    // N and the total length of each table's rows that belong to the searched documents. The index
    // holds every document ever opened: bm25() would take these over all of them, so the pages
    // picked for a question would change with whatever else had been indexed.
    double rows[2] = {0, 0}, tokens[2] = {0, 0};
    {
        Statement s(m_db, "SELECT total(pages), total(tokens), total(cjk_pages), total(cjk_tokens) FROM documents "
                          "WHERE sha IN (SELECT value FROM json_each(?1))");
        s.bind(1, shaList);
        if (!s.ok() || s.step() != SQLITE_ROW)
            return failed(errorText());
        rows[0] = s.real(0), tokens[0] = s.real(1), rows[1] = s.real(2), tokens[1] = s.real(3);
    }
    QHash<QByteArray, int> docOrder; // ties go in the order of `shas`, then of the pages
    for (int i = int(shas.size()) - 1; i >= 0; --i)
        docOrder[shas[i].toUtf8()] = i;
    struct Scored {
        qint64 id;
        int doc, page, table; // table: 0 page_text, 1 page_cjk
        double length, bm25;
    };
    QVector<Scored> scored;
    QHash<qint64, int> atId; // a page found by both tables counts once, with its better score
    // Every matching page of the searched documents with its length and phrase counts; then n, the
    // pages holding each phrase, over those; then the scores.
    auto run = [&](int table, const char *sql, const QString &match) {
        if (match.isEmpty())
            return true;
        Statement s(m_db, sql);
        s.bind(1, match);
        s.bind(2, shaList);
        QVector<Scored> found;
        std::vector<qint32> freq; // per page, each phrase's count
        qsizetype width = -1;
        QByteArray lastSha; // rows come in rowid order: mostly of the same document as the one before
        int lastDoc = 0;
        while (s.ok() && s.step() == SQLITE_ROW) {
            if (const QByteArray sha = s.bytes(1); sha != lastSha)
                lastSha = QByteArray(sha.constData(), sha.size()), lastDoc = docOrder.value(lastSha);
            const QByteArray row = s.bytes(4);
            if (width < 0)
                width = row.size() / qsizetype(sizeof(qint32));
            if (row.size() != width * qsizetype(sizeof(qint32)))
                return false;
            found.push_back({s.integer(0), lastDoc, int(s.integer(2)), table, s.real(3), 0});
            freq.insert(freq.end(), reinterpret_cast<const qint32 *>(row.constData()), reinterpret_cast<const qint32 *>(row.constData()) + width);
        }
        if (!s.ok() || s.rc() != SQLITE_DONE)
            return false;
        QVector<double> idf(found.isEmpty() ? 0 : width, 0);
        for (qsizetype i = 0; i < idf.size(); ++i) {
            double n = 0;
            for (qsizetype r = 0; r < found.size(); ++r)
                n += freq[r * width + i] > 0 ? 1 : 0;
            idf[i] = std::log((rows[table] - n + 0.5) / (n + 0.5));
            if (idf[i] <= 0.0)
                idf[i] = 1e-6;
        }
        const double avgdl = rows[table] > 0 && tokens[table] > 0 ? tokens[table] / rows[table] : 1.0;
        for (qsizetype r = 0; r < found.size(); ++r) {
            Scored h = found[r];
            h.bm25 = bm25(freq.data() + r * width, h.length, idf, avgdl);
            if (const auto seen = atId.constFind(h.id); seen == atId.constEnd())
                atId.insert(h.id, int(scored.size())), scored.push_back(h);
            else if (h.bm25 < scored[*seen].bm25)
                scored[*seen] = h;
        }
        return true;
    };
    if (!run(0, "SELECT p.id, p.sha, p.page, p.tokens, leopard_bm25_data(page_text) FROM page_text JOIN pages p ON "
                "p.id = page_text.rowid WHERE page_text MATCH ?1 AND p.sha IN (SELECT value FROM json_each(?2))", query.ftsMatch)
        || !run(1, "SELECT p.id, p.sha, p.page, p.cjk_tokens, leopard_bm25_data(page_cjk) FROM page_cjk JOIN pages p ON "
                   "p.id = page_cjk.rowid WHERE page_cjk MATCH ?1 AND p.sha IN (SELECT value FROM json_each(?2))", query.cjkMatch))
        return failed(errorText());
    const qsizetype kept = std::min<qsizetype>(limit, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + kept, scored.end(), [](const Scored &a, const Scored &b) {
        return a.bm25 != b.bm25 ? a.bm25 < b.bm25 : a.doc != b.doc ? a.doc < b.doc : a.page < b.page;
    });
    // Snippets of the pages kept only (snippet() needs the MATCH; it does not depend on other rows).
    Statement snippets[2] = {
        {m_db, "SELECT snippet(page_text, 0, '[', ']', '…', 12) FROM page_text WHERE page_text MATCH ?1 AND rowid = ?2"},
        {m_db, "SELECT snippet(page_cjk, 0, '[', ']', '…', 12) FROM page_cjk WHERE page_cjk MATCH ?1 AND rowid = ?2"}};
    QVector<SearchHit> unique;
    for (qsizetype i = 0; i < kept; ++i) {
        const Scored &h = scored[i];
        Statement &s = snippets[h.table];
        s.reset();
        s.bind(1, h.table == 0 ? query.ftsMatch : query.cjkMatch);
        s.bind(2, h.id);
        if (!s.ok() || s.step() != SQLITE_ROW)
            return failed(errorText());
        unique.push_back({shas[h.doc], h.page, h.bm25, s.text(0), {}, {}});
    }
    // Which words matched, and where they are.
    for (SearchHit &h : unique) {
        const IndexedPage p = page(h.sha, h.page);
        for (const IndexedWord &w : p.words) {
            const QStringList tokens = foldedTokens(w.text);
            const QString folded = foldText(w.text);
            bool hit = false;
            for (const QString &t : query.terms)
                if (tokens.contains(t)) {
                    hit = true;
                    if (!h.matched.contains(t))
                        h.matched << t;
                }
            for (const QString &r : query.cjkRuns)
                if (folded.contains(r)) {
                    hit = true;
                    if (!h.matched.contains(r))
                        h.matched << r;
                }
            if (hit)
                h.boxes.push_back(w.box);
        }
    }
    return unique;
}

} // namespace leopard::index
