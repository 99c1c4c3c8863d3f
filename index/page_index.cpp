#include "index/page_index.h"

#include "index/search_query.h"
#include "index/text_fold.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStandardPaths>

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>

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

private:
    sqlite3_stmt *m_stmt = nullptr;
    bool m_prepared = false;
    int m_rc = SQLITE_OK;
};

const char *kSchema = R"(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS documents(sha TEXT PRIMARY KEY, path TEXT, pages INTEGER, indexed TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pages(id INTEGER PRIMARY KEY, sha TEXT NOT NULL, page INTEGER NOT NULL,
                                 source TEXT NOT NULL, words INTEGER NOT NULL, UNIQUE(sha, page));
CREATE VIRTUAL TABLE IF NOT EXISTS page_text USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS page_cjk USING fts5(text, tokenize = 'trigram');
CREATE TABLE IF NOT EXISTS words(page_id INTEGER NOT NULL, ord INTEGER NOT NULL, text TEXT NOT NULL,
                                 x0 REAL, y0 REAL, x1 REAL, y1 REAL, PRIMARY KEY(page_id, ord)) WITHOUT ROWID;
)";

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
    Statement page(m_db, "INSERT INTO pages(sha, page, source, words) VALUES(?1, ?2, ?3, ?4)");
    Statement text(m_db, "INSERT INTO page_text(rowid, text) VALUES(?1, ?2)");
    Statement cjk(m_db, "INSERT INTO page_cjk(rowid, text) VALUES(?1, ?2)");
    Statement word(m_db, "INSERT INTO words VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!page.ok() || !text.ok() || !cjk.ok() || !word.ok())
        return fail(QStringLiteral("preparing"));
    for (const IndexedPage &p : pages) {
        page.reset();
        page.bind(1, sha);
        page.bind(2, qint64(p.page));
        page.bind(3, p.source);
        page.bind(4, qint64(p.words.size()));
        if (page.step() != SQLITE_DONE)
            return fail(QStringLiteral("page %1").arg(p.page + 1));
        const qint64 id = sqlite3_last_insert_rowid(m_db);
        const QString all = pageText(p);
        text.reset();
        text.bind(1, id);
        text.bind(2, all);
        if (text.step() != SQLITE_DONE)
            return fail(QStringLiteral("page %1 text").arg(p.page + 1));
        if (hasCjk(all)) {
            cjk.reset();
            cjk.bind(1, id);
            cjk.bind(2, all);
            if (cjk.step() != SQLITE_DONE)
                return fail(QStringLiteral("page %1 text").arg(p.page + 1));
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
    Statement doc(m_db, "INSERT INTO documents VALUES(?1, ?2, ?3, datetime('now'))");
    doc.bind(1, sha);
    doc.bind(2, path);
    doc.bind(3, qint64(pages.size()));
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
    QVector<SearchHit> hits;
    const SearchQuery query = parseQuery(queryText, languages);
    if (!m_db || query.isEmpty() || shas.isEmpty() || limit <= 0)
        return hits;
    const QString shaList = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(shas)).toJson(QJsonDocument::Compact));
    // The same query over both tables; their bm25 values are merged (both are "lower is better").
    auto run = [&](const char *sql, const QString &match) {
        if (match.isEmpty())
            return true;
        Statement s(m_db, sql);
        s.bind(1, match);
        s.bind(2, shaList);
        s.bind(3, qint64(limit));
        while (s.ok() && s.step() == SQLITE_ROW) {
            SearchHit h;
            h.sha = s.text(0);
            h.page = int(s.integer(1));
            h.bm25 = s.real(2);
            h.snippet = s.text(3);
            hits.push_back(h);
        }
        if (!s.ok() || s.rc() != SQLITE_DONE) {
            if (error)
                *error = QStringLiteral("Searching the page index %1 failed: %2.").arg(m_path, errorText());
            return false;
        }
        return true;
    };
    const bool ok = run("SELECT p.sha, p.page, bm25(page_text), snippet(page_text, 0, '[', ']', '…', 12) FROM page_text "
                        "JOIN pages p ON p.id = page_text.rowid WHERE page_text MATCH ?1 AND p.sha IN "
                        "(SELECT value FROM json_each(?2)) ORDER BY bm25(page_text) LIMIT ?3", query.ftsMatch)
        && run("SELECT p.sha, p.page, bm25(page_cjk), snippet(page_cjk, 0, '[', ']', '…', 12) FROM page_cjk "
               "JOIN pages p ON p.id = page_cjk.rowid WHERE page_cjk MATCH ?1 AND p.sha IN "
               "(SELECT value FROM json_each(?2)) ORDER BY bm25(page_cjk) LIMIT ?3", query.cjkMatch);
    if (!ok)
        return {};
    // A page found by both tables counts once, with its better score.
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit &a, const SearchHit &b) { return a.bm25 < b.bm25; });
    QSet<QString> seen;
    QVector<SearchHit> unique;
    for (const SearchHit &h : hits) {
        const QString key = h.sha + QLatin1Char(':') + QString::number(h.page);
        if (unique.size() < limit && !seen.contains(key)) {
            seen.insert(key);
            unique.push_back(h);
        }
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
