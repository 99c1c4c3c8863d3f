// leopard-cli index FILE...          builds (or finds) every page's text in the page index
// leopard-cli search [--json] [--limit N] FILE... -- QUERY    the best pages for QUERY, best first
// Both use the app's index (index/page_index.h: the cache location, or --index FILE). Documents are
// known by their content hash, so a file indexed once is found again after a move; `search` indexes
// what is not indexed yet first. Progress goes to stderr, results to stdout.
#include "app/cli/commands.h"

#include "app/cli/cli_index.h"
#include "index/page_index.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QHash>

#include <cstdio>
#include <memory>

namespace leopard::cli {

namespace {

struct IndexArgs {
    QStringList files;
    QString indexPath = index::PageIndex::defaultPath();
    QString query;
    bool json = false;
    int limit = 10;
};

int usageError(const char *command, const QString &why)
{
    std::fprintf(stderr, "leopard-cli %s: %s\nusage: leopard-cli index [--index FILE] FILE...\n"
                         "       leopard-cli search [--json] [--limit N] [--index FILE] FILE... -- QUERY\n",
                 command, qPrintable(why));
    return Usage;
}

int parse(const char *command, const QStringList &args, bool wantQuery, IndexArgs *out)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--")) {
            if (!wantQuery)
                return usageError(command, QStringLiteral("no query is taken here"));
            out->query = args.mid(i + 1).join(QLatin1Char(' ')).trimmed();
            break;
        }
        if (a == QLatin1String("--json") && wantQuery) {
            out->json = true;
        } else if (a == QLatin1String("--limit") && wantQuery && i + 1 < args.size()) {
            bool ok = false;
            out->limit = args[++i].toInt(&ok);
            if (!ok || out->limit < 1 || out->limit > 1000)
                return usageError(command, QStringLiteral("--limit takes a number from 1 to 1000"));
        } else if (a == QLatin1String("--index") && i + 1 < args.size()) {
            out->indexPath = args[++i];
        } else if (a.startsWith(QLatin1String("--"))) {
            return usageError(command, QStringLiteral("unknown option %1").arg(a));
        } else {
            out->files << QFileInfo(a).absoluteFilePath();
        }
    }
    if (out->files.isEmpty())
        return usageError(command, QStringLiteral("no FILE given"));
    if (wantQuery && out->query.isEmpty())
        return usageError(command, QStringLiteral("no QUERY after --"));
    return Ok;
}

} // namespace

int runIndex(const QStringList &args)
{
    IndexArgs a;
    if (const int rc = parse("index", args, false, &a); rc != Ok)
        return rc;
    const std::unique_ptr<index::PageIndex> idx = openIndex(a.indexPath);
    int rc = Ok;
    for (const QString &f : a.files)
        if (ensureIndexed(*idx, f).isEmpty())
            rc = BadInput;
    if (idx->inMemory()) { // read, but kept nowhere: what `index` is for did not happen
        std::fprintf(stderr, "leopard-cli index: nothing was saved: the page index %s could not be written (see above)\n",
                     qPrintable(idx->path()));
        rc = BadInput;
    }
    return rc;
}

int runSearch(const QStringList &args)
{
    IndexArgs a;
    if (const int rc = parse("search", args, true, &a); rc != Ok)
        return rc;
    const std::unique_ptr<index::PageIndex> idx = openIndex(a.indexPath);
    QStringList shas;
    QHash<QString, QString> fileOf;
    for (const QString &f : a.files) {
        const QString sha = ensureIndexed(*idx, f);
        if (sha.isEmpty())
            return BadInput;
        shas << sha;
        fileOf.insert(sha, f);
    }
    QString error;
    const QVector<index::SearchHit> hits = idx->search(shas, a.query, a.limit, {QStringLiteral("en")}, &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "leopard-cli search: %s\n", qPrintable(error));
        return InternalError;
    }
    if (a.json) {
        QJsonArray list;
        for (const index::SearchHit &h : hits) {
            QJsonArray boxes;
            for (const QRectF &b : h.boxes)
                boxes.append(QJsonArray{b.left(), b.top(), b.right(), b.bottom()});
            list.append(QJsonObject{{QStringLiteral("file"), fileOf.value(h.sha)},
                                    {QStringLiteral("page"), h.page + 1},
                                    {QStringLiteral("score"), -h.bm25},
                                    {QStringLiteral("bm25"), h.bm25},
                                    {QStringLiteral("snippet"), h.snippet},
                                    {QStringLiteral("matched"), QJsonArray::fromStringList(h.matched)},
                                    {QStringLiteral("boxes"), boxes}});
        }
        const QJsonObject out{{QStringLiteral("query"), a.query}, {QStringLiteral("index"), idx->path()}, {QStringLiteral("hits"), list}};
        std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
        return Ok;
    }
    if (hits.isEmpty())
        std::printf("No page matches \"%s\".\n", qPrintable(a.query));
    for (const index::SearchHit &h : hits)
        std::printf("%s p. %d  (score %.3f)  %s\n", qPrintable(QFileInfo(fileOf.value(h.sha)).fileName()), h.page + 1, -h.bm25,
                    qPrintable(h.snippet.simplified()));
    return Ok;
}

} // namespace leopard::cli
